/**
 * A small pull scanner for well-formed XML such as GraphML: start and end tags with attributes,
 * text, comments, CDATA, the XML declaration and processing instructions. It checks nesting and
 * the five predefined entities plus character references. DOCTYPE is refused: entity
 * definitions are how XML is made to explode in memory, and GraphML does not use them.
 */

/** One step through the document. */
export type XmlEvent =
  | { kind: 'open'; name: string; attributes: Record<string, string>; selfClosing: boolean; offset: number }
  | { kind: 'close'; name: string; offset: number }
  | { kind: 'text'; text: string; offset: number };

/** Reports a well-formedness error at `offset`; never returns. */
export type XmlFail = (message: string, offset: number) => never;

const NAME = /[A-Za-z_:][\w.:-]*/y;
const ATTRIBUTE = /\s+([A-Za-z_:][\w.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));|&/g;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Replaces entity and character references; a bare `&` is an error. */
export function decodeEntities(text: string, offset: number, fail: XmlFail): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (match, named: string | undefined, dec: string | undefined, hex: string | undefined, at: number) => {
    if (named !== undefined) return PREDEFINED[named]!;
    const code = dec !== undefined ? Number(dec) : hex !== undefined ? parseInt(hex, 16) : NaN;
    if (!Number.isInteger(code) || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
      return fail(`'${match}' is not a valid entity or character reference (only &lt; &gt; &amp; &quot; &apos; and &#…; are defined)`, offset + at);
    }
    return String.fromCodePoint(code);
  });
}

/** Walks `text`, yielding tags and non-blank text, checking that every tag closes in order. */
export function* scanXml(text: string, fail: XmlFail): Generator<XmlEvent> {
  const open: Array<{ name: string; offset: number }> = [];
  let roots = 0;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (pos < text.length) {
    const lt = text.indexOf('<', pos);
    const end = lt < 0 ? text.length : lt;
    if (end > pos) {
      const raw = text.slice(pos, end);
      if (raw.trim() !== '') {
        if (open.length === 0) fail('text outside the root element', pos);
        yield { kind: 'text', text: decodeEntities(raw, pos, fail), offset: pos };
      }
    }
    if (lt < 0) break;
    pos = lt;
    if (text.startsWith('<!--', pos)) {
      pos = skipPast(text, '-->', pos, 'a comment', fail);
    } else if (text.startsWith('<![CDATA[', pos)) {
      const close = skipPast(text, ']]>', pos, 'a CDATA section', fail);
      if (open.length === 0) fail('CDATA outside the root element', pos);
      yield { kind: 'text', text: text.slice(pos + 9, close - 3), offset: pos };
      pos = close;
    } else if (text.startsWith('<?', pos)) {
      pos = skipPast(text, '?>', pos, 'a processing instruction', fail);
    } else if (text.startsWith('<!', pos)) {
      fail('DOCTYPE and other declarations are not accepted', pos);
    } else if (text.startsWith('</', pos)) {
      NAME.lastIndex = pos + 2;
      const name = NAME.exec(text)?.[0];
      const close = text.indexOf('>', pos);
      if (name === undefined || close < 0 || text.slice(NAME.lastIndex, close).trim() !== '') fail('a malformed end tag', pos);
      const top = open.pop();
      if (top === undefined || top.name !== name) fail(top === undefined ? `</${name}> closes nothing` : `</${name}> closes <${top.name}>`, pos);
      yield { kind: 'close', name, offset: pos };
      pos = close + 1;
    } else {
      const tag = startTag(text, pos, fail);
      if (open.length === 0 && roots++ > 0) fail('a second root element', pos);
      yield { kind: 'open', name: tag.name, attributes: tag.attributes, selfClosing: tag.selfClosing, offset: pos };
      if (tag.selfClosing) yield { kind: 'close', name: tag.name, offset: pos };
      else open.push({ name: tag.name, offset: pos });
      pos = tag.end;
    }
  }
  const unclosed = open.pop();
  if (unclosed !== undefined) fail(`<${unclosed.name}> opened here is never closed (truncated?)`, unclosed.offset);
  if (roots === 0) fail('the document has no root element', 0);
}

function skipPast(text: string, terminator: string, pos: number, what: string, fail: XmlFail): number {
  const at = text.indexOf(terminator, pos);
  if (at < 0) fail(`${what} opened here is never closed`, pos);
  return at + terminator.length;
}

function startTag(text: string, pos: number, fail: XmlFail): { name: string; attributes: Record<string, string>; selfClosing: boolean; end: number } {
  NAME.lastIndex = pos + 1;
  const name = NAME.exec(text)?.[0];
  if (name === undefined) fail("'<' does not start a tag", pos);
  let at = NAME.lastIndex;
  const attributes: Record<string, string> = {};
  for (;;) {
    ATTRIBUTE.lastIndex = at;
    const match = ATTRIBUTE.exec(text);
    if (match === null) break;
    const key = match[1]!;
    if (key in attributes) fail(`the attribute ${key} is given twice`, at);
    attributes[key] = decodeEntities(match[2] ?? match[3] ?? '', at, fail);
    at = ATTRIBUTE.lastIndex;
  }
  while (at < text.length && /\s/.test(text[at]!)) at++;
  if (text.startsWith('/>', at)) return { name, attributes, selfClosing: true, end: at + 2 };
  if (text[at] === '>') return { name, attributes, selfClosing: false, end: at + 1 };
  return fail(`the tag <${name}> is malformed near '${text.slice(at, at + 20)}'`, at);
}
