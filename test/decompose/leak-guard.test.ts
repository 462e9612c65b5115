// The decomposer's leak guard (src/decompose/leak-guard.ts): a secret of the job is found in a plan's text
// however a planner talked into it wrote it (issue 11, finding 5: a spaced-out key and a reversed token went
// through the verbatim check), and an ordinary plan is never refused.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLeak, namedSecrets, type NamedSecret } from '../../src/decompose/leak-guard.js';
import { planToYaml } from '../../src/decompose/plan-yaml.js';
import { ROOT } from '../support/cli.js';

const KEY = 'sk-ant-api03-Zx8Qp2LmN4vR7tY1wK9sD3fG6hJ0bC5e';
const TOKEN = 'ghs_16C7e42F292c6912E7710c838347Ae178B4a';
const SECRETS: NamedSecret[] = [
  { name: 'ANTHROPIC_API_KEY', value: KEY },
  { name: 'GITHUB_TOKEN', value: TOKEN },
];

/** The secret inside a line of an otherwise ordinary plan. */
const inPlan = (text: string): string =>
  planToYaml({
    version: 1,
    tasks: [{ id: 'T-01', title: 'Write the parser', prompt: `Write src/parser.ts.\nContext: ${text}\n` }],
  });

/** `text` base64-encoded after `prefix`: the key at another byte alignment of the encoded stream. */
const base64 = (text: string, prefix = ''): string => Buffer.from(prefix + text).toString('base64');

describe('findLeak', () => {
  it('finds the value as written', () => {
    expect(findLeak(inPlan(KEY), SECRETS)).toEqual({ name: 'ANTHROPIC_API_KEY', encoding: 'as written' });
    expect(findLeak(inPlan(TOKEN), SECRETS)?.name).toBe('GITHUB_TOKEN');
  });

  it('finds it spaced out, with punctuation or zero-width characters between its characters', () => {
    const spaced = { name: 'ANTHROPIC_API_KEY', encoding: 'spaced out or punctuated' };
    expect(findLeak(inPlan([...KEY].join(' ')), SECRETS)).toEqual(spaced);
    expect(findLeak(inPlan([...KEY].join('.')), SECRETS)).toEqual(spaced);
    expect(findLeak(inPlan([...KEY].join('\u200b')), SECRETS)).toEqual(spaced);
    expect(findLeak(inPlan(KEY.replace(/-/g, '_')), SECRETS)).toEqual(spaced);
    // Across lines, as a YAML block scalar or a list would cut it.
    expect(findLeak(inPlan(`${KEY.slice(0, 20)}\n  ${KEY.slice(20)}`), SECRETS)).toEqual(spaced);
    // Full-width forms read as ASCII.
    const fullWidth = [...TOKEN].map((c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0)).join('');
    expect(findLeak(inPlan(fullWidth), SECRETS)?.name).toBe('GITHUB_TOKEN');
  });

  it('finds it reversed, spaced out or not', () => {
    const reversed = [...TOKEN].reverse().join('');
    expect(findLeak(inPlan(reversed), SECRETS)).toEqual({ name: 'GITHUB_TOKEN', encoding: 'reversed' });
    expect(findLeak(inPlan([...reversed].join(' ')), SECRETS)?.encoding).toBe('reversed');
  });

  it('finds it in base64 at each of the three alignments, in either alphabet', () => {
    for (const prefix of ['', 'a', 'ab', 'abc']) {
      const encoded = base64(KEY, prefix);
      expect(findLeak(inPlan(encoded), SECRETS), `prefix ${JSON.stringify(prefix)}`).toEqual({
        name: 'ANTHROPIC_API_KEY',
        encoding: 'base64',
      });
      const urlSafe = encoded.replace(/\+/g, '-').replace(/\//g, '_');
      expect(findLeak(inPlan(urlSafe), SECRETS)?.encoding).toBe('base64');
    }
    // Inside a longer encoded text, with the rest of the environment around it.
    const environ = Buffer.from(`HOME=/home/runner\0ANTHROPIC_API_KEY=${KEY}\0PATH=/usr/bin`).toString(
      'base64',
    );
    expect(findLeak(inPlan(environ), SECRETS)?.encoding).toBe('base64');
  });

  it('finds it in hex, lower or upper case, and URL-encoded', () => {
    const hex = Buffer.from(KEY).toString('hex');
    expect(findLeak(inPlan(hex), SECRETS)).toEqual({ name: 'ANTHROPIC_API_KEY', encoding: 'hex' });
    expect(findLeak(inPlan(hex.toUpperCase()), SECRETS)?.encoding).toBe('hex');
    expect(findLeak(inPlan(hex.replace(/(..)/g, '$1:')), SECRETS)?.encoding).toBe('hex');
    const percent = [...Buffer.from(KEY)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
    expect(findLeak(inPlan(percent), SECRETS)?.name).toBe('ANTHROPIC_API_KEY');
    expect(findLeak(inPlan(encodeURIComponent(`key=${KEY}&x=1`)), SECRETS)?.name).toBe('ANTHROPIC_API_KEY');
  });

  it('never refuses an ordinary plan: the examples, the checklist goldens, a plan about keys', () => {
    const texts = fs
      .readdirSync(path.join(ROOT, 'examples'))
      .filter((f) => /\.(ya?ml|json|md)$/.test(f))
      .map((f) => fs.readFileSync(path.join(ROOT, 'examples', f), 'utf8'));
    texts.push(
      inPlan(
        'Rotate the ANTHROPIC_API_KEY secret: read it from $ANTHROPIC_API_KEY, never print it; sk-ant-... is its prefix.',
      ),
    );
    expect(texts.length).toBeGreaterThan(2);
    for (const text of texts) expect(findLeak(text, SECRETS)).toBeNull();
  });

  it('matches across spaces only a value that does not read as words', () => {
    // A value of letters alone, shorter than 16: what a plan says anyway.
    const words = [{ name: 'APP_SECRET', value: 'development' }];
    expect(findLeak(inPlan('Set up the devel opment server'), words)).toBeNull();
    expect(findLeak(inPlan('the development server'), words)?.encoding).toBe('as written');
    expect(
      findLeak(inPlan([...'dnumber42x'].join(' ')), [{ name: 'X_TOKEN', value: 'dnumber42x' }]),
    ).not.toBeNull();
  });
});

describe('namedSecrets', () => {
  it('takes the values named like secrets, long enough to look for, as redact.ts does', () => {
    expect(
      namedSecrets({
        ANTHROPIC_API_KEY: KEY,
        CLAUDE_CODE_OAUTH_TOKEN: 'oauth-token-12345',
        'INPUT_GITHUB-TOKEN': TOKEN,
        ACTIONS_RUNTIME_TOKEN: 'runtime-token-123',
        SHORT_TOKEN: '1234567',
        EMPTY_API_KEY: '',
        HOME: '/home/runner',
        PATH: '/usr/bin:/bin',
      }).map((s) => s.name),
    ).toEqual([
      'ACTIONS_RUNTIME_TOKEN',
      'ANTHROPIC_API_KEY',
      'CLAUDE_CODE_OAUTH_TOKEN',
      'INPUT_GITHUB-TOKEN',
    ]);
  });
});
