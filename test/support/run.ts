import fs from 'node:fs';
import path from 'node:path';
import { analyze } from '../../src/core/analyze.js';
import type { Plan } from '../../src/core/model.js';
import { runPlan, type RunEvent, type RunOptions, type RunResult } from '../../src/runner/run.js';
import type { TaskStatusFile } from '../../src/runner/status.js';
import { ROOT } from './cli.js';
import { load } from './plans.js';

export const FAKE_BIN = path.join(ROOT, 'test/fixtures/bin');

/** Runs plan text in `dir` (tasks run there, the workspace is dir/.orchestrator). */
export async function runText(
  text: string,
  dir: string,
  options: Partial<RunOptions> = {},
): Promise<RunResult & { plan: Plan; events: RunEvent[]; task: (id: string) => TaskStatusFile }> {
  const plan = load(text);
  const events: RunEvent[] = [];
  const result = await runPlan(plan, analyze(plan), {
    root: path.join(dir, '.orchestrator'),
    cwd: dir,
    concurrency: 2,
    schedule: 'critical-path',
    resume: false,
    env: { ...process.env, PATH: `${FAKE_BIN}:${process.env.PATH}` },
    graceMs: 300,
    random: () => 0.5,
    masterPlanIntervalMs: 20,
    ...options,
    onEvent: (e) => {
      events.push(e);
      options.onEvent?.(e);
    },
  });
  const task = (id: string): TaskStatusFile =>
    JSON.parse(
      fs.readFileSync(path.join(dir, '.orchestrator/outputs', id, 'status.json'), 'utf8'),
    ) as TaskStatusFile;
  return { ...result, plan, events, task };
}

/** True while a process with this pid runs (a zombie, killed but not yet reaped, counts as gone). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // /proc/<pid>/stat: "pid (comm) state ..."; the state follows the last ')'.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return true;
  }
}

export async function waitFor(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
