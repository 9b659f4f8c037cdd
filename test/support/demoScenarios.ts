/**
 * The demo workspace's failure scenarios (demo/workspace/logs/<folder>) and what each must show:
 * rule ids (files in name order, end-of-log findings last) and the links between its logs.
 * Checked through the knowledge base alone (unit), the CLI scan (unit) and VS Code (integration).
 */
export const DEMOS: Record<string, { rules: string[]; related?: Array<[string, string]> }> = {
  '01-winpe-no-nic': { rules: ['OSD-WINPE-NO-NIC'] },
  '01b-winpe-silent-reboot': { rules: ['OSD-PXE-VARIABLE-FILE', 'OSD-WINPE-LOG-ENDS-WITHOUT-NETWORK'] },
  '02-pxe-cert-expired': { rules: ['PXE-CERT-EXPIRED', 'OSD-POLICY-80004005'], related: [['OSD-POLICY-80004005', 'PXE-CERT-EXPIRED']] },
  '03-80070002-auto-apply-drivers': { rules: ['OSD-MP-NAME-UNRESOLVED', 'OSD-80070002-DRIVER-STEP'] },
  '03b-80070002-apply-os': { rules: ['CONTENT-HTTP-401', 'OSD-80070002-APPLY-OS'] },
  '04-setup-code31': { rules: ['SETUP-DRIVERSTORE-FAIL', 'OSD-SETUP-WINDOWS-CODE31'], related: [['OSD-SETUP-WINDOWS-CODE31', 'SETUP-DRIVERSTORE-FAIL']] },
  '05-0x00000001-no-network': { rules: ['OSD-MP-NAME-UNRESOLVED', 'OSD-0X00000001-NO-NETWORK'] },
  '06-duplicate-guids': {
    rules: ['PXE-DUPLICATE-SMBIOS-GUID', 'PXE-DUPLICATE-SMBIOS-GUID', 'OSD-NO-TASK-SEQUENCE'],
    related: [['OSD-NO-TASK-SEQUENCE', 'PXE-DUPLICATE-SMBIOS-GUID']],
  },
  '07-pxe-loop': { rules: ['PXE-LOOP-ACCEPTED', 'PXE-LOOKUP-NEVER-ANSWERED'] },
  '08-app-install-failure': { rules: ['MSI-1603-FATAL', 'APP-NOT-DETECTED-AFTER-INSTALL'] },
  '09-content-download-failure': { rules: ['CONTENT-HTTP-404', 'CONTENT-HTTP-404'] },
  '10-client-install-failure': { rules: ['CCMSETUP-WMI-NAMESPACE', 'CCMSETUP-CLIENTMSI-1603', 'CCMSETUP-FAILED-HRESULT', 'CCMSETUP-FAILED-RETURN-CODE'] },
  '11-software-update-gpo-conflict': { rules: ['SUP-GPO-CONFLICT-87D00692'] },
  '12-servicing-store-corruption': { rules: ['CBS-STORE-CORRUPTION-800F0831'] },
};

