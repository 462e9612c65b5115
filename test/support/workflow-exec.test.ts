// The local workflow executor (test/support/workflow-exec.ts) on hand-written workflows: needs order, fresh
// workspaces, artifact semantics, matrices, job and step status functions, outputs, `gh run cancel`, and what it
// refuses. Then the job contract of docs/github.md through the bundled action.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listFiles, tempDir } from './cli.js';
import { FAKE_BIN } from './run.js';
import { workflowFindings } from './workflow-lint.js';
import {
  executeWorkflow,
  expandMatrix,
  type ExecuteWorkflowOptions,
  type WorkflowRun,
} from './workflow-exec.js';
import {
  evaluateCondition,
  evaluateExpression,
  interpolate,
  type Value,
} from './workflow-exec/expressions.js';

const CHECKOUT = 'actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1';
const UPLOAD = 'actions/upload-artifact@bbbca2ddaa5d8feaa63e36b76fdaad77386f024f # v7.0.0';
const DOWNLOAD = 'actions/download-artifact@3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c # v8.0.1';

let repo: string;
const runs: WorkflowRun[] = [];

beforeAll(() => {
  repo = tempDir();
  fs.writeFileSync(path.join(repo, 'hello.txt'), 'hello\n');
  fs.mkdirSync(path.join(repo, '.git'));
  fs.writeFileSync(path.join(repo, '.git/HEAD'), 'ref: refs/heads/main\n');
});
afterAll(() => fs.rmSync(repo, { recursive: true, force: true }));
afterEach(() => {
  for (const r of runs.splice(0)) r.cleanup();
});

async function exec(source: string, options: Partial<ExecuteWorkflowOptions> = {}): Promise<WorkflowRun> {
  const run = await executeWorkflow({
    source,
    repo,
    env: { PATH: `${FAKE_BIN}:${process.env.PATH}` },
    ...options,
  });
  runs.push(run);
  return run;
}

/** A workflow of `jobs` (YAML under `jobs:`, indented by two) with bash as the default shell. */
function workflow(jobs: string): string {
  return `name: test\non: workflow_dispatch\npermissions: {}\ndefaults:\n  run:\n    shell: bash\njobs:\n${jobs}`;
}

const results = (run: WorkflowRun): Record<string, string> =>
  Object.fromEntries(Object.values(run.jobs).map((j) => [j.id, j.result]));

describe('expressions', () => {
  const ctx = {
    contexts: {
      needs: { 'build-a': { result: 'success', outputs: { list: '["x","y"]', n: '3' } } },
      matrix: { os: 'Linux' },
      github: { event_name: 'push' },
    } as Record<string, Value>,
  };
  it.each([
    ["needs.build-a.result == 'SUCCESS'", true],
    ["needs['build-a'].outputs.n == 3", true],
    ['fromJSON(needs.build-a.outputs.list)[1]', 'y'],
    ["contains(fromJSON(needs.build-a.outputs.list), 'X')", true],
    ["contains('Hello', 'ell')", true],
    ["format('{0}-{{1}}-{1}', matrix.os, 2)", 'Linux-{1}-2'],
    ["startsWith(github.event_name, 'pu') && endsWith(github.event_name, 'sh')", true],
    ["!(1 == 2) || 'x'", true],
    ["'' || 'fallback'", 'fallback'],
    ['null == 0 && true == 1 && 0.5 < 1', true],
    ["join(fromJSON('[1,2]'), '+')", '1+2'],
    ['toJSON(fromJSON(\'{"a":[1]}\'))', '{\n  "a": [\n    1\n  ]\n}'],
    ['Matrix.OS', 'Linux'],
    ['matrix.missing', null],
  ] as [string, Value][])('%s', (text, expected) => {
    expect(evaluateExpression(text, ctx)).toEqual(expected);
  });
  it('interpolates strings, keeps the type of a lone expression and ignores }} inside a literal', () => {
    expect(interpolate("a ${{ matrix.os }} ${{ 'x}}y' }}", ctx)).toBe('a Linux x}}y');
    expect(interpolate('${{ fromJSON(needs.build-a.outputs.list) }}', ctx)).toEqual(['x', 'y']);
  });
  it('filters with .* as GitHub does: each element’s property, nulls left out', () => {
    const labels = {
      contexts: { e: { labels: [{ name: 'a' }, { name: 'orchestrate' }, { id: 3 }] } } as Record<
        string,
        Value
      >,
    };
    expect(evaluateExpression('e.labels.*.name', labels)).toEqual(['a', 'orchestrate']);
    expect(evaluateExpression("contains(e.labels.*.name, 'ORCHESTRATE')", labels)).toBe(true);
    expect(evaluateExpression("contains(e.labels.*.name, 'orchestrate:run')", labels)).toBe(false);
    expect(evaluateExpression('needs.*.result', ctx)).toEqual(['success']);
  });
  it('adds success() to a condition without a status function', () => {
    const status = { success: () => false, failure: () => true, cancelled: () => false };
    expect(evaluateCondition("matrix.os == 'linux'", { ...ctx, status })).toBe(false);
    expect(evaluateCondition("${{ failure() && matrix.os == 'linux' }}", { ...ctx, status })).toBe(true);
    expect(evaluateCondition(undefined, { ...ctx, status })).toBe(false);
  });
  it('refuses what it does not implement', () => {
    expect(() => evaluateExpression("hashFiles('x')", ctx)).toThrow(/^unsupported: function hashFiles/);
    expect(() => evaluateExpression('job.container', ctx)).toThrow(/^unsupported: context job/);
  });
  it('expands a matrix with include and exclude as GitHub does', () => {
    expect(
      expandMatrix({
        os: ['a', 'b'],
        v: [1, 2],
        exclude: [{ os: 'b', v: 2 }],
        include: [{ v: 1, extra: 'x' }, { os: 'c' }],
      }),
    ).toEqual([{ os: 'a', v: 1, extra: 'x' }, { os: 'a', v: 2 }, { os: 'b', v: 1, extra: 'x' }, { os: 'c' }]);
  });
});

describe('executeWorkflow', () => {
  it('runs jobs in needs order, each in a fresh workspace with the checkout', async () => {
    const run = await exec(
      workflow(`
  last:
    needs: [first, middle]
    runs-on: ubuntu-latest
    steps:
      - run: test ! -e from-first.txt && echo "last in $GITHUB_WORKSPACE"
  middle:
    needs: first
    runs-on: ubuntu-latest
    steps:
      - uses: ${CHECKOUT}
        with:
          persist-credentials: false
      - run: |
          test ! -e from-first.txt
          cat hello.txt
          test ! -e .git
  first:
    runs-on: ubuntu-latest
    steps:
      - run: echo one > from-first.txt; echo "$GITHUB_ACTIONS $GITHUB_RUN_ID $GITHUB_REPOSITORY $RUNNER_TEMP"
`),
    );
    expect(run.order).toEqual(['first', 'middle', 'last']);
    expect(results(run)).toEqual({ first: 'success', middle: 'success', last: 'success' });
    const first = run.leg('first');
    expect(fs.readFileSync(path.join(first.workspace, 'from-first.txt'), 'utf8')).toBe('one\n');
    expect(first.steps[0]?.stdout).toMatch(/^true 1 org\/repo \/.+\/temp\n$/);
    expect(run.leg('middle').steps[1]?.stdout).toBe('hello\n');
    expect(new Set([first.workspace, run.leg('middle').workspace, run.leg('last').workspace]).size).toBe(3);
  });

  it('passes outputs through GITHUB_OUTPUT (both forms), steps.<id>.outputs and needs.<job>.outputs', async () => {
    const run = await exec(
      workflow(`
  produce:
    runs-on: ubuntu-latest
    outputs:
      simple: \${{ steps.out.outputs.simple }}
      multi: \${{ steps.out.outputs.multi }}
    steps:
      - id: out
        run: |
          echo "simple=a=b" >> "$GITHUB_OUTPUT"
          { echo "multi<<EOF_1"; echo "line 1"; echo "line 2"; echo "EOF_1"; } >> "$GITHUB_OUTPUT"
          echo "FROM_ENV_FILE=carried" >> "$GITHUB_ENV"
      - run: echo "\${{ steps.out.outputs.simple }} $FROM_ENV_FILE"
  consume:
    needs: produce
    if: needs.produce.outputs.simple == 'a=b'
    runs-on: ubuntu-latest
    env:
      MULTI: \${{ needs.produce.outputs.multi }}
    steps:
      - run: printf '%s|' "$MULTI" "\${{ secrets.API_KEY }}" "\${{ github.token != '' }}"
`),
      { secrets: { API_KEY: 'k-1' } },
    );
    expect(results(run)).toEqual({ produce: 'success', consume: 'success' });
    expect(run.job('produce').outputs).toEqual({ simple: 'a=b', multi: 'line 1\nline 2' });
    expect(run.leg('produce').steps[1]?.stdout).toBe('a=b carried\n');
    expect(run.leg('consume').steps[0]?.stdout).toBe('line 1\nline 2|k-1|true|');
  });

  it('uses bash -eo pipefail for shell: bash and bash -e without a shell', async () => {
    const run = await exec(`on: push
jobs:
  default:
    runs-on: ubuntu-latest
    steps:
      - run: false | true
  bash:
    runs-on: ubuntu-latest
    steps:
      - run: false | true
        shell: bash
  dir:
    runs-on: ubuntu-latest
    defaults:
      run:
        working-directory: sub
    steps:
      - run: mkdir sub
        working-directory: .
      - run: pwd
`);
    expect(results(run)).toEqual({ default: 'success', bash: 'failure', dir: 'success' });
    expect(run.leg('bash').steps[0]?.messages).toContain('Error: Process completed with exit code 1.');
    expect(run.leg('dir').steps[1]?.stdout.trim()).toBe(path.join(run.leg('dir').workspace, 'sub'));
  });

  describe('artifacts', () => {
    it('uploads a folder as its contents, several paths from their common ancestor, one file alone', async () => {
      const run = await exec(
        workflow(`
  up:
    runs-on: ubuntu-latest
    steps:
      - run: |
          mkdir -p out/sub a/b a/c/d
          echo r > out/r.md; echo x > out/sub/x.md
          echo 1 > a/b/one.txt; echo 2 > a/c/d/two.txt; echo 3 > a/c/d/three.log
      - uses: ${UPLOAD}
        with: { name: folder, path: out }
      - uses: ${UPLOAD}
        with:
          name: several
          path: |
            a/b/one.txt
            a/c/**/*.txt
      - uses: ${UPLOAD}
        with: { name: single, path: a/b/one.txt }
      - uses: ${UPLOAD}
        with: { name: negated, path: "a/\\n!a/c/d/*.log" }
  down:
    needs: up
    runs-on: ubuntu-latest
    steps:
      - uses: ${DOWNLOAD}
        with: { name: folder, path: got }
      - run: cat got/r.md got/sub/x.md
`),
      );
      expect(results(run)).toEqual({ up: 'success', down: 'success' });
      const files = (name: string): string[] => listFiles(run.artifacts.get(name) as string);
      expect(files('folder')).toEqual(['r.md', 'sub/x.md']);
      expect(files('several')).toEqual(['b/one.txt', 'c/d/two.txt']);
      expect(files('single')).toEqual(['one.txt']);
      expect(files('negated')).toEqual(['b/one.txt', 'c/d/two.txt']);
      expect(run.leg('down').steps[1]?.stdout).toBe('r\nx\n');
    });

    it('skips hidden files and folders unless include-hidden-files; a hidden path itself finds nothing', async () => {
      const run = await exec(
        workflow(`
  up:
    runs-on: ubuntu-latest
    steps:
      - run: |
          mkdir -p .orchestrator/artifact/T-01/.cache .cache
          echo ok > .orchestrator/artifact/T-01/result.md
          echo s > .orchestrator/artifact/T-01/.secret
          echo c > .orchestrator/artifact/T-01/.cache/c
          echo c > .cache/c
      - uses: ${UPLOAD}
        with: { name: default, path: .orchestrator/artifact }
      - uses: ${UPLOAD}
        with: { name: hidden, path: .orchestrator/artifact, include-hidden-files: true }
      - id: warn
        uses: ${UPLOAD}
        with: { name: dot-path, path: .cache }
      - id: error
        uses: ${UPLOAD}
        with: { name: dot-path, path: .cache, if-no-files-found: error }
`),
      );
      expect(listFiles(run.artifacts.get('default') as string)).toEqual(['T-01/result.md']);
      expect(listFiles(run.artifacts.get('hidden') as string)).toEqual([
        'T-01/.cache/c',
        'T-01/.secret',
        'T-01/result.md',
      ]);
      expect(run.artifacts.has('dot-path')).toBe(false);
      const [, , , warn, error] = run.leg('up').steps;
      expect(warn?.conclusion).toBe('success');
      expect(warn?.messages.join('\n')).toMatch(
        /^Warning: No files were found with the provided path: \.cache\./,
      );
      expect(error?.conclusion).toBe('failure');
      expect(results(run)).toEqual({ up: 'failure' });
    });

    it('downloads by pattern into one folder per artifact, or merged; all without a name; fails on a missing name', async () => {
      const run = await exec(
        workflow(`
  a:
    runs-on: ubuntu-latest
    steps:
      - run: mkdir -p o/A && echo a > o/A/result.md && echo a > o/same.md
      - uses: ${UPLOAD}
        with: { name: task-A, path: o }
  b:
    runs-on: ubuntu-latest
    steps:
      - run: mkdir -p o/B && echo b > o/B/result.md && echo b > o/same.md
      - uses: ${UPLOAD}
        with: { name: task-B, path: o }
      - uses: ${UPLOAD}
        with: { name: report, path: o/same.md }
  down:
    needs: [a, b]
    runs-on: ubuntu-latest
    steps:
      - uses: ${DOWNLOAD}
        with: { pattern: 'task-*', path: separate }
      - uses: ${DOWNLOAD}
        with: { pattern: 'task*', path: merged, merge-multiple: true }
      - uses: ${DOWNLOAD}
        with: { path: all }
      - uses: ${DOWNLOAD}
        with: { pattern: 'nothing-*', path: none }
      - uses: ${DOWNLOAD}
        with: { name: task-C }
      - if: failure()
        run: echo cleanup after the failure
`),
      );
      const ws = run.leg('down').workspace;
      expect(listFiles(path.join(ws, 'separate'))).toEqual([
        'task-A/A/result.md',
        'task-A/same.md',
        'task-B/B/result.md',
        'task-B/same.md',
      ]);
      expect(listFiles(path.join(ws, 'merged'))).toEqual(['A/result.md', 'B/result.md', 'same.md']);
      expect(fs.readFileSync(path.join(ws, 'merged/same.md'), 'utf8')).toBe('b\n');
      expect(listFiles(path.join(ws, 'all'))).toEqual([
        'report/same.md',
        'task-A/A/result.md',
        'task-A/same.md',
        'task-B/B/result.md',
        'task-B/same.md',
      ]);
      const steps = run.leg('down').steps;
      expect(steps.map((s) => s.conclusion)).toEqual([
        'success',
        'success',
        'success',
        'success',
        'failure',
        'success',
      ]);
      expect(steps[4]?.messages).toEqual([
        "Error: Unable to download artifact(s): Artifact 'task-C' not found",
      ]);
      expect(results(run).down).toBe('failure');
    });

    it('refuses a second artifact of the same name unless overwrite', async () => {
      const run = await exec(
        workflow(`
  up:
    runs-on: ubuntu-latest
    steps:
      - run: echo 1 > f.txt
      - uses: ${UPLOAD}
        with: { name: x, path: f.txt }
      - run: echo 2 > f.txt
      - uses: ${UPLOAD}
        with: { name: x, path: f.txt, overwrite: true }
      - uses: ${UPLOAD}
        with: { name: x, path: f.txt }
`),
      );
      const steps = run.leg('up').steps;
      expect(steps.map((s) => s.conclusion)).toEqual(['success', 'success', 'success', 'success', 'failure']);
      expect(steps[4]?.messages.join('')).toContain('(409) Conflict');
      expect(fs.readFileSync(path.join(run.artifacts.get('x') as string, 'f.txt'), 'utf8')).toBe('2\n');
    });
  });

  describe('matrices', () => {
    const matrixJobs = (failFast: string): string =>
      workflow(`
  plan:
    runs-on: ubuntu-latest
    outputs:
      legs: \${{ steps.p.outputs.legs }}
    steps:
      - id: p
        run: echo 'legs=["one","two","three"]' >> "$GITHUB_OUTPUT"
  work:
    needs: plan
    name: work \${{ matrix.leg }}
    runs-on: ubuntu-latest
    strategy:
      ${failFast}
      matrix:
        leg: \${{ fromJSON(needs.plan.outputs.legs) }}
    env:
      LEG: \${{ matrix.leg }}
    steps:
      - run: test "$LEG" != two && mkdir out && echo "\${{ matrix.leg }} \${{ strategy.job-index }}" > out/r.txt
      - uses: ${UPLOAD}
        with: { name: 'leg-\${{ matrix.leg }}', path: out }
  after:
    needs: work
    runs-on: ubuntu-latest
    steps:
      - run: echo never
  report:
    needs: work
    if: \${{ !cancelled() }}
    runs-on: ubuntu-latest
    steps:
      - run: echo "\${{ needs.work.result }}"
`);

    it('fail-fast (the default) cancels the legs after a failure; dependents are skipped', async () => {
      const run = await exec(matrixJobs(''));
      const work = run.job('work');
      expect(work.legs.map((l) => [l.name, l.result])).toEqual([
        ['work one', 'success'],
        ['work two', 'failure'],
        ['work three', 'cancelled'],
      ]);
      expect(results(run)).toEqual({ plan: 'success', work: 'failure', after: 'skipped', report: 'success' });
      expect(run.leg('report').steps[0]?.stdout).toBe('failure\n');
      expect([...run.artifacts.keys()]).toEqual(['leg-one']);
      expect(listFiles(run.artifacts.get('leg-one') as string)).toEqual(['r.txt']);
    });

    it('fail-fast: false runs every leg', async () => {
      const run = await exec(matrixJobs('fail-fast: false'));
      expect(run.job('work').legs.map((l) => l.result)).toEqual(['success', 'failure', 'success']);
      expect([...run.artifacts.keys()]).toEqual(['leg-one', 'leg-three']);
      expect(fs.readFileSync(path.join(run.artifacts.get('leg-three') as string, 'r.txt'), 'utf8')).toBe(
        'three 2\n',
      );
      expect(new Set(run.job('work').legs.map((l) => l.workspace)).size).toBe(3);
    });

    it('a matrix with include only, and one that expands to nothing, fails the job', async () => {
      const run = await exec(
        workflow(`
  inc:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        include: [{ task: T-01 }, { task: T-02 }]
    steps:
      - run: echo \${{ matrix.task }}
  empty:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        task: \${{ fromJSON('[]') }}
    steps:
      - run: echo never
`),
      );
      expect(run.job('inc').legs.map((l) => l.steps[0]?.stdout)).toEqual(['T-01\n', 'T-02\n']);
      expect(run.job('empty')).toMatchObject({ result: 'failure', legs: [] });
      expect(run.job('empty').error).toMatch(/does not contain any values/);
    });
  });

  it('follows GitHub job status rules: skipped dependents, transitive skips, !cancelled(), failure(), always()', async () => {
    const run = await exec(
      workflow(`
  ok:
    runs-on: ubuntu-latest
    steps:
      - run: 'true'
  bad:
    runs-on: ubuntu-latest
    steps:
      - run: exit 3
  after-bad:
    needs: bad
    runs-on: ubuntu-latest
    steps:
      - run: echo never
  after-skipped:
    needs: [after-bad, ok]
    runs-on: ubuntu-latest
    steps:
      - run: echo never
  not-cancelled:
    needs: [after-skipped, ok]
    if: \${{ !cancelled() }}
    runs-on: ubuntu-latest
    steps:
      - run: echo "\${{ needs.after-skipped.result }} \${{ needs.ok.result }}"
  on-failure:
    needs: after-bad
    if: failure()
    runs-on: ubuntu-latest
    steps:
      - run: echo a need failed further up
  grandchild:
    needs: not-cancelled
    runs-on: ubuntu-latest
    steps:
      - run: echo never, an ancestor was skipped
  conditional:
    needs: ok
    if: github.event_name == 'push'
    runs-on: ubuntu-latest
    steps:
      - run: echo never
`),
    );
    expect(results(run)).toEqual({
      ok: 'success',
      bad: 'failure',
      'after-bad': 'skipped',
      'after-skipped': 'skipped',
      'not-cancelled': 'success',
      'on-failure': 'success',
      grandchild: 'skipped',
      conditional: 'skipped',
    });
    expect(run.leg('not-cancelled').steps[0]?.stdout).toBe('skipped success\n');
  });

  it('follows step status rules: skipped after a failure, if: failure() and always() run, continue-on-error', async () => {
    const run = await exec(
      workflow(`
  job:
    runs-on: ubuntu-latest
    steps:
      - id: tolerated
        run: exit 1
        continue-on-error: true
      - run: echo "\${{ steps.tolerated.outcome }} \${{ steps.tolerated.conclusion }} \${{ job.status }}"
      - id: broken
        run: exit 2
      - run: echo skipped
      - if: failure()
        run: echo "\${{ steps.broken.outcome }} \${{ job.status }}"
      - if: always()
        run: echo always
      - if: success()
        run: echo skipped too
`),
    );
    const steps = run.leg('job').steps;
    expect(steps.map((s) => [s.outcome, s.conclusion])).toEqual([
      ['failure', 'success'],
      ['success', 'success'],
      ['failure', 'failure'],
      ['skipped', 'skipped'],
      ['success', 'success'],
      ['success', 'success'],
      ['skipped', 'skipped'],
    ]);
    expect(steps[1]?.stdout).toBe('failure success success\n');
    expect(steps[4]?.stdout).toBe('failure failure\n');
    expect(run.job('job').result).toBe('failure');
  });

  it('cancels the run on gh run cancel: jobs not started are cancelled unless always()', async () => {
    const run = await exec(
      workflow(`
  stop:
    runs-on: ubuntu-latest
    steps:
      - run: exit 1
      - if: failure()
        run: gh run cancel \${{ github.run_id }}
        env:
          GH_TOKEN: \${{ github.token }}
  other:
    runs-on: ubuntu-latest
    steps:
      - run: echo never
  not-cancelled:
    needs: stop
    if: \${{ !cancelled() }}
    runs-on: ubuntu-latest
    steps:
      - run: echo never
  always:
    needs: stop
    if: always()
    runs-on: ubuntu-latest
    steps:
      - run: echo "\${{ needs.stop.result }}"
      - if: cancelled()
        run: echo never, a job started after the cancel is not itself cancelled
`),
      { github: { run_id: '4242' } },
    );
    expect(run.cancelled).toBe(true);
    expect(run.leg('stop').steps[1]?.stdout).toBe('✓ Request to cancel workflow run 4242 submitted.\n');
    expect(results(run)).toEqual({
      stop: 'failure',
      other: 'cancelled',
      'not-cancelled': 'cancelled',
      always: 'success',
    });
    expect(run.leg('always').steps.map((s) => s.conclusion)).toEqual(['success', 'skipped']);
    expect(run.leg('always').steps[0]?.stdout).toBe('failure\n');
  });

  it('the fake gh wants GH_TOKEN, as the real one does in a workflow', async () => {
    const run = await exec(
      workflow(`  job:\n    runs-on: ubuntu-latest\n    steps:\n      - run: gh run cancel 1\n`),
    );
    expect(run.cancelled).toBe(false);
    expect(run.leg('job').steps[0]?.stderr).toContain('set the GH_TOKEN environment variable');
  });

  it.each([
    [
      'an unknown action',
      `- uses: actions/cache@v4\n        with: { path: x }`,
      /^unsupported: uses: actions\/cache@v4$/,
    ],
    [
      'an unknown input',
      `- uses: ${UPLOAD}\n        with: { nmae: x, path: y }`,
      /^unsupported: actions\/upload-artifact input 'nmae'/,
    ],
    ['an unknown function', `- run: echo \${{ hashFiles('x') }}`, /^unsupported: function hashFiles/],
    [
      'an unknown step key',
      `- run: echo\n        container: x`,
      /^unsupported: jobs\.job\.steps\[0\]: key 'container'/,
    ],
  ])('throws on %s', async (_what, step, error) => {
    await expect(
      exec(workflow(`  job:\n    runs-on: ubuntu-latest\n    steps:\n      ${step}\n`)),
    ).rejects.toThrow(error);
  });

  it('runs a called reusable workflow’s jobs in the run: typed inputs, secrets, outputs, shared artifacts', async () => {
    const called = `name: called
on:
  workflow_call:
    inputs:
      word: { type: string, required: true }
      count: { type: number, default: 2 }
      flag: { type: boolean, required: false }
    secrets:
      KEY: { required: false }
    outputs:
      said: { value: '\${{ jobs.inner.outputs.said }}' }
permissions: {}
jobs:
  inner:
    runs-on: ubuntu-latest
    permissions: { contents: read, pull-requests: write }
    outputs:
      said: \${{ steps.say.outputs.said }}
    steps:
      - uses: ${DOWNLOAD}
        with: { name: from-caller }
      - id: say
        env:
          KEY: \${{ secrets.KEY }}
          TOKEN: \${{ github.token }}
        run: |
          echo "said=\${{ inputs.word }} \${{ inputs.count == 2 }} \${{ inputs.flag }} $(cat data.txt) key=$KEY" >> "$GITHUB_OUTPUT"
          echo "$TOKEN"
  after:
    needs: inner
    runs-on: ubuntu-latest
    steps:
      - run: 'false'
`;
    fs.mkdirSync(path.join(repo, '.github/workflows'), { recursive: true });
    fs.writeFileSync(path.join(repo, '.github/workflows/called.yml'), called);
    try {
      const run = await exec(
        workflow(`
  make:
    runs-on: ubuntu-latest
    steps:
      - run: echo data > data.txt
      - uses: ${UPLOAD}
        with: { name: from-caller, path: data.txt }
  call:
    needs: make
    permissions: { contents: read, pull-requests: read }
    uses: ./.github/workflows/called.yml
    with:
      word: \${{ needs.make.result }}
    secrets:
      KEY: \${{ secrets.API_KEY }}
  report:
    needs: call
    if: \${{ always() }}
    runs-on: ubuntu-latest
    steps:
      - run: echo "\${{ needs.call.result }} \${{ needs.call.outputs.said }}"
`),
        { secrets: { API_KEY: 'k1' }, permissionTokens: true },
      );
      expect(results(run)).toEqual({
        make: 'success',
        'call/inner': 'success',
        'call/after': 'failure',
        call: 'failure',
        report: 'success',
      });
      expect(run.leg('call/inner').outputs.said).toBe('success true false data key=k1');
      expect(run.leg('report').steps[0]?.stdout).toBe('failure success true false data key=k1\n');
      // The called job asked for pull-requests: write; the calling job granted read.
      expect(run.leg('call/inner').steps[1]?.stdout).toBe(
        'ghs_local.call/inner.contents:read+pull-requests:read\n',
      );
      const fork = await exec(
        workflow(
          `  job:\n    runs-on: x\n    permissions: { pull-requests: write }\n    steps:\n      - run: echo "\${{ github.token }}"\n`,
        ),
        { readOnlyToken: true },
      );
      expect(fork.leg('job').steps[0]?.stdout).toBe('ghs_local.job.pull-requests:read\n');
      await expect(
        exec(workflow(`  call:\n    uses: ./.github/workflows/called.yml\n    with: { other: 1 }\n`)),
      ).rejects.toThrow(/with\.other is not an input/);
      await expect(exec(workflow(`  call:\n    uses: ./.github/workflows/called.yml\n`))).rejects.toThrow(
        /input 'word' of .* is required/,
      );
      await expect(
        exec(workflow(`  call:\n    uses: someone/else/.github/workflows/x.yml@v1\n`)),
      ).rejects.toThrow(/^unsupported: uses: someone/);
    } finally {
      fs.rmSync(path.join(repo, '.github'), { recursive: true, force: true });
    }
  });

  it('throws on job keys it does not emulate and on a needs cycle', async () => {
    await expect(
      exec(
        workflow(`  job:\n    runs-on: ubuntu-latest\n    services: {}\n    steps:\n      - run: 'true'\n`),
      ),
    ).rejects.toThrow(/^unsupported: jobs\.job: key 'services'/);
    await expect(
      exec(
        workflow(
          `  a:\n    needs: b\n    runs-on: x\n    steps: [{ run: 'true' }]\n  b:\n    needs: a\n    runs-on: x\n    steps: [{ run: 'true' }]\n`,
        ),
      ),
    ).rejects.toThrow(/needs cycle/);
  });
});

describe('actions: node and composite', () => {
  /** An action folder: a node action at its root (main.js) and a composite one in demo/. */
  let actions: string;
  beforeAll(() => {
    actions = tempDir();
    fs.writeFileSync(
      path.join(actions, 'action.yml'),
      'name: node\ndescription: d\ninputs:\n  word: {default: plain}\nruns: {using: node24, main: main.js}\n',
    );
    // Says which of the tokens GitHub gives a JavaScript action it holds.
    fs.writeFileSync(
      path.join(actions, 'main.js'),
      `const fs = require('fs');
const out = (k, v) => fs.appendFileSync(process.env.GITHUB_OUTPUT, k + '=' + v + '\\n');
out('runtime', process.env.ACTIONS_RUNTIME_TOKEN ? 'yes' : 'no');
out('results', process.env.ACTIONS_RESULTS_URL ? 'yes' : 'no');
out('id-token', process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ? 'yes' : 'no');
out('word', process.env.INPUT_WORD);
`,
    );
    fs.mkdirSync(path.join(actions, 'demo'));
    fs.writeFileSync(
      path.join(actions, 'demo/action.yml'),
      `name: demo
description: d
inputs:
  name: {required: true}
  greeting: {default: hello}
  where: {default: '\${{ github.repository }}'}
  fail: {default: 'false'}
outputs:
  said: {description: d, value: '\${{ steps.say.outputs.said }}'}
  seen: {description: d, value: '\${{ steps.look.outputs.seen }}'}
  skipped: {description: d, value: '\${{ steps.never.outcome }}'}
runs:
  using: composite
  steps:
    - id: say
      shell: bash
      env:
        GREETING: \${{ inputs.greeting }}
      run: |
        echo "said=$GREETING \${{ inputs.name }} from \${{ inputs.where }}" >> "$GITHUB_OUTPUT"
        echo "FROM_COMPOSITE=one" >> "$GITHUB_ENV"
        mkdir -p "$RUNNER_TEMP/composite-bin"
        printf '#!/bin/sh\\necho composite tool\\n' > "$RUNNER_TEMP/composite-bin/composite-tool"
        chmod +x "$RUNNER_TEMP/composite-bin/composite-tool"
        echo "$RUNNER_TEMP/composite-bin" >> "$GITHUB_PATH"
        echo "## from the composite" >> "$GITHUB_STEP_SUMMARY"
    - id: never
      if: inputs.greeting == 'never'
      shell: bash
      run: exit 1
    - id: look
      shell: sh
      working-directory: sub
      run: |
        test -f "$GITHUB_ACTION_PATH/action.yml"
        echo "seen=$FROM_COMPOSITE $(composite-tool) $([ "\${{ github.action_path }}" = "$GITHUB_ACTION_PATH" ] && echo same) \${ACTIONS_RUNTIME_TOKEN:-no-token} $(basename "$PWD")" >> "$GITHUB_OUTPUT"
    - if: inputs.fail == 'true'
      shell: bash
      run: echo failing; exit 4
    - id: after
      shell: bash
      run: echo "not after a failure"
    - if: always()
      shell: bash
      run: echo "always runs"
`,
    );
  });
  afterAll(() => fs.rmSync(actions, { recursive: true, force: true }));

  const job = (steps: string, permissions = '{ contents: read }'): string =>
    workflow(`  job:\n    runs-on: ubuntu-latest\n    permissions: ${permissions}\n    steps:\n${steps}`);

  it('runs a composite: inputs and defaults, env, shell, if, working-directory, outputs, action path', async () => {
    const run = await exec(
      job(`      - run: mkdir sub
      - id: demo
        uses: org/orchestrator/demo@v1
        with:
          name: world
      - run: |
          echo "said: \${{ steps.demo.outputs.said }}"
          echo "seen: \${{ steps.demo.outputs.seen }}"
          echo "skipped: \${{ steps.demo.outputs.skipped }}"
          echo "env: $FROM_COMPOSITE; tool: $(composite-tool)"
`),
      { actionRoot: actions },
    );
    const leg = run.leg('job');
    expect(leg.result).toBe('success');
    expect(leg.steps[2]?.stdout).toBe(
      [
        'said: hello world from org/repo',
        'seen: one composite tool same no-token sub',
        'skipped: skipped',
        // What its steps added to GITHUB_ENV and GITHUB_PATH reaches the job's later steps.
        'env: one; tool: composite tool',
        '',
      ].join('\n'),
    );
    expect(leg.steps[1]?.stdout).toContain('not after a failure\nalways runs\n');
    expect(leg.summary).toContain('## from the composite');
  });

  it('fails the step on a failing composite step: later steps skipped, always() runs; a missing input fails', async () => {
    const run = await exec(
      job(`      - run: mkdir sub
      - id: demo
        continue-on-error: true
        uses: ./demo
        with: { name: x, fail: 'true' }
      - id: missing
        uses: org/orchestrator/demo@v1
`),
      { actionRoot: actions },
    );
    const leg = run.leg('job');
    expect(leg.steps[1]?.outcome).toBe('failure');
    expect(leg.steps[1]?.stdout).toContain('failing\nalways runs\n');
    expect(leg.steps[1]?.stdout).not.toContain('not after a failure');
    expect(leg.steps[1]?.outputs.said).toBe('hello x from org/repo');
    expect(leg.steps[2]?.outcome).toBe('failure');
    expect(leg.steps[2]?.messages).toContain('Error: Input required and not supplied: name');
  });

  it('gives a node action, and no run: step, the runtime token; the id token only with id-token: write', async () => {
    const steps = `      - id: node
        uses: org/orchestrator@v1
      - run: echo "\${ACTIONS_RUNTIME_TOKEN:-none} \${ACTIONS_ID_TOKEN_REQUEST_TOKEN:-none}"
`;
    const plain = await exec(job(steps), { actionRoot: actions });
    expect(plain.leg('job').steps[0]?.outputs).toEqual({
      runtime: 'yes',
      results: 'yes',
      'id-token': 'no',
      word: 'plain',
    });
    expect(plain.leg('job').steps[1]?.stdout).toBe('none none\n');
    const oidc = await exec(job(steps, '{ contents: read, id-token: write }'), { actionRoot: actions });
    expect(oidc.leg('job').steps[0]?.outputs['id-token']).toBe('yes');
    expect(oidc.leg('job').steps[1]?.stdout).toBe('none none\n');
  });

  it('refuses a uses: inside a composite, and a folder of the action at another ref', async () => {
    fs.mkdirSync(path.join(actions, 'nested'), { recursive: true });
    fs.writeFileSync(
      path.join(actions, 'nested/action.yml'),
      'name: n\ndescription: d\nruns:\n  using: composite\n  steps:\n    - uses: actions/checkout@v4\n',
    );
    await expect(exec(job('      - uses: ./nested\n'), { actionRoot: actions })).rejects.toThrow(
      /^unsupported: uses: in a composite action/,
    );
    await expect(
      exec(job('      - uses: org/orchestrator/demo@v2\n        with: { name: x }\n'), {
        actionRoot: actions,
      }),
    ).rejects.toThrow(/^unsupported: uses: org\/orchestrator\/demo@v2/);
  });
});

describe('checkouts of other trees, other runs’ artifacts, composites under a cancel, test hooks', () => {
  const ROOT = path.resolve(import.meta.dirname, '../..');

  it('checks this project out as a release holds it (action.yml, dist/, task/), the repository at a ref from refs', async () => {
    const head = tempDir();
    fs.writeFileSync(path.join(head, 'hello.txt'), 'hello from the head commit\n');
    try {
      const run = await exec(
        workflow(`  job:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - uses: ${CHECKOUT}
        with: { ref: ${'a'.repeat(40)}, persist-credentials: false }
      - uses: ${CHECKOUT}
        with:
          repository: org/orchestrator
          ref: '${'1'.repeat(40)}'
          path: .orchestrator/action
          persist-credentials: false
      - uses: ${CHECKOUT}
        with: { ref: ${'b'.repeat(40)}, path: other, persist-credentials: false }
      - run: ls -A .orchestrator/action; cat hello.txt other/hello.txt
      - uses: ${CHECKOUT}
        with: { path: ../outside, persist-credentials: false }
`),
        { refs: { ['a'.repeat(40)]: head } },
      );
      const leg = run.leg('job');
      // The ref refs names gives its tree; any other ref the repository's.
      expect(leg.steps[3]?.stdout).toBe('action.yml\ndist\ntask\nhello from the head commit\nhello\n');
      const copied = fs.readFileSync(path.join(leg.workspace, '.orchestrator/action/dist/action.js'));
      expect(copied.equals(fs.readFileSync(path.join(ROOT, 'dist/action.js')))).toBe(true);
      expect(leg.steps[4]?.outcome).toBe('failure');
      expect(leg.steps[4]?.messages.join('\n')).toMatch(/Repository path '.*outside' is not under/);
    } finally {
      fs.rmSync(head, { recursive: true, force: true });
    }
  });

  it('downloads another run’s artifact by run-id with a token that may read Actions, and nothing else', async () => {
    const stores: ExecuteWorkflowOptions['runs'] = new Map();
    const first = await exec(
      workflow(`  make:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - run: mkdir out && echo "from run 7" > out/made.txt
      - uses: ${UPLOAD}
        with: { name: made, path: out }
`),
      { runs: stores, github: { run_id: '7' } },
    );
    expect(first.job('make').result).toBe('success');
    const download = (permissions: string, withs: string): string =>
      workflow(`  take:
    runs-on: ubuntu-latest
    permissions: ${permissions}
    steps:
      - uses: ${DOWNLOAD}
        with: { name: made, path: got, ${withs} }
      - run: cat got/made.txt
`);
    const token = "github-token: '${{ github.token }}'";
    const ok = await exec(download('{ actions: read }', `run-id: 7, ${token}`), {
      runs: stores,
      github: { run_id: '8' },
      permissionTokens: true,
    });
    expect(ok.leg('take').steps[1]?.stdout).toBe('from run 7\n');
    // This run's own artifacts are another store: without run-id, `made` is not there.
    const own = await exec(download('{ actions: read }', token), { runs: stores, github: { run_id: '9' } });
    expect(own.leg('take').steps[0]?.messages).toContain(
      "Error: Unable to download artifact(s): Artifact 'made' not found",
    );
    const noRead = await exec(download('{ contents: read }', `run-id: 7, ${token}`), {
      runs: stores,
      github: { run_id: '10' },
      permissionTokens: true,
    });
    expect(noRead.leg('take').steps[0]?.messages.join('\n')).toContain(
      '(HTTP 403): the token of take has no actions: read',
    );
    const noToken = await exec(download('{ actions: read }', 'run-id: 7'), {
      runs: stores,
      github: { run_id: '11' },
    });
    expect(noToken.leg('take').steps[0]?.messages).toContain(
      'Error: Inputs `github-token` and `run-id` must be given together',
    );
    const noRun = await exec(download('{ actions: read }', `run-id: 6, ${token}`), {
      runs: stores,
      github: { run_id: '12' },
    });
    expect(noRun.leg('take').steps[0]?.messages).toContain(
      'Error: Unable to download artifact(s): no workflow run 6',
    );
  });

  it('gives a composite’s steps the job’s cancelled(): a cancel before it or inside it', async () => {
    const actions = tempDir();
    try {
      fs.mkdirSync(path.join(actions, 'steps'));
      fs.writeFileSync(
        path.join(actions, 'steps/action.yml'),
        `name: steps
description: d
inputs:
  cancel: {default: 'false'}
runs:
  using: composite
  steps:
    - if: inputs.cancel == 'true'
      shell: bash
      env: { GH_TOKEN: x }
      run: gh run cancel "$GITHUB_RUN_ID" >/dev/null
    - shell: bash
      run: echo "plain step"
    - if: cancelled()
      shell: bash
      run: echo "cancelled() holds"
    - if: always()
      shell: bash
      run: echo "always() runs"
`,
      );
      const before = await exec(
        workflow(`  job:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - env: { GH_TOKEN: x }
        run: gh run cancel "$GITHUB_RUN_ID"
      - if: always()
        uses: org/orchestrator/steps@v1
`),
        { actionRoot: actions },
      );
      expect(before.leg('job').steps[1]?.stdout).toBe('cancelled() holds\nalways() runs\n');
      const inside = await exec(
        workflow(`  job:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - uses: org/orchestrator/steps@v1
        with: { cancel: 'true' }
`),
        { actionRoot: actions },
      );
      expect(inside.leg('job').steps[0]?.stdout).toBe('cancelled() holds\nalways() runs\n');
      expect(inside.job('job').result).toBe('cancelled');
    } finally {
      fs.rmSync(actions, { recursive: true, force: true });
    }
  });

  it('records each step’s own env, and calls beforeStep with the leg’s workspace before each step that runs', async () => {
    const seen: string[] = [];
    const run = await exec(
      workflow(`  job:
    runs-on: ubuntu-latest
    permissions: {}
    env: { JOB_LEVEL: job }
    steps:
      - name: first
        env: { ONE: '\${{ github.repository }}', EMPTY: '' }
        run: cat planted.txt
      - name: never
        if: false
        run: exit 1
`),
      {
        beforeStep: (step) => {
          seen.push(`${step.job} ${step.index} ${step.name}`);
          fs.writeFileSync(path.join(step.workspace, 'planted.txt'), 'planted by the hook\n');
        },
      },
    );
    const leg = run.leg('job');
    expect(leg.steps[0]?.env).toEqual({ ONE: 'org/repo', EMPTY: '' });
    expect(leg.steps[0]?.stdout).toBe('planted by the hook\n');
    expect(seen).toEqual(['job null first']);
  });
});

describe('the job contract of docs/github.md through dist/action.js', () => {
  const PLAN = `version: 1
name: contract
request: Three shell tasks passed along artifacts.
tasks:
  - id: first
    title: Write a word
    run: echo alpha > "$ORCHESTRATOR_OUTPUT_DIR/word.txt"; echo wrote alpha
  - id: second
    title: Read the first task's word
    deps: [first]
    run: tr a-z A-Z < "$ORCHESTRATOR_OUTPUTS/first/word.txt"
  - id: third
    title: Read both
    deps: [first, second]
    run: cat "$ORCHESTRATOR_OUTPUTS/first/word.txt"; ls "$ORCHESTRATOR_OUTPUTS"
`;
  const taskJob = (id: string, needs: string[]): string => `
  task-${id}:
    ${needs.length > 0 ? `needs: [${needs.map((n) => `task-${n}`).join(', ')}]` : ''}
    runs-on: ubuntu-latest
    permissions:
      contents: read
    timeout-minutes: 10
    steps:
      - uses: ${CHECKOUT}
        with:
          persist-credentials: false
${needs
  .map(
    (n) => `      - uses: ${DOWNLOAD}
        with:
          name: task-${n}
          path: .orchestrator/downloads/task-${n}
`,
  )
  .join('')}      - id: task
        uses: org/orchestrator/task@v1
        with:
          plan: plan.yml
          task: ${id}
      - if: \${{ !cancelled() }}
        uses: ${UPLOAD}
        with:
          name: task-${id}
          path: .orchestrator/artifact
          include-hidden-files: true
          retention-days: 3
  cancel-${id}:
    needs: [task-${id}]
    if: \${{ !cancelled() && needs.task-${id}.result == 'failure' }}
    runs-on: ubuntu-latest
    permissions:
      actions: write
    steps:
      - run: gh run cancel "$GITHUB_RUN_ID"
        env:
          GH_TOKEN: \${{ github.token }}
          GH_REPO: \${{ github.repository }}
`;
  const WORKFLOW =
    workflow(`${taskJob('first', [])}${taskJob('second', ['first'])}${taskJob('third', ['first', 'second'])}
  aggregate:
    needs: [task-first, task-second, task-third]
    if: \${{ !cancelled() }}
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
      - uses: ${CHECKOUT}
        with:
          persist-credentials: false
      - uses: ${DOWNLOAD}
        with:
          pattern: task*
          path: .orchestrator/downloads
      - uses: org/orchestrator@v1
        with:
          mode: aggregate
          plan: plan.yml
      - if: \${{ !cancelled() }}
        uses: ${UPLOAD}
        with:
          name: report
          path: .orchestrator/final_output.md
`);

  // Needs a fresh dist/ (`npm run build`, as `npm test` does).
  it('runs a 3-task plan job by job, passing only artifacts, to a complete report', async () => {
    const source = tempDir();
    try {
      fs.writeFileSync(path.join(source, 'plan.yml'), PLAN);
      expect(await workflowFindings(WORKFLOW)).toEqual([]);
      const run = await exec(WORKFLOW, { repo: source });
      expect(results(run)).toEqual({
        'task-first': 'success',
        'cancel-first': 'skipped',
        'task-second': 'success',
        'cancel-second': 'skipped',
        'task-third': 'success',
        'cancel-third': 'skipped',
        aggregate: 'success',
      });
      expect(listFiles(run.artifacts.get('task-first') as string)).toContain('first/status.json');
      expect(listFiles(run.artifacts.get('task-second') as string)).toContain('second/status.json');
      const report = fs.readFileSync(
        path.join(run.artifacts.get('report') as string, 'final_output.md'),
        'utf8',
      );
      expect(report).toContain('ALPHA');
      expect(report).toMatch(/first[\s\S]*second[\s\S]*third/);
      expect(run.summaries.aggregate).toBeTruthy();
      expect(run.summaries['task-second']).toBeTruthy();
    } finally {
      fs.rmSync(source, { recursive: true, force: true });
    }
  });
});
