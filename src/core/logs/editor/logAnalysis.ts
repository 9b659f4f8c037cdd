import { createDiagnoser, type Diagnoser } from '../kb/diagnoser';
import { LogParser } from '../logParser';
import type { RecordStore } from '../recordStore';
import type { Finding, LogFormat } from '../types';

/**
 * Formats whose scanner holds back at most an unterminated last line: bytes appended later
 * continue the parse exactly. Panther/CBS/DISM and WindowsUpdate records may go on over
 * the next lines, so their last record is only complete when the parse ends.
 */
const LINE_TERMINATED_FORMATS: ReadonlySet<LogFormat> = new Set<LogFormat>(['cmtrace', 'legacy', 'iis', 'setupapi', 'plain']);

/** What one step of the analysis added. */
export interface AnalysisStep {
  /** Records [from, to) added by the step. */
  from: number;
  to: number;
  /** Findings the new records produced (the at-end findings are in `findings` only). */
  added: readonly Finding[];
}

/**
 * One log being parsed and diagnosed, possibly in pieces (chunks of a big file, bytes a
 * live tail appended). Keeps the findings of every step plus the "at the end" ones, which
 * hold only because the log stops where it stops now and are recomputed after each step.
 */
export class LogAnalysis {
  private readonly parser: LogParser;
  private readonly streamed: Finding[] = [];
  private endFindings: Finding[] = [];
  private sorted: Finding[] | undefined;
  private byteCount = 0;
  private lastByte = -1;
  private secondLastByte = -1;

  constructor(
    /** Path (file: logs) or URI string: the key of the diagnoser's state and of related locations. */
    readonly path: string,
    private readonly diagnoser: Diagnoser = createDiagnoser(),
  ) {
    this.parser = new LogParser({ path });
  }

  get store(): RecordStore {
    return this.parser.store;
  }

  /** The format once the first text decided it. */
  get format(): LogFormat | undefined {
    return this.parser.format;
  }

  /** Bytes pushed so far: the offset a tail continues reading from. */
  get bytesRead(): number {
    return this.byteCount;
  }

  get ended(): boolean {
    return this.parser.ended;
  }

  /** Every finding so far, in log order. */
  get findings(): readonly Finding[] {
    this.sorted ??= [...this.streamed, ...this.endFindings].sort(byPosition);
    return this.sorted;
  }

  /** Parses bytes that continue the log and diagnoses the records they complete. */
  push(bytes: Uint8Array): AnalysisStep {
    if (bytes.length === 0) return { from: this.store.recordCount, to: this.store.recordCount, added: [] };
    this.byteCount += bytes.length;
    this.secondLastByte = bytes.length >= 2 ? bytes[bytes.length - 2] : this.lastByte;
    this.lastByte = bytes[bytes.length - 1];
    return this.diagnose(this.parser.push(bytes));
  }

  /**
   * The bytes read so far are all there is for now. With `keepOpen` (a live tail) the parse
   * stays open when appended bytes can continue it exactly; otherwise it ends, which
   * completes a last record that has no line break after it.
   */
  settle(keepOpen: boolean): AnalysisStep {
    if (this.ended || (keepOpen && this.canAppend())) {
      this.refreshEndFindings();
      return { from: this.store.recordCount, to: this.store.recordCount, added: [] };
    }
    return this.diagnose(this.parser.end());
  }

  /** Whether bytes appended to the file can be pushed (else the file must be read again). */
  canAppend(): boolean {
    if (this.ended) return false;
    const format = this.format;
    // Nothing decided the format yet: the text is held whole, and only ending the parse reads it.
    if (format === undefined) return this.byteCount === 0;
    if (!LINE_TERMINATED_FORMATS.has(format)) return false;
    return this.endsAtRecordBoundary();
  }

  private endsAtRecordBoundary(): boolean {
    if (this.byteCount === 0) return true;
    // UTF-16LE writes a line feed as 0A 00: look one byte further back.
    const last = this.parser.encoding === 'utf-16le' ? this.secondLastByte : this.lastByte;
    if (last === 0x0a || last === 0x0d) return true;
    // A CMTrace record is complete at the `>` closing its trailer.
    return this.format === 'cmtrace' && last === 0x3e;
  }

  private diagnose(range: { from: number; to: number }): AnalysisStep {
    const added = range.to > range.from ? this.diagnoser.update(this.store, range.from, range.to) : [];
    if (added.length) {
      this.shareLatestRemediation(added);
      // A loop, not push(...added): one chunk of a big log can hold too many findings to spread as arguments.
      for (const finding of added) this.streamed.push(finding);
    }
    this.refreshEndFindings();
    return { from: range.from, to: range.to, added };
  }

  private refreshEndFindings(): void {
    this.endFindings = this.diagnoser.atEnd(this.store);
    this.sorted = undefined;
  }

  /**
   * A remediation built from values collected over the log (the duplicate GUIDs) is complete
   * only on the newest finding of its rule: give it to the earlier findings of that rule too.
   */
  private shareLatestRemediation(added: readonly Finding[]): void {
    for (const finding of added) {
      if (!finding.rule || !finding.remediation?.length) continue;
      for (const earlier of this.streamed) if (earlier.rule === finding.rule) earlier.remediation = finding.remediation;
    }
  }
}

function byPosition(a: Finding, b: Finding): number {
  return a.line - b.line || a.recordIndex - b.recordIndex || (a.startColumn ?? 0) - (b.startColumn ?? 0);
}
