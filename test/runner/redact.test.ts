// Secret values and their simple encodings out of what a task job stages (src/runner/redact.ts).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Redactor, secretValues, secretVariants } from '../../src/runner/redact.js';
import { tempDir } from '../support/cli.js';

const KEY = 'sk-ant-api03-Zx9_fake+key/for=tests-0123456789';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The file's bytes after a streamed copy through the redactor. */
function copied(content: Buffer, redactor: Redactor): Buffer {
  const from = path.join(dir, 'in');
  const to = path.join(dir, 'out');
  fs.writeFileSync(from, content);
  const a = fs.openSync(from, 'r');
  const b = fs.openSync(to, 'w');
  redactor.copy(a, b);
  fs.closeSync(a);
  fs.closeSync(b);
  return fs.readFileSync(to);
}

describe('Redactor', () => {
  const r = new Redactor([KEY]);

  it('replaces the value, its hex, URL-encoded, JSON-escaped and reversed forms', () => {
    const hex = Buffer.from(KEY).toString('hex');
    const text = [
      `raw ${KEY}`,
      `hex ${hex} HEX ${hex.toUpperCase()}`,
      `url ${encodeURIComponent(KEY)}`,
      `json ${JSON.stringify({ k: `"${KEY}\n` })}`,
      `reversed ${[...KEY].reverse().join('')}`,
    ].join('\n');
    const out = r.redactText(text);
    expect(out).toBe(
      ['raw ***', 'hex *** HEX ***', 'url ***', `json {"k":"\\"***\\n"}`, 'reversed ***'].join('\n'),
    );
  });

  it('finds the base64 of the value at every offset of a longer encoded stream, in both alphabets', () => {
    for (const prefix of ['', 'x', 'xy', 'xyz', 'Authorization: ']) {
      const encoded = Buffer.from(`${prefix}${KEY} and more`).toString('base64');
      const out = r.redactText(`token=${encoded}`);
      expect(out, prefix).toContain('***');
      // What is left cannot decode back to the key, nor to most of it.
      expect(Buffer.from(out.replace('token=', ''), 'base64').toString('latin1')).not.toContain(
        KEY.slice(3, -3),
      );
      const url = encoded.replace(/\+/g, '-').replace(/\//g, '_');
      expect(r.redactText(url), prefix).toContain('***');
    }
  });

  it('redacts binary files byte for byte, and a match cut by the chunk boundary of a streamed copy', () => {
    const before = Buffer.alloc(1024 * 1024 - 10, 0xff);
    const content = Buffer.concat([before, Buffer.from(KEY), Buffer.from([0, 1, 2]), Buffer.from(KEY)]);
    const out = copied(content, r);
    expect(out.includes(Buffer.from(KEY))).toBe(false);
    const expected = Buffer.concat([before, Buffer.from('***'), Buffer.from([0, 1, 2]), Buffer.from('***')]);
    expect(out.equals(expected)).toBe(true);
  });

  it('merges overlapping matches, so that no part of one is left', () => {
    const r2 = new Redactor(['abcdefgh', 'efghijkl']);
    expect(r2.redactText('..abcdefghijkl..')).toBe('..***..');
  });

  it('leaves text without secrets as it is, and ignores values too short to be a key', () => {
    expect(r.redactText('nothing here')).toBe('nothing here');
    expect(new Redactor(['true', '1', '']).empty).toBe(true);
    expect(secretVariants('short')).toEqual([]);
  });

  it('takes the secrets from variables named like keys and tokens', () => {
    expect(
      secretValues({
        ANTHROPIC_API_KEY: 'a-key-value',
        'INPUT_GITHUB-TOKEN': 'ghs_token',
        ACTIONS_RUNTIME_TOKEN: 'runtime',
        GITHUB_TOKEN: 'ghs_token',
        HOME: '/home/runner',
        TOKENIZER: 'no',
      }),
    ).toEqual(['a-key-value', 'ghs_token', 'runtime']);
  });
});
