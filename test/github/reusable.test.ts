// The reusable workflow (.github/workflows/orchestrate.yml): the committed file is what src/github/reusable.ts
// writes, GitHub's parser and actionlint find nothing in it, and its jobs, run locally in `needs` order, each in a
// fresh workspace with only artifacts between them and the bundled action, give the design's results.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { reusableWorkflow, WAVES } from '../../src/github/reusable.js';
import { ACTIONS } from '../../src/github/pins.js';
import { ROOT, tempDir } from '../support/cli.js';
import { FAKE_BIN } from '../support/run.js';
import { executeWorkflow, type ExecuteWorkflowOptions, type WorkflowRun } from '../support/workflow-exec.js';
import type { ArtifactStore } from '../support/workflow-exec/artifacts.js';
import type { Value } from '../support/workflow-exec/expressions.js';
import { workflowFindings } from '../support/workflow-lint.js';

const FILE = path.join(ROOT, '.github/workflows/orchestrate.yml');
/** The commit a caller pins the workflow at (any 40-hex SHA: the executor runs this tree for it). */
const SHA = '1111111111111111111111111111111111111111';
/** What a caller gives, defaults written out (the file is run as the called workflow, not through a caller). */
const INPUTS: Record<string, Value> = {
  plan: 'plan.yml',
  'orchestrator-ref': SHA,
  'plan-artifact': '',
  'plan-sha256': '',
  ref: '',
  'plan-origin': 'repository',
  tasks: '',
  'runs-on': 'ubuntu-latest',
  concurrency: '2',
  'max-parallel': 20,
  'timeout-minutes': 30,
};
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

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
    options: { inputs?: Record<string, Value>; secrets?: Record<string, string> } = {},
  ): Promise<WorkflowRun & { status: (id: string) => unknown; report: string }> {
    const result = await runPlan(plan, { tasks, ...options.inputs }, options.secrets);
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

  /** Runs the committed workflow on `plan` (written to plan.yml of a fresh repository) with these inputs. */
  async function runPlan(
    plan: string,
    inputs: Record<string, Value> = {},
    secrets: Record<string, string> = {},
    beforeStep?: ExecuteWorkflowOptions['beforeStep'],
  ): Promise<WorkflowRun> {
    const repo = tempDir();
    cleanups.push(() => fs.rmSync(repo, { recursive: true, force: true }));
    fs.writeFileSync(path.join(repo, 'plan.yml'), plan);
    const result = await executeWorkflow({
      workflow: FILE,
      repo,
      env: { PATH: `${FAKE_BIN}:${process.env.PATH}` },
      secrets,
      inputs: { ...INPUTS, ...inputs },
      ...(beforeStep !== undefined ? { beforeStep } : {}),
    });
    cleanups.push(() => result.cleanup());
    return result;
  }

  const log = (r: WorkflowRun, job: string, index?: number): string =>
    r
      .leg(job, index)
      .steps.map((s) => s.stdout + s.stderr + s.messages.join('\n'))
      .join('');

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

  it('gives each wave leg only the keys of the agents its tasks run; a shell-only leg none', async () => {
    const keys = {
      ANTHROPIC_API_KEY: 'sk-ant-leg',
      OPENAI_API_KEY: 'sk-openai-leg',
      GEMINI_API_KEY: 'gm-leg',
    };
    // The shell task prints which key variables its process holds (non-empty), then `probed`.
    const probe =
      'for v in ANTHROPIC_API_KEY OPENAI_API_KEY CODEX_API_KEY GEMINI_API_KEY; do [ -z "$(printenv $v)" ] || echo "holds $v"; done; echo probed';
    const r = await run(
      `version: 1
name: keys
defaults: {retries: 0}
tasks:
  - {id: sh, agent: shell, run: '${probe.replaceAll("'", "''")}'}
  - {id: cl, agent: claude, prompt: 'Say hello.'}
  - {id: cx, agent: codex, prompt: 'Say hello.', deps: [sh]}
`,
      '',
      { secrets: keys },
    );
    for (const id of ['sh', 'cl', 'cx']) expect(r.status(id), id).toBe('done');
    expect(r.report).toContain('probed');
    expect(r.report).not.toContain('holds ');
    const taskEnv = (job: string, index: number): Record<string, string> =>
      r.leg(job, index).steps.find((s) => s.name === 'Run the tasks')!.env;
    const legOf = (job: string, tasks: string): number =>
      r.job(job).legs.findIndex((l) => (l.matrix as { tasks: string }).tasks === tasks);
    // codex reads its key as CODEX_API_KEY (0.169.0 sends none from OPENAI_API_KEY), from secrets.OPENAI_API_KEY.
    const none = { ANTHROPIC_API_KEY: '', CODEX_API_KEY: '', GEMINI_API_KEY: '' };
    expect(taskEnv('wave-1', legOf('wave-1', 'sh'))).toEqual(none);
    expect(taskEnv('wave-1', legOf('wave-1', 'cl'))).toEqual({
      ...none,
      ANTHROPIC_API_KEY: keys.ANTHROPIC_API_KEY,
    });
    expect(taskEnv('wave-2', legOf('wave-2', 'cx'))).toEqual({
      ...none,
      CODEX_API_KEY: keys.OPENAI_API_KEY,
    });
    // The shell-only leg installs no agent CLI; the others install only their own, from the committed lockfile.
    const installed = (job: string, tasks: string): string =>
      r.leg(job, legOf(job, tasks)).steps.find((s) => s.name === 'Run the tasks')!.stdout;
    expect(installed('wave-1', 'sh')).not.toContain('Installing the');
    expect(installed('wave-1', 'cl')).toContain(
      'Installing the claude CLI from task/agents/claude/package-lock.json',
    );
    expect(installed('wave-1', 'cl')).not.toContain('Installing the codex CLI');
    expect(installed('wave-2', 'cx')).toContain('Installing the codex CLI');
  });

  it('refuses an orchestrator-ref that is not a full commit SHA before anything runs', async () => {
    const r = await runPlan('version: 1\ndefaults: {agent: shell}\ntasks:\n  - {id: a, run: "echo ran"}\n', {
      'orchestrator-ref': 'v1',
    });
    expect(r.job('plan').result).toBe('failure');
    expect(log(r, 'plan')).toContain(
      '::error title=orchestrator-ref::orchestrator-ref must be the full 40-hex commit SHA this workflow is called at',
    );
    expect(log(r, 'plan')).toContain('not v1: a tag or branch can move');
    // Not even checked out: the first step refused it.
    expect(r.leg('plan').steps.filter((s) => s.outcome !== 'skipped')).toHaveLength(1);
    expect(r.job('wave-1').result).toBe('skipped');
    expect(r.job('aggregate').result).toBe('skipped');
  });

  it('runs the plan a maintainer reviewed by its sha256, and refuses any other', async () => {
    const plan = 'version: 1\ndefaults: {agent: shell}\ntasks:\n  - {id: a, run: "echo ran"}\n';
    const reviewed = await runPlan(plan, { 'plan-sha256': sha256(plan) });
    expect(reviewed.job('aggregate').result).toBe('success');
    const other = await runPlan(plan, { 'plan-sha256': sha256(`${plan}# changed\n`) });
    expect(other.job('plan').result).toBe('failure');
    expect(log(other, 'plan')).toContain(
      `plan.yml has sha256 ${sha256(plan)}, not the reviewed ${sha256(`${plan}# changed\n`)}: the plan changed since it was reviewed; nothing runs`,
    );
    expect(other.job('wave-1').result).toBe('skipped');
    expect(other.job('aggregate').result).toBe('skipped');
  });

  /**
   * A caller whose first job uploads `files` (path → content) as the artifact `the-plan`, then calls the workflow
   * pinned by SHA with that artifact as its plan.
   */
  async function runCaller(
    files: Record<string, string>,
    repoFiles: Record<string, string>,
    beforeStep?: (runs: Map<string, ArtifactStore>) => ExecuteWorkflowOptions['beforeStep'],
  ): Promise<WorkflowRun> {
    const repo = tempDir();
    cleanups.push(() => fs.rmSync(repo, { recursive: true, force: true }));
    for (const [file, text] of Object.entries(repoFiles)) {
      fs.mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
      fs.writeFileSync(path.join(repo, file), text);
    }
    const source = path.join(repo, 'artifact-source');
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(source, file)), { recursive: true });
      fs.writeFileSync(path.join(source, file), text);
    }
    const { repo: upload, sha } = ACTIONS.uploadArtifact;
    const caller = `name: caller
on: workflow_dispatch
permissions: {}
jobs:
  make:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - uses: ${ACTIONS.checkout.repo}@${ACTIONS.checkout.sha}
        with: {persist-credentials: false}
      - uses: ${upload}@${sha}
        with: {name: the-plan, path: artifact-source, include-hidden-files: true}
  run:
    needs: make
    permissions: {contents: read}
    uses: org/orchestrator/.github/workflows/orchestrate.yml@${SHA}
    with:
      plan: plan.yml
      plan-artifact: the-plan
      plan-origin: decompose
      orchestrator-ref: '${SHA}'
`;
    const runs = new Map<string, ArtifactStore>();
    const hook = beforeStep?.(runs);
    const r = await executeWorkflow({
      source: caller,
      repo,
      actionRef: `org/orchestrator@${SHA}`,
      env: { PATH: `${FAKE_BIN}:${process.env.PATH}` },
      runs,
      ...(hook !== undefined ? { beforeStep: hook } : {}),
    });
    cleanups.push(() => r.cleanup());
    return r;
  }

  it('extracts a plan artifact under .orchestrator/plan-artifact/, never over the checkout', async () => {
    const r = await runCaller(
      {
        'plan.yml': 'version: 1\ndefaults: {agent: shell}\ntasks:\n  - {id: a, run: "cat package.json"}\n',
        'package.json': '{"name": "planted by the plan artifact"}\n',
        '.github/workflows/ci.yml': 'planted: true\n',
      },
      { 'package.json': '{"name": "the repository"}\n' },
    );
    expect(r.job('run/aggregate').result).toBe('success');
    const leg = r.leg('run/wave-1');
    expect(fs.readFileSync(path.join(leg.workspace, 'package.json'), 'utf8')).toBe(
      '{"name": "the repository"}\n',
    );
    expect(fs.existsSync(path.join(leg.workspace, '.github'))).toBe(false);
    expect(
      fs.readFileSync(path.join(leg.workspace, '.orchestrator/plan-artifact/package.json'), 'utf8'),
    ).toContain('planted');
    const report = fs.readFileSync(path.join(r.artifacts.get('final-output')!, 'final_output.md'), 'utf8');
    expect(report).toContain('the repository');
    expect(report).not.toContain('planted');
  });

  it('refuses a plan artifact replaced during the run: no job after the plan job runs it', async () => {
    const plan = 'version: 1\ndefaults: {agent: shell}\ntasks:\n  - {id: a, run: "echo checked"}\n';
    const swapped = 'version: 1\ndefaults: {agent: shell}\ntasks:\n  - {id: a, run: "echo swapped"}\n';
    const r = await runCaller({ 'plan.yml': plan }, {}, (runs) => (step) => {
      // Whatever holds the runtime token in a job can overwrite an artifact of the run.
      if (step.job === 'run/wave-1' && step.name === 'Download the plan') {
        const folder = runs.get('1')!.artifacts.get('the-plan')!;
        fs.writeFileSync(path.join(folder, 'plan.yml'), swapped);
      }
    });
    expect(r.job('run/plan').result).toBe('success');
    expect(r.job('run/wave-1').result).toBe('failure');
    expect(log(r, 'run/wave-1')).toContain(
      `has sha256 ${sha256(swapped)}, not ${sha256(plan)} as the plan job checked it: it was replaced during the run; nothing runs`,
    );
    expect(r.leg('run/wave-1').steps.find((s) => s.name === 'Run the tasks')!.outcome).toBe('skipped');
    expect(r.job('run/aggregate').result).toBe('failure');
    expect(r.artifacts.has('task-a')).toBe(false);
  });

  it('refuses a folder a wave leg’s artifact holds for another task: the next wave and the report see tampering', async () => {
    let forged = false;
    const r = await runPlan(
      `version: 1
name: forged
defaults: {agent: shell, retries: 0}
tasks:
  - {id: a, run: 'echo from-a'}
  - {id: b, run: 'exit 1', on-failure: skip-dependents}
  - {id: c, run: 'echo never', deps: [b]}
`,
      {},
      {},
      (step) => {
        // Between a's task step and its upload, something writes b/ into a's staged artifact, claiming b done.
        const staged = path.join(step.workspace, '.orchestrator/artifact');
        if (step.job !== 'wave-1' || step.name !== 'Upload the output') return;
        if (!fs.existsSync(path.join(staged, 'a'))) return;
        fs.cpSync(path.join(staged, 'a'), path.join(staged, 'b'), { recursive: true });
        fs.writeFileSync(path.join(staged, 'b/result.md'), 'forged b\n');
        forged = true;
      },
    );
    expect(forged).toBe(true);
    // Downloaded without merging: each artifact in its own folder.
    const wave2 = r.leg('wave-2').workspace;
    expect(fs.readdirSync(path.join(wave2, '.orchestrator/downloads')).sort()).toEqual(['task-a', 'task-b']);
    expect(log(r, 'wave-2')).toContain(
      'artifact task-a: b/: a folder for task b in an artifact that speaks for a alone',
    );
    const outputs = path.join(r.leg('aggregate').workspace, '.orchestrator/outputs');
    const status = (id: string): string =>
      (JSON.parse(fs.readFileSync(path.join(outputs, id, 'status.json'), 'utf8')) as { status: string })
        .status;
    expect(status('b')).toBe('failed');
    expect(status('c')).toBe('skipped');
    expect(r.job('aggregate').result).toBe('failure');
    expect(log(r, 'aggregate')).toContain('artifact task-a: b/: a folder for task b');
    const report = fs.readFileSync(path.join(r.artifacts.get('final-output')!, 'final_output.md'), 'utf8');
    expect(report).not.toContain('forged b');
  });

  it('refuses a plan deeper than its waves in the plan job, pointing to generate', async () => {
    const tasks = Array.from({ length: WAVES + 1 }, (_, i) =>
      i === 0 ? '  - {id: t0, run: "true"}' : `  - {id: t${i}, run: "true", deps: [t${i - 1}]}`,
    );
    const r = await runPlan(`version: 1\ndefaults: {agent: shell}\ntasks:\n${tasks.join('\n')}\n`, {
      concurrency: '',
    });
    expect(r.job('plan').result).toBe('failure');
    expect(log(r, 'plan')).toContain(`more than the ${WAVES} waves of the reusable workflow`);
    expect(log(r, 'plan')).toContain('orchestrator generate');
    expect(r.job('wave-1').result).toBe('skipped');
    expect(r.job('aggregate').result).toBe('skipped');
  });
});
