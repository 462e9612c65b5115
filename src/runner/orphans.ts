/**
 * A runner killed outright (SIGKILL, a lost machine) cannot stop its tasks: each runs in its own process group,
 * which outlives it. The journal records every task process's group; `run --resume` stops those of runs that
 * never recorded their end, before it starts anything, so two copies of a task never run at once.
 *
 * A process id can be reused, so a group is only stopped when its leader is still that run's task: on Linux its
 * environment says `ORCHESTRATOR_RUN_ID=<that run>`. Where /proc is missing the groups are left alone.
 */
import fs from 'node:fs';
import type { JournalEvent } from './status.js';

/** Stops the task process groups left by runs that died; returns the ids of the tasks stopped. */
export async function reapOrphans(events: readonly JournalEvent[], graceMs: number): Promise<string[]> {
  const ended = new Set(events.flatMap((e) => (e.type === 'run-end' ? [e.run] : [])));
  const groups = new Map<number, { run: string; id: string }>();
  for (const event of events) {
    if (event.type === 'process' && !ended.has(event.run))
      groups.set(event.pgid, { run: event.run, id: event.id });
  }
  const stopped: { pgid: number; id: string }[] = [];
  for (const [pgid, { run, id }] of groups) {
    if (!belongsTo(pgid, run)) continue;
    signalGroup(pgid, 'SIGTERM');
    stopped.push({ pgid, id });
  }
  if (stopped.length === 0) return [];
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && stopped.some(({ pgid }) => groupExists(pgid))) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  for (const { pgid } of stopped) signalGroup(pgid, 'SIGKILL');
  return stopped.map((s) => s.id);
}

/** Whether process `pid` (a group leader) is a task process of run `run`. */
function belongsTo(pid: number, run: string): boolean {
  try {
    return fs
      .readFileSync(`/proc/${pid}/environ`, 'latin1')
      .split('\0')
      .includes(`ORCHESTRATOR_RUN_ID=${run}`);
  } catch {
    return false;
  }
}

function groupExists(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // Gone already.
  }
}
