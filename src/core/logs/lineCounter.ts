/**
 * Counts physical lines (CRLF, LF and lone CR, as editors do) up to ascending positions of
 * a text, with indexOf rather than a per-character loop. Positions given to `advanceTo`
 * never fall between the CR and LF of one CRLF, so each text is counted on its own.
 */
export class LineCounter {
  /** 1-based line at the current position. */
  line = 1;
  /** Global offset where the current line starts. */
  lineStart = 0;
  private text = '';
  private textOffset = 0;
  private position = 0;
  private nextLf = Infinity;
  private nextCr = Infinity;

  /** Continues counting in `text`, which starts at global offset `textOffset` (the current position). */
  begin(text: string, textOffset: number): void {
    this.text = text;
    this.textOffset = textOffset;
    this.position = 0;
    this.nextLf = indexOrInfinity(text, '\n', 0);
    this.nextCr = indexOrInfinity(text, '\r', 0);
  }

  /** Moves to local position `pos` (>= the current one) of the current text. */
  advanceTo(pos: number): void {
    if (pos <= this.position) return;
    const text = this.text;
    let lineStart = -1;
    while (this.nextLf < pos) {
      this.line++;
      lineStart = this.nextLf + 1;
      this.nextLf = indexOrInfinity(text, '\n', this.nextLf + 1);
    }
    while (this.nextCr < pos) {
      const cr = this.nextCr;
      if (text.charCodeAt(cr + 1) !== 10) {
        this.line++;
        if (cr + 1 > lineStart) lineStart = cr + 1;
      }
      this.nextCr = indexOrInfinity(text, '\r', cr + 1);
    }
    if (lineStart >= 0) this.lineStart = this.textOffset + lineStart;
    this.position = pos;
  }
}

function indexOrInfinity(text: string, search: string, from: number): number {
  const i = text.indexOf(search, from);
  return i < 0 ? Infinity : i;
}
