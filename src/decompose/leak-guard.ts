/**
 * The decomposer's leak guard: does a plan (or the planner's notes) hold a secret of the job that wrote it? The
 * planner reads text anyone may have written and holds an API key; a request that talks it into printing the key
 * would publish the key in the plan, its comment and its summary. A verbatim copy is the easy case; a model asked
 * to is just as happy to space the key out, reverse it or encode it (issue 11, finding 5). So both sides are
 * normalised before matching:
 *
 * - NFKC (full-width and other compatibility forms become ASCII) and percent-decoding (URL-encoding);
 * - everything but ASCII letters and digits dropped: whitespace, punctuation, zero-width characters between the
 *   key's characters, and the key's own `-` and `_`, so `s k - a n t`, `s.k.a.n.t` and `sk_ant` all match (for a
 *   value that does not read as words: 16 characters and more, or letters and digits mixed);
 * - the key reversed; its hex (either case); its base64 at each of the three byte alignments it can have inside
 *   a longer encoded text (the characters that depend on the key alone), standard or URL-safe alphabet alike.
 *
 * Encryption or a custom encoding still gets through: the guard catches accidents and cheap tricks, the boundary
 * is that the planner has no tools to read anything with (agent.ts) and its job holds only its own key.
 *
 * Which values are secrets, and how short a value is too common to look for, is runner/redact.ts's call, the
 * same as for what a task job stages.
 */
import { MIN_SECRET_LENGTH, secretValues } from '../runner/redact.js';

export interface NamedSecret {
  name: string;
  value: string;
}

export type LeakEncoding = 'as written' | 'spaced out or punctuated' | 'reversed' | 'hex' | 'base64';

export interface Leak {
  /** The variable whose value was found. */
  name: string;
  /** How it was written. */
  encoding: LeakEncoding;
}

/** The variables of `env` whose values are secrets (by their names, as redact.ts decides), sorted by name. */
export function namedSecrets(env: NodeJS.ProcessEnv): NamedSecret[] {
  return Object.entries(env)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .filter(
      ([name, value]) => value.length >= MIN_SECRET_LENGTH && secretValues({ [name]: value }).length > 0,
    )
    .map(([name, value]) => ({ name, value }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The first secret whose value `text` holds, as written or in one of the forms above; null when none is. */
export function findLeak(text: string, secrets: readonly NamedSecret[]): Leak | null {
  const views = [...new Set([text.normalize('NFKC'), percentDecoded(text).normalize('NFKC')])];
  const letters = views.map(alphanumeric);
  const lower = letters.map((l) => l.toLowerCase());
  for (const { name, value } of secrets) {
    if (value.length < MIN_SECRET_LENGTH) continue;
    const found = (encoding: LeakEncoding): Leak => ({ name, encoding });
    if (views.some((v) => v.includes(value))) return found('as written');
    const bare = alphanumeric(value.normalize('NFKC'));
    // Matching across spaces and punctuation needs a value that does not read as words: a short one of letters
    // alone (`development` in a variable named like a secret) is what an ordinary plan says. Keys and tokens are
    // long, or mix letters and digits.
    if (
      bare.length >= MIN_SECRET_LENGTH &&
      (bare.length >= 16 || (/\d/.test(bare) && /[A-Za-z]/.test(bare)))
    ) {
      if (letters.some((l) => l.includes(bare))) return found('spaced out or punctuated');
      const reversed = [...bare].reverse().join('');
      if (letters.some((l) => l.includes(reversed))) return found('reversed');
    }
    const bytes = Buffer.from(value, 'utf8');
    const hex = bytes.toString('hex');
    if (lower.some((l) => l.includes(hex))) return found('hex');
    for (const b64 of base64Cores(bytes)) {
      if (b64.length >= MIN_SECRET_LENGTH && letters.some((l) => l.includes(b64))) return found('base64');
    }
  }
  return null;
}

function alphanumeric(text: string): string {
  return text.replace(/[^A-Za-z0-9]+/g, '');
}

/** `%XX` sequences decoded as UTF-8 bytes; malformed ones left as they are. */
function percentDecoded(text: string): string {
  if (!text.includes('%')) return text;
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return Buffer.from(run.replace(/%/g, ''), 'hex').toString('latin1');
    }
  });
}

/**
 * The base64 characters that depend on `bytes` alone, at each of the three offsets `bytes` can start at in a
 * longer encoded stream, letters and digits only (the `+` `/` `-` `_` of either alphabet are dropped, as they are
 * from the text).
 */
function base64Cores(bytes: Buffer): string[] {
  const out: string[] = [];
  for (let k = 0; k < 3; k++) {
    const encoded = Buffer.concat([Buffer.alloc(k), bytes])
      .toString('base64')
      .replace(/=+$/, '');
    const first = Math.ceil((8 * k) / 6);
    const last = Math.floor((8 * (k + bytes.length)) / 6);
    out.push(alphanumeric(encoded.slice(first, last)));
  }
  return out;
}
