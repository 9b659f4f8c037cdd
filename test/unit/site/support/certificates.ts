import { X509Certificate } from 'node:crypto';
import { generate } from 'selfsigned';

export interface TestCertificate {
  key: string;
  cert: string;
  sha1: string;
  sha256: string;
}

/** A self-signed certificate for 127.0.0.1 / localhost, made once per test file. */
export async function makeCertificate(commonName = '127.0.0.1'): Promise<TestCertificate> {
  const pems = await generate([{ name: 'commonName', value: commonName }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }, { type: 2, value: 'localhost' }] },
    ],
  });
  const x509 = new X509Certificate(pems.cert);
  return {
    key: pems.private,
    cert: pems.cert,
    sha1: x509.fingerprint.replace(/:/g, ''),
    sha256: x509.fingerprint256.replace(/:/g, ''),
  };
}
