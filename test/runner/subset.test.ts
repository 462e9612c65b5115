// Running part of a plan (a GitHub task job): deps outside the part come from their status.json in outputs/.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze.js';
import { readJournal } from '../../src/runner/journal.js';
import type { TaskStatusFile } from '../../src/runner/status.js';
import { parseTaskIds, runTaskJob, selectTasks } from '../../src/runner/task-job.js';
import { listFiles, tempDir } from '../support/cli.js';
import { load } from '../support/plans.js';
import { FAKE_BIN, runText } from '../support/run.js';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const out = (...p: string[]): string => path.join(dir, '.orchestrator', ...p);
const read = (...p: string[]): string => fs.readFileSync(out(...p), 'utf8');
const exists = (...p: string[]): boolean => fs.existsSync(out(...p));

/** A dep's folder as a downloaded artifact leaves it. */
function downloaded(id: string, status: TaskStatusFile['status'] | null, result?: string): void {
  fs.mkdirSync(out('outputs', id), { recursive: true });
  if (result !== undefined) fs.writeFileSync(out('outputs', id, 'result.md'), result);
  if (status === null) return;
  const file: TaskStatusFile = {
    id,
    status,
    attempts: status === 'skipped' || status === 'cancelled' ? 0 : 1,
    exit_code: status === 'done' ? 0 : status === 'failed' ? 3 : null,
    started_at: null,
    ended_at: null,
    duration_ms: null,
    cost_usd: null,
    tokens: null,
    error: status === 'done' ? null : `${status} elsewhere`,
    agent: 'shell',
    hash: 'h',
  };
  fs.writeFileSync(out('outputs', id, 'status.json'), JSON.stringify(file));
}

/** `dep` (its on-failure given) and `child` that prints what it sees of it; `other` does not depend on it. */
const plan = (policy = 'fail-fast'): string => `version: 1
defaults: {retries: 0}
tasks:
  - {id: dep, run: 'echo dep-ran-here', on-failure: ${policy}}
  - {id: child, run: 'echo "missing=$ORCHESTRATOR_MISSING_DEPS"; cat "$ORCHESTRATOR_OUTPUTS/dep/result.md" || true', deps: [dep]}
  - {id: grandchild, run: 'echo g', deps: [child]}
  - {id: other, run: 'echo other'}
`;
/** Indices in `plan()`. */
const CHILD = 1;
const GRANDCHILD = 2;
const OTHER = 3;

describe('a part of the plan', () => {
  it('runs a task whose dep is done elsewhere, with its result, and never runs the dep', async () => {
    downloaded('dep', 'done', 'result of dep\n');
    const r = await runText(plan(), dir, { only: new Set([CHILD]) });
    expect(r.status).toBe('success');
    expect(r.task('child')).toMatchObject({ status: 'done', attempts: 1 });
    expect(read('outputs/child/result.md')).toBe('missing=\nresult of dep\n');
    // The dep's downloaded folder is as it was: not run, not rewritten.
    expect(read('outputs/dep/result.md')).toBe('result of dep\n');
    expect(JSON.parse(read('outputs/dep/status.json'))).toMatchObject({ status: 'done', hash: 'h' });
    expect(exists('outputs/grandchild')).toBe(false);
    expect(exists('outputs/other')).toBe(false);
    const ran = r.events.filter((e) => e.type === 'running').map((e) => r.plan.tasks[e.index]!.id);
    expect(ran).toEqual(['child']);
    expect(r.events[0]).toMatchObject({ type: 'start', total: 1 });
  });

  it('cancels its tasks when any earlier task failed under fail-fast, even one they do not depend on', async () => {
    // A wave of the dynamic run downloads every earlier artifact: a fail-fast failure there stops the run.
    downloaded('dep', 'failed');
    const r = await runText(plan(), dir, { only: new Set([CHILD, GRANDCHILD, OTHER]) });
    expect(r.status).toBe('failure');
    for (const id of ['child', 'grandchild', 'other'])
      expect(r.task(id)).toMatchObject({
        status: 'cancelled',
        attempts: 0,
        error: 'cancelled: dep failed (on-failure: fail-fast)',
      });
    expect(r.events.some((e) => e.type === 'running')).toBe(false);
    // The same failure under skip-dependents stops nothing that does not depend on it.
    for (const id of ['child', 'grandchild', 'other'])
      fs.rmSync(out('outputs', id), { recursive: true, force: true });
    const r2 = await runText(plan('skip-dependents'), dir, { only: new Set([OTHER]) });
    expect(r2.status).toBe('success');
    expect(r2.task('other').status).toBe('done');
  });

  it('runs a task whose dep failed under continue, told the input is missing', async () => {
    downloaded('dep', 'failed');
    const r = await runText(plan('continue'), dir, { only: new Set([CHILD]) });
    expect(r.status).toBe('success');
    expect(r.task('child')).toMatchObject({ status: 'done', missing_deps: ['dep'] });
    expect(read('outputs/child/result.md')).toBe('missing=dep\n');
  });

  const skips: [string, TaskStatusFile['status'] | null, string, RegExp, 'success' | 'failure'][] = [
    [
      'failed under skip-dependents',
      'failed',
      'skip-dependents',
      /^skipped: dep failed \(on-failure: skip-dependents\)$/,
      'success',
    ],
    ['was skipped', 'skipped', 'fail-fast', /^skipped: dep was skipped$/, 'success'],
    ['was cancelled', 'cancelled', 'fail-fast', /^skipped: dep was cancelled$/, 'failure'],
    [
      'left no status.json',
      null,
      'continue',
      /^skipped: dep did not run or its artifact was not downloaded \(no outputs\/dep\/status\.json\)$/,
      'failure',
    ],
  ];
  for (const [what, status, policy, reason, outcome] of skips) {
    it(`skips a task whose dep ${what} (run: ${outcome}), and its dependents in the part`, async () => {
      downloaded('dep', status, 'partial\n');
      const r = await runText(plan(policy), dir, { only: new Set([CHILD, GRANDCHILD, OTHER]) });
      expect(r.status).toBe(outcome);
      expect(r.task('child')).toMatchObject({ status: 'skipped', attempts: 0 });
      expect(r.task('child').error).toMatch(reason);
      expect(r.task('grandchild')).toMatchObject({ status: 'skipped', error: r.task('child').error });
      expect(r.task('other')).toMatchObject({ status: 'done' });
      expect(exists('outputs/child/result.md')).toBe(false);
      // The dep's folder is untouched: no status.json appears where there was none.
      expect(exists('outputs/dep/status.json')).toBe(status !== null);
      expect(read('outputs/dep/result.md')).toBe('partial\n');
    });
  }

  it('takes a status.json for another task, or torn, as no status', async () => {
    downloaded('dep', 'done');
    fs.writeFileSync(out('outputs/dep/status.json'), '{"id": "other", "status": "done"}');
    const r = await runText(plan(), dir, { only: new Set([CHILD]) });
    expect(r.status).toBe('failure');
    expect(r.task('child').error).toMatch(
      /^skipped: dep left no usable status\.json \(status\.json is for task "other"/,
    );
    fs.writeFileSync(out('outputs/dep/status.json'), '{"id": "dep", "sta');
    const again = await runText(plan(), dir, { only: new Set([CHILD]) });
    expect(again.task('child').error).toMatch(
      /^skipped: dep left no usable status\.json \(status\.json is not valid JSON/,
    );
  });

  it('resets only its own folders on a fresh run, and keeps the journal', async () => {
    downloaded('dep', 'done', 'kept\n');
    fs.writeFileSync(out('outputs/dep/extra.bin'), 'downloaded file');
    fs.mkdirSync(out('outputs/child'), { recursive: true });
    fs.writeFileSync(out('outputs/child/stale.txt'), 'from an earlier attempt');
    fs.mkdirSync(out('outputs/unrelated'), { recursive: true });
    fs.mkdirSync(out('state'), { recursive: true });
    fs.writeFileSync(
      out('state/journal.jsonl'),
      '{"type":"task","at":"x","run":"old","id":"other","status":"done","attempt":1,"hash":"h"}\n',
    );
    await runText(plan(), dir, { only: new Set([CHILD]) });
    expect(listFiles(out('outputs'))).toEqual([
      'child/log.txt',
      'child/result.md',
      'child/status.json',
      'dep/extra.bin',
      'dep/result.md',
      'dep/status.json',
    ]);
    expect(fs.existsSync(out('outputs/unrelated'))).toBe(true);
    const journal = readJournal(out('state/journal.jsonl'));
    expect(journal[0]).toMatchObject({ run: 'old', id: 'other' });
    expect(journal[1]).toMatchObject({ type: 'run-start', tasks: 1 });
    expect(journal.at(-1)).toMatchObject({ type: 'run-end', status: 'done' });
    // The master plan shows the whole plan: the dep done (from its status.json), the task run here done.
    expect(read('master_plan.md')).toMatch(/\| dep \| dep \| None \| ✅ \|/);
  });

  it('runs deps inside the part in order, and a fail-fast failure cancels only tasks of the part', async () => {
    const text = `version: 1
defaults: {retries: 0}
tasks:
  - {id: a, run: 'echo a'}
  - {id: b, run: 'cat "$ORCHESTRATOR_OUTPUTS/a/result.md"; echo b', deps: [a]}
  - {id: c, run: 'exit 1'}
  - {id: d, run: 'echo d', deps: [c]}
  - {id: e, run: 'echo e', deps: [b, d]}
`;
    downloaded('c', 'done');
    const r = await runText(text, dir, { only: new Set([0, 1, 3, 4]), schedule: 'level' });
    expect(r.status).toBe('success');
    expect(read('outputs/b/result.md')).toBe('a\nb\n');
    expect(r.task('e')).toMatchObject({ status: 'done' });

    // Now c fails in the part: d is cancelled; a, b and e, outside the part, are neither run nor written.
    fs.rmSync(out('outputs'), { recursive: true });
    downloaded('a', null);
    const failed = await runText(text, dir, { only: new Set([2, 3]) });
    expect(failed.status).toBe('failure');
    expect(failed.task('c')).toMatchObject({ status: 'failed' });
    expect(failed.task('d')).toMatchObject({ status: 'cancelled' });
    expect(exists('outputs/a/status.json')).toBe(false);
    expect(exists('outputs/b')).toBe(false);
    expect(exists('outputs/e')).toBe(false);
  });

  it('an empty part ends at once', async () => {
    const r = await runText(plan(), dir, { only: new Set() });
    expect(r.status).toBe('success');
  });
});

describe('runTaskJob', () => {
  it('stages artifact/<id>/ for the tasks it ran, failed ones too, after resetting the folder', async () => {
    const p = load(`version: 1
defaults: {retries: 0}
tasks:
  - {id: A, run: 'echo a; mkdir -p "$ORCHESTRATOR_OUTPUT_DIR/sub"; echo x > "$ORCHESTRATOR_OUTPUT_DIR/sub/x.txt"; ln -s /etc/hostname "$ORCHESTRATOR_OUTPUT_DIR/link"; mkfifo "$ORCHESTRATOR_OUTPUT_DIR/fifo"'}
  - {id: B, run: 'echo oops; exit 4', on-failure: continue}
  - {id: C, run: 'echo c'}
`);
    fs.mkdirSync(out('artifact/stale'), { recursive: true });
    const job = await runTaskJob(p, analyze(p), selectTasks(p, ['B', 'A']), {
      root: out(),
      cwd: dir,
      concurrency: 2,
      schedule: 'critical-path',
      resume: false,
      env: { ...process.env, PATH: `${FAKE_BIN}:${process.env.PATH}` },
      graceMs: 300,
      stage: true,
    });
    expect(job.run.status).toBe('success');
    expect(job.tasks.map((t) => [t.id, t.status])).toEqual([
      ['B', 'failed'],
      ['A', 'done'],
    ]);
    expect(job.artifact).toBe(out('artifact'));
    // Links are never staged (upload-artifact would follow them): dropped, and said in the staged log.
    expect(listFiles(out('artifact'))).toEqual([
      'A/log.txt',
      'A/result.md',
      'A/status.json',
      'A/sub/x.txt',
      'B/log.txt',
      'B/result.md',
      'B/status.json',
    ]);
    expect(fs.existsSync(out('artifact/A/link'))).toBe(false);
    expect(fs.existsSync(out('artifact/A/fifo'))).toBe(false);
    expect(read('artifact/A/log.txt')).toContain(
      '[orchestrator] 2 paths of this task\'s folder left out of its artifact:\n  "fifo": not a regular file',
    );
    expect(job.staged.map((n) => [n.id, n.path])).toEqual([
      ['A', 'fifo'],
      ['A', 'link'],
    ]);
    expect(JSON.parse(read('artifact/B/status.json'))).toMatchObject({
      id: 'B',
      status: 'failed',
      exit_code: 4,
    });
  });

  it('names the closest id for an unknown one, ignoring case first', () => {
    const p = load(
      'version: 1\ntasks:\n  - {id: T-01, run: a}\n  - {id: T-02, run: b}\n  - {id: build, run: c}\n',
    );
    expect(() => selectTasks(p, ['t-01'])).toThrow('the plan has no task "t-01" (did you mean "T-01"?)');
    expect(() => selectTasks(p, ['biuld'])).toThrow('(did you mean "build"?)');
    expect(() => selectTasks(p, ['deploy'])).toThrow(
      'the plan has no task "deploy" (its tasks: T-01, T-02, build)',
    );
    expect(() => selectTasks(p, [])).toThrow('no task id given');
    expect(parseTaskIds(['T-01, T-02', 'build T-01', ' '])).toEqual(['T-01', 'T-02', 'build']);
  });
});
