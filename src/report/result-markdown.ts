/**
 * An agent's result, kept as markdown in the report so it renders, unless it could spill over what follows it:
 * markdownBlock already fences a result that leaves a code fence or an HTML block open; this adds the HTML
 * elements a browser never closes by itself. An unclosed `<details>` would fold every later task away, an
 * unclosed `<a>` or `<b>` turn the rest of the report into one link or bold text.
 */
import { fence, markdownBlock } from '../render/markdown.js';
import { trimBlock } from '../render/text.js';

// Elements that need no end tag (void) or that the parser ends at the next sibling or block (p, li, td...):
// left open, they cannot reach past the result.
const SELF_ENDING = new Set([
  ...['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'],
  ...['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'option', 'rt', 'rp'],
]);
// A start or end tag; not one escaped with a backslash, not an autolink (`<https://...>`).
const TAG = /(?<!\\)<(\/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])/g;
// Code spans: what they hold is text, tags included.
const CODE_SPAN = /(`+)[\s\S]*?\1(?!`)/g;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

/**
 * Whether the markdown opens an element it does not close, outside code. Approximate by design: a false alarm
 * only shows the result fenced, as plain text, which is still all there.
 */
export function leavesElementOpen(markdown: string): boolean {
  const open = new Map<string, number>();
  let fenceOpen: string | null = null;
  for (const line of markdown.split('\n')) {
    if (fenceOpen !== null) {
      const m = FENCE_CLOSE.exec(line);
      if (m !== null && m[1]![0] === fenceOpen[0] && m[1]!.length >= fenceOpen.length) fenceOpen = null;
      continue;
    }
    const m = FENCE_OPEN.exec(line);
    if (m !== null && !(m[1]![0] === '`' && m[2]!.includes('`'))) {
      fenceOpen = m[1]!;
      continue;
    }
    for (const tag of line.replace(CODE_SPAN, '').matchAll(TAG)) {
      const name = tag[2]!.toLowerCase();
      if (SELF_ENDING.has(name)) continue;
      const count = open.get(name) ?? 0;
      // A stray end tag closes nothing of ours: it must not cancel a later start tag.
      open.set(name, tag[1] === '/' ? Math.max(0, count - 1) : count + 1);
    }
  }
  return [...open.values()].some((count) => count > 0);
}

/** The result as markdown, or fenced as text when it could swallow what follows. */
export function resultMarkdown(text: string): string {
  const body = trimBlock(text);
  const kept = markdownBlock(body);
  if (kept !== body) return kept; // already fenced
  return leavesElementOpen(body) ? fence(body, 'text') : body;
}
