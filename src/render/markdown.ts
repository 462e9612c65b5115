/**
 * Markdown (GitHub flavoured) building blocks that keep untrusted plan text literal: what a title says is what
 * the reader sees, and no text can open a construct that swallows the rest of the file.
 */
import { oneLine, trimBlock } from './text.js';

export { truncate } from './text.js';

// Exactly the characters the seed loader (core/load/seed-markdown.ts) unescapes, so a rendered table reads back.
const INLINE_SPECIAL = /[\\`*_[\]~|<>&]/g;
const INLINE_REPLACEMENTS: Record<string, string> = { '|': '\\|', '<': '&lt;', '>': '&gt;', '&': '&amp;' };

/**
 * Text for a one-line context (a table cell, a heading, a list item): line breaks and tabs become spaces, and
 * everything markdown or HTML would interpret is escaped.
 */
export function escapeInline(text: string): string {
  return (
    oneLine(text)
      .replace(INLINE_SPECIAL, (c) => INLINE_REPLACEMENTS[c] ?? `\\${c}`)
      // At the start of a list item's text, `# x`, `- x` or `1. x` would open a heading or a nested list.
      .replace(/^[#+-]/, '\\$&')
      .replace(/^(\d+)([.)])/, '$1\\$2')
  );
}

/** A table; every cell is escaped. The separator row is as wide as each header, as in the seed. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const row = (cells: readonly string[]): string =>
    `| ${headers.map((_, i) => escapeInline(cells[i] ?? '')).join(' | ')} |`;
  const separator = `|${headers.map((h) => '-'.repeat(Math.max(3, escapeInline(h).length + 2))).join('|')}|`;
  return [row(headers), separator, ...rows.map(row)].join('\n');
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

/** A fenced code block that no backtick run inside the text can close. */
export function fence(text: string, info = ''): string {
  const ticks = '`'.repeat(Math.max(3, longestRun(text, '`') + 1));
  return `${ticks}${info}\n${text}\n${ticks}`;
}

/** An inline code span that shows `text` (one line, not empty) exactly, backticks and edge spaces included. */
export function inlineCode(text: string): string {
  const ticks = '`'.repeat(longestRun(text, '`') + 1);
  // CommonMark strips one space from each side of a span's content; padding keeps edge backticks apart
  // from the delimiters and edge spaces visible.
  const pad = /^[` ]|[` ]$/.test(text) ? ' ' : '';
  return `${ticks}${pad}${text}${pad}${ticks}`;
}

// HTML blocks that a blank line does not end (CommonMark kinds 1 to 5), with what ends each.
const HTML_BLOCKS: readonly (readonly [RegExp, RegExp])[] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

/** Whether markdown leaves a code fence or an HTML block open at its end, so that it would run on. */
function leavesBlockOpen(markdown: string): boolean {
  let fenceOpen: string | null = null;
  let htmlEnd: RegExp | null = null;
  for (const line of markdown.split('\n')) {
    if (fenceOpen !== null) {
      const m = FENCE_CLOSE.exec(line);
      if (m !== null && m[1]![0] === fenceOpen[0] && m[1]!.length >= fenceOpen.length) fenceOpen = null;
    } else if (htmlEnd !== null) {
      if (htmlEnd.test(line)) htmlEnd = null;
    } else {
      const html = HTML_BLOCKS.find(([start]) => start.test(line));
      if (html !== undefined) {
        if (!html[1].test(line)) htmlEnd = html[1];
        continue;
      }
      const m = FENCE_OPEN.exec(line);
      // A backtick fence's info string cannot hold a backtick: such a line is inline code, not a fence.
      if (m !== null && !(m[1]![0] === '`' && m[2]!.includes('`'))) fenceOpen = m[1]!;
    }
  }
  return fenceOpen !== null || htmlEnd !== null;
}

/**
 * Markdown written by the plan's author (a prompt, an expected output), kept as markdown so it renders, unless
 * it would leave a code fence or an HTML block open and swallow what follows: then it is shown fenced.
 */
export function markdownBlock(text: string): string {
  const body = trimBlock(text);
  return leavesBlockOpen(body) ? fence(body, 'text') : body;
}

/** A blockquote of text kept as markdown; each line quoted, so nothing inside can outlive the quote. */
export function blockquote(text: string): string {
  return trimBlock(text)
    .split('\n')
    .map((line) => (line.trim() === '' ? '>' : `> ${line}`))
    .join('\n');
}
