/**
 * The README's reference of the action, generated from action.yml so the two cannot drift: a table of the inputs
 * (name, required, default, description) and one of the outputs. test/action/readme.test.ts holds README.md to it
 * between the markers below (`UPDATE_GOLDEN=1` rewrites the block).
 */
import { parse } from 'yaml';

export const README_START = '<!-- action.yml:start -->';
export const README_END = '<!-- action.yml:end -->';

interface Row {
  name: string;
  required: boolean;
  default: string | undefined;
  description: string;
}

/** The markdown block (without the markers) for the action described by `actionYmlText`. */
export function actionReadme(actionYmlText: string): string {
  const doc: unknown = parse(actionYmlText);
  if (!isMap(doc)) throw new Error('action.yml: expected a mapping at the top level');
  const inputs = rows(doc, 'inputs');
  const outputs = rows(doc, 'outputs');

  const lines = [
    '<!-- Generated from action.yml by src/action/readme.ts; edit action.yml, then run',
    '     UPDATE_GOLDEN=1 npx vitest run test/action/readme.test.ts -->',
    '',
    '#### Inputs',
    '',
  ];
  if (inputs.length === 0) lines.push('None.');
  else {
    lines.push('| input | required | default | description |', '|---|---|---|---|');
    for (const r of inputs) {
      const def = r.default === undefined ? '' : r.default === '' ? '(empty)' : codeSpan(r.default);
      lines.push(
        `| ${codeSpan(r.name)} | ${r.required ? 'yes' : 'no'} | ${def} | ${inline(r.description)} |`,
      );
    }
  }
  lines.push('', '#### Outputs', '');
  if (outputs.length === 0) lines.push('None.');
  else {
    lines.push('| output | description |', '|---|---|');
    for (const r of outputs) lines.push(`| ${codeSpan(r.name)} | ${inline(r.description)} |`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `text` with the block between the markers replaced by `block`. Throws when the markers are missing, repeated or
 * out of order, so a damaged README is never rewritten.
 */
export function replaceReadmeBlock(text: string, block: string): string {
  const { start, end } = markers(text);
  return `${text.slice(0, start + README_START.length)}\n${block}${text.slice(end)}`;
}

/** The block between the markers (without them), as `replaceReadmeBlock` writes it. */
export function readmeBlock(text: string): string {
  const { start, end } = markers(text);
  return text.slice(start + README_START.length + 1, end);
}

function markers(text: string): { start: number; end: number } {
  const start = text.indexOf(README_START);
  const end = text.indexOf(README_END);
  if (start < 0 || end < 0)
    throw new Error(`README.md: the markers ${README_START} and ${README_END} are missing`);
  if (text.indexOf(README_START, start + 1) >= 0 || text.indexOf(README_END, end + 1) >= 0) {
    throw new Error('README.md: the action.yml markers appear more than once');
  }
  if (end < start + README_START.length + 1)
    throw new Error(`README.md: ${README_END} comes before ${README_START}`);
  return { start, end };
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function rows(doc: Record<string, unknown>, key: 'inputs' | 'outputs'): Row[] {
  const section = doc[key];
  if (section === undefined || section === null) return [];
  if (!isMap(section)) throw new Error(`action.yml: ${key} must be a mapping`);
  return Object.entries(section).map(([name, spec]) => {
    if (spec === null) return { name, required: false, default: undefined, description: '' };
    if (!isMap(spec)) throw new Error(`action.yml: ${key}.${name} must be a mapping`);
    const description = spec.description ?? '';
    if (typeof description !== 'string')
      throw new Error(`action.yml: ${key}.${name}.description must be a string`);
    const def = spec.default;
    return {
      name,
      required: spec.required === true || spec.required === 'true',
      default: def === undefined || def === null ? undefined : String(def),
      description,
    };
  });
}

/**
 * A description as one table cell: paragraphs (blank lines) become `<br><br>`, other line breaks spaces; code
 * spans are kept (their pipes escaped, which GFM tables require even there), and the rest is escaped so it shows
 * as written: no emphasis, link, HTML tag or entity is made of the text, and no pipe ends the cell.
 */
function inline(description: string): string {
  return description
    .trim()
    .split(/\n[ \t]*\n\s*/)
    .map((paragraph) => escapeText(paragraph.replace(/\s*\n\s*/g, ' ')))
    .join('<br><br>');
}

function escapeText(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '`') {
      const run = /^`+/.exec(text.slice(i))![0];
      const close = findRun(text, i + run.length, run.length);
      if (close >= 0) {
        out += `${run}${text.slice(i + run.length, close).replaceAll('|', '\\|')}${run}`;
        i = close + run.length;
      } else {
        out += run.replaceAll('`', '\\`');
        i += run.length;
      }
      continue;
    }
    const next = text.indexOf('`', i);
    const plain = text.slice(i, next < 0 ? text.length : next);
    out += plain.replace(/[\\*_[\]|<>&~]/g, (c) => ESCAPES[c] ?? `\\${c}`);
    i += plain.length;
  }
  return out;
}

const ESCAPES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };

/** Where the next backtick run of exactly `length` starts, from `from`; -1 when there is none. */
function findRun(text: string, from: number, length: number): number {
  const re = /`+/g;
  re.lastIndex = from;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) if (m[0].length === length) return m.index;
  return -1;
}

/** `value` as a code span, with a fence longer than any backtick run in it and GFM's table pipe escape. */
function codeSpan(value: string): string {
  const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = value.startsWith('`') || value.endsWith('`') || /^ .* $/.test(value) ? ' ' : '';
  return `${fence}${pad}${value.replace(/\s*\n\s*/g, ' ').replaceAll('|', '\\|')}${pad}${fence}`;
}
