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

/** GitHub-hosted runners stop a job after 6 hours, whatever its timeout-minutes says. */
export const HOSTED_JOB_LIMIT_MINUTES = 360;
const HOSTED_LABEL = /^(?:ubuntu|windows|macos)-/;

/**
 * The jobs that may need more than a GitHub-hosted runner gives (their timeout-minutes, from the tasks'
 * timeouts and retries, is over 6 hours), as one warning for `generate` (empty when there are none).
 */
export function hostedLimitWarnings(
  jobs: readonly { id: string; kind: JobKind; tasks: readonly Task[] }[],
): string[] {
  const over: { id: string; minutes: number }[] = [];
  for (const job of jobs) {
    const runsOn = job.tasks[0]?.runsOn ?? [];
    if (!runsOn.some((label) => HOSTED_LABEL.test(label))) continue;
    const minutes = jobTimeoutMinutes(job.kind, job.tasks);
    if (minutes > HOSTED_JOB_LIMIT_MINUTES) over.push({ id: job.id, minutes });
  }
  if (over.length === 0) return [];
  over.sort((a, b) => b.minutes - a.minutes || (a.id < b.id ? -1 : 1));
  const named = over
    .slice(0, 3)
    .map((j) => `${j.id} (${j.minutes} min)`)
    .join(', ');
  const more = over.length > 3 ? ` and ${over.length - 3} more` : '';
  const which = over.length === 1 ? `job ${named} may need` : `${over.length} jobs may need`;
  const list = over.length === 1 ? '' : ` (${named}${more})`;
  return [
    `${which} more than the 6 hours a GitHub-hosted runner gives a job, counting every attempt of its ` +
      `tasks to their timeouts${list}: lower the timeouts or retries, split the work (without --fuse-chains, ` +
      `or a larger --max-jobs), or run it on a self-hosted runner`,
  ];
}
