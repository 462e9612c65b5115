// The three progress views, fed a run's events, writing to a stream we read back.
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { style } from '../../src/cli/terminal.js';
import { chooseReporter } from '../../src/runner/progress/choose.js';
import { GithubReporter } from '../../src/runner/progress/github.js';
import { LineReporter } from '../../src/runner/progress/lines.js';
import { TtyReporter } from '../../src/runner/progress/tty.js';
import type { RunEvent } from '../../src/runner/run.js';
import type { TaskStatusFile } from '../../src/runner/status.js';
import { tempDir } from '../support/cli.js';
import { load } from '../support/plans.js';

const plan = load(
  'version: 1\ntasks:\n  - {id: A, run: a, title: "Build it"}\n  - {id: B, run: b, deps: [A]}\n',
);
const file = (id: string, status: TaskStatusFile['status'], error: string | null = null): TaskStatusFile => ({
  id,
  status,
  attempts: 1,
  exit_code: status === 'done' ? 0 : 1,
  started_at: '2026-01-01T00:00:00.000Z',
  ended_at: '2026-01-01T00:00:01.500Z',
  duration_ms: 1500,
  cost_usd: null,
  tokens: null,
  error,
  agent: 'shell',
  hash: 'h',
});
const EVENTS: RunEvent[] = [
  { type: 'start', total: 2, concurrency: 2, schedule: 'critical-path' },
  { type: 'running', index: 0, attempt: 1 },
  { type: 'retry', index: 0, attempt: 1, delayMs: 1200, error: 'exit code 75' },
  { type: 'running', index: 0, attempt: 2 },
  { type: 'finished', index: 0, status: 'done', reused: false, file: file('A', 'done') },
  {
    type: 'finished',
    index: 1,
    status: 'failed',
    reused: false,
    file: file('B', 'failed', 'exit code 1: boom'),
  },
  { type: 'end', status: 'failure', durationMs: 3000 },
];

function capture(): { stream: PassThrough & { columns?: number; isTTY?: boolean }; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (c: Buffer) => (text += c.toString()));
  return { stream, text: () => text };
}

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('progress', () => {
  it('lines: one line per status change', () => {
    const { stream, text } = capture();
    const reporter = new LineReporter(plan, stream);
    for (const e of EVENTS) reporter.onEvent(e);
    expect(text().split('\n')).toEqual([
      'Running 2 tasks, 2 at a time (critical-path order)',
      '[0/2] 🔵 running A Build it',
      '[0/2] 🔁 retry A Build it: attempt 1 failed (exit code 75); next in 1.2s',
      '[0/2] 🔵 running A Build it (attempt 2)',
      '[1/2] ✅ done A Build it (1.5s)',
      '[2/2] ❌ failed B (1.5s, exit code 1: boom)',
      '',
    ]);
  });

  it('github: a group per task with its log, workflow commands switched off inside, an error annotation', () => {
    fs.mkdirSync(path.join(dir, 'A'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'A', 'log.txt'), 'building\n::set-output name=x::pwned\n');
    const { stream, text } = capture();
    const reporter = new GithubReporter(plan, dir, stream);
    for (const e of EVENTS) reporter.onEvent(e);
    const out = text();
    const token = /::stop-commands::([0-9a-f]{32})/.exec(out)?.[1];
    expect(token).toBeDefined();
    expect(out).toContain(
      `::group::[1/2] ✅ done A Build it (1.5s)\n::stop-commands::${token}\nbuilding\n::set-output name=x::pwned\n::${token}::\n::endgroup::`,
    );
    expect(out).toContain('::error title=B failed::exit code 1: boom');
  });

  it('tty: draws a live block and leaves the terminal clean', () => {
    const { stream, text } = capture();
    stream.columns = 100;
    const reporter = new TtyReporter(plan, stream, style({ isTTY: false }, {}));
    for (const e of EVENTS) reporter.onEvent(e);
    const out = text();
    expect(out).toContain('✅ 1 ❌ 1');
    expect(out).toContain('[2/2] ❌ failed B');
    expect(out.endsWith('\u001b[?25h')).toBe(true); // the cursor is shown again
  });

  it('auto: GitHub Actions, then a terminal, then lines', () => {
    const { stream } = capture();
    expect(chooseReporter('auto', plan, dir, stream, { GITHUB_ACTIONS: 'true' })).toBeInstanceOf(
      GithubReporter,
    );
    stream.isTTY = true;
    expect(chooseReporter('auto', plan, dir, stream, {})).toBeInstanceOf(TtyReporter);
    stream.isTTY = false;
    expect(chooseReporter('auto', plan, dir, stream, {})).toBeInstanceOf(LineReporter);
  });
});

describe('displayWidth', () => {
  it('counts emoji as two cells and variation selectors as none', async () => {
    const { displayWidth } = await import('../../src/runner/progress/tty.js');
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('✅ 1')).toBe(4);
    expect(displayWidth('⏸️')).toBe(2);
    expect(displayWidth('🔵')).toBe(2);
  });
});
