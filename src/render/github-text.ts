/**
 * Markdown made inert for GitHub, as gh-aw's safe outputs do it: a comment or job summary that quotes plan or
 * request text (anyone's, for a plan decomposed from a pull request's description) must not make GitHub act on
 * that text. Outside code (fenced blocks and code spans, which GitHub shows literally):
 *
 * - `@user` and `@org/team` are put in a code span (or, next to a backtick, broken by a zero-width space): no
 *   mention, no notification, no team pinged;
 * - `#123`, `owner/repo#123` and `GH-123` likewise: no cross-reference in another issue, no "closes #1";
 * - a bare URL likewise (GitHub autolinks it, and a link to an issue leaves a cross-reference there); a link's
 *   destination, `[text](url)`, is our own markup and kept;
 * - `<` becomes `&lt;`: no raw HTML (an `<img>` that loads a URL of the author's choosing, a `<details>` that
 *   folds the rest away), whatever escaping the text went through before.
 *
 * Run over the whole document as the last step before it is posted, it covers every renderer at once; the text
 * inside code is left as it is, where it is already inert.
 */

// A GitHub login (alphanumerics and single hyphens, at most 39) with an optional team slug.
const MENTION = /@[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9][A-Za-z0-9._-]*)?/y;
// `#123`, `owner/repo#123`, `GH-123`.
const REFERENCE = /(?:[A-Za-z0-9][A-Za-z0-9._-]*\/[A-Za-z0-9._-]+)?#\d+|GH-\d+/iy;
const URL = /(?:https?|ftp):\/\/[^\s<>`|\\]+|www\.[^\s<>`|\\]+/iy;

// An opening or closing code fence, after any blockquote markers and up to 3 spaces.
const FENCE = /^((?: {0,3}>)*) {0,3}(`{3,}|~{3,})(.*)$/;

/** `markdown` with mentions, references, bare URLs and HTML outside code made inert (see above). */
export function neutralizeGithubText(markdown: string): string {
  const out: string[] = [];
  let open: string | null = null;
  for (const line of markdown.split('\n')) {
    const fence = FENCE.exec(line);
    if (open !== null) {
      // Inside a fence: only a closing fence (same character, at least as long, nothing after it) ends it.
      if (
        fence !== null &&
        fence[2]![0] === open[0] &&
        fence[2]!.length >= open.length &&
        fence[3]!.trim() === ''
      )
        open = null;
      out.push(line);
      continue;
    }
    // A backtick fence's info string cannot hold a backtick: such a line is inline code, not a fence.
    if (fence !== null && !(fence[2]![0] === '`' && fence[3]!.includes('`'))) {
      open = fence[2]!;
      out.push(line);
      continue;
    }
    out.push(neutralizeLine(line));
  }
  return out.join('\n');
}

/** One line outside fences: code spans kept, the rest neutralized. */
function neutralizeLine(line: string): string {
  let out = '';
  let at = 0;
  // The character of the rendered text before `at`: GitHub looks for mentions in each text node, so after a
  // code span a new one starts, as at the start of the line.
  let before = '';
  while (at < line.length) {
    const c = line[at]!;
    if (
      c === '\\' &&
      (line[at + 1] === '@' || line[at + 1] === '#') &&
      inertToken(line, at + 1, before) !== null
    ) {
      // GitHub finds mentions in the rendered text, where `\@org` reads `@org`: the escape goes, the token is
      // put in a code span below (a backslash before its backtick would escape that instead).
      at++;
      continue;
    }
    if (c === '\\' && at + 1 < line.length && /[!-/:-@[-`{-~]/.test(line[at + 1]!)) {
      // A backslash escape is literal text, never the start of a span or a tag.
      out += line.slice(at, at + 2);
      before = line[at + 1]!;
      at += 2;
      continue;
    }
    if (c === '`') {
      const run = /`+/y;
      run.lastIndex = at;
      const ticks = run.exec(line)![0];
      const close = closingRun(line, at + ticks.length, ticks.length);
      if (close !== -1) {
        out += line.slice(at, close + ticks.length);
        at = close + ticks.length;
        before = '';
      } else {
        // No closing run: the backticks are literal, and so is what follows them. Escaped, so that no code
        // span added next to them can pair with them.
        out += '\\`'.repeat(ticks.length);
        at += ticks.length;
        before = '`';
      }
      continue;
    }
    const token = inertToken(line, at, before);
    if (token !== null) {
      // Next to a backtick, a code span's delimiter would join its run and pair elsewhere, and after a backslash
      // it would be escaped: the token is broken by a zero-width space instead, after the `@` of a mention, the
      // `#` of a reference (neither `#1` nor `o/r#1` is left of `o/r#\u200b1`), the `-` of `GH-1`, a URL's
      // first letter. What follows the break is text, scanned on.
      if (/[`\\]$/.test(out) || line[at + token.length] === '`') {
        const cut =
          match(URL, token, 0) !== null || c === '@' ? 1 : token.includes('#') ? token.indexOf('#') + 1 : 3;
        out += `${token.slice(0, cut)}\u200b`;
        at += cut;
        before = '\u200b';
        continue;
      }
      out += `\`${token}\``;
      at += token.length;
      before = '';
      continue;
    }
    out += c === '<' ? '&lt;' : c;
    before = c;
    at++;
  }
  return out;
}

/** The mention, reference or bare URL that starts at `at`, or null. */
function inertToken(line: string, at: number, before: string): string | null {
  const c = line[at]!;
  const wordBefore = /[A-Za-z0-9_]/.test(before);
  if (c === '@' && !wordBefore) return match(MENTION, line, at);
  if (!wordBefore && !/[/&#]/.test(before)) {
    const reference = match(REFERENCE, line, at);
    if (reference !== null && !/[A-Za-z0-9_]/.test(line[at + reference.length] ?? '')) return reference;
  }
  if (!wordBefore && /[hfw]/i.test(c)) {
    // A link's destination, `](url)` with an unescaped `]`, is markup: kept.
    const destination = before === '(' && line[at - 2] === ']' && line[at - 3] !== '\\';
    const url = destination ? null : match(URL, line, at);
    // The `)` or `.` ending a sentence is not part of the URL (GitHub drops it too).
    if (url !== null) return url.replace(/[).,;:!?*_~'"]+$/, '') || null;
  }
  return null;
}

function match(pattern: RegExp, line: string, at: number): string | null {
  pattern.lastIndex = at;
  return pattern.exec(line)?.[0] ?? null;
}

/** Where the next run of exactly `length` backticks starts at or after `from`, or -1. */
function closingRun(line: string, from: number, length: number): number {
  let at = from;
  while (at < line.length) {
    const next = line.indexOf('`', at);
    if (next === -1) return -1;
    let end = next;
    while (line[end] === '`') end++;
    if (end - next === length) return next;
    at = end;
  }
  return -1;
}
