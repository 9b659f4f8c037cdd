import { readAccounts } from '../lab/auth/accounts';
import { readRunningLab } from '../lab/labInfo';
import { SiteError } from './errors';

/**
 * Connection details of a running lab site, read from its data folder (the CLI's `--lab DIR`):
 * the address and certificate fingerprint from the `lab.json` the running lab writes, and its
 * first full-administrator account from its accounts file. The lab's certificate is self-signed,
 * so it is pinned by its SHA-256 fingerprint.
 */
export interface LabConnection {
  baseUrl: string;
  siteCode?: string;
  userName: string;
  password: string;
  /** SHA-256 of the lab certificate (pinned: the lab's certificate is self-signed). */
  thumbprint: string;
}

export async function readLabConnection(dir: string): Promise<LabConnection> {
  const lab = await readRunningLab(dir);
  if (!lab) throw new SiteError('invalidInput', `No lab site is running on ${dir} (start one with: sccm-workbench lab start --data <folder>).`);
  const admin = (await readAccounts(lab.accountsPath))?.find((a) => a.role === 'full');
  if (!admin) throw new SiteError('invalidInput', `${lab.accountsPath} holds no full administrator account.`);
  return { baseUrl: lab.baseUrl, siteCode: lab.siteCode, userName: admin.user, password: admin.password, thumbprint: lab.certificateSha256 };
}
