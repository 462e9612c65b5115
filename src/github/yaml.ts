/**
 * A small, purpose-built YAML writer for workflows. Why not js-yaml's `dump`: a workflow needs comments (the
 * header, the `# v7.0.1` beside each pinned SHA), and every scalar has to go through ONE quoting function, so
 * what reaches the file is decided in one place and tested there (the tests parse every output back).
 * Block style, two-space indent, keys in insertion order: the same document gives the same bytes.
 */

/** A value with a comment after it on the same line (`uses: owner/repo@sha # v1.2.3`). */
export class Commented {
  constructor(
    readonly value: string,
    readonly comment: string,
  ) {}
}

/** A mapping whose entries are separated by blank lines (the top level, the jobs). */
export class Spaced {
  constructor(readonly map: YamlMap) {}
}

export type YamlScalar = string | number | boolean | null;
export type YamlNode = YamlScalar | Commented | Spaced | YamlMap | readonly YamlNode[];
/** Entries whose value is undefined are left out, so optional keys read naturally at the call site. */
export interface YamlMap {
  readonly [key: string]: YamlNode | undefined;
}

const KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
// Plain (unquoted) scalars: a conservative character set with no `:` or `#` (so neither `: ` nor ` #` can
// occur), no indicator as the first character, and nothing YAML 1.1 or 1.2 would read as another type.
const PLAIN = /^[A-Za-z_$./][A-Za-z0-9_$./{}()!|&=' ",*@+-]*$/;
const NOT_A_STRING = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i;
const NUMBER_LIKE = /^[-+]?\.?[0-9]|^\.(?:inf|nan)$/i;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * The one quoting function: plain when that is unambiguous, else single-quoted (printable ASCII), else
 * double-quoted with every other character escaped. Parsing the result gives back exactly `text`.
 */
export function quote(text: string): string {
  if (
    PLAIN.test(text) &&
    !NOT_A_STRING.test(text) &&
    !NUMBER_LIKE.test(text) &&
    !text.startsWith('...') &&
    !text.endsWith(' ')
  ) {
    return text;
  }
  if (PRINTABLE_ASCII.test(text)) return `'${text.replaceAll("'", "''")}'`;
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (code >= 0x20 && code <= 0x7e) out += ch;
    else if (code <= 0xffff) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

function scalar(value: YamlScalar | Commented): string {
  if (value instanceof Commented) return `${quote(value.value)} # ${commentText(value.comment)}`;
  if (value === null) return '';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`yaml: cannot write the number ${value}`);
    return String(value);
  }
  return value ? 'true' : 'false';
}

function commentText(text: string): string {
  if (!PRINTABLE_ASCII.test(text)) throw new Error(`yaml: a comment must be one line of printable ASCII`);
  return text;
}

/**
 * Keys are identifiers (workflow keywords, job ids from task ids). One a YAML 1.1 reader would take for a boolean
 * or null (a task called `true` or `no`) is quoted; `on` stays plain, as every workflow writes it.
 */
function checkKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`yaml: key ${JSON.stringify(key)} is not a plain identifier`);
  return key !== 'on' && NOT_A_STRING.test(key) ? `'${key}'` : key;
}

function isScalar(node: YamlNode): node is YamlScalar | Commented {
  return node === null || typeof node !== 'object' || node instanceof Commented;
}

/** A short list of identifiers reads best on one line: `needs: [build, test]`. */
function flowList(list: readonly YamlNode[]): string | null {
  const items: string[] = [];
  for (const item of list) {
    if (typeof item !== 'string' || !/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(item)) return null;
    const q = quote(item);
    if (q !== item) return null;
    items.push(q);
  }
  return `[${items.join(', ')}]`;
}

function entries(map: YamlMap): [string, YamlNode][] {
  const out: [string, YamlNode][] = [];
  for (const key of Object.keys(map)) {
    const value = map[key];
    if (value !== undefined) out.push([checkKey(key), value]);
  }
  return out;
}

function emitMap(map: YamlMap, indent: number, lines: string[], spaced: boolean): void {
  const pad = ' '.repeat(indent);
  let first = true;
  for (const [key, value] of entries(map)) {
    if (spaced && !first) lines.push('');
    first = false;
    if (isScalar(value)) {
      const text = scalar(value);
      lines.push(text === '' ? `${pad}${key}:` : `${pad}${key}: ${text}`);
    } else if (value instanceof Spaced) {
      emitBlock(key, value.map, indent, lines, true);
    } else {
      emitBlock(key, value, indent, lines, false);
    }
  }
}

function emitBlock(
  key: string,
  value: YamlMap | readonly YamlNode[],
  indent: number,
  lines: string[],
  spaced: boolean,
): void {
  const pad = ' '.repeat(indent);
  if (isList(value)) {
    if (value.length === 0) return void lines.push(`${pad}${key}: []`);
    const flow = flowList(value);
    if (flow !== null) return void lines.push(`${pad}${key}: ${flow}`);
    lines.push(`${pad}${key}:`);
    emitList(value, indent + 2, lines);
    return;
  }
  if (entries(value).length === 0) return void lines.push(`${pad}${key}: {}`);
  lines.push(`${pad}${key}:`);
  emitMap(value, indent + 2, lines, spaced);
}

function isList(value: YamlMap | readonly YamlNode[]): value is readonly YamlNode[] {
  return Array.isArray(value);
}

function emitList(list: readonly YamlNode[], indent: number, lines: string[]): void {
  const pad = ' '.repeat(indent);
  for (const item of list) {
    if (isScalar(item)) {
      lines.push(`${pad}- ${scalar(item)}`);
      continue;
    }
    if (item instanceof Spaced || isList(item))
      throw new Error('yaml: a list item must be a scalar or a mapping');
    // A mapping item: written at indent + 2, then its first line starts with "- " instead of two spaces.
    const start = lines.length;
    emitMap(item, indent + 2, lines, false);
    if (lines.length === start) lines.push(`${pad}- {}`);
    else lines[start] = `${pad}- ${lines[start]!.slice(indent + 2)}`;
  }
}

/** A whole document: comment lines, then the top-level mapping (its entries separated by blank lines). */
export function emitYaml(header: readonly string[], document: YamlMap): string {
  const lines = header.map((line) => (line === '' ? '#' : `# ${commentText(line)}`));
  if (lines.length > 0) lines.push('');
  emitMap(document, 0, lines, true);
  return `${lines.join('\n')}\n`;
}
