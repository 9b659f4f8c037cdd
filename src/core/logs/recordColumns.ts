import { NO_BIAS } from './time';

// Hot paths read imported constants once: under tsx (CommonJS output) every access to an
// imported binding is a getter call, which shows in a 500k-record parse.
const NO_BIAS_VALUE = NO_BIAS;

/** Severity codes of the severity column, in the order of `SEVERITY_NAMES`. */
export const INFO = 0;
export const WARNING = 1;
export const ERROR = 2;
export const SEVERITY_NAMES = ['info', 'warning', 'error'] as const;

/**
 * A record as a format scanner builds it, before the store copies it into its columns.
 * Scanners reuse one draft for every record so parsing allocates no object per record.
 * Offsets are positions in the text the scanner was given.
 */
export class RecordDraft {
  /** Raw text of the record: [start, end); `end - 1` is its last non-line-break character. */
  start = 0;
  end = 0;
  messageStart = 0;
  messageEnd = 0;
  /** Wall-clock time read as UTC (ms), NaN when the record has none. */
  localMs = NaN;
  /** Bias as logged, or NO_BIAS. */
  biasMinutes = NO_BIAS_VALUE;
  /**
   * Minutes to add to the local time for UTC: the logged bias, one lent by an earlier
   * record, or 0 for logs written in UTC (IIS). NO_BIAS when the zone is unknown.
   */
  utcBias = NO_BIAS_VALUE;
  severity = INFO;
  fragment = false;
  /** The message writes `~` for a line break (legacy server logs). */
  tildeBreaks = false;
  /** Spans of the component, thread and CMTrace `file=` values in the text (empty when equal). */
  componentStart = 0;
  componentEnd = 0;
  threadStart = 0;
  threadEnd = 0;
  sourceFileStart = 0;
  sourceFileEnd = 0;

  reset(): this {
    this.localMs = NaN;
    this.biasMinutes = NO_BIAS_VALUE;
    this.utcBias = NO_BIAS_VALUE;
    this.severity = INFO;
    this.fragment = false;
    this.tildeBreaks = false;
    this.componentStart = this.componentEnd = 0;
    this.threadStart = this.threadEnd = 0;
    this.sourceFileStart = this.sourceFileEnd = 0;
    return this;
  }
}

const FRAGMENT_FLAG = 4;
const TILDE_BREAKS_FLAG = 8;
/** Records per block: blocks are filled, never copied to grow (no doubling peak, no slack). */
const BLOCK_BITS = 16;
const BLOCK_SIZE = 1 << BLOCK_BITS;
const BLOCK_MASK = BLOCK_SIZE - 1;
const MAX_SHORT = 0xffff;

/** The columns of up to BLOCK_SIZE records. */
class RecordBlock {
  readonly start: Float64Array;
  /** Length of the raw text; records are bounded by the parser's held-text limit. */
  readonly length: Uint32Array;
  /** Message span relative to `start`. */
  readonly messageFrom: Uint32Array;
  readonly messageTo: Uint32Array;
  readonly line: Uint32Array;
  readonly endLine: Uint32Array;
  readonly messageColumn: Uint32Array;
  readonly localMs: Float64Array;
  readonly bias: Int16Array;
  readonly utcBias: Int16Array;
  /** Severity in bits 0-1, fragment in bit 2, `~` line breaks in bit 3. */
  readonly flags: Uint8Array;
  /** Value spans as (offset from `start`, length). */
  readonly componentFrom: Uint32Array;
  readonly componentLength: Uint16Array;
  readonly threadFrom: Uint32Array;
  readonly threadLength: Uint16Array;
  readonly sourceFileFrom: Uint32Array;
  readonly sourceFileLength: Uint16Array;

  constructor(
    readonly capacity: number,
    from?: RecordBlock,
  ) {
    const copy = <T extends Float64Array | Uint32Array | Uint16Array | Int16Array | Uint8Array>(array: T, old: T | undefined): T => {
      if (old) array.set(old);
      return array;
    };
    this.start = copy(new Float64Array(capacity), from?.start);
    this.length = copy(new Uint32Array(capacity), from?.length);
    this.messageFrom = copy(new Uint32Array(capacity), from?.messageFrom);
    this.messageTo = copy(new Uint32Array(capacity), from?.messageTo);
    this.line = copy(new Uint32Array(capacity), from?.line);
    this.endLine = copy(new Uint32Array(capacity), from?.endLine);
    this.messageColumn = copy(new Uint32Array(capacity), from?.messageColumn);
    this.localMs = copy(new Float64Array(capacity), from?.localMs);
    this.bias = copy(new Int16Array(capacity), from?.bias);
    this.utcBias = copy(new Int16Array(capacity), from?.utcBias);
    this.flags = copy(new Uint8Array(capacity), from?.flags);
    this.componentFrom = copy(new Uint32Array(capacity), from?.componentFrom);
    this.componentLength = copy(new Uint16Array(capacity), from?.componentLength);
    this.threadFrom = copy(new Uint32Array(capacity), from?.threadFrom);
    this.threadLength = copy(new Uint16Array(capacity), from?.threadLength);
    this.sourceFileFrom = copy(new Uint32Array(capacity), from?.sourceFileFrom);
    this.sourceFileLength = copy(new Uint16Array(capacity), from?.sourceFileLength);
  }
}

/**
 * The records of a log as typed arrays (one per field, in blocks of 64K records), so a
 * 500k-record log costs a few arrays instead of 500k objects: about 60 bytes a record.
 */
export class RecordColumns {
  length = 0;
  private readonly blocks: RecordBlock[] = [];

  append(draft: RecordDraft, globalOffset: number, line: number, endLine: number, messageColumn: number): void {
    const i = this.length;
    const b = this.blockFor(i);
    const k = i & BLOCK_MASK;
    const start = draft.start;
    b.start[k] = globalOffset + start;
    b.length[k] = draft.end - start;
    b.messageFrom[k] = draft.messageStart - start;
    b.messageTo[k] = draft.messageEnd - start;
    b.line[k] = line;
    b.endLine[k] = endLine;
    b.messageColumn[k] = messageColumn;
    b.localMs[k] = draft.localMs;
    b.bias[k] = draft.biasMinutes;
    b.utcBias[k] = draft.utcBias;
    b.flags[k] = draft.severity | (draft.fragment ? FRAGMENT_FLAG : 0) | (draft.tildeBreaks ? TILDE_BREAKS_FLAG : 0);
    b.componentFrom[k] = draft.componentStart - start;
    b.componentLength[k] = Math.min(draft.componentEnd - draft.componentStart, MAX_SHORT);
    b.threadFrom[k] = draft.threadStart - start;
    b.threadLength[k] = Math.min(draft.threadEnd - draft.threadStart, MAX_SHORT);
    b.sourceFileFrom[k] = draft.sourceFileStart - start;
    b.sourceFileLength[k] = Math.min(draft.sourceFileEnd - draft.sourceFileStart, MAX_SHORT);
    this.length = i + 1;
  }

  start(i: number): number {
    return this.blocks[i >>> BLOCK_BITS].start[i & BLOCK_MASK];
  }

  end(i: number): number {
    const b = this.blocks[i >>> BLOCK_BITS];
    const k = i & BLOCK_MASK;
    return b.start[k] + b.length[k];
  }

  line(i: number): number {
    return this.blocks[i >>> BLOCK_BITS].line[i & BLOCK_MASK];
  }

  endLine(i: number): number {
    return this.blocks[i >>> BLOCK_BITS].endLine[i & BLOCK_MASK];
  }

  localMs(i: number): number {
    return this.blocks[i >>> BLOCK_BITS].localMs[i & BLOCK_MASK];
  }

  severity(i: number): number {
    return this.blocks[i >>> BLOCK_BITS].flags[i & BLOCK_MASK] & 3;
  }

  /** UTC ms (UTC = local + bias minutes), NaN when the zone or the time is unknown. */
  utcMs(i: number): number {
    const b = this.blocks[i >>> BLOCK_BITS];
    const k = i & BLOCK_MASK;
    const bias = b.utcBias[k];
    return bias === NO_BIAS_VALUE ? NaN : b.localMs[k] + bias * 60_000;
  }

  /** The block holding record i and its index there, for reading several fields at once. */
  at(i: number): { block: RecordBlock; k: number } {
    return { block: this.blocks[i >>> BLOCK_BITS], k: i & BLOCK_MASK };
  }

  isFragment(block: RecordBlock, k: number): boolean {
    return (block.flags[k] & FRAGMENT_FLAG) !== 0;
  }

  hasTildeBreaks(block: RecordBlock, k: number): boolean {
    return (block.flags[k] & TILDE_BREAKS_FLAG) !== 0;
  }

  private blockFor(i: number): RecordBlock {
    const index = i >>> BLOCK_BITS;
    let block = this.blocks[index];
    const k = i & BLOCK_MASK;
    if (!block) {
      // The first block starts small and grows (small logs stay small); later ones are full.
      block = new RecordBlock(index === 0 ? 256 : BLOCK_SIZE);
      this.blocks[index] = block;
    } else if (k === block.capacity) {
      block = new RecordBlock(Math.min(block.capacity * 2, BLOCK_SIZE), block);
      this.blocks[index] = block;
    }
    return block;
  }
}

export type { RecordBlock };
