// The action's `aggregate` mode through its real interface, from an outputs/ folder that holds only downloaded
// artifacts, as in the workflow's last job. It is report/aggregate.ts, as `orchestrator aggregate` is.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TaskStatusFile } from '../../src/runner/status.js';
import { tempDir } from '../support/cli.js';
import { downloadArtifact, jobFolder } from '../support/jobs.js';
import { outsideFences, runAction } from './run-action.js';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const job = (name: string, plan: string): string => jobFolder(dir, name, plan);

const download = downloadArtifact;

/** A task's folder as its job's artifact brings it. */
function artifact(
  folder: string,
  id: string,
  status: TaskStatusFile['status'],
  result?: string,
  cost?: number,
): void {
  const out = path.join(folder, '.orchestrator/outputs', id);
  fs.mkdirSync(out, { recursive: true });
  if (result !== undefined) fs.writeFileSync(path.join(out, 'result.md'), result);
  const file: TaskStatusFile = {
    id,
    status,
    attempts: status === 'skipped' ? 0 : 1,
    exit_code: status === 'done' ? 0 : null,
    started_at: '2026-01-01T10:00:00.000Z',
    ended_at: '2026-01-01T10:00:02.000Z',
    duration_ms: 2000,
    cost_usd: cost ?? null,
    tokens: null,
    error: status === 'done' ? null : `${id} ${status}`,
    agent: 'shell',
    hash: 'h',
  };
  fs.writeFileSync(path.join(out, 'status.json'), JSON.stringify(file));
}

const PLAN = `version: 1
name: report
request: Check the repository
tasks:
  - {id: T-01, title: First, run: 'echo "first result"'}
  - {id: T-02, title: Second, run: 'cat "$ORCHESTRATOR_OUTPUTS/T-01/result.md"; echo second', deps: [T-01]}
  - {id: T-03, title: Third, run: 'echo third', on-failure: continue}
`;

describe('action: aggregate mode', () => {
  it('two task jobs in fresh folders, then the aggregate job from their artifacts alone', () => {
    const a = job('A', PLAN);
    expect(runAction(a, { mode: 'task', plan: 'plan.yml', task: 'T-01 T-03' }).code).toBe(0);
    const b = job('B', PLAN);
    download(a, b);
    expect(runAction(b, { mode: 'task', plan: 'plan.yml', task: 'T-02' }).code).toBe(0);
    const c = job('C', PLAN);
    download(a, c);
    download(b, c);
    expect(fs.readdirSync(path.join(c, '.orchestrator')).sort()).toEqual(['outputs']);

    const r = runAction(c, { mode: 'aggregate', plan: 'plan.yml' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.outputs).toEqual({
      status: 'success',
      done: '3',
      failed: '0',
      skipped: '0',
      cancelled: '0',
      'not-run': '0',
      counts: '{"done":3,"failed":0,"skipped":0,"cancelled":0,"not-run":0}',
      cost: '0',
      'final-output': '.orchestrator/final_output.md',
    });
    const final = fs.readFileSync(path.join(c, '.orchestrator/final_output.md'), 'utf8');
    expect(final).toContain('**✅ All 3 tasks done**');
    expect(final).toContain('first result\nsecond');
    // The summary is the same report, with the graph coloured by status and the timeline.
    for (const part of [
      '## Summary',
      '| T-02 | Second | ✅ Done |',
      '```mermaid',
      'class t0,t1,t2 done;',
      '## Timeline',
    ]) {
      expect(r.summary).toContain(part);
    }
  });

  it('shows the tasks whose job never ran as not run, counts, cost, and fails the step', () => {
    const c = job('C', PLAN);
    artifact(c, 'T-01', 'done', 'one\n', 0.25);
    artifact(c, 'T-03', 'failed', undefined, 0.5);
    const r = runAction(c, { mode: 'aggregate', plan: 'plan.yml' });
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({
      status: 'failure',
      done: '1',
      failed: '1',
      'not-run': '1',
      cost: '0.75',
    });
    expect(JSON.parse(r.outputs.counts!)).toEqual({
      done: 1,
      failed: 1,
      skipped: 0,
      cancelled: 0,
      'not-run': 1,
    });
    expect(r.stdout).toMatch(
      /^::error::the run failed: ❌ Run failed · ✅ 1 done · ❌ 1 failed \(allowed by on-failure: continue\) · ⚪ 1 not run/m,
    );
    expect(r.summary).toContain('**Not run:** T-02');
    expect(r.summary).toContain('| T-02 | Second | ⚪ Not run | — |');
  });

  it('imports <dir>/downloads/ per artifact, refuses what an artifact may not hold, annotates it, fails', () => {
    const c = job('C', PLAN);
    // Each artifact downloaded without merging, into its own folder; task-T-01 also carries a forged T-02/.
    for (const [name, id, status] of [
      ['task-T-01', 'T-01', 'done'],
      ['task-T-01', 'T-02', 'done'],
      ['tasks-pack', 'T-03', 'done'],
    ] as const) {
      artifact(c, id, status, `${name} says ${id}\n`);
      const to = path.join(c, '.orchestrator/downloads', name, id);
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.renameSync(path.join(c, '.orchestrator/outputs', id), to);
    }
    const r = runAction(c, { mode: 'aggregate', plan: 'plan.yml', sources: 'tasks-pack=T-03' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      '::error title=Artifact refused::artifact task-T-01: T-02/: a folder for task T-02 in an artifact that speaks for T-01 alone: not imported\n',
    );
    expect(r.stdout).toMatch(
      /^::error::the run failed: .*; 1 path of the downloaded artifacts refused: an artifact held what is not its own/m,
    );
    expect(r.outputs).toMatchObject({ status: 'failure', done: '2', 'not-run': '1' });
    expect(r.summary).toContain('## ⚠️ Artifacts refused');
    expect(r.summary).not.toContain('All 3 tasks done');
    expect(r.summary).toContain('| T-02 | Second | ⚪ Not run | — |');
    expect(r.summary).not.toContain('task-T-01 says T-02');
    const final = fs.readFileSync(path.join(c, '.orchestrator/final_output.md'), 'utf8');
    expect(final).toContain('## ⚠️ Artifacts refused');
    expect(final).toContain('task-T-01 says T-01');
    expect(final).toContain('tasks-pack says T-03');
  });

  it('reads <dir>/plan.json when no plan is given, and says so when there is none', () => {
    const c = job('C', PLAN);
    const missing = runAction(c, { mode: 'aggregate', dir: 'ws' });
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('::error::ws/plan.json');
    expect(runAction(c, { mode: 'plan', plan: 'plan.yml', dir: 'ws' }).code).toBe(0);
    fs.mkdirSync(path.join(c, 'ws/outputs'));
    for (const id of ['T-01', 'T-02', 'T-03']) {
      artifact(c, id, 'done', `${id}\n`);
      fs.renameSync(path.join(c, '.orchestrator/outputs', id), path.join(c, 'ws/outputs', id));
    }
    const r = runAction(c, { mode: 'aggregate', dir: 'ws' });
    expect(r.code).toBe(0);
    expect(r.outputs['final-output']).toBe('ws/final_output.md');
    expect(fs.existsSync(path.join(c, 'ws/final_output.md'))).toBe(true);
  });

  it('shows hostile plan and agent text as text, and stays under GitHub’s 1 MiB summary limit', () => {
    const hostile = '<script>alert(1)</script> ${{ secrets.TOKEN }} <img src=x onerror=alert(2)>';
    const tasks = Array.from(
      { length: 40 },
      (_, i) => `  - {id: T-${i}, title: ${JSON.stringify(`${hostile}\n::error::pwned`)}, run: x}\n`,
    ).join('');
    const c = job('C', `version: 1\nrequest: ${JSON.stringify(`${hostile}\n<details>`)}\ntasks:\n${tasks}`);
    for (let i = 0; i < 40; i++) {
      artifact(
        c,
        `T-${i}`,
        i === 7 ? 'failed' : 'done',
        `${hostile}\n<details><summary>open\n\n${`${'x'.repeat(99)}\n`.repeat(1000)}`,
      );
    }
    const r = runAction(c, { mode: 'aggregate', plan: 'plan.yml' });
    expect(r.code).toBe(1);
    expect(Buffer.byteLength(r.summary)).toBeLessThan(1024 * 1024);
    expect(r.summary).toContain('This report is shortened to stay under GitHub');
    const markdown = outsideFences(r.summary);
    expect(markdown).not.toMatch(/<script|<img|<details/i);
    expect(markdown).toContain('&lt;script&gt;');
    expect(r.stdout).not.toMatch(/^::error::pwned/m);
    // final_output.md itself keeps the agents' markdown, and is whole up to its own limit.
    expect(fs.readFileSync(path.join(c, '.orchestrator/final_output.md'), 'utf8').length).toBeGreaterThan(0);
  });
});
