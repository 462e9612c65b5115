// Fault injection through the built CLI: the runner killed with SIGKILL mid-run, then --resume; and SIGINT.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readJournal } from '../../src/runner/journal.js';
import { CLI, cli, tempDir } from '../support/cli.js';
import { alive, waitFor } from '../support/run.js';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

// Each task counts its runs in runs/<id>, so a re-run shows.
const PLAN = `version: 1
defaults: {retries: 0}
tasks:
  - {id: a, run: 'echo x >> runs/a; echo a'}
  - {id: b, run: 'echo x >> runs/b; echo b', deps: [a]}
  - {id: c, run: 'echo x >> runs/c; echo c', deps: [a]}
  - {id: slow, run: 'echo x >> runs/slow; echo $$ > slow.pid; touch slow.started; sleep 30; echo slow', deps: [b, c]}
  - {id: last, run: 'echo x >> runs/last; echo last', deps: [slow]}
`;
const runs = (id: string): number => {
  try {
    return fs
      .readFileSync(path.join(dir, 'runs', id), 'utf8')
      .split('\n')
      .filter(Boolean).length;
  } catch {
    return 0;
  }
};

describe('crash and resume', () => {
  it('after SIGKILL mid-run, --resume finishes without re-running done tasks', async () => {
    fs.mkdirSync(path.join(dir, 'runs'));
    fs.writeFileSync(path.join(dir, 'plan.yml'), PLAN);
    const child = spawn(process.execPath, [CLI, 'run', 'plan.yml', '-j', '2', '--progress', 'lines'], {
      cwd: dir,
      stdio: 'ignore',
    });
    await waitFor(() => fs.existsSync(path.join(dir, 'slow.started')));
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    // The task runs in its own process group, which outlives the killed runner.
    const orphan = Number(fs.readFileSync(path.join(dir, 'slow.pid'), 'utf8'));
    expect(alive(orphan)).toBe(true);
    // Simulate a torn last line, as a crash mid-write leaves.
    fs.appendFileSync(path.join(dir, '.orchestrator/state/journal.jsonl'), '{"type":"task","id":"sl');
    fs.writeFileSync(path.join(dir, 'plan.yml'), PLAN.replace('sleep 30', 'sleep 0'));
    const resumed = cli(['run', 'plan.yml', '--resume', '--progress', 'lines'], { cwd: dir });
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    expect([runs('a'), runs('b'), runs('c')]).toEqual([1, 1, 1]);
    expect(runs('slow')).toBe(2);
    expect(runs('last')).toBe(1);
    expect(resumed.stdout).toMatch(/done a \(unchanged, kept from the last run\)/);
    // --resume stopped the dead run's task before running it again.
    expect(resumed.stdout).toContain('Stopped 1 task still running from a run that did not finish: slow');
    expect(alive(orphan)).toBe(false);
    const events = readJournal(path.join(dir, '.orchestrator/state/journal.jsonl'));
    expect(events.at(-1)).toMatchObject({ type: 'run-end', status: 'done' });
    expect(fs.readFileSync(path.join(dir, '.orchestrator/final_output.md'), 'utf8')).toContain('last');
  }, 60_000);

  it('--resume runs again a changed task and its dependents, until a result comes out the same', () => {
    fs.mkdirSync(path.join(dir, 'runs'));
    const plan = PLAN.replace('sleep 30', 'sleep 0');
    fs.writeFileSync(path.join(dir, 'plan.yml'), plan);
    expect(cli(['run', 'plan.yml', '--quiet'], { cwd: dir }).code).toBe(0);
    fs.writeFileSync(path.join(dir, 'plan.yml'), plan.replace("echo c'", "echo c-changed'"));
    expect(cli(['run', 'plan.yml', '--resume', '--quiet'], { cwd: dir }).code).toBe(0);
    // c changed, so did its result: slow runs again. slow's result is the same as before, so last is kept
    // (its inputs did not change): early cutoff, as content-addressed build tools do.
    expect([runs('a'), runs('b'), runs('c'), runs('slow'), runs('last')]).toEqual([1, 1, 2, 2, 1]);
  }, 60_000);
});

describe('SIGINT', () => {
  it('stops the children, records the state, exits 130', async () => {
    fs.writeFileSync(
      path.join(dir, 'plan.yml'),
      `version: 1\ntasks:\n  - {id: long, run: 'echo $$ > long.pid; sleep 60'}\n  - {id: next, run: 'true', deps: [long]}\n`,
    );
    const child = spawn(process.execPath, [CLI, 'run', 'plan.yml', '--progress', 'lines', '--grace', '1s'], {
      cwd: dir,
      stdio: 'pipe',
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    await waitFor(
      () =>
        fs.existsSync(path.join(dir, 'long.pid')) &&
        fs.readFileSync(path.join(dir, 'long.pid'), 'utf8').trim() !== '',
    );
    const pid = Number(fs.readFileSync(path.join(dir, 'long.pid'), 'utf8'));
    child.kill('SIGINT');
    const code = await new Promise((r) => child.on('exit', r));
    expect(code).toBe(130);
    expect(stderr).toContain('SIGINT: stopping the running tasks');
    expect(alive(pid)).toBe(false);
    const status = (id: string): unknown =>
      JSON.parse(fs.readFileSync(path.join(dir, '.orchestrator/outputs', id, 'status.json'), 'utf8'));
    expect(status('long')).toMatchObject({
      status: 'cancelled',
      error: 'cancelled: the run was interrupted',
    });
    expect(status('next')).toMatchObject({ status: 'cancelled' });
    expect(readJournal(path.join(dir, '.orchestrator/state/journal.jsonl')).at(-1)).toMatchObject({
      type: 'run-end',
      status: 'interrupted',
    });
  }, 30_000);
});
