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

function planText(fail?: { id: string; policy: string }): string {
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
    if (failing) lines.push(`    on-failure: ${fail.policy}`);
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
      for (const job of Object.values(run.jobs)) expect([job.id, job.result]).toEqual([job.id, 'success']);
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

  it('fail-fast cancels the run; skip-dependents skips only what depends on the task', async () => {
    const fast = await runGenerated(planText({ id: 'd2', policy: 'fail-fast' }), {});
    expect(fast.cancelled).toBe(true);
    expect(fast.jobs['e']!.result).not.toBe('success');
    // The report is written all the same: the failure and what it stopped.
    expect(fast.jobs['aggregate']!.result).toBe('failure');
    expect(report(fast)).toMatch(/\| d2 \| .*❌/);

    const skip = await runGenerated(planText({ id: 'b', policy: 'skip-dependents' }), { fuseChains: true });
    expect(skip.cancelled).toBe(false);
    expect(skip.jobs['d1-d2-d3']!.result).toBe('success');
    expect(skip.jobs['e']!.result).toBe('skipped');
    expect(skip.jobs['aggregate']!.legs.length).toBe(1);
    expect(report(skip)).toContain('d1(a)');
  }, 120_000);
});
