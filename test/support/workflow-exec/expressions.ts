/**
 * The subset of the GitHub Actions expression language our workflows use: literals, contexts with `.`/`[]`
 * property access (case-insensitive, hyphens allowed in names), `.*` object filters, `!`, comparisons, `&&`, `||`, parentheses and
 * the functions success, failure, always, cancelled, contains, startsWith, endsWith, format, join, toJSON and
 * fromJSON. Anything else throws `unsupported: …` rather than guessing.
 */

export type Value = null | boolean | number | string | Value[] | { [key: string]: Value };

/** What `success()`, `failure()` and `cancelled()` answer where an expression is evaluated. */
export interface StatusFunctions {
  success: () => boolean;
  failure: () => boolean;
  cancelled: () => boolean;
}

export interface EvalContext {
  contexts: Record<string, Value>;
  status?: StatusFunctions;
}

type Node =
  | { kind: 'literal'; value: Value }
  | { kind: 'context'; name: string }
  | { kind: 'property'; object: Node; key: Node }
  | { kind: 'star'; object: Node }
  | { kind: 'call'; name: string; args: Node[] }
  | { kind: 'not'; operand: Node }
  | { kind: 'binary'; op: string; left: Node; right: Node };

type Token =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'ident'; value: string }
  | { kind: 'punct'; value: string };

export function unsupported(what: string): Error {
  return new Error(`unsupported: ${what}`);
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new Error(`unterminated string in expression: ${text}`);
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i];
        i++;
      }
      tokens.push({ kind: 'string', value });
    } else if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const match = /^-?(0x[0-9a-f]+|[0-9]+(\.[0-9]+)?(e[+-]?[0-9]+)?)/i.exec(text.slice(i));
      const raw = match?.[0] ?? c;
      tokens.push({ kind: 'number', value: Number(raw) });
      i += raw.length;
    } else if (/[A-Za-z_]/.test(c)) {
      const raw = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(text.slice(i))?.[0] ?? c;
      tokens.push({ kind: 'ident', value: raw });
      i += raw.length;
    } else {
      const two = text.slice(i, i + 2);
      if (['==', '!=', '<=', '>=', '&&', '||'].includes(two)) {
        tokens.push({ kind: 'punct', value: two });
        i += 2;
      } else if ('()[].,!<>*'.includes(c)) {
        tokens.push({ kind: 'punct', value: c });
        i++;
      } else {
        throw unsupported(`character ${JSON.stringify(c)} in expression ${JSON.stringify(text)}`);
      }
    }
  }
  return tokens;
}

const FUNCTIONS = new Set([
  'success',
  'failure',
  'always',
  'cancelled',
  'contains',
  'startswith',
  'endswith',
  'format',
  'join',
  'tojson',
  'fromjson',
]);
export const STATUS_FUNCTIONS = new Set(['success', 'failure', 'always', 'cancelled']);

class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly text: string,
  ) {}

  parse(): Node {
    const node = this.or();
    if (this.pos < this.tokens.length) this.fail('unexpected token');
    return node;
  }

  private fail(message: string): never {
    throw new Error(`${message} in expression ${JSON.stringify(this.text)}`);
  }

  private peek(value: string): boolean {
    const t = this.tokens[this.pos];
    return t !== undefined && t.kind === 'punct' && t.value === value;
  }

  private expect(value: string): void {
    if (!this.peek(value)) this.fail(`expected '${value}'`);
    this.pos++;
  }

  private binary(next: () => Node, ops: string[]): Node {
    let left = next();
    for (;;) {
      const t = this.tokens[this.pos];
      if (t === undefined || t.kind !== 'punct' || !ops.includes(t.value)) return left;
      this.pos++;
      left = { kind: 'binary', op: t.value, left, right: next() };
    }
  }

  private or(): Node {
    return this.binary(() => this.and(), ['||']);
  }
  private and(): Node {
    return this.binary(() => this.equality(), ['&&']);
  }
  private equality(): Node {
    return this.binary(() => this.comparison(), ['==', '!=']);
  }
  private comparison(): Node {
    return this.binary(() => this.unary(), ['<', '<=', '>', '>=']);
  }
  private unary(): Node {
    if (this.peek('!')) {
      this.pos++;
      return { kind: 'not', operand: this.unary() };
    }
    return this.postfix();
  }

  private postfix(): Node {
    let node = this.primary();
    for (;;) {
      if (this.peek('.')) {
        this.pos++;
        const t = this.tokens[this.pos];
        if (t?.kind === 'punct' && t.value === '*') {
          this.pos++;
          node = { kind: 'star', object: node };
          continue;
        }
        if (t?.kind !== 'ident') this.fail("expected a property name after '.'");
        this.pos++;
        node = { kind: 'property', object: node, key: { kind: 'literal', value: t.value } };
      } else if (this.peek('[')) {
        this.pos++;
        const key = this.or();
        this.expect(']');
        node = { kind: 'property', object: node, key };
      } else {
        return node;
      }
    }
  }

  private primary(): Node {
    const t = this.tokens[this.pos];
    if (t === undefined) this.fail('unexpected end');
    this.pos++;
    if (t.kind === 'number' || t.kind === 'string') return { kind: 'literal', value: t.value };
    if (t.kind === 'punct') {
      if (t.value !== '(') this.fail(`unexpected '${t.value}'`);
      const node = this.or();
      this.expect(')');
      return node;
    }
    const word = t.value;
    if (word === 'true' || word === 'false') return { kind: 'literal', value: word === 'true' };
    if (word === 'null') return { kind: 'literal', value: null };
    if (this.peek('(')) {
      this.pos++;
      const name = word.toLowerCase();
      if (!FUNCTIONS.has(name)) throw unsupported(`function ${word}() in ${this.text}`);
      const args: Node[] = [];
      if (!this.peek(')')) {
        args.push(this.or());
        while (this.peek(',')) {
          this.pos++;
          args.push(this.or());
        }
      }
      this.expect(')');
      return { kind: 'call', name, args };
    }
    return { kind: 'context', name: word };
  }
}

export function parseExpression(text: string): Node {
  return new Parser(tokenize(text), text).parse();
}

function usesStatusFunction(node: Node): boolean {
  switch (node.kind) {
    case 'call':
      return STATUS_FUNCTIONS.has(node.name) || node.args.some(usesStatusFunction);
    case 'not':
      return usesStatusFunction(node.operand);
    case 'binary':
      return usesStatusFunction(node.left) || usesStatusFunction(node.right);
    case 'property':
      return usesStatusFunction(node.object) || usesStatusFunction(node.key);
    case 'star':
      return usesStatusFunction(node.object);
    default:
      return false;
  }
}

export function truthy(v: Value): boolean {
  if (v === null || v === false || v === 0 || v === '') return false;
  if (typeof v === 'number' && Number.isNaN(v)) return false;
  return true;
}

function toNumber(v: Value): number {
  if (v === null) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v.trim() === '' ? 0 : Number(v.trim());
  return NaN;
}

function kindOf(v: Value): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/** GitHub's loose equality: strings compare case-insensitively; different kinds compare as numbers. */
export function looseEquals(a: Value, b: Value): boolean {
  const ka = kindOf(a);
  if (ka === kindOf(b)) {
    if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
    return a === b;
  }
  if (ka === 'array' || ka === 'object' || kindOf(b) === 'array' || kindOf(b) === 'object') return false;
  return toNumber(a) === toNumber(b);
}

function compare(op: string, a: Value, b: Value): boolean {
  let x: number | string;
  let y: number | string;
  if (typeof a === 'string' && typeof b === 'string') {
    x = a.toLowerCase();
    y = b.toLowerCase();
  } else {
    x = toNumber(a);
    y = toNumber(b);
  }
  switch (op) {
    case '<':
      return x < y;
    case '<=':
      return x <= y;
    case '>':
      return x > y;
    default:
      return x >= y;
  }
}

/** The string form of a value, as `${{ }}` interpolation and string functions give it. */
export function valueToString(v: Value): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v;
  throw unsupported(`an ${Array.isArray(v) ? 'array' : 'object'} used as a string (use toJSON)`);
}

/** Arrays made by a `.*` object filter: a property of one is looked up in each element (GitHub's filters). */
const filtered = new WeakSet<Value[]>();

function star(object: Value): Value {
  const items = Array.isArray(object)
    ? [...object]
    : object !== null && typeof object === 'object'
      ? Object.values(object)
      : [];
  filtered.add(items);
  return items;
}

function lookup(object: Value, key: Value): Value {
  if (Array.isArray(object) && filtered.has(object)) {
    const items = object.map((e) => lookup(e, key)).filter((e) => e !== null);
    filtered.add(items);
    return items;
  }
  if (Array.isArray(object)) {
    const index = toNumber(key);
    return Number.isInteger(index) ? (object[index] ?? null) : null;
  }
  if (object === null || typeof object !== 'object') return null;
  const name = valueToString(key);
  if (Object.hasOwn(object, name)) return object[name] ?? null;
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(object)) if (k.toLowerCase() === lower) return v;
  return null;
}

/** Plain JSON into a Value (the parsed JSON is trusted to be JSON). */
export function fromJson(text: string): Value {
  try {
    return JSON.parse(text) as Value;
  } catch {
    throw new Error(`fromJSON: not valid JSON: ${JSON.stringify(text)}`);
  }
}

function format(template: string, args: Value[]): string {
  return template.replace(/\{\{|\}\}|\{(\d+)\}/g, (m, index: string | undefined) => {
    if (m === '{{') return '{';
    if (m === '}}') return '}';
    const i = Number(index);
    if (i >= args.length) throw new Error(`format: no argument {${i}} in ${JSON.stringify(template)}`);
    return valueToString(args[i] ?? null);
  });
}

function evaluate(node: Node, ctx: EvalContext): Value {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'context': {
      const key = Object.keys(ctx.contexts).find((k) => k.toLowerCase() === node.name.toLowerCase());
      if (key === undefined) throw unsupported(`context ${node.name}`);
      return ctx.contexts[key] ?? null;
    }
    case 'property':
      return lookup(evaluate(node.object, ctx), evaluate(node.key, ctx));
    case 'star':
      return star(evaluate(node.object, ctx));
    case 'not':
      return !truthy(evaluate(node.operand, ctx));
    case 'binary': {
      const left = evaluate(node.left, ctx);
      if (node.op === '&&') return truthy(left) ? evaluate(node.right, ctx) : left;
      if (node.op === '||') return truthy(left) ? left : evaluate(node.right, ctx);
      const right = evaluate(node.right, ctx);
      if (node.op === '==') return looseEquals(left, right);
      if (node.op === '!=') return !looseEquals(left, right);
      return compare(node.op, left, right);
    }
    case 'call':
      return call(node.name, node.args, ctx);
  }
}

function call(name: string, argNodes: Node[], ctx: EvalContext): Value {
  if (STATUS_FUNCTIONS.has(name)) {
    if (argNodes.length > 0) throw new Error(`${name}() takes no arguments`);
    if (name === 'always') return true;
    if (ctx.status === undefined) throw unsupported(`${name}() outside an if:`);
    if (name === 'success') return ctx.status.success();
    if (name === 'failure') return ctx.status.failure();
    return ctx.status.cancelled();
  }
  const args = argNodes.map((a) => evaluate(a, ctx));
  const arity = (min: number, max: number): void => {
    if (args.length < min || args.length > max) throw new Error(`${name}() takes ${min}..${max} arguments`);
  };
  switch (name) {
    case 'contains': {
      arity(2, 2);
      const [search, item] = args as [Value, Value];
      if (Array.isArray(search)) return search.some((e) => looseEquals(e, item));
      return valueToString(search).toLowerCase().includes(valueToString(item).toLowerCase());
    }
    case 'startswith':
    case 'endswith': {
      arity(2, 2);
      const s = valueToString(args[0] ?? null).toLowerCase();
      const p = valueToString(args[1] ?? null).toLowerCase();
      return name === 'startswith' ? s.startsWith(p) : s.endsWith(p);
    }
    case 'format':
      if (args.length < 1) throw new Error('format() needs a format string');
      return format(valueToString(args[0] ?? null), args.slice(1));
    case 'join': {
      arity(1, 2);
      const sep = args.length > 1 ? valueToString(args[1] ?? null) : ',';
      const a = args[0] ?? null;
      return Array.isArray(a) ? a.map(valueToString).join(sep) : valueToString(a);
    }
    case 'tojson':
      arity(1, 1);
      return JSON.stringify(args[0] ?? null, null, 2);
    default:
      arity(1, 1);
      return fromJson(valueToString(args[0] ?? null));
  }
}

export function evaluateExpression(text: string, ctx: EvalContext): Value {
  return evaluate(parseExpression(text), ctx);
}

/** Splits `a ${{ x }} b` into literal text and expressions; `}}` inside a string literal does not close. */
function splitTemplate(text: string): ({ text: string } | { expr: string })[] {
  const parts: ({ text: string } | { expr: string })[] = [];
  let i = 0;
  while (i < text.length) {
    const start = text.indexOf('${{', i);
    if (start < 0) {
      parts.push({ text: text.slice(i) });
      break;
    }
    if (start > i) parts.push({ text: text.slice(i, start) });
    let j = start + 3;
    let inString = false;
    for (;;) {
      if (j >= text.length) throw new Error(`unterminated \${{ in ${JSON.stringify(text)}`);
      if (text[j] === "'") inString = !inString;
      else if (!inString && text.startsWith('}}', j)) break;
      j++;
    }
    parts.push({ expr: text.slice(start + 3, j) });
    i = j + 2;
  }
  return parts;
}

/**
 * Substitutes every `${{ }}` in a string. A string that is exactly one `${{ }}` keeps the value's type (a
 * matrix from `fromJSON`), unless `asString`.
 */
export function interpolate(text: string, ctx: EvalContext): Value {
  const parts = splitTemplate(text);
  const only = parts.length === 1 ? parts[0] : undefined;
  if (only !== undefined && 'expr' in only) return evaluateExpression(only.expr, ctx);
  return parts.map((p) => ('expr' in p ? valueToString(evaluateExpression(p.expr, ctx)) : p.text)).join('');
}

export function interpolateString(text: string, ctx: EvalContext): string {
  return valueToString(interpolate(text, ctx));
}

/**
 * An `if:` condition: `${{ }}` around it is optional; without a status function it means `success() && (…)`.
 */
export function evaluateCondition(condition: unknown, ctx: EvalContext): boolean {
  let text: string;
  if (condition === undefined || condition === null) text = 'success()';
  else if (typeof condition === 'boolean' || typeof condition === 'number') text = String(condition);
  else if (typeof condition === 'string') text = condition.trim();
  else throw unsupported(`if: of type ${typeof condition}`);
  const wrapped = /^\$\{\{([\s\S]*)\}\}$/.exec(text);
  if (wrapped !== null) {
    const inner = wrapped[1] as string;
    if (inner.includes('${{')) throw unsupported(`if: with several \${{ }}: ${text}`);
    text = inner;
  } else if (text.includes('${{')) {
    throw unsupported(`if: mixing text and \${{ }}: ${text}`);
  }
  const node = parseExpression(text);
  const full: Node = usesStatusFunction(node)
    ? node
    : { kind: 'binary', op: '&&', left: { kind: 'call', name: 'success', args: [] }, right: node };
  return truthy(evaluate(full, ctx));
}
