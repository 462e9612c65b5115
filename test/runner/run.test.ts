// The local runner on real processes: order, outputs, failure policies, retries, timeouts.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readJournal } from '../../src/runner/journal.js';
import { tempDir } from '../support/cli.js';
import { alive, runText, waitFor } from '../support/run.js';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const out = (...p: string[]): string => path.join(dir, '.orchestrator', ...p);
const read = (...p: string[]): string => fs.readFileSync(out(...p), 'utf8');

describe('a run', () => {
  it('runs a diamond in dependency order and leaves the files of the design', async () => {
    const r = await runText(
      `version: 1
tasks:
  - {id: A, run: 'echo from-a; echo extra > "$ORCHESTRATOR_OUTPUT_DIR/extra.txt"'}
  - {id: B, run: 'cat "$ORCHESTRATOR_OUTPUTS/A/result.md"; echo b', deps: [A]}
  - {id: C, run: 'echo c-$ORCHESTRATOR_TASK_ID', deps: [A]}
  - {id: D, run: 'echo d', deps: [B, C]}
`,
      dir,
    );
    expect(r.status).toBe('success');
    expect(r.statuses).toEqual(['done', 'done', 'done', 'done']);
    expect(read('outputs/A/result.md')).toBe('from-a\n');
    expect(read('outputs/A/extra.txt')).toBe('extra\n');
    expect(read('outputs/B/result.md')).toBe('from-a\nb\n');
    expect(read('outputs/C/result.md')).toBe('c-C\n');
    expect(r.task('D')).toMatchObject({
      id: 'D',
      status: 'done',
      attempts: 1,
      exit_code: 0,
      agent: 'shell',
      error: null,
    });
    for (const f of [
      'plan.json',
      'master_plan.md',
      'agent_tasks/agent-04.md',
      'state/journal.jsonl',
      'outputs/D/log.txt',
    ]) {
      expect(fs.existsSync(out(f)), f).toBe(true);
    }
    expect(read('master_plan.md')).toContain('| D | D | B, C | ✅ |');
    const starts = r.events.filter((e) => e.type === 'running').map((e) => r.plan.tasks[e.index]!.id);
    expect(starts[0]).toBe('A');
    expect(starts.at(-1)).toBe('D');
    const journal = readJournal(out('state/journal.jsonl'));
    expect(journal[0]).toMatchObject({ type: 'run-start', tasks: 4 });
    expect(journal.at(-1)).toMatchObject({ type: 'run-end', status: 'done' });
    expect(journal.filter((e) => e.type === 'task' && e.status === 'done')).toHaveLength(4);
  });

  it('runs shell tasks with pipefail: a failing stage of a pipeline fails the task', async () => {
    const r = await runText('version: 1\ntasks:\n  - {id: A, run: "false | cat", retries: 0}\n', dir);
    expect(r.status).toBe('failure');
    expect(r.task('A')).toMatchObject({ status: 'failed', exit_code: 1 });
  });
});

describe('failure policies', () => {
  const plan = (policy: string): string => `version: 1
defaults: {retries: 0}
tasks:
  - {id: bad, run: 'echo boom >&2; exit 3', on-failure: ${policy}}
  - {id: child, run: 'echo "missing=$ORCHESTRATOR_MISSING_DEPS"', deps: [bad]}
  - {id: grandchild, run: 'echo g', deps: [child]}
  - {id: other, run: 'sleep 0.3; echo other'}
`;

  it('fail-fast: the failure cancels what depends on it and stops the running tasks; exit 1', async () => {
    const r = await runText(plan('fail-fast'), dir);
    expect(r.status).toBe('failure');
    expect(r.task('bad')).toMatchObject({
      status: 'failed',
      exit_code: 3,
      error: expect.stringContaining('boom'),
    });
    expect(r.task('child')).toMatchObject({ status: 'cancelled', attempts: 0 });
    expect(r.task('grandchild').status).toBe('cancelled');
    expect(r.task('other').status).toBe('cancelled');
  });

  it('skip-dependents: dependents are skipped, transitively; independent branches finish; exit 1', async () => {
    const r = await runText(plan('skip-dependents'), dir);
    expect(r.status).toBe('failure');
    expect(r.task('child')).toMatchObject({
      status: 'skipped',
      error: 'skipped: bad failed (on-failure: skip-dependents)',
    });
    expect(r.task('grandchild').status).toBe('skipped');
    expect(r.task('other').status).toBe('done');
  });

  it('continue: dependents run and are told which input is missing; exit 0', async () => {
    const r = await runText(plan('continue'), dir);
    expect(r.status).toBe('success');
    expect(r.task('bad').status).toBe('failed');
    expect(r.task('child')).toMatchObject({ status: 'done', missing_deps: ['bad'] });
    expect(read('outputs/child/result.md')).toBe('missing=bad\n');
    expect(r.task('grandchild').status).toBe('done');
  });
});

describe('retries', () => {
  it('retries a flaky task with backoff under retry-on: any', async () => {
    const r = await runText(
      `version: 1
tasks:
  - id: flaky
    run: 'n=$(cat count 2>/dev/null || echo 0); echo $((n+1)) > count; [ "$n" -ge 2 ]'
    retries: 3
    retry-on: any
    backoff: {initial: 100ms, factor: 2, max: 1s}
`,
      dir,
    );
    expect(r.task('flaky')).toMatchObject({ status: 'done', attempts: 3 });
    const retries = r.events.filter((e) => e.type === 'retry');
    // random() is 0.5 in these tests: half of 100ms, then half of 200ms.
    expect(retries.map((e) => (e.type === 'retry' ? e.delayMs : 0))).toEqual([50, 100]);
    expect(read('outputs/flaky/log.txt')).toMatch(/attempt 3 of 4/);
  });
  it('does not retry a deterministic failure by default', async () => {
    const r = await runText(
      `version: 1
defaults: {retries: 2, backoff: {initial: 10ms}}
tasks:
  - {id: det, run: 'exit 1'}
`,
      dir,
    );
    expect(r.task('det')).toMatchObject({ status: 'failed', attempts: 1 });
  });
  it('retries exit 75 (EX_TEMPFAIL) as transient', async () => {
    const r = await runText(
      `version: 1
defaults: {retries: 2, backoff: {initial: 10ms}, on-failure: continue}
tasks:
  - {id: tmp, run: 'exit 75'}
`,
      dir,
    );
    expect(r.task('tmp')).toMatchObject({ status: 'failed', attempts: 3 });
  });
});

describe('timeouts', () => {
  it('kills the whole process tree at the timeout, grandchildren included', async () => {
    const r = await runText(
      `version: 1
tasks:
  - id: hang
    run: 'sleep 60 & echo $! > "$ORCHESTRATOR_OUTPUT_DIR/grandchild.pid"; sleep 60'
    timeout: 500ms
    retries: 0
`,
      dir,
    );
    expect(r.task('hang')).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/^timed out after/),
    });
    const pid = Number(read('outputs/hang/grandchild.pid'));
    await waitFor(() => !alive(pid), 5_000);
    expect(r.task('hang').duration_ms).toBeLessThan(5_000);
  });
  it('stops what a finished task left running in the background, and does not wait for it', async () => {
    const started = Date.now();
    const r = await runText(
      `version: 1\ntasks:\n  - {id: bg, run: 'sleep 60 & echo $! > "$ORCHESTRATOR_OUTPUT_DIR/bg.pid"; echo done'}\n`,
      dir,
    );
    expect(r.task('bg')).toMatchObject({ status: 'done' });
    expect(Date.now() - started).toBeLessThan(10_000);
    const pid = Number(read('outputs/bg/bg.pid'));
    await waitFor(() => !alive(pid), 5_000);
  });
  it('retries a timeout (retry-on includes timeout by default)', async () => {
    const r = await runText(
      `version: 1
tasks:
  - {id: slow, run: 'sleep 5', timeout: 200ms, retries: 1, backoff: {initial: 10ms}}
`,
      dir,
    );
    expect(r.task('slow')).toMatchObject({ status: 'failed', attempts: 2 });
  });
});

describe('interrupt', () => {
  it('stops running tasks, marks them and the rest cancelled, and ends as interrupted', async () => {
    const controller = new AbortController();
    const r = await runText(
      `version: 1
tasks:
  - {id: long, run: 'echo $$ > "$ORCHESTRATOR_OUTPUT_DIR/pid"; sleep 60'}
  - {id: after, run: 'true', deps: [long]}
`,
      dir,
      {
        signal: controller.signal,
        onEvent: (e) => {
          if (e.type === 'running') setTimeout(() => controller.abort(), 200);
        },
      },
    );
    expect(r.status).toBe('interrupted');
    expect(r.task('long').status).toBe('cancelled');
    expect(r.task('after').status).toBe('cancelled');
    expect(alive(Number(read('outputs/long/pid')))).toBe(false);
  });
});
