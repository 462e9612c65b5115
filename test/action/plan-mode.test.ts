// The action's `plan` mode through its real interface: INPUT_* variables, GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY files, the bundled dist/action.js run as GitHub runs it.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../support/cli.js';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function runAction(inputs: Record<string, string>): {
  code: number | null;
  stdout: string;
  output: string;
  summary: string;
} {
  const output = path.join(dir, 'github_output');
  const summary = path.join(dir, 'step_summary');
  fs.writeFileSync(output, '');
  fs.writeFileSync(summary, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const result = spawnSync(process.execPath, [path.join(ROOT, 'dist/action.js')], {
    cwd: dir,
    env,
    encoding: 'utf8',
  });
  return {
    code: result.status,
    stdout: result.stdout,
    output: fs.readFileSync(output, 'utf8'),
    summary: fs.readFileSync(summary, 'utf8'),
  };
}

describe('action: plan mode', () => {
  it('writes .orchestrator/, sets outputs and publishes the master plan as the job summary', () => {
    fs.copyFileSync(path.join(ROOT, 'examples/repo-health.yml'), path.join(dir, 'plan.yml'));
    const { code, output, summary } = runAction({ plan: 'plan.yml' });
    expect(code).toBe(0);
    expect(output).toMatch(/^tasks<<ghadelimiter_[\w-]+\n5\n/m);
    expect(output).toMatch(/^batches<<ghadelimiter_[\w-]+\n3\n/m);
    expect(summary).toContain('| ID | Task | Deps | Status |');
    expect(fs.existsSync(path.join(dir, '.orchestrator/agent_tasks/agent-05.md'))).toBe(true);
  });
  it('outputs the sha256 of the plan file read, and shows it with everything that will run', () => {
    fs.copyFileSync(path.join(ROOT, 'examples/repo-health.yml'), path.join(dir, 'plan.yml'));
    const sha256 = crypto
      .createHash('sha256')
      .update(fs.readFileSync(path.join(dir, 'plan.yml')))
      .digest('hex');
    // A folder names the plan file in it: the digest is that file's.
    for (const plan of ['plan.yml', '.']) {
      const { code, output, summary } = runAction({ plan });
      expect(code, plan).toBe(0);
      expect(output, plan).toMatch(new RegExp(`^sha256<<ghadelimiter_[\\w-]+\n${sha256}\n`, 'm'));
      expect(summary, plan).toContain(`**sha256:** \`${sha256}\``);
      expect(summary, plan).toContain('## What will run');
      expect(summary, plan).toMatch(
        /\*\*Command\*\* \(`run:`, with `bash -c` under `set -euo pipefail`\):\n\n```sh\n/,
      );
      expect(summary, plan).toContain('## Estimate on GitHub Actions');
    }
  });
  it('annotates each finding at its file and line, and fails', () => {
    fs.writeFileSync(path.join(dir, 'plan.yml'), 'version: 1\ntasks:\n  - {id: A, run: a, deps: [Z]}\n');
    const { code, stdout } = runAction({ plan: 'plan.yml' });
    expect(code).toBe(1);
    expect(stdout).toContain(
      '::error title=unknown-dep,file=plan.yml,line=3,col=28::task "A" depends on unknown task "Z"',
    );
    expect(stdout).toContain('::warning title=too-few-tasks,file=plan.yml,line=2,col=1::');
    expect(fs.existsSync(path.join(dir, '.orchestrator'))).toBe(false);
  });
  it('names the input and the accepted values for a bad mode', () => {
    const { code, stdout } = runAction({ plan: 'plan.yml', mode: 'deploy' });
    expect(code).toBe(1);
    expect(stdout).toContain(
      '::error::input `mode` must be one of plan, task, aggregate, decompose; got "deploy"',
    );
  });
});
