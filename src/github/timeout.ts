/**
 * A job's `timeout-minutes`: long enough for every attempt of its tasks and the waits between them, so GitHub
 * never kills a job the runner inside it would still have retried; short enough that a hung job does not hold
 * a runner for GitHub's default of six hours.
 */
import type { Task } from '../core/model.js';
import type { JobKind } from './jobs.js';

/** Checkout, artifact downloads, installing an agent CLI, the upload, and the stop grace of each attempt. */
export const JOB_MARGIN_MINUTES = 10;
/** The longest a job may run anywhere (self-hosted runners: 5 days); beyond it the number means nothing. */
export const MAX_TIMEOUT_MINUTES = 7_200;

/**
 * The longest one task can take: every attempt to its timeout, plus the longest wait before each retry
 * (full jitter waits at most min(max, initial * factor^k) before retry k).
 */
export function taskBudgetMs(task: Task): number {
  const { initialMs, factor, maxMs } = task.backoff;
  let waits = 0;
  for (let k = 0; k < task.retries; k++) waits += Math.min(maxMs, initialMs * factor ** k);
  return task.timeoutMs * (task.retries + 1) + waits;
}

/**
 * A matrix leg runs one task, so the matrix needs its longest; a sequence runs its tasks one after another in
 * the worst case (the runner may overlap independent ones), so it needs their sum.
 */
export function jobTimeoutMinutes(kind: JobKind, tasks: readonly Task[]): number {
  let ms = 0;
  for (const task of tasks) {
    const budget = taskBudgetMs(task);
    ms = kind === 'matrix' ? Math.max(ms, budget) : ms + budget;
  }
  return Math.min(MAX_TIMEOUT_MINUTES, Math.ceil(ms / 60_000) + JOB_MARGIN_MINUTES);
}
