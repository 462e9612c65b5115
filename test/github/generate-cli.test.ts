// `orchestrator generate` as a user runs it (the built CLI, in a scratch repository): writes the workflow,
// --check is green until the plan's structure changes (a prompt edit is not a change), a workflow GitHub would
// refuse is never written, a bad plan writes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, listFiles, ROOT, tempDir } from '../support/cli.js';
import { workflowFindings } from '../support/workflow-lint.js';
import { parseWorkflow } from './helpers.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** A scratch repository (a `.git` folder marks its root) with the repo-health example as plans/health.yml. */
function repo(): string {
  const dir = tempDir();
  dirs.push(dir);
  fs.mkdirSync(path.join(dir, '.git'));
  fs.mkdirSync(path.join(dir, 'plans'));
  fs.copyFileSync(path.join(ROOT, 'examples/repo-health.yml'), path.join(dir, 'plans/health.yml'));
  return dir;
}

const WORKFLOW = '.github/workflows/repo-health.yml';

describe('orchestrator generate', () => {
  it('writes the workflow where the plan name says, and --check is green on it', async () => {
    const dir = repo();
    const r = cli(['generate', 'plans/health.yml'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^Wrote \.github\/workflows\/repo-health\.yml: 3 jobs \(2 task, 1 matrix\) \+ aggregate \+ 3 fail-fast cancel jobs, [\d.]+ KB for 5 tasks\.\n$/,
    );
    const text = fs.readFileSync(path.join(dir, WORKFLOW), 'utf8');
    expect(text).toContain(
      '#   orchestrator generate plans/health.yml -o .github/workflows/repo-health.yml\n',
    );
    expect(text).toContain('plan: plans/health.yml\n');
    expect(text).not.toContain(dir);
    expect(await workflowFindings(text, 'repo-health.yml')).toEqual([]);

    const check = cli(['generate', 'plans/health.yml', '--check'], { cwd: dir });
    expect([check.code, check.stdout]).toEqual([0, '']);
    expect(check.stderr).toMatch(/repo-health\.yml is current \(sha256:[0-9a-f]{16}\)/);
  });

  it('--check ignores prompt, title and command edits, and shows a diff for a structure change', () => {
    const dir = repo();
    expect(cli(['generate', 'plans/health.yml'], { cwd: dir }).code).toBe(0);
    const planFile = path.join(dir, 'plans/health.yml');
    const original = fs.readFileSync(planFile, 'utf8');
    const written = fs.readFileSync(path.join(dir, WORKFLOW), 'utf8');

    fs.writeFileSync(
      planFile,
      original
        .replace('title: Write the health summary', 'title: Write a better summary')
        .replace('echo "# Repository health"', 'echo "# Health of the repository"')
        .replace('Give me a quick health report', 'Give me a short health report'),
    );
    expect(cli(['generate', 'plans/health.yml', '--check'], { cwd: dir }).code).toBe(0);

    fs.writeFileSync(
      planFile,
      original.replace('deps: [inventory, size, todos, dependencies]', 'deps: [inventory, size, todos]'),
    );
    const check = cli(['generate', 'plans/health.yml', '--check'], { cwd: dir });
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('--- .github/workflows/repo-health.yml (committed)\n');
    expect(check.stdout).toContain('+++ .github/workflows/repo-health.yml (from plans/health.yml)\n');
    expect(check.stdout).toMatch(/^@@ -\d+,\d+ \+\d+,\d+ @@$/m);
    expect(check.stdout).toMatch(/^-# Plan structure sha256:/m);
    expect(check.stderr).toContain(
      "does not match the plan's structure; regenerate it with: orchestrator generate",
    );
    // --check writes nothing.
    expect(fs.readFileSync(path.join(dir, WORKFLOW), 'utf8')).toBe(written);

    const missing = cli(['generate', 'plans/health.yml', '--check', '-o', 'nowhere.yml'], { cwd: dir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nowhere.yml: no such file');
  });

  it('refuses a workflow over 500 KB, says what would fit, and writes nothing', () => {
    const dir = repo();
    const lines = ['version: 1', 'name: big', 'defaults: { agent: shell }', 'tasks:'];
    for (let i = 0; i < 1500; i++)
      lines.push(`  - id: t${i}`, '    run: "true"', ...(i > 0 ? [`    deps: [t${i - 1}]`] : []));
    fs.writeFileSync(path.join(dir, 'plans/big.yml'), `${lines.join('\n')}\n`);
    const r = cli(['generate', 'plans/big.yml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /the workflow would be (over )?[\d.]+ KB \(1500 jobs\), over GitHub's 500 KB limit/,
    );
    expect(r.stderr).toContain('nothing was written');
    expect(r.stderr).toMatch(/--group auto --fuse-chains \(1 jobs?, /);
    expect(r.stderr).toMatch(/--max-jobs \d+/);
    expect(listFiles(path.join(dir, '.github'))).toEqual([]);

    const fused = cli(['generate', 'plans/big.yml', '--fuse-chains', '--json'], { cwd: dir });
    expect(fused.code).toBe(0);
    const summary = JSON.parse(fused.stdout) as {
      jobs: number;
      cancelJobs: number;
      status: string;
      estimates: { grouping: string }[];
    };
    expect([summary.jobs, summary.cancelJobs, summary.status]).toEqual([1, 1, 'written']);
    expect(summary.estimates.map((e) => e.grouping)).toEqual([
      'auto+fuse-chains (chosen)',
      'task',
      'auto',
      'level',
    ]);
  });

  it('packs into --max-jobs jobs', async () => {
    const dir = repo();
    const r = cli(['generate', 'plans/health.yml', '--group', 'task', '--max-jobs', '2', '--stdout'], {
      cwd: dir,
    });
    expect(r.code).toBe(0);
    expect(listFiles(path.join(dir, '.github'))).toEqual([]);
    const { jobs } = parseWorkflow(r.stdout);
    expect(Object.keys(jobs).length).toBeLessThanOrEqual(3);
    expect(jobs.aggregate).toBeDefined();
    expect(r.stdout).toContain('--max-jobs 2');
    expect(await workflowFindings(r.stdout, 'packed.yml')).toEqual([]);
  });

  it('warns when a job may need more than the 6 hours a GitHub-hosted runner gives it', () => {
    const dir = repo();
    fs.writeFileSync(
      path.join(dir, 'plans/long.yml'),
      'version: 1\ntasks:\n  - {id: a, run: a, agent: shell, timeout: 2h, retries: 3}\n  - {id: b, run: b, agent: shell, timeout: 5m, runs-on: my-self-hosted}\n',
    );
    const r = cli(['generate', 'plans/long.yml', '--stdout'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning: job a (491 min) may need more than the 6 hours');
    expect(r.stderr).not.toContain('job b');
    const json = cli(['generate', 'plans/long.yml', '-o', 'long.yml', '--json'], { cwd: dir });
    expect((JSON.parse(json.stdout) as { warnings: string[] }).warnings).toHaveLength(1);
  });

  it('prints the estimates of every grouping', () => {
    const dir = repo();
    const r = cli(['generate', 'plans/health.yml', '--estimate', '-o', 'wf.yml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^grouping +jobs +legs +makespan +billed min$/m);
    expect(r.stdout).toMatch(/^auto \(chosen\) +3 +5 /m);
    for (const row of ['task', 'auto\\+fuse-chains', 'level'])
      expect(r.stdout).toMatch(new RegExp(`^${row} +\\d+`, 'm'));
    expect(fs.existsSync(path.join(dir, 'wf.yml'))).toBe(true);
  });

  it('exits 2 and writes nothing for a bad plan or bad options', () => {
    const dir = repo();
    fs.writeFileSync(path.join(dir, 'plans/bad.yml'), 'version: 1\ntasks:\n  - id: a\n    deps: [nope]\n');
    const bad = cli(['generate', 'plans/bad.yml'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('depends on unknown task');
    expect(bad.stderr).toContain('nothing was written');

    const cases: [string[], RegExp][] = [
      [['--action-ref', 'org/x@${{ github.ref }}'], /is not an action reference/],
      [['--on', 'pull_request_target'], /never pull_request_target/],
      [['--max-jobs', '0'], /--max-jobs to be a whole number from 1 and up/],
      [['--group', 'nope'], /Allowed choices are auto, task, level/],
      [['--stdout', '--check'], /does not go with --check/],
    ];
    for (const [args, message] of cases) {
      const r = cli(['generate', 'plans/health.yml', ...args], { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    const outside = tempDir();
    dirs.push(outside);
    fs.copyFileSync(path.join(dir, 'plans/health.yml'), path.join(outside, 'health.yml'));
    const r = cli(['generate', path.join(outside, 'health.yml')], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('must be inside the repository');
    expect(listFiles(path.join(dir, '.github'))).toEqual([]);
  });

  it('adds the pull_request trigger on request', () => {
    const dir = repo();
    const r = cli(['generate', 'plans/health.yml', '--on', 'pull_request', '--stdout'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\non:\n  workflow_dispatch:\n  pull_request:\n');
    expect(r.stdout).toContain('--on pull_request');
  });
});
