// The reusable workflow (.github/workflows/orchestrate.yml): the committed file is what src/github/reusable.ts
// writes, GitHub's parser and actionlint find nothing in it, and its jobs, run locally in `needs` order, each in a
// fresh workspace with only artifacts between them and the bundled action, give the design's results.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { reusableWorkflow, WAVES } from '../../src/github/reusable.js';
import { ROOT, tempDir } from '../support/cli.js';
import { FAKE_BIN } from '../support/run.js';
import { executeWorkflow, type WorkflowRun } from '../support/workflow-exec.js';
import { workflowFindings } from '../support/workflow-lint.js';

const FILE = path.join(ROOT, '.github/workflows/orchestrate.yml');

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('the reusable workflow', () => {
  it('is the committed file, and GitHub’s parser and actionlint find nothing in it', async () => {
    const text = reusableWorkflow();
    if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(FILE, text);
    expect(fs.readFileSync(FILE, 'utf8')).toBe(text);
    expect(await workflowFindings(text, 'orchestrate.yml')).toEqual([]);
    expect(text).toContain(`wave-${WAVES}:`);
    expect(text).not.toContain(`wave-${WAVES + 1}:`);
  });

  async function run(
    plan: string,
    tasks = '',
  ): Promise<WorkflowRun & { status: (id: string) => unknown; report: string }> {
    const repo = tempDir();
    cleanups.push(() => fs.rmSync(repo, { recursive: true, force: true }));
    fs.writeFileSync(path.join(repo, 'plan.yml'), plan);
    const result = await executeWorkflow({
      workflow: FILE,
      repo,
      env: { PATH: `${FAKE_BIN}:${process.env.PATH}` },
      inputs: {
        plan: 'plan.yml',
        tasks,
        'runs-on': 'ubuntu-latest',
        concurrency: '2',
        'max-parallel': 20,
        'timeout-minutes': 30,
      },
    });
    cleanups.push(() => result.cleanup());
    const outputs = path.join(result.leg('aggregate').workspace, '.orchestrator/outputs');
    const status = (id: string): unknown =>
      (JSON.parse(fs.readFileSync(path.join(outputs, id, 'status.json'), 'utf8')) as { status: string })
        .status;
    const report = fs.readFileSync(
      path.join(result.artifacts.get('final-output')!, 'final_output.md'),
      'utf8',
    );
    return Object.assign(result, { status, report });
  }

  it('runs a plan level by level: every task done, each seeing its deps’ results, the report complete', async () => {
    const r = await run(`version: 1
name: waves
defaults: {agent: shell, retries: 0}
tasks:
  - {id: a, run: 'echo from-a'}
  - {id: b, run: 'echo from-b'}
  - {id: c, run: 'cat "$ORCHESTRATOR_OUTPUTS/a/result.md" "$ORCHESTRATOR_OUTPUTS/b/result.md"', deps: [a, b]}
  - {id: d, run: 'cat "$ORCHESTRATOR_OUTPUTS/c/result.md"; echo from-d', deps: [c]}
`);
    expect(r.job('plan').result).toBe('success');
    expect(r.job('wave-1').result).toBe('success');
    expect(r.job('wave-3').result).toBe('success');
    expect(r.job('wave-4').result).toBe('skipped');
    expect(r.job('aggregate').result).toBe('success');
    for (const id of ['a', 'b', 'c', 'd']) expect(r.status(id)).toBe('done');
    expect(r.report).toContain('from-a\nfrom-b\nfrom-d');
    expect(r.leg('aggregate').steps.find((s) => s.id === 'aggregate')?.outputs.status).toBe('success');
  });

  it('runs only the tasks asked for and what they depend on, and reports just those', async () => {
    const r = await run(
      `version: 1
name: some
defaults: {agent: shell, retries: 0}
tasks:
  - {id: a, run: 'echo from-a'}
  - {id: b, run: 'cat "$ORCHESTRATOR_OUTPUTS/a/result.md"; echo from-b', deps: [a]}
  - {id: other, run: 'echo never'}
  - {id: late, run: 'echo never', deps: [b]}
`,
      'b',
    );
    expect(r.status('a')).toBe('done');
    expect(r.status('b')).toBe('done');
    expect(r.job('aggregate').result).toBe('success');
    expect(r.report).toContain('from-a\nfrom-b');
    expect(r.report).not.toContain('| other |');
    expect(r.report).not.toContain('| late |');
  });

  it('holds each failure policy across waves, as the design’s table says', async () => {
    const r = await run(`version: 1
name: policies
defaults: {agent: shell, retries: 0}
tasks:
  - {id: soft, run: 'exit 1', on-failure: continue}
  - {id: gentle, run: 'exit 2', on-failure: skip-dependents}
  - {id: alone, run: 'echo alone'}
  - {id: after-soft, run: 'echo "missing=$ORCHESTRATOR_MISSING_DEPS"', deps: [soft]}
  - {id: after-gentle, run: 'echo never', deps: [gentle]}
  - {id: after-alone, run: 'echo fine', deps: [alone]}
`);
    expect(r.status('soft')).toBe('failed');
    expect(r.status('after-soft')).toBe('done');
    expect(r.status('gentle')).toBe('failed');
    expect(r.status('after-gentle')).toBe('skipped');
    expect(r.status('alone')).toBe('done');
    expect(r.status('after-alone')).toBe('done');
    // The gentle failure fails its leg (GitHub shows it red); the run goes on and the report is written.
    expect(r.job('wave-1').result).toBe('failure');
    expect(r.job('aggregate').result).toBe('failure');
    expect(r.report).toContain('missing=soft');
  });

  it('stops the run after a fail-fast failure: later waves start nothing', async () => {
    const r = await run(`version: 1
name: stop
defaults: {agent: shell, retries: 0}
tasks:
  - {id: broken, run: 'exit 3'}
  - {id: alone, run: 'echo alone'}
  - {id: after-alone, run: 'echo never', deps: [alone]}
`);
    expect(r.status('broken')).toBe('failed');
    expect(r.status('alone')).toBe('done');
    expect(r.status('after-alone')).toBe('cancelled');
    expect(r.report).toContain('broken failed (on-failure: fail-fast)');
  });

  it('refuses a plan deeper than its waves in the plan job, pointing to generate', async () => {
    const tasks = Array.from({ length: WAVES + 1 }, (_, i) =>
      i === 0 ? '  - {id: t0, run: "true"}' : `  - {id: t${i}, run: "true", deps: [t${i - 1}]}`,
    );
    const repo = tempDir();
    cleanups.push(() => fs.rmSync(repo, { recursive: true, force: true }));
    fs.writeFileSync(
      path.join(repo, 'plan.yml'),
      `version: 1\ndefaults: {agent: shell}\ntasks:\n${tasks.join('\n')}\n`,
    );
    const r = await executeWorkflow({
      workflow: FILE,
      repo,
      env: { PATH: `${FAKE_BIN}:${process.env.PATH}` },
      inputs: {
        plan: 'plan.yml',
        tasks: '',
        'runs-on': 'ubuntu-latest',
        concurrency: '',
        'max-parallel': 20,
        'timeout-minutes': 30,
      },
    });
    cleanups.push(() => r.cleanup());
    expect(r.job('plan').result).toBe('failure');
    const log = r
      .leg('plan')
      .steps.map((s) => s.stdout)
      .join('');
    expect(log).toContain(`more than the ${WAVES} waves of the reusable workflow`);
    expect(log).toContain('orchestrator generate');
    expect(r.job('wave-1').result).toBe('skipped');
    expect(r.job('aggregate').result).toBe('skipped');
  });
});
