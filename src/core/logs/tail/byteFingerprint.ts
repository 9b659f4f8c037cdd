import type { FileHandle } from 'node:fs/promises';

/** Enough bytes that a rewritten log (new times, new thread ids) differs in them. */
export const FINGERPRINT_BYTES = 64;

/**
 * The last bytes read from a file, kept to check that they are still there before reading
 * what follows them. A log truncated in place and written again past the old offset
 * (copy-and-truncate) has the same identity and has grown: only its bytes tell that what
 * follows is not an append.
 */
export class ByteFingerprint {
  private bytes: Buffer = Buffer.alloc(0);

  /** Remembers the end of the bytes just read (copied: the caller reuses its buffer). */
  update(chunk: Uint8Array): void {
    if (chunk.length >= FINGERPRINT_BYTES) {
      this.bytes = Buffer.from(chunk.subarray(chunk.length - FINGERPRINT_BYTES));
    } else if (chunk.length > 0) {
      const joined = Buffer.concat([this.bytes, chunk]);
      this.bytes = Buffer.from(joined.subarray(Math.max(0, joined.length - FINGERPRINT_BYTES)));
    }
  }

  clear(): void {
    this.bytes = Buffer.alloc(0);
  }

  /** Whether `file` holds the remembered bytes just before `offset` (trivially true when nothing was read). */
  async matches(file: FileHandle, offset: number): Promise<boolean> {
    const length = this.bytes.length;
    if (length === 0) return true;
    if (offset < length) return false;
    const found = Buffer.alloc(length);
    const { bytesRead } = await file.read(found, 0, length, offset - length);
    return bytesRead === length && found.equals(this.bytes);
  }
}
