/**
 * Secret values out of what a task job stages (docs/security.md: "no secret leaves in an output"). GitHub masks
 * the secrets it knows in logs, never in artifacts, job summaries or comments; and a prompt-injected agent that
 * prints its API key can just as well print it encoded. So every secret the job holds is replaced by `***` in
 * every file it stages, as written and in the encodings a shell one-liner gives: base64 (at the three byte
 * alignments, standard and URL-safe alphabets), hex (lower and upper case), URL-encoding, JSON string escaping,
 * and reversed. Encryption or a custom encoding still gets through: this catches accidents and cheap tricks, the
 * boundary is that the job holds only the key its tasks need (docs/security.md says so).
 *
 * Matching is on bytes, so text and binary files are treated alike, and files are streamed: a task's artifact may
 * be hundreds of megabytes.
 */
import fs from 'node:fs';

export const REDACTED = '***';

/**
 * Values shorter than this are not redacted: an API key or a token is 20 characters and more, and replacing a
 * short value everywhere would mangle every file (a `1` or `true` in a variable named like a secret).
 */
export const MIN_SECRET_LENGTH = 8;

/** Variants shorter than this (the base64 of a short value, cut at its alignment) would match by chance. */
const MIN_VARIANT_BYTES = 6;

/** Variable names whose values are secrets: API keys and the job's tokens. */
const SECRET_NAME =
  /(^|_)(API_KEY|TOKEN|SECRET|PASSWORD|ACCESS_KEY)$|^INPUT_GITHUB-TOKEN$|^ACTIONS_(RUNTIME|ID_TOKEN_REQUEST)_TOKEN$/i;

/** The values of `env` that are secrets by their name (ANTHROPIC_API_KEY, GITHUB_TOKEN, ...): what to redact. */
export function secretValues(env: NodeJS.ProcessEnv): string[] {
  const values = Object.entries(env)
    .filter(([name, value]) => SECRET_NAME.test(name) && value !== undefined)
    .map(([, value]) => value!);
  return [...new Set(values)].sort();
}

/** The byte strings that stand for `secret`: itself and its simple encodings. */
export function secretVariants(secret: string): Buffer[] {
  if (secret.length < MIN_SECRET_LENGTH) return [];
  // A multi-line value (a private key) is also matched line by line, as GitHub masks it.
  const values = [secret, ...secret.split(/\r?\n/).filter((line) => line.length >= MIN_SECRET_LENGTH)];
  const out = new Map<string, Buffer>();
  const add = (bytes: Buffer): void => {
    if (bytes.length >= MIN_VARIANT_BYTES) out.set(bytes.toString('latin1'), bytes);
  };
  for (const value of new Set(values)) {
    const bytes = Buffer.from(value, 'utf8');
    add(bytes);
    add(Buffer.from(bytes.toString('hex'), 'latin1'));
    add(Buffer.from(bytes.toString('hex').toUpperCase(), 'latin1'));
    for (const b64 of base64Alignments(bytes)) {
      add(Buffer.from(b64, 'latin1'));
      add(Buffer.from(b64.replace(/\+/g, '-').replace(/\//g, '_'), 'latin1'));
    }
    add(Buffer.from(encodeURIComponent(value), 'utf8'));
    add(Buffer.from(JSON.stringify(value).slice(1, -1), 'utf8'));
    add(Buffer.from([...value].reverse().join(''), 'utf8'));
  }
  return [...out.values()];
}

/**
 * The base64 characters that depend on `bytes` alone, for each of the three offsets `bytes` can start at in a
 * longer encoded stream: the characters that mix in bits of the bytes before or after are left out.
 */
function base64Alignments(bytes: Buffer): string[] {
  const out: string[] = [];
  for (let k = 0; k < 3; k++) {
    const encoded = Buffer.concat([Buffer.alloc(k), bytes])
      .toString('base64')
      .replace(/=+$/, '');
    const first = Math.ceil((8 * k) / 6);
    const last = Math.floor((8 * (k + bytes.length)) / 6);
    out.push(encoded.slice(first, last));
  }
  return out;
}

const CHUNK = 1024 * 1024;

/** Replaces the secrets it was given, and their encodings, by `***`. */
export class Redactor {
  /** Longest first. */
  private readonly patterns: Buffer[];
  private readonly longest: number;
  private static readonly mark = Buffer.from(REDACTED, 'latin1');

  constructor(secrets: readonly string[]) {
    const all = new Map<string, Buffer>();
    for (const secret of secrets) for (const v of secretVariants(secret)) all.set(v.toString('latin1'), v);
    this.patterns = [...all.values()].sort((a, b) => b.length - a.length);
    this.longest = this.patterns[0]?.length ?? 0;
  }

  /** True when there is nothing to redact. */
  get empty(): boolean {
    return this.patterns.length === 0;
  }

  redactText(text: string): string {
    if (this.empty) return text;
    const bytes = Buffer.from(text, 'utf8');
    const spans = this.spans(bytes);
    return spans.length === 0 ? text : this.replace(bytes, spans, bytes.length).toString('utf8');
  }

  redactBuffer(bytes: Buffer): Buffer {
    const spans = this.spans(bytes);
    return spans.length === 0 ? bytes : this.replace(bytes, spans, bytes.length);
  }

  /**
   * Copies the file open on `from` (from where it stands, at most `limit` bytes) to `to`, redacted; returns the
   * bytes read and whether anything was replaced. Memory stays at a chunk plus the longest match.
   */
  copy(from: number, to: number, limit = Infinity): { bytes: number; replaced: boolean } {
    let carry = Buffer.alloc(0);
    let bytes = 0;
    let replaced = false;
    const chunk = Buffer.alloc(CHUNK);
    for (;;) {
      const n = bytes >= limit ? 0 : fs.readSync(from, chunk, 0, Math.min(CHUNK, limit - bytes), null);
      bytes += n;
      const final = n === 0;
      const window = carry.length === 0 ? chunk.subarray(0, n) : Buffer.concat([carry, chunk.subarray(0, n)]);
      const spans = this.spans(window);
      // A match starting in the last `longest - 1` bytes may go on in the next chunk: those bytes wait for it,
      // and so does a match that begins before that point and ends after it (never half a secret written).
      let cut = final ? window.length : Math.max(0, window.length - Math.max(0, this.longest - 1));
      for (const [start, end] of spans) {
        if (start < cut && end > cut) cut = start > 0 ? start : end;
      }
      const kept = spans.filter(([, end]) => end <= cut);
      if (kept.length > 0) replaced = true;
      writeAll(to, kept.length === 0 ? window.subarray(0, cut) : this.replace(window, kept, cut));
      carry = Buffer.from(window.subarray(cut));
      if (final) return { bytes, replaced };
    }
  }

  /** Every match of every variant, overlapping ones merged: [start, end) sorted. */
  private spans(bytes: Buffer): [number, number][] {
    const found: [number, number][] = [];
    for (const pattern of this.patterns) {
      for (let at = bytes.indexOf(pattern); at !== -1; at = bytes.indexOf(pattern, at + 1))
        found.push([at, at + pattern.length]);
    }
    if (found.length === 0) return found;
    found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    const merged: [number, number][] = [found[0]!];
    for (const [start, end] of found.slice(1)) {
      const last = merged[merged.length - 1]!;
      if (start <= last[1]) last[1] = Math.max(last[1], end);
      else merged.push([start, end]);
    }
    return merged;
  }

  /** `bytes` up to `limit`, each span replaced by `***`. */
  private replace(bytes: Buffer, spans: readonly [number, number][], limit: number): Buffer {
    const parts: Buffer[] = [];
    let at = 0;
    for (const [start, end] of spans) {
      if (end > limit) break;
      parts.push(bytes.subarray(at, start), Redactor.mark);
      at = end;
    }
    parts.push(bytes.subarray(at, limit));
    return Buffer.concat(parts);
  }
}

function writeAll(fd: number, bytes: Buffer): void {
  let done = 0;
  while (done < bytes.length) done += fs.writeSync(fd, bytes, done, bytes.length - done);
}
