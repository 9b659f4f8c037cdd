import * as fs from 'node:fs';
import { PowerShellBackend } from '../../../src/core/site/powershell/PowerShellBackend';
import { findPowerShell } from '../../../src/core/site/powershell/PowerShellRunner';
import { describeSiteContract, type SiteFacts } from './siteContract';
import { startLabFixture } from './support/labFixture';

// The AdminService backend against the real lab site, with each way of trusting its certificate.
describeSiteContract('AdminService backend on the lab, certificate pinned by SHA-1 thumbprint', () => startLabFixture('pin-sha1'));
describeSiteContract('AdminService backend on the lab, certificate trusted through a CA file', () => startLabFixture('ca-file'));

/*
 * The PowerShell backend talks CIM to a real SMS Provider, which the lab is not. It runs where
 * PowerShell exists and a site is named: SCCM_CONTRACT_PROVIDER (host), SCCM_CONTRACT_SITE_CODE,
 * SCCM_CONTRACT_FACTS (a JSON file of SiteFacts for that site) and, for the read-only check,
 * SCCM_CONTRACT_READONLY_POWERSHELL (a PowerShell started as a read-only administrator).
 */
const powershell = findPowerShell();
const provider = process.env.SCCM_CONTRACT_PROVIDER;
const factsFile = process.env.SCCM_CONTRACT_FACTS;
if (!powershell) {
  console.log('PowerShell backend contract suite not registered: no pwsh or powershell on this machine.');
} else if (!provider || !factsFile) {
  console.log('PowerShell backend contract suite not registered: set SCCM_CONTRACT_PROVIDER and SCCM_CONTRACT_FACTS to run it against a site.');
} else {
  describeSiteContract(`PowerShell backend on ${provider}`, async () => {
    const facts = JSON.parse(fs.readFileSync(factsFile, 'utf8')) as SiteFacts;
    const siteCode = process.env.SCCM_CONTRACT_SITE_CODE ?? facts.siteCode;
    const backend = new PowerShellBackend({ providerHost: provider, siteCode, executablePath: powershell });
    const readOnly = new PowerShellBackend({ providerHost: provider, siteCode, executablePath: process.env.SCCM_CONTRACT_READONLY_POWERSHELL ?? powershell });
    return {
      backend,
      readOnlyBackend: readOnly,
      facts,
      dispose: async () => {
        backend.dispose();
        readOnly.dispose();
      },
    };
  });
}
