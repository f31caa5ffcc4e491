/**
 * A reader for the DATA section of ISO 10303-21 (STEP physical file) text, enough to index an
 * IFC model: entity instances `#id=TYPE(args);` with nested lists, references, enumerations,
 * typed values (`IFCLABEL('x')`), and strings with their `\X2\…\X0\` / `\X\hh` / `\S\c` escapes.
 * Complex instances (`#id=(A(...)B(...));`) are skipped: IFC uses them only for units.
 */

/** A reference to another instance, `#12`. */
export interface StepRef {
  ref: number;
}

/** An enumeration value, `.ELEMENT.` (booleans `.T.`/`.F.` become JavaScript booleans). */
export interface StepEnum {
  enum: string;
}

/** A typed value inside a select, `IFCLABEL('Lobby')`. */
export interface StepTyped {
  type: string;
  value: StepValue;
}

/** One attribute value; `null` is `$` (unset) or `*` (derived). */
export type StepValue = null | number | string | boolean | StepRef | StepEnum | StepTyped | StepValue[];

/** One entity instance: its id, upper-case type name and attributes. */
export interface StepEntity {
  id: number;
  type: string;
  args: StepValue[];
}

/** Why a STEP text could not be read. */
export class StepSyntaxError extends Error {
  override name = 'StepSyntaxError';
}

const CH = (c: string) => c.charCodeAt(0);
const [HASH, EQ, LPAREN, RPAREN, COMMA, SEMI, QUOTE, DOLLAR, STAR, DOT, SLASH] = ['#', '=', '(', ')', ',', ';', "'", '$', '*', '.', '/'].map(CH) as [number, number, number, number, number, number, number, number, number, number, number];

/**
 * Parses every simple entity instance of the DATA section.
 * @throws StepSyntaxError when the text has no DATA section or a malformed instance.
 */
export function parseStep(text: string): Map<number, StepEntity> {
  const start = text.search(/\bDATA\s*;/);
  if (start < 0) throw new StepSyntaxError('no DATA section');
  const reader = new Reader(text, text.indexOf(';', start) + 1);
  const entities = new Map<number, StepEntity>();
  for (;;) {
    reader.skipSpace();
    if (reader.atEnd() || reader.peek() !== HASH) break;
    const entity = reader.instance();
    if (entity !== undefined) entities.set(entity.id, entity);
  }
  return entities;
}

class Reader {
  constructor(
    private readonly text: string,
    private at: number,
  ) {}

  atEnd(): boolean {
    return this.at >= this.text.length;
  }

  peek(): number {
    return this.text.charCodeAt(this.at);
  }

  skipSpace(): void {
    for (;;) {
      const c = this.peek();
      if (c === 32 || c === 10 || c === 13 || c === 9) this.at++;
      else if (c === SLASH && this.text.charCodeAt(this.at + 1) === STAR) {
        const end = this.text.indexOf('*/', this.at + 2);
        this.at = end < 0 ? this.text.length : end + 2;
      } else return;
    }
  }

  private expect(c: number): void {
    this.skipSpace();
    if (this.peek() !== c) throw new StepSyntaxError(`expected '${String.fromCharCode(c)}' at offset ${this.at}`);
    this.at++;
  }

  private integer(): number {
    const from = this.at;
    while (this.peek() >= 48 && this.peek() <= 57) this.at++;
    return Number(this.text.slice(from, this.at));
  }

  private keyword(): string {
    const from = this.at;
    for (let c = this.peek(); (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95; c = this.peek()) this.at++;
    return this.text.slice(from, this.at).toUpperCase();
  }

  /** `#id=TYPE(args);`, or undefined for a complex instance (skipped). */
  instance(): StepEntity | undefined {
    this.expect(HASH);
    const id = this.integer();
    this.expect(EQ);
    this.skipSpace();
    if (this.peek() === LPAREN) {
      const end = this.text.indexOf(');', this.at);
      this.at = end < 0 ? this.text.length : end + 2;
      return undefined;
    }
    const type = this.keyword();
    const args = this.list();
    this.expect(SEMI);
    return { id, type, args };
  }

  private list(): StepValue[] {
    this.expect(LPAREN);
    const values: StepValue[] = [];
    this.skipSpace();
    if (this.peek() === RPAREN) {
      this.at++;
      return values;
    }
    for (;;) {
      values.push(this.value());
      this.skipSpace();
      const c = this.peek();
      this.at++;
      if (c === RPAREN) return values;
      if (c !== COMMA) throw new StepSyntaxError(`expected ',' or ')' at offset ${this.at - 1}`);
    }
  }

  private value(): StepValue {
    this.skipSpace();
    const c = this.peek();
    if (c === DOLLAR || c === STAR) {
      this.at++;
      return null;
    }
    if (c === HASH) {
      this.at++;
      return { ref: this.integer() };
    }
    if (c === QUOTE) return this.string();
    if (c === LPAREN) return this.list();
    if (c === DOT) {
      const end = this.text.indexOf('.', this.at + 1);
      const name = this.text.slice(this.at + 1, end);
      this.at = end + 1;
      if (name === 'T') return true;
      if (name === 'F') return false;
      return { enum: name };
    }
    if ((c >= 48 && c <= 57) || c === 45 || c === 43) return this.number();
    const type = this.keyword();
    if (type === '') throw new StepSyntaxError(`unexpected character at offset ${this.at}`);
    const inner = this.list();
    return { type, value: inner.length === 1 ? inner[0]! : inner };
  }

  private number(): number {
    const from = this.at;
    for (let c = this.peek(); (c >= 48 && c <= 57) || c === 45 || c === 43 || c === DOT || c === 69 || c === 101; c = this.peek()) this.at++;
    return Number(this.text.slice(from, this.at));
  }

  private string(): string {
    let raw = '';
    let from = ++this.at;
    for (;;) {
      const end = this.text.indexOf("'", from);
      if (end < 0) throw new StepSyntaxError('unterminated string');
      if (this.text.charCodeAt(end + 1) === QUOTE) {
        raw += this.text.slice(from, end + 1);
        from = end + 2;
        continue;
      }
      raw += this.text.slice(from, end);
      this.at = end + 1;
      return decodeStepString(raw);
    }
  }
}

/** Decodes the escapes of ISO 10303-21 strings (`''` is already a single quote here). */
export function decodeStepString(raw: string): string {
  if (!raw.includes('\\')) return raw;
  return raw
    .replace(/\\X2\\((?:[0-9A-F]{4})*)\\X0\\/gi, (_, hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16))))
    .replace(/\\X4\\((?:[0-9A-F]{8})*)\\X0\\/gi, (_, hex: string) => String.fromCodePoint(...(hex.match(/.{8}/g) ?? []).map((h) => parseInt(h, 16))))
    .replace(/\\X\\([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\\S\\(.)/g, (_, c: string) => String.fromCharCode(c.charCodeAt(0) + 128))
    .replace(/\\\\/g, '\\');
}
