import { X509Certificate } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { generate } from 'selfsigned';

export interface LabCertificate {
  certificatePem: string;
  keyPem: string;
  /** Upper-case hex, no separators. */
  sha256: string;
  /** SHA-1 thumbprint as Windows shows it: upper-case hex, no separators. */
  thumbprint: string;
  certificatePath: string;
}

const DAY = 86_400_000;

/**
 * The lab's self-signed TLS certificate (SAN 127.0.0.1 and localhost), generated once per data
 * folder and reused, so a client that pinned or trusted it keeps working across restarts.
 * Regenerated only when missing, unreadable or about to expire.
 */
export async function loadOrCreateCertificate(dataDir: string, serverFqdn: string): Promise<LabCertificate> {
  const certificatePath = path.join(dataDir, 'certificate.pem');
  const keyPath = path.join(dataDir, 'certificate.key');
  try {
    const [certificatePem, keyPem] = await Promise.all([fs.readFile(certificatePath, 'utf8'), fs.readFile(keyPath, 'utf8')]);
    const x509 = new X509Certificate(certificatePem);
    if (Date.parse(x509.validTo) > Date.now() + DAY) return describe(certificatePem, keyPem, certificatePath);
  } catch {
    // Missing or unreadable: make a new one below.
  }
  const now = Date.now();
  const pems = await generate([{ name: 'commonName', value: serverFqdn }, { name: 'organizationName', value: 'SCCM Workbench lab site' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate: new Date(now - DAY),
    notAfterDate: new Date(now + 825 * DAY),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }, { type: 2, value: 'localhost' }, { type: 2, value: serverFqdn }] },
    ],
  });
  await fs.writeFile(keyPath, pems.private, { encoding: 'utf8', mode: 0o600 });
  await fs.writeFile(certificatePath, pems.cert, 'utf8');
  return describe(pems.cert, pems.private, certificatePath);
}

function describe(certificatePem: string, keyPem: string, certificatePath: string): LabCertificate {
  const x509 = new X509Certificate(certificatePem);
  const hex = (fingerprint: string): string => fingerprint.replace(/:/g, '').toUpperCase();
  return { certificatePem, keyPem, sha256: hex(x509.fingerprint256), thumbprint: hex(x509.fingerprint), certificatePath };
}
