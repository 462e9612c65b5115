// The security audit (src/github/audit.ts): per rule, a minimal workflow that breaks it, found at the right line
// and column, and its fixed twin, clean; then `orchestrator audit` as a user runs it (exit 0, 1, 2).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  auditWorkflow,
  AUDIT_RULES,
  parseWorkflowText,
  WorkflowSyntaxError,
} from '../../src/github/audit.js';
import { actionRef, ACTIONS } from '../../src/github/pins.js';
import { cli, tempDir } from '../support/cli.js';

const CHECKOUT = actionRef(ACTIONS.checkout).ref;
const UPLOAD = actionRef(ACTIONS.uploadArtifact).ref;
const DOWNLOAD = actionRef(ACTIONS.downloadArtifact).ref;
const SETUP_NODE = actionRef(ACTIONS.setupNode).ref;
const SHA = 'a'.repeat(40);

/** `line:col rule` of every finding, in file order. */
function audit(text: string, shipped = false): string[] {
  return auditWorkflow(text, { shipped }).map((f) => `${f.line}:${f.column} ${f.rule}`);
}

/** `line:col` of the `occurrence`-th (1-based) `needle` in `text`, counted by hand rather than by the YAML library. */
function at(text: string, needle: string, occurrence = 1): string {
  let index = -1;
  for (let i = 0; i < occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`no ${needle} (${occurrence}) in the workflow`);
  }
  const before = text.slice(0, index).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

/** A workflow of one task job, clean: each test changes one thing. */
function taskWorkflow(
  parts: {
    top?: string;
    on?: string;
    permissions?: string;
    env?: string;
    with?: string;
    before?: string;
    after?: string;
    uses?: string;
  } = {},
): string {
  return `name: test
on: ${parts.on ?? 'workflow_dispatch'}
${parts.top ?? 'permissions: {}'}
jobs:
  work:
    runs-on: ubuntu-latest
${parts.permissions ?? '    permissions:\n      contents: read\n'}    steps:
      - uses: ${CHECKOUT}
        with:
          persist-credentials: false
${parts.before ?? ''}      - name: Run the task
        id: task
        uses: ${parts.uses ?? 'org/orchestrator/task@v1'}
        env:
${parts.env ?? '          ANTHROPIC_API_KEY: ${{ secrets.ANTHROPIC_API_KEY }}\n'}        with:
          plan: plan.yml
          task: t
${parts.with ?? '          agents: claude\n'}      - if: \${{ !cancelled() }}
        uses: ${UPLOAD}
        with:
          name: task-t
          path: .orchestrator/artifact
${parts.after ?? ''}`;
}

describe('the fixtures', () => {
  it('start clean', () => {
    expect(audit(taskWorkflow())).toEqual([]);
    expect(audit(taskWorkflow({ uses: `org/orchestrator/task@${SHA}` }), true)).toEqual([]);
  });

  it('every rule has its test below', () => {
    const source = fs.readFileSync(import.meta.filename, 'utf8');
    for (const rule of AUDIT_RULES) expect(source).toContain(`describe('${rule}'`);
  });
});

describe('agent-job-write', () => {
  it('a task job holding actions: write, found at the scope, naming the job, the step and the fix', () => {
    const text = taskWorkflow({
      permissions: '    permissions:\n      contents: read\n      actions: write\n',
    });
    expect(audit(text)).toEqual([`${at(text, 'actions: write')} agent-job-write`]);
    const [finding] = auditWorkflow(text);
    expect(finding!.message).toContain('job "work"');
    expect(finding!.message).toContain(
      `step "Run the task", line ${at(text, '- name: Run the task').split(':')[0]}`,
    );
    expect(finding!.message).toContain('`actions: write`');
    expect(finding!.message).toContain('contents: read');
  });

  it('no job permissions under no top-level ones: the default token, at the job', () => {
    const text = taskWorkflow({ top: '', permissions: '' });
    expect(audit(text)).toEqual([
      `${at(text, 'jobs:')} top-permissions`,
      `${at(text, 'work:')} agent-job-write`,
    ]);
    expect(auditWorkflow(text).find((f) => f.rule === 'agent-job-write')!.message).toContain(
      'the default token',
    );
  });

  it('no job permissions under write-all, or under a write scope', () => {
    for (const top of ['permissions: write-all', 'permissions:\n  contents: write']) {
      const text = taskWorkflow({ top, permissions: '' });
      expect(audit(text)).toEqual([`${at(text, 'work:')} agent-job-write`]);
    }
  });

  it('the fixed twins: own read-only permissions, or inheriting {} or read-all', () => {
    expect(audit(taskWorkflow({ permissions: '    permissions: {}\n' }))).toEqual([]);
    expect(audit(taskWorkflow({ permissions: '' }))).toEqual([]);
    expect(audit(taskWorkflow({ top: 'permissions: read-all', permissions: '' }))).toEqual([]);
  });

  it('the node action in mode task or decompose runs an agent; in mode plan it does not', () => {
    for (const mode of ['task', 'decompose', '${{ inputs.mode }}']) {
      const text = taskWorkflow({
        uses: './',
        permissions: '    permissions:\n      pull-requests: write\n',
        with: `          mode: ${mode}\n`,
      });
      expect(audit(text)).toEqual([`${at(text, 'pull-requests: write')} agent-job-write`]);
    }
    const plan = taskWorkflow({
      uses: './.orchestrator/action',
      permissions: '    permissions:\n      pull-requests: write\n',
      env: '          GH_TOKEN: ${{ github.token }}\n',
      with: '          mode: plan\n',
    });
    expect(audit(plan)).toEqual([]);
  });

  it('a step with an agent key in its env runs an agent', () => {
    const text = taskWorkflow({
      uses: SETUP_NODE,
      permissions: '    permissions:\n      contents: write\n',
      with: '',
    });
    expect(audit(text)).toEqual([`${at(text, 'contents: write')} agent-job-write`]);
  });

  it('a cancel job with actions: write runs no agent; with a checkout and the task step it does', () => {
    const cancel = `name: test
on: workflow_dispatch
permissions: {}
jobs:
  cancel-work:
    runs-on: ubuntu-latest
    permissions:
      actions: write
    steps:
      - env:
          GH_TOKEN: \${{ github.token }}
        run: gh run cancel "$GITHUB_RUN_ID"
`;
    expect(audit(cancel)).toEqual([]);
    const text = taskWorkflow({ permissions: '    permissions:\n      actions: write\n' });
    expect(audit(text)).toEqual([`${at(text, 'actions: write')} agent-job-write`]);
  });
});

describe('unused-secret', () => {
  it('a secret read by another step of an agent job', () => {
    const before = `      - run: npm publish --dry-run\n        env:\n          NODE_AUTH_TOKEN: \${{ secrets.NPM_TOKEN }}\n`;
    const text = taskWorkflow({ before });
    expect(audit(text)).toEqual([`${at(text, 'secrets.NPM_TOKEN')} unused-secret`]);
    expect(auditWorkflow(text)[0]!.message).toContain('move it to a job that runs no agent');
  });

  it("a secret in the agent's step that is no agent key", () => {
    const env =
      '          ANTHROPIC_API_KEY: ${{ secrets.ANTHROPIC_API_KEY }}\n          DB: ${{ secrets.DB_PASSWORD }}\n';
    const text = taskWorkflow({ env });
    expect(audit(text)).toEqual([`${at(text, 'secrets.DB_PASSWORD')} unused-secret`]);
  });

  it('the key of an agent the static `agents` input does not list', () => {
    const env =
      '          ANTHROPIC_API_KEY: ${{ secrets.ANTHROPIC_API_KEY }}\n          OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}\n';
    const text = taskWorkflow({ env });
    expect(audit(text)).toEqual([`${at(text, 'secrets.OPENAI_API_KEY')} unused-secret`]);
    expect(auditWorkflow(text)[0]!.message).toContain('add codex to `agents:`');
    // Fixed: both listed; or the list decided at run time (the reusable workflow's `matrix.agents`).
    expect(audit(taskWorkflow({ env, with: '          agents: claude codex\n' }))).toEqual([]);
    expect(audit(taskWorkflow({ env, with: "          agents: ${{ join(matrix.agents, ' ') }}\n" }))).toEqual(
      [],
    );
    // No `agents` input: no agent CLI is installed, so no key is needed.
    const none = taskWorkflow({ with: '' });
    expect(audit(none)).toEqual([`${at(none, 'secrets.ANTHROPIC_API_KEY')} unused-secret`]);
  });

  it("the decompose mode's `agent` input says which key it needs", () => {
    const text = taskWorkflow({ uses: './', with: '          mode: decompose\n          agent: codex\n' });
    expect(audit(text)).toEqual([`${at(text, 'secrets.ANTHROPIC_API_KEY')} unused-secret`]);
    expect(audit(taskWorkflow({ uses: './', with: '          mode: decompose\n' }))).toEqual([]);
  });

  it("the job's token in the agent's step", () => {
    const text = taskWorkflow({
      uses: './',
      with: '          mode: decompose\n          github-token: ${{ github.token }}\n',
    });
    expect(audit(text)).toEqual([`${at(text, 'github.token')} unused-secret`]);
  });

  it("an agent key in the job's env, where every step holds it", () => {
    const text = taskWorkflow({
      permissions:
        '    permissions:\n      contents: read\n    env:\n      KEY: ${{ secrets.ANTHROPIC_API_KEY }}\n',
    });
    expect(audit(text)).toEqual([`${at(text, 'secrets.ANTHROPIC_API_KEY')} unused-secret`]);
  });

  it('a presence test is no read', () => {
    const permissions =
      "    permissions:\n      contents: read\n    env:\n      HAS_KEY: ${{ secrets.ANTHROPIC_API_KEY != '' }}\n";
    expect(audit(taskWorkflow({ permissions }))).toEqual([]);
  });

  it('a call of the reusable workflow passing a secret that is no agent key', () => {
    const text = `name: test
on: workflow_dispatch
permissions: {}
jobs:
  run:
    permissions:
      contents: read
    uses: org/orchestrator/.github/workflows/orchestrate.yml@${SHA}
    with:
      plan: plan.yml
      orchestrator-ref: '${SHA}'
    secrets:
      ANTHROPIC_API_KEY: \${{ secrets.ANTHROPIC_API_KEY }}
      NPM_TOKEN: \${{ secrets.NPM_TOKEN }}
`;
    expect(audit(text, true)).toEqual([`${at(text, 'secrets.NPM_TOKEN')} unused-secret`]);
    expect(audit(text.replace(/ {6}NPM_TOKEN.*\n/, ''), true)).toEqual([]);
    const writes = text.replace('contents: read', 'contents: write').replace(/ {6}NPM_TOKEN.*\n/, '');
    expect(audit(writes, true)).toEqual([`${at(writes, 'contents: write')} agent-job-write`]);
  });
});

describe('token-after-task', () => {
  it('the job token in a step after the task step, found at the expression', () => {
    const after =
      '      - name: Comment\n        env:\n          GH_TOKEN: ${{ github.token }}\n        run: gh pr comment 1 --body done\n';
    const text = taskWorkflow({ after });
    expect(audit(text)).toEqual([`${at(text, 'github.token')} token-after-task`]);
    expect(auditWorkflow(text)[0]!.message).toContain(
      'job "work", step "Comment" comes after the step that runs the agent',
    );
  });

  it('a secret, or a token input, after the task step', () => {
    const secret = taskWorkflow({
      after: '      - run: deploy\n        env:\n          T: ${{ secrets.GITHUB_TOKEN }}\n',
    });
    expect(audit(secret)).toEqual([`${at(secret, 'secrets.GITHUB_TOKEN')} token-after-task`]);
    const input = taskWorkflow({
      after: `      - uses: ${DOWNLOAD}\n        with:\n          github-token: \${{ env.T }}\n`,
    });
    expect(audit(input)).toEqual([`${at(input, 'github-token')} token-after-task`]);
  });

  it('the fixed twin: the same step before the task step, or in a job of its own', () => {
    const step =
      '      - name: Comment\n        env:\n          GH_TOKEN: ${{ github.token }}\n        run: gh pr comment 1 --body done\n';
    expect(audit(taskWorkflow({ before: step }))).toEqual([]);
  });
});

describe('secrets-inherit', () => {
  it('found at the value; named secrets are fine', () => {
    const text = `name: test
on: workflow_dispatch
permissions: {}
jobs:
  run:
    uses: ./.github/workflows/other.yml
    secrets: inherit
`;
    expect(audit(text)).toEqual([`${at(text, 'inherit')} secrets-inherit`]);
    expect(audit(text.replace('secrets: inherit', 'secrets:\n      TOKEN: ${{ secrets.TOKEN }}'))).toEqual(
      [],
    );
  });
});

describe('mutable-first-party-ref', () => {
  it('only in what a release ships: a tag of the task action, the node action or the reusable workflow', () => {
    const text = `${taskWorkflow()}  run:
    permissions:
      contents: read
    uses: org/orchestrator/.github/workflows/orchestrate.yml@v1
`;
    expect(audit(text)).toEqual([]);
    expect(audit(text, true)).toEqual([
      `${at(text, 'org/orchestrator/task@v1')} mutable-first-party-ref`,
      `${at(text, 'org/orchestrator/.github')} mutable-first-party-ref`,
    ]);
    const pinned = text
      .replace('task@v1', `task@${SHA}`)
      .replace('orchestrate.yml@v1', `orchestrate.yml@${SHA}`);
    expect(audit(pinned, true)).toEqual([]);
  });

  it('a checkout of the orchestrator at a tag or its default branch; a SHA or an expression is fine', () => {
    const step = (ref: string) =>
      `      - uses: ${CHECKOUT}\n        with:\n          repository: org/orchestrator\n${ref}          path: .orchestrator/action\n          persist-credentials: false\n`;
    const tag = taskWorkflow({ before: step('          ref: v1\n'), uses: './.orchestrator/action/task' });
    expect(audit(tag, true)).toEqual([`${at(tag, 'v1\n')} mutable-first-party-ref`]);
    const none = taskWorkflow({ before: step(''), uses: './.orchestrator/action/task' });
    expect(audit(none, true)).toEqual([`${at(none, CHECKOUT, 2)} mutable-first-party-ref`]);
    for (const ref of [`'${SHA}'`, '${{ inputs.orchestrator-ref }}']) {
      const text = taskWorkflow({
        before: step(`          ref: ${ref}\n`),
        uses: './.orchestrator/action/task',
      });
      expect(audit(text, true)).toEqual([]);
    }
  });
});

describe('unpinned-action', () => {
  it('a third-party action or reusable workflow at a tag, an image by tag', () => {
    const before = '      - uses: actions/setup-node@v4\n      - uses: docker://alpine:3.20\n';
    const text = taskWorkflow({ before });
    expect(audit(text)).toEqual([
      `${at(text, 'actions/setup-node@v4')} unpinned-action`,
      `${at(text, 'docker://alpine')} unpinned-action`,
    ]);
    const called =
      'name: t\non: push\npermissions: {}\njobs:\n  x:\n    uses: acme/flows/.github/workflows/ci.yml@main\n';
    expect(audit(called)).toEqual([`${at(called, 'acme/')} unpinned-action`]);
  });

  it('the fixed twins: a full SHA, a local action, an image by digest', () => {
    const before = `      - uses: ${SETUP_NODE} # v7\n      - uses: ./tools/lint\n      - uses: docker://alpine@sha256:${'b'.repeat(64)}\n`;
    expect(audit(taskWorkflow({ before }))).toEqual([]);
  });
});

describe('top-permissions', () => {
  it('found at `jobs:`; any top-level permissions are the fix', () => {
    const text =
      'name: t\non: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: true\n';
    expect(audit(text)).toEqual([`${at(text, 'jobs:')} top-permissions`]);
    expect(audit(text.replace('jobs:', 'permissions: {}\njobs:'))).toEqual([]);
  });
});

describe('persist-credentials', () => {
  it('a checkout that keeps the token, or says so; the fix is persist-credentials: false', () => {
    const bare = `name: t\non: push\npermissions: {}\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ${CHECKOUT}\n`;
    expect(audit(bare)).toEqual([`${at(bare, 'actions/checkout')} persist-credentials`]);
    const explicit = `${bare}        with:\n          persist-credentials: true\n`;
    expect(audit(explicit)).toEqual([`${at(explicit, 'true')} persist-credentials`]);
    expect(audit(`${bare}        with:\n          persist-credentials: false\n`)).toEqual([]);
    expect(audit(`${bare}        with:\n          persist-credentials: 'false'\n`)).toEqual([]);
  });
});

describe('merge-multiple', () => {
  it('a download that merges artifacts; without it each lands in its own folder', () => {
    const job = (extra: string) =>
      `name: t\non: push\npermissions: {}\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ${DOWNLOAD}\n        with:\n          pattern: task*\n${extra}          path: .orchestrator/downloads\n`;
    const text = job('          merge-multiple: true\n');
    expect(audit(text)).toEqual([`${at(text, 'true')} merge-multiple`]);
    expect(audit(job(''))).toEqual([]);
    expect(audit(job('          merge-multiple: false\n'))).toEqual([]);
  });
});

describe('pull-request-target', () => {
  it('pull_request_target or workflow_run, in each way `on:` is written', () => {
    for (const on of [
      'pull_request_target',
      '[push, pull_request_target]',
      '\n  workflow_run:\n    workflows: [ci]',
    ]) {
      const text = taskWorkflow({ on });
      const name = on.includes('workflow_run') ? 'workflow_run' : 'pull_request_target';
      expect(audit(text)).toEqual([`${at(text, name)} pull-request-target`]);
    }
    expect(audit(taskWorkflow({ on: '[push, pull_request]' }))).toEqual([]);
  });
});

describe('not a workflow', () => {
  it('invalid YAML, or a top level that is not a mapping, is an error with its place', () => {
    expect(() => parseWorkflowText('on: [push\njobs: {}\n')).toThrow(WorkflowSyntaxError);
    expect(() => auditWorkflow('- just\n- a list\n')).toThrow(/top level must be a mapping/);
    try {
      parseWorkflowText('name: a\nname: b\n');
      expect.unreachable();
    } catch (error) {
      expect((error as WorkflowSyntaxError).position).toEqual({ line: 2, column: 1 });
      expect((error as Error).message).toMatch(/^invalid YAML: .*unique/);
    }
  });
});

describe('orchestrator audit', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  function write(files: Record<string, string>): string {
    const dir = tempDir();
    dirs.push(dir);
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    return dir;
  }

  it('exit 0 and no output on stdout for a clean workflow', () => {
    const dir = write({ 'clean.yml': taskWorkflow() });
    const r = cli(['audit', 'clean.yml'], { cwd: dir });
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('clean.yml: no findings\n');
    expect(r.code).toBe(0);
  });

  it('exit 1 with each finding as file:line:col: message [rule]; --shipped adds the first-party refs', () => {
    const bad = taskWorkflow({ permissions: '    permissions:\n      actions: write\n' });
    const dir = write({ 'clean.yml': taskWorkflow(), 'bad.yml': bad });
    const r = cli(['audit', 'clean.yml', 'bad.yml'], { cwd: dir });
    expect(r.stdout).toMatch(
      new RegExp(
        `^bad\\.yml:${at(bad, 'actions: write')}: job "work" runs an agent .* \\[agent-job-write\\]\\n$`,
      ),
    );
    expect(r.stderr).toBe('clean.yml: no findings\nbad.yml: 1 finding\n');
    expect(r.code).toBe(1);
    const shipped = cli(['audit', '--shipped', 'clean.yml'], { cwd: dir });
    expect(shipped.stdout).toContain(`clean.yml:${at(taskWorkflow(), 'org/orchestrator/task@v1')}: `);
    expect(shipped.stdout).toContain('[mutable-first-party-ref]');
    expect(shipped.code).toBe(1);
  });

  it('exit 2 for a missing file or invalid YAML, saying where and that nothing was audited', () => {
    const dir = write({ 'broken.yml': 'on: [push\njobs: {}\n', 'bad.yml': 'on: push\njobs: {}\n' });
    const r = cli(['audit', 'missing.yml', 'broken.yml', 'bad.yml'], { cwd: dir });
    expect(r.stderr).toContain('missing.yml: cannot read it (no such file)');
    expect(r.stderr).toMatch(/^broken\.yml:\d+:\d+: invalid YAML: .*nothing was audited/m);
    // The readable file is still audited and reported.
    const [finding] = auditWorkflow('on: push\njobs: {}\n');
    expect(r.stdout).toBe(`bad.yml:2:1: ${finding!.message} [top-permissions]\n`);
    expect(r.code).toBe(2);
  });
});
