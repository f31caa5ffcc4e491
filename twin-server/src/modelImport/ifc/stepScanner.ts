import type { ErrorWhere } from '../importReport.ts';
import { LineIndex } from '../lineIndex.ts';
import { ModelImportError } from '../modelImportError.ts';
import type { WarningList } from '../warningList.ts';

const QUOTE = 39; // '
const BACKSLASH = 92;
const HASH = 35;
const DOLLAR = 36;
const STAR = 42;
const DOT = 46;
const OPEN = 40;
const CLOSE = 41;
const COMMA = 44;
const SLASH = 47;
const DQUOTE = 34;

/** The largest instance label the IFC engine stores (an unsigned 32-bit express id). */
export const MAX_STEP_LABEL = 0xffff_ffff;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}
function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}
function isHex(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}
function isKeywordChar(c: number): boolean {
  return isUpper(c) || isLower(c) || isDigit(c) || c === 95 || c === 45;
}

/** Receives each instance reference `#n` met in a parameter list. */
export type ReferenceSink = (label: number) => void;

/**
 * A byte-level scanner of ISO 10303-21 (STEP) text: whitespace and comments, keywords, labels and
 * parameter lists with every literal checked against the grammar. It never builds values; it only
 * says where the text departs from the grammar: fatal departures throw a `ModelImportError`
 * naming the line (and the instance being read), tolerable ones become warnings.
 */
export class StepScanner {
  pos = 0;
  /** The instance being read, for error locations (`#123`), or undefined in the header. */
  entity: string | undefined;
  private readonly lines: LineIndex;
  /** The same bytes as a Buffer, for slicing text and searching without copies. */
  private readonly buffer: Buffer;

  constructor(
    readonly bytes: Uint8Array,
    private readonly place: ErrorWhere,
    private readonly warnings: WarningList,
  ) {
    this.lines = new LineIndex(bytes);
    this.buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  }

  /** The bytes from `start` to `end` as Latin-1 text. */
  text(start: number, end: number): string {
    return this.buffer.toString('latin1', start, end);
  }

  get atEnd(): boolean {
    return this.pos >= this.bytes.length;
  }

  /** The byte at the cursor (NaN at the end). */
  peek(): number {
    return this.pos < this.bytes.length ? this.bytes[this.pos]! : NaN;
  }

  /** Where `offset` is, with the current instance. */
  whereAt(offset: number, entity = this.entity): ErrorWhere {
    const where: ErrorWhere = { ...this.place, line: this.lines.lineAt(offset) };
    if (entity !== undefined) where.entity = entity;
    return where;
  }

  /** Throws a malformed-file error at `offset`. */
  fail(message: string, offset = this.pos): never {
    throw new ModelImportError('TWIN_ERR_MODEL_IMPORT_MALFORMED', message, this.whereAt(offset));
  }

  warn(key: string, message: string, offset = this.pos): void {
    if (this.warnings.has(key)) this.warnings.add(key, message);
    else this.warnings.add(key, message, this.whereAt(offset));
  }

  /** A short printable excerpt from `offset`, for messages. */
  excerpt(offset: number, max = 24): string {
    let end = offset;
    while (end < this.bytes.length && end - offset < max) {
      const c = this.bytes[end]!;
      if (c === COMMA || c === CLOSE || c === 59 || c <= 32) break;
      end++;
    }
    return this.text(offset, Math.max(end, offset + 1));
  }

  /** Skips whitespace (any byte up to 0x20) and comments. */
  skipSpace(): void {
    const b = this.bytes;
    while (this.pos < b.length) {
      const c = b[this.pos]!;
      if (c <= 32) {
        this.pos++;
      } else if (c === SLASH && b[this.pos + 1] === STAR) {
        const end = this.buffer.indexOf('*/', this.pos + 2, 'latin1');
        if (end < 0) this.fail('a comment opened here is never closed (no */ before the end of the file)');
        this.pos = end + 2;
      } else {
        return;
      }
    }
  }

  /** Reads a keyword (entity or section name) at the cursor; undefined if none starts here. */
  keyword(): string | undefined {
    const b = this.bytes;
    const start = this.pos;
    let c = b[start];
    if (c === 33) c = b[start + 1]; // user-defined keyword `!NAME`
    if (c === undefined || !(isUpper(c) || isLower(c) || c === 95)) return undefined;
    let end = start + 1;
    while (end < b.length && isKeywordChar(b[end]!)) end++;
    this.pos = end;
    return this.text(start, end);
  }

  /** Requires `byte` (after optional whitespace) and steps over it. */
  expect(byte: number, what: string): void {
    this.skipSpace();
    if (this.peek() !== byte) {
      this.fail(this.atEnd ? `the file ends where ${what} was expected (truncated?)` : `expected ${what} but found '${this.excerpt(this.pos)}'`);
    }
    this.pos++;
  }

  /** Reads an instance label after `#`: a positive integer the IFC engine can store. */
  label(): number {
    const b = this.bytes;
    const start = this.pos;
    let end = start;
    while (end < b.length && isDigit(b[end]!)) end++;
    if (end === start) this.fail(`'#' is not followed by an instance number`);
    let value = 0;
    for (let i = start; i < end && i - start <= 10; i++) value = value * 10 + (b[i]! - 48);
    if (value === 0 || end - start > 10 || value > MAX_STEP_LABEL) {
      const text = this.text(start, end);
      this.entity ??= `#${text}`;
      if (value === 0) this.fail('instance number #0: instance numbers start at 1', start - 1);
      this.fail(`instance number #${text} exceeds the largest supported instance number ${MAX_STEP_LABEL}`, start - 1);
    }
    this.pos = end;
    return value;
  }

  /**
   * Reads a parameter list whose `(` is at the cursor, up to its matching `)`. Nesting is tracked
   * with a counter, not recursion, so a hostile depth cannot overflow the stack.
   * @param onReference receives every `#n` in the list.
   * @param strings receives every string literal's raw text (header lists only).
   * @returns the number of top-level parameters.
   */
  parameterList(onReference?: ReferenceSink, strings?: string[]): number {
    const open = this.pos;
    this.expect(OPEN, "'('");
    let depth = 1;
    let expectValue = true;
    let justOpened = true;
    let topLevel = 0;
    while (depth > 0) {
      this.skipSpace();
      if (this.atEnd) this.fail('the file ends inside a parameter list opened here (truncated or unbalanced parentheses)', open);
      const c = this.peek();
      if (expectValue) {
        if (c === CLOSE && justOpened) {
          depth--;
          this.pos++;
          expectValue = false;
          continue;
        }
        if (depth === 1) topLevel++;
        if (c === OPEN) {
          depth++;
          this.pos++;
          justOpened = true;
          continue;
        }
        if (this.value(c, onReference, strings)) {
          depth++;
          justOpened = true;
          continue;
        }
        expectValue = false;
        justOpened = false;
      } else if (c === COMMA) {
        this.pos++;
        expectValue = true;
        justOpened = false;
      } else if (c === CLOSE) {
        depth--;
        this.pos++;
      } else {
        this.fail(`expected ',' or ')' but found '${this.excerpt(this.pos)}'`);
      }
    }
    return topLevel;
  }

  /** Reads one scalar parameter; returns true when it was a typed value `NAME(` whose list is now open. */
  private value(c: number, onReference?: ReferenceSink, strings?: string[]): boolean {
    if (c === QUOTE) {
      const start = this.pos;
      this.string();
      if (strings !== undefined) strings.push(this.text(start + 1, this.pos - 1));
    } else if (c === HASH) {
      this.pos++;
      const label = this.label();
      onReference?.(label);
    } else if (c === DOLLAR || c === STAR) {
      this.pos++;
    } else if (c === DOT) {
      this.enumeration();
    } else if (c === DQUOTE) {
      this.binary();
    } else if (isDigit(c) || c === 45 || c === 43) {
      this.number();
    } else {
      const name = this.keyword();
      if (name === undefined) this.fail(`expected a parameter but found '${this.excerpt(this.pos)}'`);
      this.skipSpace();
      if (this.peek() !== OPEN) this.fail(`expected '(' after the typed parameter ${name}`);
      this.pos++;
      return true;
    }
    return false;
  }

  /** A number: `[+-]digits[.digits][E[+-]digits]`. Anything glued to it (`1.#INF`) is an error. */
  private number(): void {
    const b = this.bytes;
    const start = this.pos;
    let i = start;
    if (b[i] === 45 || b[i] === 43) i++;
    const digitsStart = i;
    while (isDigit(b[i] ?? NaN)) i++;
    let real = false;
    if (b[i] === DOT) {
      real = true;
      i++;
      while (isDigit(b[i] ?? NaN)) i++;
    }
    if (i === digitsStart || (i === digitsStart + 1 && real)) this.fail(`'${this.excerpt(start)}' is not a number`, start);
    if (digitsStart < b.length && b[digitsStart] === DOT) this.warn('step:number-leading-dot', `the number '${this.excerpt(start)}' has no digit before its decimal point`, start);
    if (b[i] === 69 || b[i] === 101) {
      if (b[i] === 101) this.warn('step:number-lowercase-exponent', `the number '${this.excerpt(start)}' writes its exponent with a lower-case 'e'`, start);
      i++;
      if (b[i] === 45 || b[i] === 43) i++;
      const expStart = i;
      while (isDigit(b[i] ?? NaN)) i++;
      if (i === expStart) this.fail(`'${this.excerpt(start)}' is not a number: its exponent has no digits`, start);
    }
    const next = b[i];
    if (next !== undefined && next > 32 && next !== COMMA && next !== CLOSE && next !== SLASH) {
      this.fail(`'${this.excerpt(start)}' is not a number (an exporter wrote infinity or NaN?)`, start);
    }
    this.pos = i;
  }

  /** An enumeration value `.NAME.` (booleans are `.T.`, `.F.`, `.U.`). */
  private enumeration(): void {
    const b = this.bytes;
    const start = this.pos;
    let i = start + 1;
    let lower = false;
    while (i < b.length && (isUpper(b[i]!) || isDigit(b[i]!) || b[i] === 95 || isLower(b[i]!))) {
      if (isLower(b[i]!)) lower = true;
      i++;
    }
    if (i === start + 1 || b[i] !== DOT) this.fail(`'${this.excerpt(start)}' is not an enumeration value`, start);
    if (lower) this.warn('step:enum-lowercase', `the enumeration value '${this.excerpt(start)}' is not in upper case`, start);
    this.pos = i + 1;
  }

  /** A binary literal `"0ABC"`: hex digits led by the count of unused bits (0 to 3). */
  private binary(): void {
    const b = this.bytes;
    const start = this.pos;
    let i = start + 1;
    while (i < b.length && isHex(b[i]!)) i++;
    if (b[i] !== DQUOTE || i === start + 1 || b[start + 1]! > 51) this.fail(`'${this.excerpt(start)}' is not a binary literal`, start);
    this.pos = i + 1;
  }

  /**
   * A string literal. `''` is a quote; a backslash opens a control directive (`\\`, `\S\c`,
   * `\PA\`, `\X\hh`, `\X2\hhhh…\X0\`, `\X4\hhhhhhhh…\X0\`). `\S\'` is a directive whose character is
   * a quote, so it does not end the string. Malformed directives are warnings: the text still
   * reads, with the backslash taken literally.
   */
  private string(): void {
    const b = this.bytes;
    const start = this.pos;
    let i = start + 1;
    for (;;) {
      if (i >= b.length) this.fail('a string opened here is never closed', start);
      const c = b[i]!;
      if (c === QUOTE) {
        if (b[i + 1] === QUOTE) {
          i += 2;
          continue;
        }
        this.pos = i + 1;
        return;
      }
      i = c === BACKSLASH ? this.directive(i) : i + 1;
    }
  }

  /** Checks the control directive at `i` (a backslash); returns the offset after it. */
  private directive(i: number): number {
    const b = this.bytes;
    const n = b[i + 1];
    if (n === BACKSLASH) return i + 2;
    if (n === 83 && b[i + 2] === BACKSLASH && i + 3 < b.length) return i + 4; // \S\c
    if (n === 80 && (b[i + 2] ?? 0) >= 65 && (b[i + 2] ?? 0) <= 73 && b[i + 3] === BACKSLASH) return i + 4; // \PA\
    if (n === 88) {
      if (b[i + 2] === BACKSLASH && isHex(b[i + 3] ?? NaN) && isHex(b[i + 4] ?? NaN)) return i + 5; // \X\hh
      if ((b[i + 2] === 50 || b[i + 2] === 52) && b[i + 3] === BACKSLASH) return this.wideDirective(i, b[i + 2] === 50 ? 4 : 8);
    }
    this.warn('step:string-escape', `a string holds the invalid escape '${this.text(i, Math.min(i + 4, b.length))}' (a backslash is written \\\\ in STEP)`, i);
    return i + 1;
  }

  /** `\X2\` or `\X4\` hex groups of `width` digits up to `\X0\`. */
  private wideDirective(i: number, width: number): number {
    const b = this.bytes;
    let j = i + 4;
    for (;;) {
      if (b[j] === BACKSLASH && b[j + 1] === 88 && b[j + 2] === 48 && b[j + 3] === BACKSLASH) return j + 4;
      let k = 0;
      while (k < width && isHex(b[j + k] ?? NaN)) k++;
      if (k < width) {
        this.warn('step:string-escape-wide', `a string's \\X${width === 4 ? 2 : 4}\\ sequence holds a character that is not ${width} hex digits or is not closed by \\X0\\`, i);
        return j;
      }
      j += width;
    }
  }
}
