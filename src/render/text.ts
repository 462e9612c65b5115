/**
 * Plain-text helpers every renderer shares. Plan text is untrusted: it may hold line breaks where one line is
 * expected, and control characters that a terminal would obey (escape sequences) or that make text display
 * differently from what it is (bidi overrides).
 */

// All C0 controls except tab and line feed, DEL, all C1 controls, and the bidi embedding, override and isolate
// controls. Carriage returns are gone by the time this runs (line endings are normalized first).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex -- vertical tab and form feed count as line breaks
const LINE_BREAKS = /\r\n?|[\u000b\u000c\u0085\u2028\u2029]/g;

// Terminal escape sequences, whole: CSI (`ESC [ 31 m`, colours and cursor moves; also its one-byte form
// U+009B), OSC (`ESC ] ... BEL` or `ESC ] ... ESC \`, titles and links) and the two-character ones (`ESC 7`, `ESC M`). Removing
// only the ESC would leave `[31m` in the text (CLIs colour their errors even when not on a terminal).
const ESCAPES =
  // eslint-disable-next-line no-control-regex -- matching escape sequences is the point
  /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[0-~]/g;

/** Multi-line text with `\n` line endings and no control characters but tabs and line feeds. */
export function cleanText(text: string): string {
  return text.replace(LINE_BREAKS, '\n').replace(ESCAPES, '').replace(CONTROLS, '');
}

/** One line: line breaks and tabs (with the spaces around them) become one space; trimmed; no controls. */
export function oneLine(text: string): string {
  // Split and join rather than a regex over whitespace runs, which can backtrack quadratically on long runs.
  return cleanText(text)
    .split(/[\t\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(' ');
}

/** Multi-line text without leading blank lines or trailing whitespace. */
export function trimBlock(text: string): string {
  const lines = cleanText(text).split('\n');
  let first = 0;
  while (first < lines.length && lines[first]!.trim() === '') first++;
  return lines.slice(first).join('\n').trimEnd();
}

/**
 * At most `max` characters (code points, so no surrogate pair is cut), the last one an ellipsis when the text
 * was cut. Truncate before escaping: cutting escaped text could split an escape in two.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  if (max < 1) return '';
  return `${chars
    .slice(0, max - 1)
    .join('')
    .trimEnd()}…`;
}

/** "1 task", "3 tasks"; "1 batch", "2 batches" with `plural` given. */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}
