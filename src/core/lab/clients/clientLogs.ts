import type { AdvertisementRecord, AppAssignmentRecord, ApplicationRecord, ClientOperationRecord, DeviceRecord, PackageRecord, SiteRecord } from '../state/model';
import type { CmTraceEntry } from './cmtraceWriter';

/**
 * The lines a ConfigMgr client writes for the events the lab simulates, modelled on real
 * client logs (component and source-file attributes included).
 */
type Line = [message: string, component: string, type: 1 | 2 | 3, file: string];
const entries = (thread: number, lines: readonly Line[]): CmTraceEntry[] => lines.map(([message, component, type, file]) => ({ message, component, type, thread, file }));

export const TASK_TYPE_NAMES: Record<number, string> = { 8: 'RequestMachinePolicyNow', 9: 'RequestUsersPolicyNow', 13: 'AppDeplEvalNow', 17: 'RebootMachine', 150: 'WakeUpClientNow' };

export function notificationLines(op: ClientOperationRecord, thread: number): CmTraceEntry[] {
  return entries(thread, [
    [`Receive task from server with pushid=${op.id % 100000}, taskid=${op.id}, taskguid=${op.uniqueId}, tasktype=${op.type} and taskParam=`, 'BgbAgent', 1, 'bgbtaskmanager.cpp:421'],
    [`Handling task ${TASK_TYPE_NAMES[op.type] ?? `type ${op.type}`} (taskid=${op.id}).`, 'BgbAgent', 1, 'bgbtaskmanager.cpp:507'],
  ]);
}

const policyPath = (policyId: string, version: number, site: SiteRecord): string => `CCM_Policy_Policy5.PolicyID="${policyId}",PolicySource="SMS:${site.siteCode}",PolicyVersion="${version}.00"`;

export function policyAgentLines(device: DeviceRecord, policies: readonly string[], site: SiteRecord, thread: number): CmTraceEntry[] {
  const clientId = device.smsUid ?? 'GUID:00000000-0000-0000-0000-000000000000';
  return entries(thread, [
    ['Requesting Machine policy assignments', 'PolicyAgent_RequestAssignments', 1, 'policyagentrequestassignments.cpp:356'],
    [
      `Raising event:\r\ninstance of CCM_PolicyAgent_AssignmentsRequested\r\n{\r\n\tClientID = "${clientId}";\r\n\tDateTime = "${new Date().toISOString().replace(/[-:T]/g, '').replace(/\.\d+Z$/, '.000000+000')}";\r\n\tPolicyNamespace = "\\\\\\\\.\\\\ROOT\\\\ccm\\\\policy\\\\machine\\\\requestedconfig";\r\n\tProcessID = 4012;\r\n\tThreadID = ${thread};\r\n};`,
      'PolicyAgent_RequestAssignments',
      1,
      'event.cpp:719',
    ],
    [`Received delta policy update with ${policies.length} assignments`, 'PolicyAgent_ReplyAssignments', 1, 'policyagentreplyassignments.cpp:422'],
    ...policies.map((p): Line => [`Policy download started for ${policyPath(p, 1, site)}`, 'PolicyAgent_PolicyDownload', 1, 'policydownloadendpoint.cpp:145']),
    ...policies.map((p): Line => [`Policy state for [${policyPath(p, 1, site)}] is currently [Active]`, 'PolicyAgent_PolicyDownload', 1, 'policydownloadendpoint.cpp:348']),
  ]);
}

export function policyEvaluatorLines(policies: readonly string[], site: SiteRecord, thread: number): CmTraceEntry[] {
  return entries(thread, [
    ['Evaluating policy for Machine (no changes to the namespace are expected to fail).', 'PolicyAgent_PolicyEvaluator', 1, 'policyutil.cpp:7730'],
    ...policies.flatMap((p): Line[] => [
      [`Updating policy ${policyPath(p, 1, site)}`, 'PolicyAgent_PolicyEvaluator', 1, 'policyutil.cpp:7800'],
      [`Applied policy ${policyPath(p, 1, site)}`, 'PolicyAgent_PolicyEvaluator', 1, 'policyutil.cpp:7841'],
    ]),
    [`Policy evaluation for Machine finished: ${policies.length} updated.`, 'PolicyAgent_PolicyEvaluator', 1, 'policyutil.cpp:7910'],
  ]);
}

export type AppOutcome = { kind: 'alreadyInstalled' } | { kind: 'installed'; exitCode: number } | { kind: 'exitCodeFailure'; exitCode: number } | { kind: 'notDetected' } | { kind: 'available' };

const dt = (app: ApplicationRecord): string => `${app.deploymentTypeId}, revision ${app.revision}`;

export function appDiscoveryLines(app: ApplicationRecord, detected: boolean, thread: number): CmTraceEntry[] {
  const technology: Line = app.productCode
    ? [`    ${detected ? '+++ MSI application discovered' : '+++ MSI application not discovered'} [MSI Product Code: ${app.productCode}, MSI Product version: ${detected ? app.version : ''}]`, 'AppDiscovery', 1, 'msiinstaller.cpp:2021']
    : [`    ${detected ? 'File/registry detection rule satisfied' : 'File/registry detection rule not satisfied'} for "${app.name} ${app.version}"`, 'AppDiscovery', 1, 'localapphandler.cpp:310'];
  return entries(thread, [
    [`Entering ExecQueryAsync for query "select * from CCM_AppDeliveryType where (AppDeliveryTypeId = "${app.deploymentTypeId}" AND Revision = ${app.revision})"`, 'AppDiscovery', 1, 'appprovider.cpp:1670'],
    [`    Performing detection of app deployment type ${app.deploymentTypeName}(${dt(app)}) for system.`, 'AppDiscovery', 1, 'appprovider.cpp:2148'],
    technology,
    [detected ? `+++ Discovered application [AppDT Id: ${dt(app)}]` : `+++ Application not discovered. [AppDT Id: ${dt(app)}]`, 'AppDiscovery', 1, 'appprovider.cpp:2204'],
  ]);
}

/** AppEnforce.log for one install attempt, ending in success or a realistic failure. */
export function appEnforceLines(app: ApplicationRecord, outcome: AppOutcome, pid: number, thread: number): CmTraceEntry[] {
  const lines: Line[] = [
    [`+++ Starting Install enforcement for App DT "${app.deploymentTypeName}" ApplicationDeliveryType - ${app.deploymentTypeId}, Revision - ${app.revision}, ContentPath - C:\\WINDOWS\\ccmcache\\${(app.ciId % 36).toString(36)}, Execution Context - System`, 'AppEnforce', 1, 'appexcnlib.cpp:1849'],
    [`    Performing detection of app deployment type ${app.deploymentTypeName}(${dt(app)}) for system.`, 'AppEnforce', 1, 'appprovider.cpp:2148'],
    [`+++ Application not discovered. [AppDT Id: ${dt(app)}]`, 'AppEnforce', 1, 'appprovider.cpp:2204'],
    ['    App enforcement environment: \r\n\tContext: Machine\r\n\tCommand line: ' + app.installCommand + '\r\n\tAllow user interaction: No\r\n\tUI mode: 0\r\n\tUser token: null\r\n\tSession Id: 4294967295\r\n\tContent path: C:\\WINDOWS\\ccmcache\\' + (app.ciId % 36).toString(36) + '\r\n\tWorking directory: ', 'AppEnforce', 1, 'appcontext.cpp:86'],
    [`    Prepared working directory: C:\\WINDOWS\\ccmcache\\${(app.ciId % 36).toString(36)}`, 'AppEnforce', 1, 'appcontext.cpp:189'],
    [`    Executing Command line: ${app.installCommand} with system context`, 'AppEnforce', 1, 'appexcnlib.cpp:215'],
    [`    Working directory C:\\WINDOWS\\ccmcache\\${(app.ciId % 36).toString(36)}`, 'AppEnforce', 1, 'appcontext.cpp:1931'],
    ['    Post install behavior is BasedOnExitCode', 'AppEnforce', 1, 'appcontext.cpp:1961'],
    [`    Waiting for process ${pid} to finish.  Timeout = 120 minutes.`, 'AppEnforce', 1, 'appexcnlib.cpp:2077'],
  ];
  const exitCode = outcome.kind === 'installed' || outcome.kind === 'exitCodeFailure' ? outcome.exitCode : 0;
  lines.push([`    Process ${pid} terminated with exitcode: ${exitCode}`, 'AppEnforce', 1, 'appexcnlib.cpp:2094']);
  lines.push([`    Looking for exit code ${exitCode} in exit codes table...`, 'AppEnforce', 1, 'appexcnlib.cpp:508']);
  if (outcome.kind === 'exitCodeFailure') {
    lines.push([`    Unmatched exit code (${exitCode}) is considered an execution failure.`, 'AppEnforce', 2, 'appexcnlib.cpp:592']);
    lines.push([`++++++ App enforcement completed (12 seconds) for App DT "${app.deploymentTypeName}" [${app.deploymentTypeId}], Revision: ${app.revision}, User SID: ] ++++++`, 'AppEnforce', 1, 'appexcnlib.cpp:1853']);
    lines.push([`++++++ Failed to enforce app. Error 0x80070643. ++++++`, 'AppEnforce', 3, 'appexcnlib.cpp:1855']);
    return entries(thread, lines);
  }
  lines.push([`    Matched exit code ${exitCode} to a Success entry in exit codes table.`, 'AppEnforce', 1, 'appexcnlib.cpp:505']);
  lines.push([`    Performing detection of app deployment type ${app.deploymentTypeName}(${dt(app)}) for system.`, 'AppEnforce', 1, 'appprovider.cpp:2148']);
  if (outcome.kind === 'notDetected') {
    lines.push([`+++ Application not discovered. [AppDT Id: ${dt(app)}]`, 'AppEnforce', 1, 'appprovider.cpp:2204']);
    lines.push([`++++++ App enforcement completed (9 seconds) for App DT "${app.deploymentTypeName}" [${app.deploymentTypeId}], Revision: ${app.revision}, User SID: ] ++++++`, 'AppEnforce', 1, 'appexcnlib.cpp:1853']);
    lines.push([`++++++ Failed to enforce app. Error 0x87D00324. ++++++`, 'AppEnforce', 3, 'appexcnlib.cpp:1855']);
    return entries(thread, lines);
  }
  lines.push([`+++ Discovered application [AppDT Id: ${dt(app)}]`, 'AppEnforce', 1, 'appprovider.cpp:2204']);
  lines.push([`++++++ App enforcement completed (23 seconds) for App DT "${app.deploymentTypeName}" [${app.deploymentTypeId}], Revision: ${app.revision}, User SID: ] ++++++`, 'AppEnforce', 1, 'appexcnlib.cpp:1853']);
  return entries(thread, lines);
}

/** execmgr.log for a package program or task sequence policy (run when required). */
export function execmgrLines(ad: AdvertisementRecord, pkg: PackageRecord, required: boolean, exitCode: number, thread: number): CmTraceEntry[] {
  const program = pkg.packageType === 4 ? '*' : pkg.programName;
  const lines: Line[] = [[`Policy arrived for parent package ${pkg.packageId} program ${program}`, 'execmgr', 1, 'execreqmgr.cpp:6937']];
  if (!required) {
    lines.push([`Program ${program} of package ${pkg.packageId} is available in Software Center (advertisement ${ad.advertisementId}).`, 'execmgr', 1, 'execreqmgr.cpp:7066']);
    return entries(thread, lines);
  }
  lines.push(
    [`Mandatory execution requested for program ${program} and advertisement ${ad.advertisementId}`, 'execmgr', 1, 'execreqmgr.cpp:3710'],
    [`Creating mandatory request for advert ${ad.advertisementId}, program ${program}, package ${pkg.packageId}`, 'execmgr', 1, 'execreqmgr.cpp:3837'],
    [`Requesting content from CAS for package ${pkg.packageId} version 1`, 'execmgr', 1, 'contentaccessrequest.cpp:316'],
    [pkg.packageType === 4 ? 'Executing program as a task sequence' : `Executing program ${pkg.commandLine} in Admin context`, 'execmgr', 1, 'executionrequest.cpp:3150'],
    [`Execution Request for advert ${ad.advertisementId} package ${pkg.packageId} program ${program} state change from Running to NotifyExecution`, 'execmgr', 1, 'executionrequest.cpp:509'],
  );
  if (exitCode === 0) lines.push([`Program exit code 0`, 'execmgr', 1, 'executionrequest.cpp:4285']);
  else lines.push([`Program exit code ${exitCode}`, 'execmgr', 1, 'executionrequest.cpp:4285'], [`Execution is complete for program ${program}. The exit code is ${exitCode}, the execution status is FailureNonRetry`, 'execmgr', 3, 'executionrequest.cpp:529']);
  return entries(thread, lines);
}

export const policyIdOf = (a: AppAssignmentRecord | AdvertisementRecord): string => ('assignmentUniqueId' in a ? a.assignmentUniqueId : `${a.advertisementId}-${a.packageId}-6F6BCC28`);
