/**
 * PowerShell script templates. Each is constant text: a `param()` block taking one base64
 * parameter, the shared helpers, and one operation. Every value (provider, site code, the
 * escaped WQL filter, ids, names) travels inside that base64 JSON payload and is decoded into
 * variables by the script, so no user input is ever part of the script text.
 */

const PRELUDE = String.raw`param(
    [Parameter(Mandatory = $true)]
    [string]$EncodedPayload
)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

function ConvertTo-SccmPlain {
    param($Value)
    if ($null -eq $Value) { return $null }
    if ($Value -is [Microsoft.Management.Infrastructure.CimInstance]) {
        $bag = [ordered]@{ '__CLASS' = $Value.CimSystemProperties.ClassName }
        foreach ($property in $Value.CimInstanceProperties) {
            $bag[$property.Name] = ConvertTo-SccmPlain -Value $property.Value
        }
        return $bag
    }
    if ($Value -is [datetime]) { return $Value.ToUniversalTime().ToString('o') }
    if ($Value -is [System.Collections.IEnumerable] -and $Value -isnot [string]) {
        $list = [System.Collections.Generic.List[object]]::new()
        foreach ($item in $Value) { $list.Add((ConvertTo-SccmPlain -Value $item)) }
        return ,$list.ToArray()
    }
    return $Value
}

function Select-SccmPage {
    param([object[]]$Rows, [string[]]$SortBy, [int]$Skip, [int]$Top)
    $window = @($Rows | Sort-Object -Property $SortBy | Select-Object -Skip $Skip -First ($Top + 1))
    $items = @($window | Select-Object -First $Top | ForEach-Object { ConvertTo-SccmPlain -Value $_ })
    return [ordered]@{ items = $items; hasMore = ($window.Count -gt $Top) }
}

function Write-SccmResult {
    param($Data)
    $envelope = [ordered]@{ ok = $true; data = $Data }
    [Console]::Out.WriteLine(($envelope | ConvertTo-Json -Depth 6 -Compress))
}

function Write-SccmFailure {
    param($ErrorRecord)
    $exception = $ErrorRecord.Exception
    $failure = [ordered]@{
        message = [string]$exception.Message
        type = $exception.GetType().FullName
        hresult = $exception.HResult
        nativeErrorCode = [string]$exception.NativeErrorCode
        category = [string]$ErrorRecord.CategoryInfo.Category
    }
    $envelope = [ordered]@{ ok = $false; error = $failure }
    [Console]::Out.WriteLine(($envelope | ConvertTo-Json -Depth 3 -Compress))
}

try {
    $payloadJson = [System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String($EncodedPayload))
    $payload = $payloadJson | ConvertFrom-Json
    $provider = [string]$payload.Provider
    $namespace = 'root\sms\site_' + [string]$payload.SiteCode
`;

const EPILOGUE = String.raw`
}
catch {
    Write-SccmFailure -ErrorRecord $_
}
`;

function template(body: string): string {
  return `${PRELUDE}${body.replace(/^\n/, '')}${EPILOGUE}`;
}

/** Names the payload fields each script reads, so the backend and the tests agree on them. */
export interface ScriptPayloads {
  discoverSiteCode: { Provider: string };
  getSiteInfo: { Provider: string; SiteCode: string; Filter: string };
  listCollectionFolders: { Provider: string; SiteCode: string; Filter: string };
  listCollections: { Provider: string; SiteCode: string; Filter: string; Properties: string[]; Skip: number; Top: number };
  getCollection: { Provider: string; SiteCode: string; Filter: string };
  listCollectionMembers: { Provider: string; SiteCode: string; Filter: string; Properties: string[]; Skip: number; Top: number };
  getDevice: { Provider: string; SiteCode: string; Filter: string };
  findDevices: { Provider: string; SiteCode: string; Filter: string; Properties: string[] };
  addDirectMembershipRule: { Provider: string; SiteCode: string; Filter: string; RuleName: string; ResourceId: number };
  removeDirectMembershipRule: { Provider: string; SiteCode: string; Filter: string; RuleName: string; ResourceId: number };
  requestCollectionRefresh: { Provider: string; SiteCode: string; Filter: string };
  importMachineEntry: { Provider: string; SiteCode: string; NetbiosName: string; MACAddress?: string; SMBIOSGUID?: string; OverwriteExistingRecord: boolean };
  initiateClientOperation: { Provider: string; SiteCode: string; Type: number; TargetCollectionID: string; TargetResourceIDs: number[] };
  listDeployments: { Provider: string; SiteCode: string; Filter: string };
}

export type ScriptName = keyof ScriptPayloads;

const RULE_BODY = (method: 'AddMembershipRule' | 'DeleteMembershipRule'): string => String.raw`
    $filter = [string]$payload.Filter
    $collection = Get-CimInstance -Namespace $namespace -ClassName SMS_Collection -Filter $filter -ComputerName $provider | Select-Object -First 1
    if ($null -eq $collection) {
        Write-SccmResult -Data $null
        return
    }
    $ruleProperties = @{
        ResourceClassName = 'SMS_R_System'
        RuleName = [string]$payload.RuleName
        ResourceID = [uint32]$payload.ResourceId
    }
    $rule = New-CimInstance -Namespace $namespace -ClassName SMS_CollectionRuleDirect -Property $ruleProperties -ClientOnly
    $result = Invoke-CimMethod -InputObject $collection -MethodName ` + method + String.raw` -Arguments @{ collectionRule = [ciminstance]$rule }
    Write-SccmResult -Data ([ordered]@{ ReturnValue = $result.ReturnValue })
`;

export const SCRIPTS: { readonly [K in ScriptName]: string } = {
  discoverSiteCode: template(String.raw`
    $locations = @(Get-CimInstance -Namespace root\sms -ClassName SMS_ProviderLocation -Filter 'ProviderForLocalSite = TRUE' -ComputerName $provider)
    Write-SccmResult -Data @($locations | ForEach-Object { ConvertTo-SccmPlain -Value $_ })
`),

  getSiteInfo: template(String.raw`
    $filter = [string]$payload.Filter
    $sites = @(Get-CimInstance -Namespace $namespace -ClassName SMS_Site -Filter $filter -ComputerName $provider)
    Write-SccmResult -Data @($sites | ForEach-Object { ConvertTo-SccmPlain -Value $_ })
`),

  listCollectionFolders: template(String.raw`
    $filter = [string]$payload.Filter
    $folders = @(Get-CimInstance -Namespace $namespace -ClassName SMS_ObjectContainerNode -Filter $filter -ComputerName $provider)
    Write-SccmResult -Data @($folders | ForEach-Object { ConvertTo-SccmPlain -Value $_ })
`),

  listCollections: template(String.raw`
    $filter = [string]$payload.Filter
    $properties = [string[]]@($payload.Properties)
    $collections = @(Get-CimInstance -Namespace $namespace -ClassName SMS_Collection -Filter $filter -Property $properties -ComputerName $provider)
    Write-SccmResult -Data (Select-SccmPage -Rows $collections -SortBy 'Name', 'CollectionID' -Skip ([int]$payload.Skip) -Top ([int]$payload.Top))
`),

  getCollection: template(String.raw`
    $filter = [string]$payload.Filter
    $collection = Get-CimInstance -Namespace $namespace -ClassName SMS_Collection -Filter $filter -ComputerName $provider | Select-Object -First 1
    if ($null -eq $collection) {
        Write-SccmResult -Data $null
        return
    }
    # A keyed read of the instance fills the lazy properties (CollectionRules).
    $collection = $collection | Get-CimInstance
    Write-SccmResult -Data (ConvertTo-SccmPlain -Value $collection)
`),

  listCollectionMembers: template(String.raw`
    $filter = [string]$payload.Filter
    $properties = [string[]]@($payload.Properties)
    $members = @(Get-CimInstance -Namespace $namespace -ClassName SMS_FullCollectionMembership -Filter $filter -Property $properties -ComputerName $provider)
    Write-SccmResult -Data (Select-SccmPage -Rows $members -SortBy 'Name', 'ResourceID' -Skip ([int]$payload.Skip) -Top ([int]$payload.Top))
`),

  getDevice: template(String.raw`
    $filter = [string]$payload.Filter
    $device = Get-CimInstance -Namespace $namespace -ClassName SMS_R_System -Filter $filter -ComputerName $provider | Select-Object -First 1
    Write-SccmResult -Data (ConvertTo-SccmPlain -Value $device)
`),

  findDevices: template(String.raw`
    $filter = [string]$payload.Filter
    $properties = [string[]]@($payload.Properties)
    $devices = @(Get-CimInstance -Namespace $namespace -ClassName SMS_R_System -Filter $filter -Property $properties -ComputerName $provider)
    Write-SccmResult -Data @($devices | ForEach-Object { ConvertTo-SccmPlain -Value $_ })
`),

  addDirectMembershipRule: template(RULE_BODY('AddMembershipRule')),

  removeDirectMembershipRule: template(RULE_BODY('DeleteMembershipRule')),

  requestCollectionRefresh: template(String.raw`
    $filter = [string]$payload.Filter
    $collection = Get-CimInstance -Namespace $namespace -ClassName SMS_Collection -Filter $filter -ComputerName $provider | Select-Object -First 1
    if ($null -eq $collection) {
        Write-SccmResult -Data $null
        return
    }
    $result = Invoke-CimMethod -InputObject $collection -MethodName RequestRefresh
    Write-SccmResult -Data ([ordered]@{ ReturnValue = $result.ReturnValue })
`),

  importMachineEntry: template(String.raw`
    $arguments = @{
        NetbiosName = [string]$payload.NetbiosName
        OverwriteExistingRecord = [bool]$payload.OverwriteExistingRecord
    }
    if ($payload.MACAddress) { $arguments['MACAddress'] = [string]$payload.MACAddress }
    if ($payload.SMBIOSGUID) { $arguments['SMBIOSGUID'] = [string]$payload.SMBIOSGUID }
    $result = Invoke-CimMethod -Namespace $namespace -ClassName SMS_Site -MethodName ImportMachineEntry -Arguments $arguments -ComputerName $provider
    Write-SccmResult -Data ([ordered]@{ ReturnValue = $result.ReturnValue; ResourceID = $result.ResourceID; MachineExists = $result.MachineExists })
`),

  initiateClientOperation: template(String.raw`
    $arguments = @{
        Type = [uint32]$payload.Type
        TargetCollectionID = [string]$payload.TargetCollectionID
        RandomizationWindow = [uint32]1
    }
    $targets = @($payload.TargetResourceIDs)
    if ($targets.Count -gt 0) { $arguments['TargetResourceIDs'] = [uint32[]]$targets }
    $result = Invoke-CimMethod -Namespace $namespace -ClassName SMS_ClientOperation -MethodName InitiateClientOperation -Arguments $arguments -ComputerName $provider
    Write-SccmResult -Data ([ordered]@{ ReturnValue = $result.ReturnValue; OperationID = $result.OperationID })
`),

  listDeployments: template(String.raw`
    $filter = [string]$payload.Filter
    $deployments = @(Get-CimInstance -Namespace $namespace -ClassName SMS_DeploymentSummary -Filter $filter -ComputerName $provider)
    Write-SccmResult -Data @($deployments | ForEach-Object { ConvertTo-SccmPlain -Value $_ })
`),
};

/**
 * The one line sent to the PowerShell host: decode the constant script from base64, make it a
 * script block and call it with the base64 payload. Both literals are base64 (A-Z a-z 0-9 + / =),
 * which cannot end a single-quoted string, so the line cannot be broken out of whatever the
 * payload holds.
 */
export function buildInvocationLine(script: string, payload: unknown): string {
  const scriptBase64 = Buffer.from(script, 'utf8').toString('base64');
  const payloadBase64 = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64');
  return (
    "& ([scriptblock]::Create([System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String('" +
    scriptBase64 +
    "')))) -EncodedPayload '" +
    payloadBase64 +
    "'"
  );
}
