/**
 * Turns offsets into 1-based line and column numbers, for error messages. Counting is lazy and
 * resumes from the last answer, so a scan that reports problems in file order reads the text once.
 */
export class LineIndex {
  private offset = 0;
  private line = 1;
  private lineStart = 0;

  /** `text` is the bytes of a file or its decoded text; line breaks are `\n` (so `\r\n` counts once). */
  constructor(private readonly text: Uint8Array | string) {}

  /** The line and column of `offset` (the column counts bytes or UTF-16 units, as the text does). */
  at(offset: number): { line: number; column: number } {
    if (offset < this.offset) {
      this.offset = 0;
      this.line = 1;
      this.lineStart = 0;
    }
    const text = this.text;
    const end = Math.min(offset, text.length);
    if (typeof text === 'string') {
      for (let i = this.offset; i < end; i++) {
        if (text.charCodeAt(i) === 10) {
          this.line++;
          this.lineStart = i + 1;
        }
      }
    } else {
      for (let i = this.offset; i < end; i++) {
        if (text[i] === 10) {
          this.line++;
          this.lineStart = i + 1;
        }
      }
    }
    this.offset = end;
    return { line: this.line, column: end - this.lineStart + 1 };
  }

  /** The line of `offset`. */
  lineAt(offset: number): number {
    return this.at(offset).line;
  }
}
