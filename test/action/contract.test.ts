// The failure semantics of the job contract (docs/github.md) end to end: a workflow's jobs run in `needs` order,
// each in a fresh workspace, through the composite task/action.yml and dist/action.js, with only artifacts between
// them (test/support/workflow-exec).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/cli.js';
import { FAKE_BIN } from '../support/run.js';
import { executeWorkflow, type WorkflowRun } from '../support/workflow-exec.js';

const CHECKOUT = 'actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1';
const UPLOAD = 'actions/upload-artifact@bbbca2ddaa5d8feaa63e36b76fdaad77386f024f # v7.0.0';
const DOWNLOAD = 'actions/download-artifact@3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c # v8.0.1';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

const PLAN = `version: 1
name: policies
defaults: {retries: 0}
tasks:
  - {id: soft, title: Fails softly, run: 'echo "soft broke" >&2; exit 1', on-failure: continue}
  - {id: after-soft, title: Runs anyway, run: 'echo "missing: $ORCHESTRATOR_MISSING_DEPS"', deps: [soft]}
  - {id: gentle, title: Fails, run: 'exit 2', on-failure: skip-dependents}
  - {id: after-gentle, title: Never runs, run: 'echo should not run', deps: [gentle]}
  - {id: alone, title: Independent, run: 'echo independent'}
`;

/** A task job as the compiler writes it; `always` runs it whatever its needs did (as a dynamic wave does). */
function taskJob(id: string, needs: string[], always = false): string {
  const downloads = needs
    .map(
      (n) =>
        `      - uses: ${DOWNLOAD}\n        with: { name: task-${n}, path: .orchestrator/downloads/task-${n} }\n`,
    )
    .join('');
  return `  task-${id}:
${needs.length > 0 ? `    needs: [${needs.map((n) => `task-${n}`).join(', ')}]\n` : ''}${always ? '    if: ${{ !cancelled() }}\n' : ''}    runs-on: ubuntu-latest
    permissions: { contents: read }
    steps:
      - uses: ${CHECKOUT}
        with: { persist-credentials: false }
${downloads}      - id: task
        uses: org/orchestrator/task@v1
        with: { plan: plan.yml, task: ${id} }
      - if: \${{ !cancelled() }}
        uses: ${UPLOAD}
        with: { name: task-${id}, path: .orchestrator/artifact, include-hidden-files: true }
`;
}

function workflow(dynamic: boolean): string {
  const jobs = [
    taskJob('soft', []),
    taskJob('after-soft', ['soft']),
    taskJob('gentle', []),
    taskJob('after-gentle', ['gentle'], dynamic),
    taskJob('alone', []),
  ].join('');
  return `name: test
on: workflow_dispatch
permissions: {}
defaults:
  run:
    shell: bash
jobs:
${jobs}  aggregate:
    needs: [task-soft, task-after-soft, task-gentle, task-after-gentle, task-alone]
    if: \${{ !cancelled() }}
    runs-on: ubuntu-latest
    permissions: { contents: read }
    steps:
      - uses: ${CHECKOUT}
        with: { persist-credentials: false }
      - uses: ${DOWNLOAD}
        with: { pattern: task*, merge-multiple: true, path: .orchestrator/outputs }
      - id: report
        uses: org/orchestrator@v1
        with: { mode: aggregate, plan: plan.yml }
      - if: \${{ !cancelled() }}
        uses: ${UPLOAD}
        with: { name: report, path: .orchestrator/final_output.md }
`;
}

async function exec(source: string): Promise<WorkflowRun> {
  const repo = tempDir();
  fs.writeFileSync(path.join(repo, 'plan.yml'), PLAN);
  const run = await executeWorkflow({ source, repo, env: { PATH: `${FAKE_BIN}:${process.env.PATH}` } });
  cleanups.push(() => {
    run.cleanup();
    fs.rmSync(repo, { recursive: true, force: true });
  });
  return run;
}

const results = (run: WorkflowRun): Record<string, string> =>
  Object.fromEntries(Object.values(run.jobs).map((j) => [j.id, j.result]));

const report = (run: WorkflowRun): string =>
  fs.readFileSync(path.join(run.artifacts.get('report')!, 'final_output.md'), 'utf8');

describe('the job contract: failure policies', () => {
  it('continue lets its dependent run; skip-dependents fails its job, GitHub skips the dependent', async () => {
    const run = await exec(workflow(false));
    expect(results(run)).toEqual({
      'task-soft': 'success',
      'task-after-soft': 'success',
      'task-gentle': 'failure',
      'task-after-gentle': 'skipped',
      'task-alone': 'success',
      aggregate: 'failure',
    });
    const final = report(run);
    expect(final).toContain('❌ Run failed');
    expect(final).toContain('| soft | Fails softly | ❌ Failed |');
    expect(final).toContain('missing: soft');
    expect(final).toContain('| after-gentle | Never runs | ⚪ Not run |');
    expect(run.summaries.aggregate).toContain('**Not run:** after-gentle');
  });

  it('a wave that runs whatever its needs did records the dependent as skipped, and its job succeeds', async () => {
    const run = await exec(workflow(true));
    expect(results(run)).toMatchObject({ 'task-gentle': 'failure', 'task-after-gentle': 'success' });
    const final = report(run);
    expect(final).toContain('| after-gentle | Never runs | ⏭️ Skipped |');
    expect(final).toContain('**Reason:** skipped: gentle failed (on-failure: skip-dependents)');
    expect(final).not.toContain('should not run');
  });
});
