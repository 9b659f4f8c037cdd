import { createCipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import md4 from 'js-md4';

/**
 * Server side of NTLM (MS-NLMP): parse NEGOTIATE, build CHALLENGE, verify AUTHENTICATE.
 * Verifies NTLMv2 (NTProofStr = HMAC-MD5(NTOWFv2, serverChallenge ‖ blob)) and NTLMv1 with
 * extended session security; plain NTLMv1/LM responses are refused, as a hardened DC does.
 */
const SIGNATURE = Buffer.from('NTLMSSP\0', 'ascii');
const FLAG = {
  UNICODE: 0x00000001,
  REQUEST_TARGET: 0x00000004,
  NTLM: 0x00000200,
  ALWAYS_SIGN: 0x00008000,
  TARGET_TYPE_DOMAIN: 0x00010000,
  EXTENDED_SESSIONSECURITY: 0x00080000,
  TARGET_INFO: 0x00800000,
  VERSION: 0x02000000,
  NEG_128: 0x20000000,
  NEG_56: 0x80000000,
};

export function ntlmMessageType(token: Buffer): number | null {
  if (token.length < 12 || !token.subarray(0, 8).equals(SIGNATURE)) return null;
  return token.readUInt32LE(8);
}

export interface ServerIdentity {
  netbiosDomain: string;
  netbiosComputer: string;
  dnsDomain: string;
  dnsComputer: string;
}

export interface Challenge {
  serverChallenge: Buffer;
  message: Buffer;
}

/** Builds the CHALLENGE (type 2) message answering a NEGOTIATE with the given flags. */
export function createChallenge(negotiateFlags: number, id: ServerIdentity, now = Date.now()): Challenge {
  const serverChallenge = randomBytes(8);
  const targetName = Buffer.from(id.netbiosDomain, 'utf16le');
  const av = (type: number, value: Buffer): Buffer => {
    const head = Buffer.alloc(4);
    head.writeUInt16LE(type, 0);
    head.writeUInt16LE(value.length, 2);
    return Buffer.concat([head, value]);
  };
  const filetime = Buffer.alloc(8);
  filetime.writeBigUInt64LE((BigInt(now) + 11644473600000n) * 10000n);
  const targetInfo = Buffer.concat([
    av(2, Buffer.from(id.netbiosDomain, 'utf16le')),
    av(1, Buffer.from(id.netbiosComputer, 'utf16le')),
    av(4, Buffer.from(id.dnsDomain, 'utf16le')),
    av(3, Buffer.from(id.dnsComputer, 'utf16le')),
    av(5, Buffer.from(id.dnsDomain, 'utf16le')),
    av(7, filetime),
    av(0, Buffer.alloc(0)),
  ]);
  let flags = FLAG.UNICODE | FLAG.REQUEST_TARGET | FLAG.NTLM | FLAG.ALWAYS_SIGN | FLAG.TARGET_TYPE_DOMAIN | FLAG.TARGET_INFO | FLAG.VERSION | FLAG.NEG_128 | FLAG.NEG_56;
  if (negotiateFlags & FLAG.EXTENDED_SESSIONSECURITY || !negotiateFlags) flags |= FLAG.EXTENDED_SESSIONSECURITY;
  const header = Buffer.alloc(56);
  SIGNATURE.copy(header, 0);
  header.writeUInt32LE(2, 8);
  header.writeUInt16LE(targetName.length, 12);
  header.writeUInt16LE(targetName.length, 14);
  header.writeUInt32LE(56, 16);
  header.writeUInt32LE(flags >>> 0, 20);
  serverChallenge.copy(header, 24);
  header.writeUInt16LE(targetInfo.length, 40);
  header.writeUInt16LE(targetInfo.length, 42);
  header.writeUInt32LE(56 + targetName.length, 44);
  // Version: Windows Server 2022 (10.0.20348), NTLM revision 15.
  header.writeUInt8(10, 48);
  header.writeUInt8(0, 49);
  header.writeUInt16LE(20348, 50);
  header.writeUInt8(15, 55);
  return { serverChallenge, message: Buffer.concat([header, targetName, targetInfo]) };
}

export interface Authenticate {
  flags: number;
  domain: string;
  user: string;
  workstation: string;
  lmResponse: Buffer;
  ntResponse: Buffer;
}

/** Parses an AUTHENTICATE (type 3) message; null when malformed. */
export function parseAuthenticate(token: Buffer): Authenticate | null {
  if (ntlmMessageType(token) !== 3 || token.length < 64) return null;
  const field = (offset: number): Buffer | null => {
    const len = token.readUInt16LE(offset);
    const at = token.readUInt32LE(offset + 4);
    if (at + len > token.length) return null;
    return token.subarray(at, at + len);
  };
  const lm = field(12);
  const nt = field(20);
  const domain = field(28);
  const user = field(36);
  const workstation = field(44);
  if (!lm || !nt || !domain || !user || !workstation) return null;
  const flags = token.readUInt32LE(60);
  const text = (b: Buffer): string => (flags & FLAG.UNICODE ? b.toString('utf16le') : b.toString('latin1'));
  return { flags, domain: text(domain), user: text(user), workstation: text(workstation), lmResponse: Buffer.from(lm), ntResponse: Buffer.from(nt) };
}

export function ntHash(password: string): Buffer {
  return Buffer.from(md4.arrayBuffer(Buffer.from(password, 'utf16le')));
}

const hmacMd5 = (key: Buffer, data: Buffer): Buffer => createHmac('md5', key).update(data).digest();

/** True when the response proves knowledge of `password` for the user and domain it names. */
export function verifyAuthenticate(msg: Authenticate, serverChallenge: Buffer, password: string): boolean {
  const hash = ntHash(password);
  if (msg.ntResponse.length > 24) {
    const proof = msg.ntResponse.subarray(0, 16);
    const blob = msg.ntResponse.subarray(16);
    if (blob.length < 28 || blob[0] !== 1 || blob[1] !== 1) return false;
    const ntowfv2 = hmacMd5(hash, Buffer.from(msg.user.toUpperCase() + msg.domain, 'utf16le'));
    const expected = hmacMd5(ntowfv2, Buffer.concat([serverChallenge, blob]));
    return timingSafeEqual(expected, proof);
  }
  if (msg.ntResponse.length === 24 && msg.flags & FLAG.EXTENDED_SESSIONSECURITY && msg.lmResponse.length >= 8) {
    const clientChallenge = msg.lmResponse.subarray(0, 8);
    const session = createHash('md5').update(Buffer.concat([serverChallenge, clientChallenge])).digest().subarray(0, 8);
    return timingSafeEqual(desl(hash, session), msg.ntResponse);
  }
  return false;
}

/** DESL (MS-NLMP 6): three DES encryptions of the data with the 16-byte key padded to 21. */
function desl(key16: Buffer, data: Buffer): Buffer {
  const key = Buffer.alloc(21);
  key16.copy(key);
  return Buffer.concat([0, 7, 14].map((i) => des(expandKey(key.subarray(i, i + 7)), data)));
}

/** 56-bit key → 64-bit DES key (7 bits per byte, parity bit left 0; DES ignores it). */
function expandKey(k: Buffer): Buffer {
  const out = Buffer.alloc(8);
  out[0] = k[0] & 0xfe;
  out[1] = ((k[0] << 7) | (k[1] >> 1)) & 0xfe;
  out[2] = ((k[1] << 6) | (k[2] >> 2)) & 0xfe;
  out[3] = ((k[2] << 5) | (k[3] >> 3)) & 0xfe;
  out[4] = ((k[3] << 4) | (k[4] >> 4)) & 0xfe;
  out[5] = ((k[4] << 3) | (k[5] >> 5)) & 0xfe;
  out[6] = ((k[5] << 2) | (k[6] >> 6)) & 0xfe;
  out[7] = (k[6] << 1) & 0xfe;
  return out;
}

/** Single DES as 3DES-EDE with K1=K2=K3 (OpenSSL 3 keeps single DES in the legacy provider). */
function des(key8: Buffer, data8: Buffer): Buffer {
  const cipher = createCipheriv('des-ede3', Buffer.concat([key8, key8, key8]), null);
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(data8), cipher.final()]);
}
