// The composite task action (task/action.yml) in jobs as the compiler writes them, through the workflow executor
// (test/support/workflow-exec), which gives node actions, and only them, the runtime and id tokens GitHub gives:
// a task reading every ancestor's environment finds no token, a task poisoning GITHUB_ENV and GITHUB_PATH
// reaches no later step, and the agent CLIs come from the committed lockfiles (a fake `npm` in test/fixtures/bin,
// no network).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AGENT_CLIS } from '../../src/github/pins.js';
import { ROOT, tempDir } from '../support/cli.js';
import { FAKE_BIN } from '../support/run.js';
import { executeWorkflow, type WorkflowRun } from '../support/workflow-exec.js';
import { FAKE_ID_TOKEN_REQUEST_TOKEN, FAKE_RUNTIME_TOKEN } from '../support/workflow-exec/steps.js';
import { workflowFindings } from '../support/workflow-lint.js';

const CHECKOUT = 'actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1';
const SETUP_NODE = 'actions/setup-node@820762786026740c76f36085b0efc47a31fe5020 # v7.0.0';
const UPLOAD = 'actions/upload-artifact@bbbca2ddaa5d8feaa63e36b76fdaad77386f024f # v7.0.0';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function exec(
  source: string,
  plan: string,
  options: { secrets?: Record<string, string>; env?: Record<string, string> } = {},
): Promise<WorkflowRun> {
  const repo = tempDir();
  fs.writeFileSync(path.join(repo, 'plan.yml'), plan);
  const run = await executeWorkflow({
    source,
    repo,
    env: { PATH: `${FAKE_BIN}:${process.env.PATH}`, ...options.env },
    permissionTokens: true,
    ...(options.secrets !== undefined ? { secrets: options.secrets } : {}),
  });
  cleanups.push(() => {
    run.cleanup();
    fs.rmSync(repo, { recursive: true, force: true });
  });
  return run;
}

/** One task job as the compiler writes it, `steps` after the task step; `env` of the task step, indented. */
function taskJob(options: {
  permissions: string;
  tasks?: string;
  with?: string;
  env?: string;
  after?: string;
  node?: boolean;
}): string {
  return `name: test
on: workflow_dispatch
permissions: {}
defaults:
  run:
    shell: bash
jobs:
  task:
    runs-on: ubuntu-latest
    permissions: ${options.permissions}
    steps:
      - uses: ${CHECKOUT}
        with:
          persist-credentials: false
${options.node === true ? `      - uses: ${SETUP_NODE}\n        with:\n          node-version: 24\n` : ''}      - name: Run the task
        id: task
        uses: org/orchestrator/task@v1
${options.env ?? ''}        with:
          plan: plan.yml
          task: ${options.tasks ?? 't'}
${options.with ?? ''}      - if: \${{ !cancelled() }}
        uses: ${UPLOAD}
        with:
          name: task-t
          path: .orchestrator/artifact
          include-hidden-files: true
          retention-days: 3
${options.after ?? ''}`;
}

/** A plan of one shell task `t` running `script`. */
function shellPlan(script: string): string {
  const body = script
    .trim()
    .split('\n')
    .map((line) => `      ${line}`)
    .join('\n');
  return `version: 1\ntasks:\n  - id: t\n    retries: 0\n    run: |\n${body}\n`;
}

describe('the task action: no process above a task holds a token', () => {
  it('a task reading every ancestor’s /proc/<pid>/environ up to pid 1 finds no token of the job', async () => {
    const found = path.join(tempDir(), 'environs.txt');
    cleanups.push(() => fs.rmSync(path.dirname(found), { recursive: true, force: true }));
    const plan = shellPlan(`
pid=$$
while [ "$pid" -gt 1 ]; do
  { echo "== $pid $(cat "/proc/$pid/comm")"; tr '\\0' '\\n' < "/proc/$pid/environ"; echo; } >> "$FOUND" 2>/dev/null || true
  pid=$(sed 's/.*) //' "/proc/$pid/stat" | cut -d' ' -f2)
done
`);
    // `id-token: write`: a node action of this job would get the OIDC token request too.
    const source = taskJob({
      permissions: '{ contents: read, id-token: write }',
      env: `        env:\n          FOUND: ${found}\n`,
    });
    // The audit rightly flags `id-token: write` in a job that runs an agent: this job holds it on purpose, to show
    // that even then no process of the task step can reach the OIDC token request.
    expect(await workflowFindings(source, 'workflow.yml', { allow: ['agent-job-write'] })).toEqual([]);
    const run = await exec(source, plan);
    expect(run.job('task').result).toBe('success');
    const environs = fs.readFileSync(found, 'utf8');
    // It read its parent (the launcher), the runner (node, the composite's `run:` step), the step's shell, ...
    expect(environs).toMatch(/^INPUT_TASK=t$/m);
    expect(environs).toMatch(/^GITHUB_ACTION_PATH=/m);
    expect(environs.match(/^== /gm)!.length).toBeGreaterThanOrEqual(4);
    // ...and found none of the tokens GitHub gives the job: not the runtime token, not the OIDC request, not the
    // job's GITHUB_TOKEN (no `github-token` input any more), in no process at all.
    expect(environs).not.toContain(FAKE_RUNTIME_TOKEN);
    expect(environs).not.toContain(FAKE_ID_TOKEN_REQUEST_TOKEN);
    expect(environs).not.toContain('ghs_local.task.');
    expect(environs).not.toMatch(/^ACTIONS_(RUNTIME|ID_TOKEN_REQUEST)_TOKEN=/m);
    expect(environs).not.toMatch(/^INPUT_GITHUB-TOKEN=/m);
  });

  it('the node action refuses mode task: its process holds the runtime token the executor gives it', async () => {
    const source = taskJob({ permissions: '{ contents: read }' }).replace(
      /uses: org\/orchestrator\/task@v1\n {8}with:\n/,
      'uses: org/orchestrator@v1\n        with:\n          mode: task\n',
    );
    const run = await exec(source, shellPlan('echo should not run'));
    const step = run.leg('task').steps[1]!;
    expect(step.outcome).toBe('failure');
    expect(step.stdout).toContain('::error::mode task is not run by this action');
    expect(step.stdout).toContain('`uses: org/orchestrator/task@<the same ref>`');
    expect(step.stdout).not.toContain('should not run');
  });
});

describe('the task action: a task cannot speak to the steps after it', () => {
  it('GITHUB_ENV and GITHUB_PATH lines a task writes (found in /proc or under RUNNER_TEMP) reach no later step', async () => {
    // The files, from the environment of an ancestor (the runner's) and from the runner's folder of them, which
    // also holds the composite step's own files: the runner reads those when the composite ends.
    const plan = shellPlan(`
envs=$(
  pid=$$
  while [ "$pid" -gt 1 ]; do
    tr '\\0' '\\n' < "/proc/$pid/environ" 2>/dev/null | sed -n 's/^GITHUB_ENV=//p' || true
    pid=$(sed 's/.*) //' "/proc/$pid/stat" | cut -d' ' -f2)
  done
  ls "$RUNNER_TEMP"/_runner_file_commands/set_env_*
)
paths=$(ls "$RUNNER_TEMP"/_runner_file_commands/add_path_*)
mkdir -p "$RUNNER_TEMP/evil-bin"
printf '#!/bin/sh\\necho pwned\\n' > "$RUNNER_TEMP/evil-bin/evil-tool"
chmod +x "$RUNNER_TEMP/evil-bin/evil-tool"
for f in $(echo "$envs" | sort -u); do echo "NODE_OPTIONS=--require $RUNNER_TEMP/evil.js" >> "$f"; done
for f in $paths; do echo "$RUNNER_TEMP/evil-bin" >> "$f"; done
echo "poisoned $(echo "$envs" | sort -u | wc -l) env files and $(echo "$paths" | wc -l) path files"
`);
    const source = taskJob({
      permissions: '{ contents: read }',
      after: `      - name: A later step
        if: \${{ !cancelled() }}
        run: |
          echo "NODE_OPTIONS=[\${NODE_OPTIONS:-}]"
          command -v evil-tool || echo "no evil-tool"
`,
    });
    const run = await exec(source, plan);
    const leg = run.leg('task');
    expect(leg.result).toBe('success');
    const staged = fs.readFileSync(path.join(run.artifacts.get('task-t')!, 't/result.md'), 'utf8');
    // Every step's files so far: the checkout's, the composite step's own, its two steps' (one skipped: none).
    expect(staged).toMatch(/^poisoned [3-9] env files and [3-9] path files$/m);
    expect(leg.steps[1]?.stdout).toMatch(
      /::warning::a task changed this step's command files \(GITHUB_ENV, GITHUB_PATH, add_path_\S+, /,
    );
    expect(leg.steps[3]?.stdout).toBe('NODE_OPTIONS=[]\nno evil-tool\n');
  });
});

describe('the task action: agent CLIs from the committed lockfiles', () => {
  it('installs claude with npm ci --ignore-scripts into RUNNER_TEMP, without the API key, and runs the task with it', async () => {
    const log = path.join(tempDir(), 'npm.jsonl');
    cleanups.push(() => fs.rmSync(path.dirname(log), { recursive: true, force: true }));
    const plan = [
      'version: 1',
      'tasks:',
      '  - {id: t, agent: claude, prompt: Say hello}',
      "  - {id: where, run: 'command -v claude'}",
      '',
    ].join('\n');
    const source = taskJob({
      permissions: '{ contents: read }',
      node: true,
      env: '        env:\n          ANTHROPIC_API_KEY: ${{ secrets.ANTHROPIC_API_KEY }}\n',
      tasks: 't where',
      with: '          agents: claude\n',
      after: `      - if: \${{ !cancelled() }}
        run: |
          command -v claude
          echo "cost: \${{ steps.task.outputs.cost }}"
`,
    });
    expect(await workflowFindings(source)).toEqual([]);
    const run = await exec(source, plan, {
      secrets: { ANTHROPIC_API_KEY: 'sk-ant-fake-key-of-this-test-0123456789' },
      env: { FAKE_NPM_LOG: log },
    });
    const leg = run.leg('task');
    expect(leg.result).toBe('success');
    const runnerTemp = path.join(path.dirname(leg.workspace), 'temp');
    // The installed CLI ran the task; it was on PATH for the task step alone, not for the job's later steps
    // (where the fake of test/fixtures/bin is the one found).
    const installed = `${runnerTemp}/orchestrator-agents/claude/node_modules/.bin/claude`;
    const where = fs.readFileSync(path.join(run.artifacts.get('task-t')!, 'where/result.md'), 'utf8');
    expect(where.trim()).toBe(installed);
    expect(leg.steps[4]?.stdout).toBe(`${FAKE_BIN}/claude\ncost: 0.0123\n`);
    const calls = fs
      .readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { argv: string[]; cwd: string; env: string[] });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.argv).toEqual(['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error']);
    expect(calls[0]!.cwd).toBe(`${runnerTemp}/orchestrator-agents/claude`);
    expect(calls[0]!.env).not.toContain('ANTHROPIC_API_KEY');
  });

  it('refuses an agent it has no lockfile for, naming the input', async () => {
    const source = taskJob({ permissions: '{ contents: read }', with: '          agents: claude aider\n' });
    const run = await exec(source, shellPlan('echo hi'));
    const step = run.leg('task').steps[1]!;
    expect(step.outcome).toBe('failure');
    expect(step.stderr).toContain(
      'orchestrator/task: input `agents`: no agent CLI "aider" to install (accepted: claude, codex, gemini; shell tasks and custom agents need none)',
    );
  });

  it.each(Object.entries(AGENT_CLIS))(
    'task/agents/%s pins the version of src/github/pins.ts, every package with its integrity hash',
    (agent, cli) => {
      const folder = path.join(ROOT, 'task/agents', agent);
      const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8')) as {
        dependencies: Record<string, string>;
      };
      expect(manifest.dependencies).toEqual({ [cli.package]: cli.version });
      const lock = JSON.parse(fs.readFileSync(path.join(folder, 'package-lock.json'), 'utf8')) as {
        lockfileVersion: number;
        packages: Record<string, { version?: string; integrity?: string; resolved?: string }>;
      };
      expect(lock.lockfileVersion).toBe(3);
      expect(lock.packages[`node_modules/${cli.package}`]?.version).toBe(cli.version);
      for (const [where, entry] of Object.entries(lock.packages)) {
        if (where === '') continue;
        expect(entry.integrity, where).toMatch(/^sha512-[A-Za-z0-9+/]+=*$/);
        expect(entry.resolved, where).toMatch(/^https:\/\/registry\.npmjs\.org\//);
      }
    },
  );
});
