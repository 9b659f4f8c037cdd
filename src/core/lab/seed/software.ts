import type { AppFailure, ApplicationRecord, PackageRecord, SiteRecord } from '../state/model';
import { siteObjectId } from '../format';
import type { Prng } from './prng';

export interface CatalogApp {
  vendor: string;
  name: string;
  version: string;
  /** Short token used in AD group names (`LAB\APP-7Zip-LON`). */
  short: string;
  install: string;
  msi: boolean;
  /** Share of devices at a site in the app's install group. */
  reach: number;
  failure?: AppFailure;
}

const msi = (file: string, extra = ''): string => `msiexec /i "${file}" /qn /norestart${extra ? ` ${extra}` : ''}`;

/** Applications the seed deploys; a few are built to fail the way real packages fail. */
export const APP_CATALOG: readonly CatalogApp[] = [
  { vendor: 'Adobe', name: 'Adobe Acrobat Reader DC', version: '24.002.20991', short: 'AcroReader', install: msi('AcroRead.msi', 'TRANSFORMS="AcroRead.mst"'), msi: true, reach: 0.6 },
  { vendor: 'Adobe', name: 'Adobe Acrobat Pro', version: '24.003.20112', short: 'AcroPro', install: 'setup.exe /sAll /rs /msi EULA_ACCEPT=YES', msi: false, reach: 0.12 },
  { vendor: 'Adobe', name: 'Adobe Creative Cloud', version: '6.2.0.554', short: 'CreativeCloud', install: 'Set-up.exe --silent', msi: false, reach: 0.05 },
  { vendor: 'Microsoft', name: 'Microsoft 365 Apps for enterprise', version: '16.0.17928.20216', short: 'M365Apps', install: 'setup.exe /configure configuration.xml', msi: false, reach: 0.9 },
  { vendor: 'Microsoft', name: 'Microsoft Teams (work or school)', version: '24243.1309.3132', short: 'Teams', install: 'teamsbootstrapper.exe -p -o "MSTeams-x64.msix"', msi: false, reach: 0.85 },
  { vendor: 'Microsoft', name: 'Microsoft Visual Studio Code', version: '1.94.2', short: 'VSCode', install: 'VSCodeSetup-x64-1.94.2.exe /VERYSILENT /MERGETASKS=!runcode', msi: false, reach: 0.15 },
  { vendor: 'Microsoft', name: 'Microsoft Power BI Desktop', version: '2.136.1202.0', short: 'PowerBI', install: 'PBIDesktopSetup_x64.exe -quiet -norestart ACCEPT_EULA=1', msi: false, reach: 0.1 },
  { vendor: 'Microsoft', name: 'SQL Server Management Studio', version: '20.2.30', short: 'SSMS', install: 'SSMS-Setup-ENU.exe /install /quiet /norestart', msi: false, reach: 0.06 },
  { vendor: 'Microsoft', name: 'Microsoft Visio Professional 2021', version: '16.0.14332.20763', short: 'Visio', install: 'setup.exe /configure visio.xml', msi: false, reach: 0.05 },
  { vendor: 'Microsoft', name: 'Microsoft .NET Desktop Runtime', version: '8.0.10', short: 'DotNet8', install: 'windowsdesktop-runtime-8.0.10-win-x64.exe /install /quiet /norestart', msi: false, reach: 0.5 },
  { vendor: 'Microsoft', name: 'Microsoft Visual C++ 2015-2022 Redistributable (x64)', version: '14.40.33816', short: 'VCRedist', install: 'VC_redist.x64.exe /install /quiet /norestart', msi: false, reach: 0.7 },
  { vendor: 'Microsoft', name: 'PowerShell 7', version: '7.4.6', short: 'PowerShell7', install: msi('PowerShell-7.4.6-win-x64.msi', 'ADD_PATH=1'), msi: true, reach: 0.2 },
  { vendor: 'Google', name: 'Google Chrome', version: '130.0.6723.70', short: 'Chrome', install: msi('googlechromestandaloneenterprise64.msi'), msi: true, reach: 0.7 },
  { vendor: 'Mozilla', name: 'Mozilla Firefox ESR', version: '128.4.0', short: 'FirefoxESR', install: msi('Firefox Setup 128.4.0esr.msi'), msi: true, reach: 0.2 },
  { vendor: 'Igor Pavlov', name: '7-Zip', version: '24.08', short: '7Zip', install: msi('7z2408-x64.msi'), msi: true, reach: 0.55 },
  { vendor: 'Notepad++ Team', name: 'Notepad++', version: '8.7', short: 'NotepadPP', install: 'npp.8.7.Installer.x64.exe /S', msi: false, reach: 0.3 },
  { vendor: 'VideoLAN', name: 'VLC media player', version: '3.0.21', short: 'VLC', install: msi('vlc-3.0.21-win64.msi'), msi: true, reach: 0.2 },
  { vendor: 'Zoom', name: 'Zoom Workplace', version: '6.2.5.50416', short: 'Zoom', install: msi('ZoomInstallerFull.msi', 'ZoomAutoUpdate=1'), msi: true, reach: 0.35 },
  { vendor: 'Cisco', name: 'Cisco Secure Client', version: '5.1.5.65', short: 'SecureClient', install: msi('cisco-secure-client-win-5.1.5.65-core-vpn-predeploy-k9.msi', 'PRE_DEPLOY_DISABLE_VPN=0'), msi: true, reach: 0.45 },
  { vendor: 'Cisco', name: 'Cisco Webex', version: '44.10.0.30906', short: 'Webex', install: msi('Webex.msi', 'ACCEPT_EULA=TRUE ALLUSERS=1'), msi: true, reach: 0.15 },
  { vendor: 'Citrix', name: 'Citrix Workspace', version: '24.9.0.225', short: 'CitrixWorkspace', install: 'CitrixWorkspaceApp.exe /silent /noreboot', msi: false, reach: 0.25 },
  { vendor: 'Omnissa', name: 'Omnissa Horizon Client', version: '2409', short: 'HorizonClient', install: 'Omnissa-Horizon-Client-2409.exe /silent /norestart', msi: false, reach: 0.1 },
  { vendor: 'Eclipse Adoptium', name: 'Eclipse Temurin JDK 21', version: '21.0.5.11', short: 'TemurinJDK21', install: msi('OpenJDK21U-jdk_x64_windows_hotspot_21.0.5_11.msi', 'ADDLOCAL=FeatureMain,FeatureEnvironment'), msi: true, reach: 0.1 },
  { vendor: 'Python Software Foundation', name: 'Python 3.12', version: '3.12.7', short: 'Python312', install: 'python-3.12.7-amd64.exe /quiet InstallAllUsers=1 PrependPath=1', msi: false, reach: 0.08 },
  { vendor: 'The Git Development Community', name: 'Git for Windows', version: '2.47.0', short: 'Git', install: 'Git-2.47.0-64-bit.exe /VERYSILENT /NORESTART', msi: false, reach: 0.1 },
  { vendor: 'Simon Tatham', name: 'PuTTY', version: '0.81', short: 'PuTTY', install: msi('putty-64bit-0.81-installer.msi'), msi: true, reach: 0.08 },
  { vendor: 'Martin Prikryl', name: 'WinSCP', version: '6.3.5', short: 'WinSCP', install: 'WinSCP-6.3.5-Setup.exe /VERYSILENT /ALLUSERS /NORESTART', msi: false, reach: 0.06 },
  { vendor: 'KeePassXC Team', name: 'KeePassXC', version: '2.7.9', short: 'KeePassXC', install: msi('KeePassXC-2.7.9-Win64.msi'), msi: true, reach: 0.05 },
  { vendor: 'Greenshot', name: 'Greenshot', version: '1.2.10.6', short: 'Greenshot', install: 'Greenshot-INSTALLER-1.2.10.6-RELEASE.exe /VERYSILENT /NORESTART', msi: false, reach: 0.2 },
  { vendor: 'Wireshark Foundation', name: 'Wireshark', version: '4.4.1', short: 'Wireshark', install: 'Wireshark-4.4.1-x64.exe /S /desktopicon=no', msi: false, reach: 0.03 },
  { vendor: 'Slack Technologies', name: 'Slack', version: '4.41.97', short: 'Slack', install: msi('slack-standalone-4.41.97.0.msi'), msi: true, reach: 0.15 },
  { vendor: 'Dell', name: 'Dell Command | Update', version: '5.4.0', short: 'DellCommandUpdate', install: 'Dell-Command-Update-Windows-Universal-Application_5.4.0.exe /s', msi: false, reach: 0.3 },
  { vendor: 'HP', name: 'HP Image Assistant', version: '5.2.5.145', short: 'HPIA', install: 'hp-hpia-5.2.5.exe /s /e /f C:\\HPIA', msi: false, reach: 0.2 },
  { vendor: 'Lenovo', name: 'Lenovo System Update', version: '5.08.03.59', short: 'LenovoSU', install: 'system_update_5.08.03.59.exe /VERYSILENT /NORESTART', msi: false, reach: 0.2 },
  { vendor: 'Autodesk', name: 'AutoCAD LT 2025', version: '25.0.58.0', short: 'AutoCADLT', install: 'Installer.exe -i deploy --offline_mode -q -o "Collection.xml"', msi: false, reach: 0.03 },
  { vendor: 'Tableau', name: 'Tableau Desktop 2024.2', version: '24.2.1324', short: 'Tableau', install: 'TableauDesktop-64bit-2024-2-4.exe /quiet /norestart ACCEPTEULA=1', msi: false, reach: 0.03 },
  { vendor: 'Fortinet', name: 'FortiClient VPN', version: '7.4.1.1736', short: 'FortiClient', install: msi('FortiClientVPN.msi'), msi: true, reach: 0.1 },
  { vendor: 'Zscaler', name: 'Zscaler Client Connector', version: '4.4.0.389', short: 'Zscaler', install: msi('Zscaler-windows-4.4.0.389-installer-x64.msi', 'CLOUDNAME=zscloud'), msi: true, reach: 0.4 },
  { vendor: 'CrowdStrike', name: 'CrowdStrike Windows Sensor', version: '7.18.18710', short: 'FalconSensor', install: 'WindowsSensor.exe /install /quiet /norestart CID=0123456789ABCDEF0123456789ABCDEF-1A', msi: false, reach: 0.8 },
  { vendor: 'TechSmith', name: 'Snagit 2024', version: '24.3.0.4389', short: 'Snagit', install: msi('snagit.msi', 'TSC_SOFTWARE_KEY=XXXXX'), msi: true, reach: 0.05 },
  { vendor: 'TeamViewer', name: 'TeamViewer Host', version: '15.59.3', short: 'TeamViewerHost', install: msi('TeamViewer_Host.msi', 'CUSTOMCONFIGID=abc1234'), msi: true, reach: 0.1 },
  { vendor: 'SAP', name: 'SAP GUI for Windows 8.00 PL8', version: '8.00.8', short: 'SAPGUI', install: 'SapGuiSetup.exe /Silent /Package="SAPGUI800"', msi: false, reach: 0.12, failure: { kind: 'exitCode', exitCode: 1603 } },
  { vendor: 'Contoso Software', name: 'Legacy CRM Client 4.2', version: '4.2.1187', short: 'LegacyCRM', install: msi('CRMClient42.msi', 'SERVER=crm01.lab.local'), msi: true, reach: 0.08, failure: { kind: 'notDetected' } },
  { vendor: 'Oracle', name: 'Java 8 Update 431', version: '8.0.4310.11', short: 'Java8', install: 'jre-8u431-windows-x64.exe INSTALL_SILENT=Enable AUTO_UPDATE=Disable', msi: false, reach: 0.06, failure: { kind: 'exitCode', exitCode: 1618 } },
];

export function buildApplications(prng: Prng, site: SiteRecord, generatedAt: number): ApplicationRecord[] {
  const scope = `ScopeId_${prng.guid()}`;
  return APP_CATALOG.map((app, i) => {
    const appGuid = prng.guid().toLowerCase();
    const dtGuid = prng.guid().toLowerCase();
    const revision = 1 + prng.int(6);
    return {
      ciId: 16777500 + i * 3,
      ciUniqueId: `${scope}/Application_${appGuid}/${revision}`,
      modelName: `${scope}/Application_${appGuid}`,
      name: app.name,
      version: app.version,
      manufacturer: app.vendor,
      deploymentTypeName: `${app.name} - ${app.msi ? 'Windows Installer (*.msi file)' : 'Script Installer'}`,
      deploymentTypeId: `${scope}/DeploymentType_${dtGuid}`,
      installCommand: app.install,
      productCode: app.msi ? `{${prng.guid()}}` : null,
      contentId: `Content_${prng.guid().toLowerCase()}`,
      revision,
      failure: app.failure ?? null,
      dateCreated: generatedAt - (60 + prng.int(900)) * 86_400_000,
      createdBy: `${site.domain}\\cm-admin`,
    };
  });
}

export function buildPackages(site: SiteRecord, generatedAt: number): PackageRecord[] {
  const id = (n: number): string => siteObjectId(site.siteCode, n);
  const day = 86_400_000;
  return [
    { packageId: id(0x10), name: 'Windows 11 24H2 - Bare Metal', description: 'Wipe-and-load with drivers, apps and BitLocker', packageType: 4, programName: '*', commandLine: '', bootImageId: id(0x5), sourceDate: generatedAt - 40 * day },
    { packageId: id(0x11), name: 'Windows 11 24H2 - In-place Upgrade', description: 'Feature update from Windows 10 22H2 / 11 23H2', packageType: 4, programName: '*', commandLine: '', bootImageId: '', sourceDate: generatedAt - 21 * day },
    { packageId: id(0x12), name: 'Windows Server 2022 - Build and Capture', description: 'Reference image for server builds', packageType: 4, programName: '*', commandLine: '', bootImageId: id(0x5), sourceDate: generatedAt - 200 * day },
    { packageId: id(0x13), name: 'BIOS Update - Dell Latitude', description: 'Dell firmware via Dell Command | Update CLI', packageType: 0, programName: 'Install BIOS', commandLine: 'dcu-cli.exe /applyUpdates -updateType=bios -autoSuspendBitLocker=enable -silent', bootImageId: '', sourceDate: generatedAt - 15 * day },
    { packageId: id(0x14), name: 'Configuration Manager Client Health', description: 'Client health remediation script', packageType: 0, programName: 'Run Remediation', commandLine: 'powershell.exe -ExecutionPolicy Bypass -File .\\ConfigMgrClientHealth.ps1 -Config .\\config.xml', bootImageId: '', sourceDate: generatedAt - 90 * day },
  ];
}
