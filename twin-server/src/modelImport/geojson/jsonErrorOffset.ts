/**
 * Finds where JSON text goes wrong, for error messages: Node's JSON.parse does not always say
 * (V8 before 12 gives no position for an unexpected token). Only run on text JSON.parse refused.
 * A small iterative checker of RFC 8259 syntax: values, strings with escapes, numbers, literals.
 */
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// eslint-disable-next-line no-control-regex -- a JSON string may not hold raw control characters (RFC 8259 §7)
const STRING = /"(?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"/y;
const LITERAL = /true|false|null/y;

/** The offset of the first syntax error in `text`, or -1 if there is none. */
export function jsonErrorOffset(text: string): number {
  // What may come next: a value, a key, or after a value/key the separator its container expects.
  const stack: Array<'object' | 'array'> = [];
  let expect: 'value' | 'key' | 'colon' | 'after' | 'value-or-close' | 'key-or-close' = 'value';
  let i = 0;
  const skip = (): void => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const match = (pattern: RegExp): boolean => {
    pattern.lastIndex = i;
    if (!pattern.test(text)) return false;
    i = pattern.lastIndex;
    return true;
  };
  for (;;) {
    skip();
    if (i >= text.length) return stack.length === 0 && expect === 'after' ? -1 : i;
    const c = text[i];
    if ((expect === 'value-or-close' && c === ']') || (expect === 'key-or-close' && c === '}') || (expect === 'after' && (c === ']' || c === '}'))) {
      if (stack.pop() !== (c === ']' ? 'array' : 'object')) return i;
      i++;
      expect = 'after';
    } else if (expect === 'after') {
      if (c !== ',' || stack.length === 0) return i;
      i++;
      expect = stack[stack.length - 1] === 'array' ? 'value' : 'key';
    } else if (expect === 'colon') {
      if (c !== ':') return i;
      i++;
      expect = 'value';
    } else if (expect === 'key' || expect === 'key-or-close') {
      if (!match(STRING)) return i;
      expect = 'colon';
    } else if (c === '{' || c === '[') {
      stack.push(c === '{' ? 'object' : 'array');
      i++;
      expect = c === '{' ? 'key-or-close' : 'value-or-close';
    } else if (match(STRING) || match(NUMBER) || match(LITERAL)) {
      expect = 'after';
    } else {
      return i;
    }
    if (expect === 'after' && stack.length === 0) {
      skip();
      return i < text.length ? i : -1;
    }
  }
}
