// The action's `task` mode through its real interface: dist/action.js with INPUT_* variables, GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY files. It is `orchestrator task` behind a thin edge: same runner, same exit rule.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listFiles, tempDir } from '../support/cli.js';
import { downloadArtifact, jobFolder } from '../support/jobs.js';
import { outsideFences, runAction, workflowCommands } from './run-action.js';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const job = (name: string, plan: string): string => jobFolder(dir, name, plan);

const download = downloadArtifact;

const read = (folder: string, file: string): string => fs.readFileSync(path.join(folder, file), 'utf8');

/** GITHUB_ENV, GITHUB_PATH and GITHUB_STATE files for a step in `folder`, as the runner makes them. */
function stepFiles(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of ['GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_STATE']) {
    files[name] = path.join(folder, `.${name.toLowerCase()}`);
    fs.writeFileSync(files[name], '');
  }
  return files;
}

const PLAN = `version: 1
name: release-notes
tasks:
  - {id: collect, title: Collect the changes, run: 'echo "3 changes"'}
  - id: write
    title: Write the notes
    agent: claude
    deps: [collect]
  - {id: lint, title: Lint, run: 'echo lint is fine'}
  - {id: broken, title: Broken, run: 'echo "step 1 ok"; echo "error: disk full" >&2; exit 7', retries: 1, backoff: {initial: 10ms}, on-failure: fail-fast}
  - {id: flaky, title: Flaky, run: 'exit 3', retries: 0, on-failure: continue}
  - {id: after, title: After broken, run: 'echo after', deps: [broken]}
  - {id: gentle, title: Gentle, run: 'exit 3', retries: 0, on-failure: skip-dependents}
  - {id: after-gentle, title: After gentle, run: 'echo after', deps: [gentle]}
`;

describe('action: task mode', () => {
  it('never gives the job’s tokens nor the step’s command files to the task it runs', () => {
    const a = job('A', `version: 1\ntasks:\n  - {id: env, agent: shell, run: 'env | cut -d= -f1 | sort'}\n`);
    const files = stepFiles(a);
    const r = runAction(
      a,
      { mode: 'task', plan: 'plan.yml', task: 'env', 'github-token': 'ghs_secret_job_token' },
      {
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'idt',
        GITHUB_TOKEN: 'gt',
        KEEP_ME: 'yes',
        ...files,
      },
    );
    expect(r.code).toBe(0);
    const names = read(a, '.orchestrator/artifact/env/result.md').split('\n');
    expect(names).toContain('KEEP_ME');
    expect(names).toContain('ORCHESTRATOR_TASK_ID');
    for (const name of [
      'INPUT_GITHUB-TOKEN',
      'INPUT_MODE',
      'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
      'GITHUB_TOKEN',
      'GITHUB_OUTPUT',
      'GITHUB_STEP_SUMMARY',
      ...Object.keys(files),
    ])
      expect(names).not.toContain(name);
  });

  it('is refused in the node action (its process holds the runtime token): use org/orchestrator/task', () => {
    const a = job('A', PLAN);
    const r = runAction(
      a,
      { mode: 'task', plan: 'plan.yml', task: 'collect' },
      { ACTIONS_RUNTIME_TOKEN: 'rt', ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/' },
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      "::error::mode task is not run by this action: its process holds the job's runtime token (ACTIONS_RUNTIME_TOKEN), which an agent it started could read. Use the composite action: `uses: org/orchestrator/task@<the same ref>` with `plan` and `task` (and no `mode`); its steps hold no token",
    );
    expect(fs.existsSync(path.join(a, '.orchestrator'))).toBe(false);
  });

  it('runs one task, stages its artifact, sets outputs, writes the job summary', () => {
    const a = job('A', PLAN);
    const r = runAction(a, { mode: 'task', plan: 'plan.yml', task: 'collect' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.outputs).toEqual({
      status: 'done',
      attempts: '1',
      cost: '0',
      artifact: path.join(fs.realpathSync(a), '.orchestrator/artifact'),
      'fail-fast': 'false',
    });
    expect(listFiles(path.join(a, '.orchestrator/artifact'))).toEqual([
      'collect/log.txt',
      'collect/result.md',
      'collect/status.json',
    ]);
    expect(r.summary).toContain('# Task collect');
    expect(r.summary).toContain('**Plan:** release-notes · the job succeeded');
    expect(r.summary).toContain('## collect: Collect the changes');
    expect(r.summary).toMatch(/✅ Done · 1 attempt · \d+ms · agent shell/);
    expect(r.summary).toContain('```text\n3 changes\n```');
    // The task's log, in a group of its own.
    expect(r.stdout).toMatch(/^::group::\[1\/1\] ✅ done collect Collect the changes/m);
  });

  it('a second job in a fresh folder reads the first one’s artifact, and an agent reports its cost', () => {
    const a = job('A', PLAN);
    expect(runAction(a, { mode: 'task', plan: 'plan.yml', task: 'collect' }).code).toBe(0);
    const b = job('B', PLAN);
    download(a, b);
    const r = runAction(b, { mode: 'task', plan: 'plan.yml', task: 'write' });
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ status: 'done', attempts: '1', cost: '0.0123' });
    expect(read(b, '.orchestrator/outputs/write/prompt.md')).toContain('3 changes');
    expect(r.summary).toMatch(
      /✅ Done · 1 attempt · \d+ms · \$0\.012 · 1,200 tokens in, 456 out · agent claude/,
    );
  });

  it('a fail-fast failure fails the step once, with the log tail in the summary', () => {
    const a = job('A', PLAN);
    const r = runAction(a, { mode: 'task', plan: 'plan.yml', task: 'broken' });
    expect(r.code).toBe(1);
    // The workflow's cancel job reads `fail-fast` (it alone holds `actions: write`).
    expect(r.outputs).toMatchObject({ status: 'failed', attempts: '1', 'fail-fast': 'true' });
    const errors = workflowCommands(r.stdout).filter((c) => c.startsWith('::error'));
    expect(errors).toEqual([
      '::error title=broken failed::exit code 7: error: disk full',
      '::error::broken failed (on-failure: fail-fast): exit code 7: error: disk full',
    ]);
    expect(r.summary).toContain('❌ Failed · 1 attempt');
    expect(r.summary).toContain('**Error:** exit code 7: error: disk full');
    expect(r.summary).toMatch(/\*\*Log\*\*[^\n]*:\n\n```text\n[\s\S]*error: disk full/);
    // Staged for upload even though it failed.
    expect(JSON.parse(read(a, '.orchestrator/artifact/broken/status.json'))).toMatchObject({
      status: 'failed',
    });
  });

  it('a continue failure lets the step succeed; skip-dependents fails it', () => {
    const a = job('A', PLAN);
    const soft = runAction(a, { mode: 'task', plan: 'plan.yml', task: 'flaky' });
    expect(soft.code).toBe(0);
    expect(soft.outputs.status).toBe('failed');
    expect(soft.summary).toContain('the job succeeded; flaky failed (on-failure: continue)');
    const hard = runAction(a, { mode: 'task', plan: 'plan.yml', task: 'gentle' });
    expect(hard.code).toBe(1);
    expect(hard.outputs.status).toBe('failed');
    // A failure that is not fail-fast fails the job without cancelling the run.
    expect(hard.outputs['fail-fast']).toBe('false');
  });

  it('skips a task whose dep failed elsewhere: step ok after skip-dependents; cancelled, failed after fail-fast', () => {
    const a = job('A', PLAN);
    runAction(a, { mode: 'task', plan: 'plan.yml', task: 'gentle' });
    const a2 = job('A2', PLAN);
    runAction(a2, { mode: 'task', plan: 'plan.yml', task: 'broken' });
    const b = job('B', PLAN);
    download(a, b);
    const gentle = runAction(b, { mode: 'task', plan: 'plan.yml', task: 'after-gentle' });
    expect(gentle.code).toBe(0);
    expect(gentle.outputs).toMatchObject({ status: 'skipped', attempts: '0' });
    expect(gentle.summary).toContain('**Reason:** skipped: gentle failed (on-failure: skip-dependents)');
    // A fail-fast failure stops the run: the task is cancelled, as locally.
    const c = job('C', PLAN);
    download(a2, c);
    const broken = runAction(c, { mode: 'task', plan: 'plan.yml', task: 'after' });
    expect(broken.code).toBe(1);
    expect(broken.outputs.status).toBe('cancelled');
    expect(broken.stdout).toContain(
      '::error::after cancelled: cancelled: broken failed (on-failure: fail-fast)',
    );
  });

  it('runs several tasks: the worst status, attempts summed', () => {
    const a = job('A', PLAN);
    const r = runAction(a, {
      mode: 'task',
      plan: 'plan.yml',
      task: 'lint,\nflaky collect',
      concurrency: '2',
    });
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ status: 'failed', attempts: '3' });
    expect(r.summary).toContain('# 3 tasks: lint, flaky, collect');
    expect(
      listFiles(path.join(a, '.orchestrator/artifact')).filter((f) => f.endsWith('status.json')),
    ).toEqual(['collect/status.json', 'flaky/status.json', 'lint/status.json']);
  });

  it('names the input for an unknown task id, with the closest one', () => {
    const a = job('A', PLAN);
    const r = runAction(a, { mode: 'task', plan: 'plan.yml', task: 'colect' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      '::error::input `task`: the plan has no task "colect" (did you mean "collect"?)',
    );
    expect(fs.existsSync(path.join(a, '.orchestrator/outputs'))).toBe(false);
  });

  it('uses the dir input as the workspace', () => {
    const a = job('A', PLAN);
    const r = runAction(a, { mode: 'task', plan: 'plan.yml', task: 'lint', dir: 'work/orc' });
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(a, 'work/orc/artifact/lint/result.md'))).toBe(true);
  });

  it('keeps hostile plan and agent text out of workflow commands and HTML', () => {
    const hostile = '${{ secrets.TOKEN }} <script>alert(1)</script> <img src=x onerror=alert(2)>';
    const a = job(
      'A',
      `version: 1
tasks:
  - id: evil
    title: ${JSON.stringify(`${hostile}\n::error::pwned by the title`)}
    run: |
      printf '%s\\n' '${hostile}' '::error::pwned by the log' '::set-output name=status::done' '<details><summary>x'
      echo '::warning::pwned on stderr' >&2
      exit 1
    retries: 0
`,
    );
    const r = runAction(a, { mode: 'task', plan: 'plan.yml', task: 'evil' });
    expect(r.code).toBe(1);
    // Only the commands the action itself writes; the task's own `::` lines stay inside stop-commands, and its
    // error (which quotes its stderr) is one escaped value.
    const commands = workflowCommands(r.stdout).map((c) => /^::[^:]*::/.exec(c)![0]);
    expect(commands).toEqual([
      '::warning title=too-few-tasks,file=plan.yml,line=2,col=1::',
      '::group::',
      '::stop-commands::',
      '::endgroup::',
      '::error title=evil failed::',
      '::error::',
    ]);
    expect(r.outputs.status).toBe('failed');
    const markdown = outsideFences(r.summary);
    expect(markdown).not.toMatch(/<script|<img|<details/i);
    expect(markdown).toContain('&lt;script&gt;');
    // The result and log are there, as text.
    expect(r.summary).toContain('::error::pwned by the log');
    expect(r.summary).toContain('${{ secrets.TOKEN }}');
  });
});

describe('action: inputs', () => {
  const cases: [Record<string, string>, string][] = [
    [
      { mode: 'tsak', plan: 'plan.yml' },
      'input `mode` must be one of plan, task, aggregate, decompose; got "tsak"',
    ],
    [
      { mode: 'task', plan: 'plan.yml' },
      'input `task` is required in mode task: a task id, or several separated by spaces or commas',
    ],
    [{ mode: 'task', task: 'lint' }, 'input `plan` is required in mode task: the path of the plan file'],
    [
      { mode: 'plan', plan: 'plan.yml', task: 'lint' },
      'input `task` is only used in mode task; got it in mode plan',
    ],
    [
      { mode: 'task', plan: 'plan.yml', task: 'lint', concurrency: '0' },
      'input `concurrency` must be a whole number from 1 and up; got "0"',
    ],
    [
      { mode: 'task', plan: 'plan.yml', task: 'lint', concurrency: '2.5' },
      'input `concurrency` must be a whole number from 1 and up; got "2.5"',
    ],
    [
      { mode: 'task', plan: 'plan.yml', task: 'lint', 'plan-origin': 'fork' },
      'input `plan-origin` must be one of repository, decompose; got "fork"',
    ],
    [
      { mode: 'plan', plan: 'plan.yml', comment: 'true' },
      "input `github-token` is required with `comment: true`: add `github-token: ${{ github.token }}` to the step's `with:` (the job needs `permissions: pull-requests: write`)",
    ],
    [
      { mode: 'plan', plan: 'plan.yml', sources: 'tasks-a=lint' },
      'input `sources` is for modes task and aggregate; got it in mode plan',
    ],
    [
      { mode: 'task', plan: 'plan.yml', task: 'lint', sources: 'tasks-a' },
      'input `sources`: sources entry "tasks-a": expected <artifact>=<id>,<id>,...',
    ],
  ];
  for (const [inputs, message] of cases) {
    it(`refuses ${JSON.stringify(inputs)}`, () => {
      const a = job('A', PLAN);
      const r = runAction(a, inputs);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain(`::error::${message}`);
      expect(r.stdout.match(/^::error::/gm)).toHaveLength(1);
      expect(fs.existsSync(path.join(a, '.orchestrator'))).toBe(false);
    });
  }
});
