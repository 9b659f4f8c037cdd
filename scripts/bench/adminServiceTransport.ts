/**
 * Prints transport figures against the fake AdminService on loopback (TLS + NTLM, no site work):
 * first request (TLS + NTLM handshake), sequential authenticated reads, parallel reads over the
 * connection pool. Run: node --import tsx scripts/bench/adminServiceTransport.ts
 */
import { AdminServiceTransport } from '../../src/core/site/adminService/transport';
import { makeCertificate } from '../../test/unit/site/support/certificates';
import { FakeAdminService } from '../../test/unit/site/support/fakeAdminService';

const ROWS = { value: Array.from({ length: 500 }, (_, i) => ({ CollectionID: `PS1${(0x100 + i).toString(16).toUpperCase().padStart(5, '0')}`, Name: `Collection ${i}`, CollectionType: 2 })) };

async function main(): Promise<void> {
  const certificate = await makeCertificate();
  const server = await new FakeAdminService({ certificate, accounts: { 'LAB\\admin': 'pw' }, handler: () => ({ status: 200, body: ROWS }) }).start();
  const make = (connections: number): AdminServiceTransport =>
    new AdminServiceTransport({
      baseUrl: server.baseUrl,
      trust: { kind: 'pin', algorithm: 'sha256', thumbprint: certificate.sha256 },
      getCredentials: () => ({ userName: 'LAB\\admin', password: 'pw' }),
      maxConnections: connections,
    });
  const read = { method: 'GET' as const, path: 'wmi/SMS_Collection?$top=500', purpose: { action: 'bench' }, idempotent: true };
  try {
    const transport = make(4);
    let t = performance.now();
    await transport.request(read);
    const first = performance.now() - t;

    const sequential = 300;
    t = performance.now();
    for (let i = 0; i < sequential; i++) await transport.request(read);
    const perRead = (performance.now() - t) / sequential;

    const parallel = 2000;
    t = performance.now();
    await Promise.all(Array.from({ length: parallel }, () => transport.request(read)));
    const seconds = (performance.now() - t) / 1000;
    transport.dispose();

    console.log(`first request (TLS + NTLM handshake): ${first.toFixed(1)} ms`);
    console.log(`authenticated read of 500 rows (~${(JSON.stringify(ROWS).length / 1024).toFixed(0)} KB), sequential: ${perRead.toFixed(2)} ms each`);
    console.log(`parallel reads over 4 connections: ${(parallel / seconds).toFixed(0)} requests/s`);
    console.log(`NTLM handshakes for ${1 + sequential + parallel} requests: ${server.type1Count}`);
  } finally {
    await server.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
