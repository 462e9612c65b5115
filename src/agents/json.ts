/**
 * Reading the JSON that agent CLIs print, which is rarely alone on stdout: a warning or a progress line may come
 * first, an object may be pretty-printed over many lines (gemini), or there may be one object a line (codex).
 * Everything here is tolerant: what does not parse is skipped, never thrown.
 */

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function stringField(record: JsonRecord, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' ? value : undefined;
}

export function numberField(record: JsonRecord, key: string): number | undefined {
  const value = record[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function recordField(record: JsonRecord, key: string): JsonRecord | undefined {
  const value = record[key];
  return isRecord(value) ? value : undefined;
}

/**
 * After this many candidates that do not parse, give up: each costs a scan to the end of the text, and a CLI's
 * real answer is its last value, so only garbage would need more.
 */
const MAX_FAILED_CANDIDATES = 100;

/**
 * The last JSON object or array in text that starts a line (at column 0, as CLIs print their top-level value;
 * an indented line is inside a pretty-printed value, not a value of its own) and that `accept` takes. Lines
 * before and after it that are not JSON are ignored. `undefined` when there is none.
 */
export function lastJsonValue(text: string, accept: (value: unknown) => boolean = () => true): unknown {
  const whole = tryParse(text.trim());
  if (whole !== undefined && accept(whole)) return whole;
  const starts: number[] = [];
  for (let i = 0; i < text.length; i = text.indexOf('\n', i) + 1 || text.length) {
    const c = text[i];
    if (c === '{' || c === '[') starts.push(i);
  }
  // From the last candidate back: the first that parses is the last value (an earlier candidate that parsed
  // would end before it, or it would have been inside one, which column 0 rules out for well-formed output).
  let failed = 0;
  for (let k = starts.length - 1; k >= 0 && failed < MAX_FAILED_CANDIDATES; k--) {
    const start = starts[k]!;
    const end = balancedEnd(text, start);
    const value = end === -1 ? undefined : tryParse(text.slice(start, end));
    if (value !== undefined && accept(value)) return value;
    if (value === undefined) failed++;
  }
  return undefined;
}

/** Every line of text that is a JSON object (JSON Lines), in order; other lines are skipped. */
export function jsonLines(text: string): JsonRecord[] {
  const records: JsonRecord[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed.startsWith('{')) continue;
    const value = tryParse(trimmed);
    if (isRecord(value)) records.push(value);
  }
  return records;
}

function tryParse(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The index after the bracket that closes the one at `start`, minding strings; -1 when it never closes. */
function balancedEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === '{' || c === '[') {
      depth++;
    } else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}
