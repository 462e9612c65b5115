/**
 * Running part of a plan: the GitHub task job (docs/github.md, "The job contract") and `orchestrator task`. The
 * tasks outside the part are not run here; they ran in other jobs, and what they left in `outputs/<id>/`
 * (downloaded artifacts) says whether a task of the part may run:
 *
 * | the dep's status.json                        | the task of the part                                  |
 * |----------------------------------------------|-------------------------------------------------------|
 * | done                                         | runs                                                  |
 * | failed, its `on-failure: continue`           | runs, told the input is missing (ORCHESTRATOR_MISSING_DEPS) |
 * | failed (`skip-dependents`), or skipped       | skipped; the job does not fail on that account        |
 * | cancelled, absent, unusable                  | skipped, and the job fails                            |
 *
 * And any task outside the part that failed under `fail-fast` (a dep or not) stops the run: every task of the
 * part is cancelled and the job fails (stoppedByFailFast).
 *
 * Why some skips fail the job: a skip-dependents failure already failed its own job, and a skip only carries it
 * on, as the local runner does (a skipped task does not fail a run by itself). A fail-fast failure or a
 * cancellation means the whole run is being stopped: failing keeps stopping it (GitHub skips what needs this
 * job, and its cancel step runs) where the cancellation did not land in time. A dep with no usable status.json
 * never delivered its input and nothing says why: that is a failure to see, not a quiet skip.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Analysis } from '../core/analyze.js';
import type { Plan } from '../core/model.js';
import { checkStatusFile } from '../report/status-file.js';
import type { FinalStatus } from './status.js';

/** What a task outside the part means for the tasks of the part that depend on it. */
export type OutsideEffect =
  | { kind: 'satisfied' }
  /** Failed under `on-failure: continue`: dependents run without its input. */
  | { kind: 'missing' }
  /** Dependents do not run: they are recorded as skipped, with `reason`. */
  | { kind: 'blocking'; reason: string; failsJob: boolean };

export interface OutsideTask {
  /** The status its status.json records; null when there is none that can be used. */
  status: FinalStatus | null;
  effect: OutsideEffect;
}

/** status.json is a few hundred bytes; a file far larger is not one. */
const MAX_STATUS_BYTES = 1024 * 1024;

/**
 * The state of every task outside `only` that a task of `only` depends on, read from `outputsDir`; keyed by
 * task index. Tasks outside the part that nothing in it depends on are not read.
 */
export function readOutsideDeps(
  plan: Plan,
  analysis: Analysis,
  only: ReadonlySet<number>,
  outputsDir: string,
): Map<number, OutsideTask> {
  const { graph } = analysis;
  const outside = new Map<number, OutsideTask>();
  for (const i of only) {
    for (let k = graph.predStart[i]!; k < graph.predStart[i + 1]!; k++) {
      const d = graph.pred[k]!;
      if (only.has(d) || outside.has(d)) continue;
      outside.set(d, outsideTask(plan, d, outputsDir));
    }
  }
  return outside;
}

function outsideTask(plan: Plan, index: number, outputsDir: string): OutsideTask {
  const task = plan.tasks[index]!;
  const read = readStatus(path.join(outputsDir, task.id, 'status.json'), task.id);
  if (!read.ok) {
    return {
      status: null,
      effect: { kind: 'blocking', reason: `skipped: ${task.id} ${read.why}`, failsJob: true },
    };
  }
  const status = read.status;
  switch (status) {
    case 'done':
      return { status, effect: { kind: 'satisfied' } };
    case 'failed':
      if (task.onFailure === 'continue') return { status, effect: { kind: 'missing' } };
      return {
        status,
        effect: {
          kind: 'blocking',
          reason: `skipped: ${task.id} failed (on-failure: ${task.onFailure})`,
          failsJob: task.onFailure === 'fail-fast',
        },
      };
    case 'skipped':
      return {
        status,
        effect: { kind: 'blocking', reason: `skipped: ${task.id} was skipped`, failsJob: false },
      };
    case 'cancelled':
      return {
        status,
        effect: { kind: 'blocking', reason: `skipped: ${task.id} was cancelled`, failsJob: true },
      };
  }
}

type StatusRead = { ok: true; status: FinalStatus } | { ok: false; why: string };

function readStatus(file: string, id: string): StatusRead {
  const where = `outputs/${id}/status.json`;
  let text: string;
  try {
    const stat = fs.lstatSync(file);
    if (!stat.isFile())
      return { ok: false, why: `left no usable status.json (${where} is not a regular file)` };
    if (stat.size > MAX_STATUS_BYTES)
      return { ok: false, why: `left no usable status.json (${where} is too big)` };
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return {
        ok: false,
        why: `did not run or its artifact was not downloaded (no ${where})`,
      };
    }
    return { ok: false, why: `left no usable status.json (${where}: ${(error as Error).message})` };
  }
  const checked = checkStatusFile(text, id);
  if (!checked.ok) return { ok: false, why: `left no usable status.json (${checked.note})` };
  return { ok: true, status: checked.file.status };
}

/**
 * The reason a task of the part may not run, from its deps outside the part (null when it may): the first
 * blocking dep, the job failing when any blocking dep fails it.
 */
export function blockedBy(
  index: number,
  outside: ReadonlyMap<number, OutsideTask>,
  analysis: Analysis,
): { reason: string; failsJob: boolean } | null {
  const { graph } = analysis;
  let first: string | null = null;
  let count = 0;
  let failsJob = false;
  for (let k = graph.predStart[index]!; k < graph.predStart[index + 1]!; k++) {
    const effect = outside.get(graph.pred[k]!)?.effect;
    if (effect?.kind !== 'blocking') continue;
    first ??= effect.reason;
    count++;
    failsJob ||= effect.failsJob;
  }
  if (first === null) return null;
  return {
    reason: count > 1 ? `${first} (and ${count - 1} more of its deps did not succeed)` : first,
    failsJob,
  };
}

/**
 * The reason the whole run is stopped, when a task outside the part failed under `on-failure: fail-fast`
 * (whether or not the part depends on it); null otherwise. A dynamic run's wave downloads every earlier task's
 * artifact, so this is how its later waves honour fail-fast ("nothing new starts") without a token that may
 * cancel the run. A static job downloads only its deps' artifacts, and those jobs are skipped by GitHub anyway.
 */
export function stoppedByFailFast(plan: Plan, only: ReadonlySet<number>, outputsDir: string): string | null {
  let entries: string[];
  try {
    entries = fs.readdirSync(outputsDir);
  } catch {
    return null;
  }
  const index = new Map(plan.tasks.map((t, i) => [t.id, i]));
  for (const id of entries.sort()) {
    const i = index.get(id);
    if (i === undefined || only.has(i) || plan.tasks[i]!.onFailure !== 'fail-fast') continue;
    const read = readStatus(path.join(outputsDir, id, 'status.json'), id);
    if (read.ok && read.status === 'failed') return `cancelled: ${id} failed (on-failure: fail-fast)`;
  }
  return null;
}
