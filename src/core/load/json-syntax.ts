/**
 * A strict JSON syntax check (RFC 8259) that says where and what: JSON.parse's messages differ between Node
 * versions and some give no position at all. It builds no value; iterative, so nesting depth costs no stack.
 */

export interface JsonSyntaxError {
  offset: number;
  message: string;
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

export function checkJsonSyntax(text: string): JsonSyntaxError | null {
  let i = 0;
  const n = text.length;
  // What the enclosing containers expect next.
  const stack: ('object' | 'array')[] = [];
  const skip = (): void => {
    while (i < n && WS.has(text.charCodeAt(i))) i++;
  };
  const describe = (): string => (i >= n ? 'the end of the file' : `${JSON.stringify(text[i])}`);
  const fail = (message: string): JsonSyntaxError => ({ offset: i, message });

  const string = (): JsonSyntaxError | null => {
    i++; // opening quote
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return null;
      }
      if (c < 0x20)
        return fail(
          'a string cannot hold a raw control character or line break: escape it (\\n, \\t, \\u0000)',
        );
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9A-Fa-f]{4}$/.test(text.slice(i + 2, i + 6)))
            return fail('invalid \\u escape: it takes 4 hex digits');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          i += 2;
        } else {
          return fail(`invalid escape \\${e ?? ''} in a string`);
        }
        continue;
      }
      i++;
    }
    return fail('unterminated string');
  };

  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const value = (): JsonSyntaxError | null => {
    skip();
    const c = text[i];
    if (c === '{' || c === '[') {
      stack.push(c === '{' ? 'object' : 'array');
      i++;
      return null;
    }
    if (c === '"') return string();
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, i)) {
        i += literal.length;
        return null;
      }
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (m !== null && m[0] !== '' && m[0] !== '-') {
      i += m[0].length;
      return null;
    }
    return fail(
      `expected a value, got ${describe()}${c === "'" ? ' (JSON strings take double quotes)' : ''}`,
    );
  };

  // Each step reads one value or one container delimiter; `afterValue` says a value just ended.
  let err = value();
  if (err !== null) return err;
  let justOpened = stack.length > 0;
  while (stack.length > 0) {
    skip();
    const top = stack[stack.length - 1]!;
    const close = top === 'object' ? '}' : ']';
    if (justOpened) {
      justOpened = false;
      if (text[i] === close) {
        i++;
        stack.pop();
        continue;
      }
    } else {
      if (text[i] === close) {
        i++;
        stack.pop();
        continue;
      }
      if (text[i] !== ',') return fail(`expected "," or "${close}", got ${describe()}`);
      i++;
      skip();
      if (text[i] === close) return fail(`trailing comma before "${close}": JSON allows none`);
    }
    if (top === 'object') {
      skip();
      if (text[i] !== '"') return fail(`expected a key in double quotes, got ${describe()}`);
      err = string();
      if (err !== null) return err;
      skip();
      if (text[i] !== ':') return fail(`expected ":" after the key, got ${describe()}`);
      i++;
    }
    const depth = stack.length;
    err = value();
    if (err !== null) return err;
    justOpened = stack.length > depth;
  }
  skip();
  if (i < n) return fail(`unexpected ${describe()} after the end of the document`);
  return null;
}
