// runner/sweep.ts: the census of processes at a step's start and the kill of every process in scope that was not
// in it. The tests use the `run` scope (only processes carrying a run of this process in their environment), as
// every test must: the `user` scope would kill other test files' processes. The `user` scope is tested in a
// private PID namespace, where only the namespace's processes can be seen.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ProcessSweep, sweepScope } from '../../src/runner/sweep.js';
import { ROOT, tempDir } from '../support/cli.js';
import { alive, waitFor } from '../support/run.js';

const OURS = `20261207T000000-${process.pid}`;
const started: number[] = [];
afterEach(() => {
  for (const pid of started.splice(0)) if (alive(pid)) process.kill(pid, 'SIGKILL');
});

/**
 * `bash -c script` in a session of its own, its environment `env` alone, and no longer this process's child: as
 * a task's `setsid` leftover is once the task has ended.
 */
function detached(script: string, env: Record<string, string>): number {
  const r = spawnSync('bash', ['-c', 'setsid bash -c "$SCRIPT" </dev/null >/dev/null 2>&1 & echo $!'], {
    env: { PATH: process.env.PATH, ...env, SCRIPT: script },
    encoding: 'utf8',
  });
  const pid = Number(r.stdout.trim());
  started.push(pid);
  return pid;
}

describe('sweepScope', () => {
  it('is every new process of the user on a GitHub-hosted runner, this process’s runs elsewhere', () => {
    expect(sweepScope({ RUNNER_ENVIRONMENT: 'github-hosted' }, 7)).toEqual({ kind: 'user' });
    expect(sweepScope({ RUNNER_ENVIRONMENT: 'self-hosted' }, 7)).toEqual({ kind: 'run', runnerPid: 7 });
    expect(sweepScope({}, 7)).toEqual({ kind: 'run', runnerPid: 7 });
    expect(sweepScope({ RUNNER_ENVIRONMENT: 'github-hosted', ORCHESTRATOR_SWEEP: 'run' }, 7)).toEqual({
      kind: 'run',
      runnerPid: 7,
    });
    expect(sweepScope({ ORCHESTRATOR_SWEEP: 'user' }, 7)).toEqual({ kind: 'user' });
    expect(() => sweepScope({ ORCHESTRATOR_SWEEP: 'all' })).toThrow(
      'ORCHESTRATOR_SWEEP must be user (every new process of this user) or run (only this run\'s); got "all"',
    );
  });
});

describe('ProcessSweep (run scope)', () => {
  it('kills the new processes of this process’s runs, and only them', async () => {
    const before = detached('exec sleep 300', { ORCHESTRATOR_RUN_ID: OURS });
    await waitFor(() => fs.readFileSync(`/proc/${before}/cmdline`, 'latin1').startsWith('sleep'));
    const sweep = ProcessSweep.start({ kind: 'run', runnerPid: process.pid })!;
    const mine = detached('exec sleep 301', { ORCHESTRATOR_RUN_ID: OURS });
    const child = detached('sleep 302 & echo $! > /dev/null; wait', { ORCHESTRATOR_RUN_ID: OURS });
    const other = detached('exec sleep 303', { ORCHESTRATOR_RUN_ID: '20261207T000000-1' });
    const none = detached('exec sleep 304', {});
    await waitFor(() =>
      [mine, other, none].every((p) => fs.readFileSync(`/proc/${p}/cmdline`, 'latin1').startsWith('sleep')),
    );
    const result = await sweep.sweep();
    expect(alive(mine)).toBe(false);
    expect(alive(child)).toBe(false);
    // In the census, another run's, none's: left alone.
    expect(alive(before)).toBe(true);
    expect(alive(other)).toBe(true);
    expect(alive(none)).toBe(true);
    expect(result.survivors).toEqual([]);
    expect(result.killed).toEqual(expect.arrayContaining([`${mine} sleep`]));
  });

  it('outruns a process that forks in a loop: stopped first, then killed', async () => {
    const sweep = ProcessSweep.start({ kind: 'run', runnerPid: process.pid })!;
    const dir = tempDir();
    try {
      const count = path.join(dir, 'count');
      detached(`while :; do setsid sleep 300 </dev/null >/dev/null 2>&1 & echo >> '${count}'; done`, {
        ORCHESTRATOR_RUN_ID: OURS,
      });
      await waitFor(() => fs.existsSync(count) && fs.readFileSync(count, 'utf8').length > 20);
      const result = await sweep.sweep();
      expect(result.survivors).toEqual([]);
      expect(result.killed.length).toBeGreaterThan(10);
      // Nothing of it is left: no process carries the run any more.
      const left = fs
        .readdirSync('/proc')
        .filter((p) => /^\d+$/.test(p))
        .filter((p) => {
          try {
            return fs.readFileSync(`/proc/${p}/environ`, 'latin1').includes(`ORCHESTRATOR_RUN_ID=${OURS}`);
          } catch {
            return false;
          }
        })
        .filter((p) => alive(Number(p)));
      expect(left).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

// The whole user's scope, as on a GitHub-hosted runner, only where a private PID namespace can be made (root, or
// user namespaces): inside it the sweep sees the namespace's processes alone.
const namespaces =
  process.platform === 'linux' &&
  spawnSync('unshare', ['--pid', '--fork', '--mount-proc', 'true'], { stdio: 'ignore' }).status === 0;

describe.runIf(namespaces)('the task step on a GitHub-hosted runner (user scope, in a PID namespace)', () => {
  it('kills a leftover that cleared its environment, which the run scope would miss', () => {
    const dir = tempDir();
    try {
      fs.writeFileSync(
        path.join(dir, 'plan.yml'),
        `version: 1\ntasks:\n  - id: leave\n    retries: 0\n    run: |\n      env -i setsid sleep 300 </dev/null >/dev/null 2>&1 &\n      echo $! > left.pid\n      while [ "$(sed 's/.*) //' /proc/$(cat left.pid)/stat | cut -d' ' -f4)" != "$(cat left.pid)" ]; do sleep 0.01; done\n`,
      );
      fs.writeFileSync(path.join(dir, 'out'), '');
      fs.writeFileSync(path.join(dir, 'summary'), '');
      // The step's script, as the composite runs it: the action in the namespace, then a look for what is left.
      const script = `node ${JSON.stringify(path.join(ROOT, 'dist/action.js'))}; code=$?; if kill -0 "$(cat left.pid)" 2>/dev/null; then echo LEFT; fi; exit $code`;
      const r = spawnSync('unshare', ['--pid', '--fork', '--mount-proc', 'bash', '-c', script], {
        cwd: dir,
        encoding: 'utf8',
        env: {
          PATH: process.env.PATH,
          RUNNER_ENVIRONMENT: 'github-hosted',
          GITHUB_ACTIONS: 'true',
          GITHUB_OUTPUT: path.join(dir, 'out'),
          GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
          INPUT_MODE: 'task',
          INPUT_PLAN: 'plan.yml',
          INPUT_TASK: 'leave',
        },
      });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/::warning::killed 1 process the tasks left running: \d+ sleep/);
      expect(r.stdout).not.toContain('LEFT');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
