/**
 * Client notification types of SMS_ClientOperation.InitiateClientOperation, named as the
 * console's ClientActionType enum (Invoke-CMClientAction -ActionType). Microsoft documents
 * 1-8; the rest come from the console enum as reproduced by community modules
 * (reference/adminservice-api.md §2.7).
 */
export interface ClientOperationType {
  type: number;
  /** Name in Invoke-CMClientAction -ActionType. */
  id: string;
  /** What the console calls it. */
  label: string;
  documented: boolean;
}

export const CLIENT_OPERATION_TYPES: readonly ClientOperationType[] = [
  { type: 8, id: 'ClientNotificationRequestMachinePolicyNow', label: 'Download Computer Policy', documented: true },
  { type: 9, id: 'ClientNotificationRequestUsersPolicyNow', label: 'Download User Policy', documented: false },
  { type: 10, id: 'ClientNotificationRequestDDRNow', label: 'Collect Discovery Data', documented: false },
  { type: 11, id: 'ClientNotificationRequestSWInvNow', label: 'Collect Software Inventory', documented: false },
  { type: 12, id: 'ClientNotificationRequestHWInvNow', label: 'Collect Hardware Inventory', documented: false },
  { type: 13, id: 'ClientNotificationAppDeplEvalNow', label: 'Evaluate Application Deployments', documented: false },
  { type: 14, id: 'ClientNotificationSUMDeplEvalNow', label: 'Evaluate Software Update Deployments', documented: false },
  { type: 15, id: 'ClientRequestSUPChangeNow', label: 'Switch to next Software Update Point', documented: false },
  { type: 16, id: 'ClientRequestDHAChangeNow', label: 'Evaluate Device Health Attestation', documented: false },
  { type: 17, id: 'ClientNotificationRebootMachine', label: 'Restart', documented: false },
  { type: 20, id: 'DiagnosticsEnableVerboseLogging', label: 'Enable Verbose Logging', documented: false },
  { type: 21, id: 'DiagnosticsDisableVerboseLogging', label: 'Disable Verbose Logging', documented: false },
  { type: 22, id: 'DiagnosticsCollectFiles', label: 'Collect Client Logs', documented: false },
  { type: 125, id: 'ClientNotificationCheckComplianceNow', label: 'Check Conditional Access Compliance', documented: false },
  { type: 150, id: 'ClientNotificationWakeUpClientNow', label: 'Wake Up', documented: false },
  { type: 1, id: 'EndpointProtectionFullScan', label: 'Endpoint Protection Full Scan', documented: true },
  { type: 2, id: 'EndpointProtectionQuickScan', label: 'Endpoint Protection Quick Scan', documented: true },
  { type: 3, id: 'EndpointProtectionDownloadDefinition', label: 'Endpoint Protection Download Definition', documented: true },
];

export const MACHINE_POLICY_NOW = 8;
export const APP_DEPLOYMENT_EVAL_NOW = 13;

export function clientOperationByType(type: number): ClientOperationType | undefined {
  return CLIENT_OPERATION_TYPES.find((t) => t.type === type);
}
