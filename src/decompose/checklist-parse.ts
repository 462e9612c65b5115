/**
 * A markdown checklist, line by line, into items: the first half of the no-AI decomposer (checklist.ts builds
 * the plan). Only `- [ ]` / `- [x]` items are tasks; what is indented under an item is its details; headings
 * are groups. Nothing here is interpreted as markdown beyond that: the item text is kept as written.
 */
import type { Diagnostic } from '../core/diagnostics.js';

export interface ChecklistRef {
  /** As written, trimmed. */
  text: string;
  /** 1-based, in UTF-16 code units. */
  column: number;
}

export interface ChecklistItem {
  /** 1-based, in document order, nested and checked items included: what `(after 3)` counts. */
  number: number;
  line: number;
  /** Column of the item's text (after the checkbox). */
  column: number;
  indent: number;
  checked: boolean;
  /** The item text without its `(after ...)` annotation. */
  text: string;
  refs: ChecklistRef[];
  /** Headings above the item, outermost first (the plan's title heading excluded). */
  groups: string[];
  /** The item this one is nested under. */
  parent: ChecklistItem | null;
  /** Lines indented under the item that are not items themselves, common indentation removed. */
  details: string[];
}

export interface ParsedChecklist {
  /** The first heading when it is a level-1 heading before any item. */
  title: string | null;
  items: ChecklistItem[];
  /** True when there is text outside items, headings and comments (prose: a request for an AI, not a list). */
  prose: boolean;
  diagnostics: Diagnostic[];
}

const ITEM = /^([ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]+\[([ xX])\](?:[ \t]+(.*?))?[ \t]*$/;
// Looks like an item but is not one: `- []`, `-[ ] x`, `- [ ]x`, `- [ x ] y`. A markdown link, `- [a](b)`, is not.
const NEAR_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]*\[[ \t]*[xX]?[ \t]*\](?!\()/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^[ \t]*(`{3,}|~{3,})/;
const ANNOTATION = /\((after|needs|depends on)\b([ \t]*:?)([^()]*)\)[ \t]*$/i;
const AND = /^(#?\d+|T-?\d+)(?:[ \t]*(?:\band\b|&)[ \t]*(#?\d+|T-?\d+))+$/i;

export function parseChecklist(text: string, file: string): ParsedChecklist {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const diagnostics: Diagnostic[] = [];
  const error = (rule: string, message: string, line: number, column: number): void => {
    diagnostics.push({ rule, severity: 'error', message, file, line, column });
  };
  const items: ChecklistItem[] = [];
  const headings: { level: number; text: string }[] = [];
  let title: string | null = null;
  let prose = false;
  /** Items whose details or nested items may still follow, outermost first. */
  let open: ChecklistItem[] = [];
  let fence: string | null = null;
  let inComment = false;

  lines.forEach((raw, i) => {
    const line = i + 1;
    const indent = indentWidth(raw);
    const innermost = (): ChecklistItem | undefined => {
      while (open.length > 0 && open.at(-1)!.indent >= indent && raw.trim() !== '') open.pop();
      return open.at(-1);
    };
    if (fence !== null) {
      // Inside a code block, indentation says nothing about nesting: the lines belong to the open item.
      if (raw.trim().startsWith(fence)) fence = null;
      addDetail(open.at(-1), raw, () => (prose = true));
      return;
    }
    if (inComment) {
      if (raw.includes('-->')) inComment = false;
      return;
    }
    const fenceOpen = FENCE.exec(raw);
    if (fenceOpen !== null) {
      fence = fenceOpen[1]!;
      addDetail(innermost(), raw, () => (prose = true));
      return;
    }
    if (raw.trim() === '') {
      open.at(-1)?.details.push('');
      return;
    }
    if (/^[ \t]*<!--/.test(raw)) {
      inComment = !raw.includes('-->');
      return;
    }
    const heading = indent <= 3 ? HEADING.exec(raw) : null;
    if (heading !== null) {
      open = [];
      const level = heading[1]!.length;
      const name = (heading[2] ?? '').trim();
      if (level === 1 && title === null && items.length === 0 && headings.length === 0) {
        title = name;
        return;
      }
      while (headings.length > 0 && headings.at(-1)!.level >= level) headings.pop();
      if (name !== '') headings.push({ level, text: name });
      return;
    }
    const match = ITEM.exec(raw);
    if (match === null) {
      if (NEAR_ITEM.test(raw)) {
        error(
          'malformed-item',
          'this looks like a checklist item but is not one: write `- [ ] text` (a space in the brackets, or an x, and a space after them)',
          line,
          indent + 1,
        );
        return;
      }
      addDetail(innermost(), raw, () => (prose = true));
      return;
    }
    const parent = innermost() ?? null;
    const body = match[3] ?? '';
    const column = body === '' ? raw.length + 1 : raw.lastIndexOf(body) + 1;
    const { text: itemText, refs } = splitAnnotation(body, column);
    const item: ChecklistItem = {
      number: items.length + 1,
      line,
      column,
      indent,
      checked: match[2] !== ' ',
      text: itemText,
      refs,
      groups: headings.map((h) => h.text),
      parent,
      details: [],
    };
    if (itemText === '') {
      error('empty-item', `item ${item.number} has no text: say what the task does`, line, column);
    }
    for (const ref of refs) {
      if (ref.text === '')
        error('empty-ref', `item ${item.number}: an empty reference in \`(after ...)\``, line, ref.column);
    }
    items.push(item);
    open.push(item);
  });
  for (const item of items) item.details = dedent(item.details);
  return { title, items, prose, diagnostics };
}

/** Text under an item (indented more than it) is its details; anything else is prose. */
function addDetail(item: ChecklistItem | undefined, raw: string, orProse: () => void): void {
  if (item === undefined) orProse();
  else item.details.push(raw);
}

/** `Test the parser (after 1, 2)` → text `Test the parser`, refs `1` (column of `1`) and `2`. */
function splitAnnotation(body: string, column: number): { text: string; refs: ChecklistRef[] } {
  const m = ANNOTATION.exec(body);
  if (m === null) return { text: body.trim(), refs: [] };
  const list = m[3]!;
  // Where the list starts in the line: the item text's column, then `(`, the keyword and its colon.
  const offset = column - 1 + m.index + 1 + m[1]!.length + m[2]!.length;
  const refs: ChecklistRef[] = [];
  let at = 0;
  for (const piece of list.split(/[,;]/)) {
    const start = offset + at + (piece.length - piece.trimStart().length);
    at += piece.length + 1;
    const trimmed = piece.trim();
    const and = AND.exec(trimmed);
    if (and === null) {
      refs.push({ text: trimmed, column: start + 1 });
      continue;
    }
    for (const part of trimmed.matchAll(/#?\d+|T-?\d+/gi)) {
      refs.push({ text: part[0], column: start + part.index + 1 });
    }
  }
  return { text: body.slice(0, m.index).trim(), refs };
}

function indentWidth(line: string): number {
  let width = 0;
  for (const c of line) {
    if (c === ' ') width++;
    else if (c === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

/** Drops leading and trailing blank lines and the indentation every other line shares. */
function dedent(lines: readonly string[]): string[] {
  let first = 0;
  let last = lines.length;
  while (first < last && lines[first]!.trim() === '') first++;
  while (last > first && lines[last - 1]!.trim() === '') last--;
  const kept = lines.slice(first, last).map((l) => l.replace(/\t/g, '    ').trimEnd());
  const widths = kept.filter((l) => l !== '').map((l) => l.length - l.trimStart().length);
  const common = widths.reduce((min, w) => Math.min(min, w), widths[0] ?? 0);
  return kept.map((l) => l.slice(common));
}
