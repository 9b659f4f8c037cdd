import { createHmac, randomBytes } from 'node:crypto';

/**
 * The server half of NTLM for test servers only: build a type 2 challenge and check a type 3
 * NTLMv2 answer against a known password (MS-NLMP 3.3.2). The product never does this; it uses
 * httpntlm's client messages. The NT hash comes from httpntlm too, so no MD4 is written here.
 */

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { create_NT_hashed_password: ntHash } = require('httpntlm/ntlm') as { create_NT_hashed_password(password: string): Buffer };

const FLAGS = 0x00000001 /* unicode */ | 0x00000200 /* NTLM */ | 0x00080000 /* extended security */ | 0x00800000 /* target info */ | 0x00000004;

export interface Type2 {
  header: string;
  challenge: Buffer;
}

export function createType2(scheme: 'NTLM' | 'Negotiate', domain = 'LAB'): Type2 {
  const challenge = randomBytes(8);
  const target = Buffer.from(domain, 'utf16le');
  const avDomain = Buffer.concat([u16(2), u16(target.length), target]);
  const targetInfo = Buffer.concat([avDomain, u16(0), u16(0)]);
  const header = Buffer.alloc(48);
  header.write('NTLMSSP\0', 0, 'latin1');
  header.writeUInt32LE(2, 8);
  header.writeUInt16LE(target.length, 12);
  header.writeUInt16LE(target.length, 14);
  header.writeUInt32LE(48, 16);
  header.writeUInt32LE(FLAGS, 20);
  challenge.copy(header, 24);
  header.writeUInt16LE(targetInfo.length, 40);
  header.writeUInt16LE(targetInfo.length, 42);
  header.writeUInt32LE(48 + target.length, 44);
  const message = Buffer.concat([header, target, targetInfo]);
  return { header: `${scheme} ${message.toString('base64')}`, challenge };
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}

export function messageType(token: string): number {
  const bytes = Buffer.from(token, 'base64');
  if (bytes.length < 12 || bytes.subarray(0, 8).toString('latin1') !== 'NTLMSSP\0') return 0;
  return bytes.readUInt32LE(8);
}

export interface Type3 {
  domain: string;
  user: string;
  ntResponse: Buffer;
}

export function parseType3(token: string): Type3 {
  const b = Buffer.from(token, 'base64');
  const field = (offset: number): Buffer => b.subarray(b.readUInt32LE(offset + 4), b.readUInt32LE(offset + 4) + b.readUInt16LE(offset));
  return { ntResponse: field(20), domain: field(28).toString('utf16le'), user: field(36).toString('utf16le') };
}

/** True when the NTLMv2 proof in `type3` was made with `password` for `challenge`. */
export function verifyType3(type3: Type3, challenge: Buffer, password: string): boolean {
  if (type3.ntResponse.length < 24) return false;
  const key = createHmac('md5', ntHash(password)).update(Buffer.from(type3.user.toUpperCase() + type3.domain, 'utf16le')).digest();
  const blob = type3.ntResponse.subarray(16);
  const proof = createHmac('md5', key).update(Buffer.concat([challenge, blob])).digest();
  return proof.equals(type3.ntResponse.subarray(0, 16));
}
