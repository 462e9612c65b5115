// The runner with the fake `claude` first on PATH: every outcome the real CLI has, end to end.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/cli.js';
import { alive, runText, waitFor } from '../support/run.js';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const plan = (scenario: string, extra = ''): string => `version: 1
defaults: {retries: 2, backoff: {initial: 10ms}, on-failure: continue}
tasks:
  - id: T-01
    title: Audit the auth module
    prompt: |
      List every cookie read.
      fake-scenario: ${scenario}
    max-turns: 7
    model: opus
${extra}`;

const env = (): NodeJS.ProcessEnv => ({
  ...process.env,
  PATH: `${path.resolve('test/fixtures/bin')}:${process.env.PATH}`,
  FAKE_AGENT_STATE_DIR: dir,
  FAKE_AGENT_PID_FILE: path.join(dir, 'pids.json'),
  FAKE_AGENT_LOG: path.join(dir, 'calls.jsonl'),
});
const calls = (): { argv: string[]; stdin: string }[] =>
  fs
    .readFileSync(path.join(dir, 'calls.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { argv: string[]; stdin: string });

describe('claude tasks', () => {
  it('success: the final message becomes result.md, with cost and tokens; the flags come from the task', async () => {
    const r = await runText(plan('success'), dir, { env: env() });
    expect(r.task('T-01')).toMatchObject({
      status: 'done',
      attempts: 1,
      cost_usd: 0.0123,
      tokens: { input: expect.any(Number) },
    });
    expect(fs.readFileSync(path.join(dir, '.orchestrator/outputs/T-01/result.md'), 'utf8')).not.toBe('');
    const [call] = calls();
    expect(call!.argv).toEqual(
      expect.arrayContaining([
        '-p',
        '--output-format',
        'stream-json',
        '--verbose',
        '--max-turns',
        '7',
        '--model',
        'opus',
      ]),
    );
    expect(call!.stdin).toContain('Audit the auth module');
    expect(call!.stdin).toContain('List every cookie read.');
    expect(fs.readFileSync(path.join(dir, '.orchestrator/outputs/T-01/prompt.md'), 'utf8')).toBe(call!.stdin);
  });
  it('is_error is a failure, not retried', async () => {
    const r = await runText(plan('is_error'), dir, { env: env() });
    expect(r.task('T-01')).toMatchObject({ status: 'failed', attempts: 1 });
  });
  it('error_max_turns with exit code 0 is a failure, not retried', async () => {
    const r = await runText(plan('max_turns'), dir, { env: env() });
    expect(r.task('T-01')).toMatchObject({
      status: 'failed',
      attempts: 1,
      error: expect.stringMatching(/turn/i),
    });
  });
  it('an overload is transient: retried, then done', async () => {
    const r = await runText(plan('overloaded-once'), dir, { env: env() });
    expect(r.task('T-01')).toMatchObject({ status: 'done', attempts: 2 });
    expect(r.events.filter((e) => e.type === 'retry')).toHaveLength(1);
  });
  it('garbage output is a failure that says so', async () => {
    const r = await runText(plan('garbage'), dir, { env: env() });
    expect(r.task('T-01')).toMatchObject({
      status: 'failed',
      attempts: 1,
      error: expect.stringMatching(/JSON/),
    });
  });
  it('a hang that spawned a grandchild is killed at the timeout, grandchild included', async () => {
    const r = await runText(
      plan('hang').replace('max-turns: 7', 'max-turns: 7\n    timeout: 500ms\n    retries: 0'),
      dir,
      { env: env() },
    );
    expect(r.task('T-01')).toMatchObject({ status: 'failed', error: expect.stringMatching(/^timed out/) });
    const pids = JSON.parse(fs.readFileSync(path.join(dir, 'pids.json'), 'utf8')) as {
      pid: number;
      grandchild: number;
    };
    await waitFor(() => !alive(pids.pid) && !alive(pids.grandchild), 5_000);
  });
  it("a dependent gets its dep's result in its prompt", async () => {
    await runText(
      plan(
        'success',
        `  - id: T-02\n    title: Use it\n    deps: [T-01]\n    prompt: "fake-scenario: success"\n`,
      ),
      dir,
      { env: env() },
    );
    const second = calls().find((c) => c.stdin.includes('Use it'))!;
    const first = fs.readFileSync(path.join(dir, '.orchestrator/outputs/T-01/result.md'), 'utf8');
    expect(second.stdin).toContain(first.trim());
  });
  it('a missing CLI is a clear failure', async () => {
    const r = await runText(plan('success'), dir, { env: { ...process.env, PATH: '/nonexistent' } });
    expect(r.task('T-01')).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('could not start "claude"'),
    });
  });
});
