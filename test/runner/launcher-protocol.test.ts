/**
 * The launchers' wire protocol, spoken directly: each helper script (launcher.py with posix_spawn, launcher.py
 * with fork as on Python before 3.8, launcher.pl) gets the same frames and must answer the same. spawn.test.ts
 * covers them through runProcess; this also reaches launcher.py's fork path, which no Python here takes by itself.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import perlScript from '../../src/runner/launcher.pl?raw';
import pythonScript from '../../src/runner/launcher.py?raw';
import { tempDir } from '../support/cli.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function frame(head: string, fields: string[]): Buffer {
  const bodies = fields.map((f) => Buffer.from(f));
  return Buffer.concat([Buffer.from(`${head}${bodies.map((b) => ` ${b.length}`).join('')}\n`), ...bodies]);
}

/** Sends the frames, closes stdin once `until` holds of the answer so far, and returns the whole answer. */
function talk(argv: string[], input: Buffer[], until: (out: Answer[]) => boolean): Promise<Answer[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0]!, argv.slice(1), { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = Buffer.alloc(0);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no complete answer in 10 s: ${JSON.stringify(out.toString())}`));
    }, 10_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out = Buffer.concat([out, chunk]);
      if (until(frames(out))) child.stdin.end();
    });
    child.on('close', () => {
      clearTimeout(timer);
      resolve(frames(out));
    });
    child.on('error', reject);
    child.stdin.write(Buffer.concat(input));
  });
}

interface Answer {
  head: string;
  fields: string[];
}

/** The complete frames of an answer (an `E` has one field, a `C` two, the others none). */
function frames(out: Buffer): Answer[] {
  const answers: Answer[] = [];
  let at = 0;
  for (;;) {
    const nl = out.indexOf(10, at);
    if (nl < 0) return answers;
    const head = out.toString('utf8', at, nl);
    const words = head.split(' ');
    const lengths = words[0] === 'E' ? [words[2]] : words[0] === 'C' ? [words[3], words[4]] : [];
    let offset = nl + 1;
    const fields: string[] = [];
    for (const length of lengths.map(Number)) {
      if (offset + length > out.length) return answers;
      fields.push(out.toString('utf8', offset, offset + length));
      offset += length;
    }
    answers.push({ head, fields });
    at = offset;
  }
}

describe.each([
  ['launcher.py (posix_spawn)', ['python3', '-I', '-S', '-c', pythonScript]],
  ['launcher.py (fork)', ['python3', '-I', '-S', '-c', pythonScript, 'fork']],
  ['launcher.pl', ['perl', '-e', perlScript]],
])('%s', (_, argv) => {
  it('starts, relays, reports exits and signals, and names what could not start', async () => {
    const cwd = tempDir();
    dirs.push(cwd);
    const log = path.join(cwd, 'log.txt');
    const out = await talk(
      argv,
      [
        frame('B', [`PATH=${process.env.PATH ?? ''}`, 'SHARED=base']),
        frame('S 1 1024 3', [
          cwd,
          log,
          'bash',
          '-c',
          'echo "$SHARED $OWN $(pwd)"; sleep 0.1; echo oops >&2; exit 4',
          'OWN=mine',
        ]),
        frame('S 2 1024 3', [cwd, '', 'bash', '-c', 'kill -INT $$']),
        frame('S 3 1024 1', [cwd, '', path.join(cwd, 'no-such-program')]),
        frame('S 4 1024 3', [path.join(cwd, 'gone'), '', 'bash', '-c', 'true']),
      ],
      (o) => o.filter((a) => /^C [12] /.test(a.head)).length === 2 && o.some((a) => /^E 4/.test(a.head)),
    );
    const real = fs.realpathSync(cwd);
    const find = (re: RegExp): Answer | undefined => out.find((a) => re.test(a.head));
    expect(find(/^P 1 \d+$/)).toBeDefined();
    expect(find(/^X 1 /)?.head).toBe('X 1 4 -');
    expect(find(/^C 1 /)?.fields).toEqual([`base mine ${real}\n`, 'oops\n']);
    expect(find(/^X 2 /)?.head).toBe('X 2 - SIGINT');
    expect(find(/^E 3 /)?.fields[0]).toBe(`spawn ${path.join(cwd, 'no-such-program')} ENOENT`);
    expect(find(/^E 4 /)?.fields[0]).toBe('chdir ENOENT');
    expect(fs.readFileSync(log, 'utf8')).toBe(`base mine ${real}\noops\n`);
  });
});
