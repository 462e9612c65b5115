/** Task statuses and how they show: the seed's marks, plus Skipped and Cancelled. */
import type { Plan } from '../core/model.js';

export const TASK_STATUSES = [
  'pending',
  'waiting',
  'running',
  'done',
  'failed',
  'skipped',
  'cancelled',
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

const MARKS: Record<TaskStatus, string> = {
  pending: '🟡',
  waiting: '⏸️',
  running: '🔵',
  done: '✅',
  failed: '❌',
  skipped: '⏭️',
  cancelled: '🚫',
};

const LABELS: Record<TaskStatus, string> = {
  pending: 'Pending',
  waiting: 'Waiting',
  running: 'Running',
  done: 'Done',
  failed: 'Failed',
  skipped: 'Skipped',
  cancelled: 'Cancelled',
};

/** The emoji alone, as in the seed's Status column: `🟡`. */
export function statusMark(status: TaskStatus): string {
  return MARKS[status];
}

/** The word: `Pending`. */
export function statusLabel(status: TaskStatus): string {
  return LABELS[status];
}

/** The legend, in the seed's order with the two added marks after it. */
export const STATUS_LEGEND = (
  ['pending', 'running', 'done', 'failed', 'waiting', 'skipped', 'cancelled'] as const
)
  .map((s) => `${MARKS[s]} ${LABELS[s]}`)
  .join(' · ');

/** Before a run: tasks without deps can start (pending), the others wait for theirs. */
export function initialStatuses(plan: Plan): TaskStatus[] {
  return plan.tasks.map((t) => (t.deps.length === 0 ? 'pending' : 'waiting'));
}
