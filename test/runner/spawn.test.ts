/**
 * runProcess through every way of starting a process: the Python launcher (launcher.py, posix_spawn, the default
 * on Linux for processes without stdin), the perl launcher (launcher.pl, fork) and Node's own spawn
 * (ORCHESTRATOR_LAUNCHER=node, and every process that takes stdin). All must give the same results: output tails, the interleaved log, exit codes and signals, start failures, and
 * timeouts that stop the whole process group.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { processLauncher } from '../../src/runner/launcher.js';
import { runProcess, type SpawnRequest, type SpawnResult } from '../../src/runner/spawn.js';
import { tempDir } from '../support/cli.js';
import { alive, waitFor } from '../support/run.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function dir(): string {
  const d = tempDir();
  dirs.push(d);
  return d;
}

describe.each([
  ['the Python launcher', 'python'],
  ['the perl launcher', 'perl'],
  ["Node's spawn", 'node'],
])('runProcess through %s', (_, launcher) => {
  const run = (
    argv: string[],
    extra: Partial<SpawnRequest> = {},
  ): Promise<SpawnResult & { log: string; cwd: string }> => {
    const cwd = dir();
    const logPath = path.join(cwd, 'log.txt');
    const { O_WRONLY, O_CREAT, O_TRUNC, O_APPEND } = fs.constants;
    const fd = fs.openSync(logPath, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND);
    fs.writeSync(fd, '[header]\n');
    return runProcess({
      argv,
      cwd,
      env: { ...process.env, ORCHESTRATOR_LAUNCHER: launcher },
      timeoutMs: null,
      graceMs: 200,
      log: { fd, path: logPath },
      captureBytes: 1024,
      ...extra,
    }).then((result) => {
      fs.closeSync(fd);
      return { ...result, log: fs.readFileSync(logPath, 'utf8'), cwd };
    });
  };

  it('keeps stdout and stderr apart and the log interleaved, after the header', async () => {
    const r = await run([
      'bash',
      '-c',
      'echo out1; sleep 0.05; echo err1 >&2; sleep 0.05; echo out2; exit 3',
    ]);
    expect(r.exitCode).toBe(3);
    expect(r.signal).toBeNull();
    expect(r.stdout).toBe('out1\nout2\n');
    expect(r.stderr).toBe('err1\n');
    expect(r.log).toBe('[header]\nout1\nerr1\nout2\n');
    expect(r.spawnError).toBeNull();
  });

  it('runs in the given folder with exactly the given environment', async () => {
    const r = await run(['bash', '-c', 'pwd; echo "${ONLY_HERE-unset}"; echo "${ORCHESTRATOR_LAUNCHER}"'], {
      env: { PATH: process.env.PATH, ONLY_HERE: 'a b\nc=d', ORCHESTRATOR_LAUNCHER: launcher },
    });
    expect(r.stdout).toBe(`${fs.realpathSync(r.cwd)}\na b\nc=d\n${launcher}\n`);
    // The next process must not inherit ONLY_HERE from the last one's environment.
    const next = await run(['bash', '-c', 'echo "${ONLY_HERE-unset}"']);
    expect(next.stdout).toBe('unset\n');
    // Nor keep the last one's value of a variable they both have.
    const changed = await run(['bash', '-c', 'echo "$ONLY_HERE"'], {
      env: { ...process.env, ONLY_HERE: 'changed', ORCHESTRATOR_LAUNCHER: launcher },
    });
    expect(changed.stdout).toBe('changed\n');
  });

  it('is started by that launcher, with the signals a process expects at their defaults', async () => {
    const parent = { python: 'python3', perl: 'perl', node: 'node' }[launcher]!;
    // /proc: Linux only, where the Python launcher is the default.
    if (!fs.existsSync('/proc/self/comm')) return;
    const r = await run(['bash', '-c', 'cat /proc/$PPID/comm; kill -INT $$; echo survived']);
    expect(r.stdout).toBe(`${parent}\n`);
    // The launchers ignore SIGINT (Ctrl-C is for the runner); their processes must not inherit that.
    expect(r.signal).toBe('SIGINT');
  });

  it("finds the program in the process's own PATH, not the runner's", async () => {
    const bin = dir();
    fs.writeFileSync(path.join(bin, 'only-on-this-path'), '#!/bin/sh\necho "found $1"\n', { mode: 0o755 });
    const r = await run(['only-on-this-path', 'it'], {
      env: { PATH: `${bin}:${process.env.PATH ?? ''}`, ORCHESTRATOR_LAUNCHER: launcher },
    });
    expect(r.spawnError).toBeNull();
    expect(r.stdout).toBe('found it\n');
  });

  it('reports a folder that does not exist as a start failure', async () => {
    const r = await run(['bash', '-c', 'true'], { cwd: path.join(dir(), 'gone') });
    expect(r.spawnError).toMatch(/ENOENT/);
  });

  it('sends the shared environment once, then only what differs from one process to the next', async () => {
    const helper = processLauncher({ ORCHESTRATOR_LAUNCHER: launcher });
    if (helper === undefined) return; // Node's spawn: nothing is sent
    const before = helper.basesSent;
    for (let i = 0; i < 5; i++) {
      const r = await run(['bash', '-c', 'echo "$TASK_NUMBER"'], {
        env: { ...process.env, TASK_NUMBER: String(i), ORCHESTRATOR_LAUNCHER: launcher },
      });
      expect(r.stdout).toBe(`${i}\n`);
    }
    expect(helper.basesSent - before).toBeLessThanOrEqual(1);
  });

  it('keeps the tail of a large output and says it was truncated; the log keeps everything', async () => {
    const r = await run(['bash', '-c', 'for i in $(seq 1 2000); do echo "line $i"; done']);
    expect(r.truncated).toBe(true);
    expect(r.stdout.length).toBeLessThanOrEqual(1024);
    expect(r.stdout.endsWith('line 2000\n')).toBe(true);
    expect(r.log).toContain('line 1\n');
    expect(r.log.endsWith('line 2000\n')).toBe(true);
  });

  it('reports the signal that ended the process', async () => {
    const r = await run(['bash', '-c', 'kill -TERM $$']);
    expect(r.exitCode).toBeNull();
    expect(r.signal).toBe('SIGTERM');
  });

  it('reports a program that cannot start, with its errno', async () => {
    const r = await run(['no-such-program-orchestrator', 'x']);
    expect(r.spawnError).toMatch(/ENOENT/);
    expect(r.exitCode === null || r.exitCode < 0 || r.exitCode === 127).toBe(true);
  });

  it('stops the whole process group at the timeout, grandchildren included', async () => {
    const cwd = dir();
    const pidFile = path.join(cwd, 'grandchild.pid');
    const started = performance.now();
    const r = await run(['bash', '-c', `sleep 30 & echo $! > ${pidFile}; wait`], { timeoutMs: 300 });
    expect(r.timedOut).toBe(true);
    expect(performance.now() - started).toBeLessThan(5_000);
    const grandchild = Number(fs.readFileSync(pidFile, 'utf8'));
    await waitFor(() => !alive(grandchild), 3_000);
  });

  it('ends when the process exits even if a background job it left holds the pipes', async () => {
    const cwd = dir();
    const pidFile = path.join(cwd, 'bg.pid');
    const started = performance.now();
    const r = await run(['bash', '-c', `(sleep 30; echo late) & echo $! > ${pidFile}; echo done`]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('done\n');
    expect(performance.now() - started).toBeLessThan(5_000);
    await waitFor(() => !alive(Number(fs.readFileSync(pidFile, 'utf8'))), 3_000);
  });

  it('an abort stops the process, also one aborted before it started', async () => {
    const controller = new AbortController();
    const pending = run(['sleep', '30'], { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const r = await pending;
    expect(r.aborted).toBe(true);
    const early = new AbortController();
    early.abort();
    const r2 = await run(['sleep', '30'], { signal: early.signal });
    expect(r2.aborted).toBe(true);
  });

  it('runs many processes at once and tells each its own result', async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        run(['bash', '-c', `echo ${i}; echo e${i} >&2; exit $((${i} % 7))`]),
      ),
    );
    results.forEach((r, i) => {
      expect(r.stdout).toBe(`${i}\n`);
      expect(r.stderr).toBe(`e${i}\n`);
      expect(r.exitCode).toBe(i % 7);
    });
  });
});

it('a process that takes stdin starts through Node and gets its input', async () => {
  const cwd = dir();
  const r = await runProcess({
    argv: ['cat'],
    stdin: 'hello\n',
    cwd,
    env: process.env,
    timeoutMs: null,
    graceMs: 200,
    log: null,
    captureBytes: 1024,
  });
  expect(r.stdout).toBe('hello\n');
  expect(r.exitCode).toBe(0);
});

describe('a watched process (onLine)', () => {
  const watched = (argv: string[], onLine: SpawnRequest['onLine']): Promise<SpawnResult> =>
    runProcess({
      argv,
      stdin: '',
      cwd: dir(),
      env: { ...process.env, ORCHESTRATOR_LAUNCHER: 'python' },
      timeoutMs: null,
      graceMs: 200,
      log: null,
      captureBytes: 1024,
      onLine,
    });

  it('gets every line of both streams as it comes, split across chunks, the last one without its newline', async () => {
    const seen: string[] = [];
    const script =
      'printf "a\\r\\nb"; sleep 0.1; printf "c\\nd"; echo e >&2; printf "é" | head -c 1; printf "\\xa9\\nlast"';
    const r = await watched(['bash', '-c', script], (line, stream) => {
      seen.push(`${stream}:${line}`);
      return false;
    });
    expect(r.exitCode).toBe(0);
    expect(r.stopped).toBe(false);
    expect(seen.filter((l) => l.startsWith('stdout:'))).toEqual([
      'stdout:a',
      'stdout:bc',
      'stdout:dé',
      'stdout:last',
    ]);
    expect(seen).toContain('stderr:e');
  });

  it('stops the process tree when the watcher asks, and says so', async () => {
    const cwd = dir();
    const marker = path.join(cwd, 'child.pid');
    const script = `sleep 600 & echo $! > ${marker}; echo "waiting for network"; wait`;
    const r = await runProcess({
      argv: ['bash', '-c', script],
      stdin: '',
      cwd,
      env: process.env,
      timeoutMs: null,
      graceMs: 200,
      log: null,
      captureBytes: 1024,
      onLine: (line) => line === 'waiting for network',
    });
    expect(r.stopped).toBe(true);
    expect(r.timedOut).toBe(false);
    expect(r.signal).toBe('SIGTERM');
    const child = Number(fs.readFileSync(marker, 'utf8'));
    await waitFor(() => !alive(child));
  });

  it('skips a line too long to be an event rather than holding it', async () => {
    const seen: number[] = [];
    const r = await watched(
      ['bash', '-c', 'head -c 2000000 /dev/zero | tr "\\0" x; echo; echo short'],
      (line) => {
        seen.push(line.length);
        return false;
      },
    );
    expect(r.exitCode).toBe(0);
    expect(seen).toEqual([5]);
  });
});
