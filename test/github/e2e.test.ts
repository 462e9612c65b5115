// End to end: a generated workflow's jobs run locally in `needs` order, each in a fresh workspace as on separate
// machines, only artifacts between them, through dist/action.js (test/support/workflow-exec; `npm run build`
// first). Each task reads its deps' outputs, so a missing download or a wrong order shows in the report.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CompileOptions } from '../../src/github/compile.js';
import { tempDir } from '../support/cli.js';
import { FAKE_BIN } from '../support/run.js';
import { executeWorkflow, type WorkflowRun } from '../support/workflow-exec.js';
import { workflowFindings } from '../support/workflow-lint.js';
import { load } from '../support/plans.js';
import { compile } from './helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

// a -> b -> c (a chain), a -> {d1, d2, d3} (a matrix), {c, d1, d2, d3} -> e. Each task appends its deps' words.
const DEPS: Record<string, string[]> = {
  a: [],
  b: ['a'],
  c: ['b'],
  d1: ['a'],
  d2: ['a'],
  d3: ['a'],
  e: ['c', 'd1', 'd2', 'd3'],
};

function planText(fail?: { id: string; policy: string }, policies: Record<string, string> = {}): string {
  const lines = ['version: 1', 'name: e2e', 'defaults: { agent: shell, retries: 0 }', 'tasks:'];
  for (const [id, deps] of Object.entries(DEPS)) {
    const read = deps.map((d) => `$(cat "$ORCHESTRATOR_OUTPUTS/${d}/word")`).join('+');
    const word = deps.length === 0 ? id : `${id}(${read})`;
    const failing = fail?.id === id;
    lines.push(
      `  - id: ${id}`,
      `    run: 'echo "${word}" > "$ORCHESTRATOR_OUTPUT_DIR/word"; cat "$ORCHESTRATOR_OUTPUT_DIR/word"${failing ? '; exit 3' : ''}'`,
    );
    if (deps.length > 0) lines.push(`    deps: [${deps.join(', ')}]`);
    const policy = failing ? fail.policy : policies[id];
    if (policy !== undefined) lines.push(`    on-failure: ${policy}`);
  }
  return `${lines.join('\n')}\n`;
}

async function runGenerated(text: string, overrides: Partial<CompileOptions>): Promise<WorkflowRun> {
  const repo = tempDir();
  fs.writeFileSync(path.join(repo, 'plan.yml'), text);
  const { text: source } = compile(load(text), overrides);
  // The fake `gh` (test/fixtures/bin) answers `gh run cancel` as GitHub would.
  const run = await executeWorkflow({ source, repo, env: { PATH: `${FAKE_BIN}:${process.env.PATH}` } });
  cleanups.push(() => {
    run.cleanup();
    fs.rmSync(repo, { recursive: true, force: true });
  });
  return run;
}

/**
 * Whether job `id`'s cancel job asked GitHub to cancel the run (the fake `gh` answers as GitHub does). The cancel
 * job itself may end `cancelled`: the run it cancels is its own.
 */
function cancelledBy(run: WorkflowRun, id: string): boolean {
  const cancel = run.jobs[`cancel-${id}`];
  if (cancel === undefined) throw new Error(`no job cancel-${id}: ${Object.keys(run.jobs).join(', ')}`);
  if (cancel.result === 'skipped') return false;
  const steps = cancel.legs.flatMap((leg) => leg.steps);
  return (
    steps.length === 1 && steps[0]!.outcome === 'success' && steps[0]!.stdout.includes('Request to cancel')
  );
}

function report(run: WorkflowRun): string {
  const folder = run.artifacts.get('final-output');
  if (folder === undefined)
    throw new Error(`no report; jobs: ${JSON.stringify(run.jobs, null, 1).slice(0, 4000)}`);
  return fs.readFileSync(path.join(folder, 'final_output.md'), 'utf8');
}

describe('generated workflows, executed', () => {
  it.each<[string, Partial<CompileOptions>]>([
    ['auto', {}],
    ['fuse-chains', { fuseChains: true }],
    ['task', { group: 'task' }],
    ['level', { group: 'level' }],
    ['packed', { maxJobs: 2 }],
  ])(
    '%s: every task runs after its deps and the report is complete',
    async (_name, overrides) => {
      const run = await runGenerated(planText(), overrides);
      // Nothing failed: every cancel job is skipped, every other job succeeds.
      for (const job of Object.values(run.jobs)) {
        expect([job.id, job.result]).toEqual([job.id, job.id.startsWith('cancel-') ? 'skipped' : 'success']);
      }
      expect(run.cancelled).toBe(false);
      const final = report(run);
      for (const id of Object.keys(DEPS)) expect(final).toMatch(new RegExp(`\\| ${id} \\| .*✅`));
      expect(final).toContain('e(c(b(a))+d1(a)+d2(a)+d3(a))');
    },
    120_000,
  );

  it('a job with many dep artifacts downloads them in one step, and still sees every dep', async () => {
    const roots = Array.from({ length: 10 }, (_, i) => `r${i}`);
    const text = [
      'version: 1',
      'name: wide',
      'defaults: { agent: shell, retries: 0 }',
      'tasks:',
      // Different runners would keep them apart; one matrix of 10 legs gives 10 artifacts.
      ...roots.map((id) => `  - {id: ${id}, run: 'echo ${id} > "$ORCHESTRATOR_OUTPUT_DIR/word"'}`),
      `  - id: sink`,
      `    deps: [${roots.join(', ')}]`,
      `    run: 'cat ${roots.map((id) => `"$ORCHESTRATOR_OUTPUTS/${id}/word"`).join(' ')} | tr -d "\\n"'`,
    ].join('\n');
    const { text: source } = compile(load(`${text}\n`), { group: 'task' });
    const sinkJob = source.slice(source.indexOf('\n  sink:'), source.indexOf('\n  aggregate:'));
    expect(sinkJob.match(/download-artifact@/g)).toHaveLength(1);
    expect(sinkJob).toContain('pattern: task*');
    expect(await workflowFindings(source, 'wide.yml')).toEqual([]);
    const run = await runGenerated(`${text}\n`, { group: 'task' });
    expect(run.jobs['sink']!.result).toBe('success');
    expect(report(run)).toContain(roots.join(''));
  }, 120_000);

  it('fail-fast cancels the run from the cancel job; skip-dependents skips only what depends on the task', async () => {
    const fast = await runGenerated(planText({ id: 'd2', policy: 'fail-fast' }), {});
    expect(fast.cancelled).toBe(true);
    // The cancel came from `cancel-d1-d2-d3`, a job of its own: the task job holds no token to cancel with.
    expect(fast.jobs['d1-d2-d3']!.result).toBe('failure');
    expect(cancelledBy(fast, 'd1-d2-d3')).toBe(true);
    for (const leg of fast.jobs['d1-d2-d3']!.legs) {
      expect(leg.steps.some((s) => s.stdout.includes('Request to cancel'))).toBe(false);
    }
    // The cancel jobs of the jobs that succeeded were skipped (a skipped job costs nothing).
    expect(fast.jobs['cancel-a']!.result).toBe('skipped');
    expect(fast.jobs['e']!.result).not.toBe('success');
    // The report is written all the same, after the cancel: the failure and what it stopped.
    expect(fast.jobs['aggregate']!.result).toBe('failure');
    expect(report(fast)).toMatch(/\| d2 \| .*❌/);

    const skip = await runGenerated(planText({ id: 'b', policy: 'skip-dependents' }), { fuseChains: true });
    expect(skip.cancelled).toBe(false);
    expect(skip.jobs['d1-d2-d3']!.result).toBe('success');
    expect(skip.jobs['e']!.result).toBe('skipped');
    expect(skip.jobs['aggregate']!.legs.length).toBe(1);
    expect(report(skip)).toContain('d1(a)');
  }, 120_000);

  it('a packed job with fail-fast and skip-dependents tasks cancels for the fail-fast one alone', async () => {
    // --max-jobs 1: every task in one job, `b` skip-dependents, the others fail-fast (the default).
    const skip = await runGenerated(planText({ id: 'b', policy: 'skip-dependents' }), { maxJobs: 1 });
    const [jobId] = Object.keys(skip.jobs).filter((id) => id !== 'aggregate' && !id.startsWith('cancel-'));
    expect(skip.jobs[jobId!]!.result).toBe('failure');
    expect(skip.jobs[jobId!]!.outputs['fail-fast']).toBe('false');
    expect(cancelledBy(skip, jobId!)).toBe(false);
    expect(skip.cancelled).toBe(false);
    const skipped = report(skip);
    expect(skipped).toContain('d1(a)');
    expect(skipped).toMatch(/\| b \| .*❌/);

    // The same job, `b` still skip-dependents, and fail-fast `d2` fails: that one cancels.
    const fast = await runGenerated(planText({ id: 'd2', policy: 'fail-fast' }, { b: 'skip-dependents' }), {
      maxJobs: 1,
    });
    expect(fast.jobs[jobId!]!.outputs['fail-fast']).toBe('true');
    expect(cancelledBy(fast, jobId!)).toBe(true);
    expect(fast.cancelled).toBe(true);
    expect(report(fast)).toMatch(/\| d2 \| .*❌/);
  }, 120_000);

  it('a task that plants a `gh` for the steps after it catches no token: none of them holds one', async () => {
    // Finding 1 of issue 11: the task job held `actions: write` for an in-job `gh run cancel` step, which a task
    // could hijack (GITHUB_PATH, found in an ancestor's environ) to run its own `gh` with GH_TOKEN. Now the
    // only step with a token runs in the cancel job, on another machine, where nothing of the task is.
    const capture = path.join(tempDir(), 'captured');
    cleanups.push(() => fs.rmSync(path.dirname(capture), { recursive: true, force: true }));
    const plant = [
      'bin="$ORCHESTRATOR_OUTPUT_DIR/../../planted"; mkdir -p "$bin"',
      `printf '#!/bin/sh\\necho "$GH_TOKEN $GITHUB_TOKEN" >> ${capture}\\n' > "$bin/gh"; chmod +x "$bin/gh"`,
      // Every GITHUB_PATH / GITHUB_ENV any ancestor process knows of.
      'pid=$$; while [ "$pid" -gt 1 ]; do',
      '  for f in $(tr "\\0" "\\n" < /proc/$pid/environ 2>/dev/null | sed -n "s/^GITHUB_PATH=//p"); do echo "$bin" >> "$f"; done',
      '  pid=$(awk "/^PPid:/ {print \\$2}" /proc/$pid/status)',
      'done',
      'exit 3',
    ].join('\n');
    const text = [
      'version: 1',
      'name: plant',
      'defaults: { agent: shell, retries: 0 }',
      'tasks:',
      `  - id: evil`,
      `    run: ${JSON.stringify(plant)}`,
      `  - id: later`,
      `    run: 'true'`,
      `    deps: [evil]`,
      '',
    ].join('\n');
    const run = await runGenerated(text, {});
    expect(run.jobs['evil']!.result).toBe('failure');
    expect(cancelledBy(run, 'evil')).toBe(true);
    expect(run.cancelled).toBe(true);
    expect(fs.existsSync(capture) ? fs.readFileSync(capture, 'utf8') : '').toBe('');
  }, 120_000);
});
