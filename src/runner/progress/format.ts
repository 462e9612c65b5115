/** Pieces every reporter shares. */
import { humanDuration } from '../../core/duration.js';
import type { Plan } from '../../core/model.js';
import { statusLabel, statusMark, type TaskStatus } from '../../render/status.js';
import { oneLine, truncate } from '../../render/text.js';

export function taskLabel(plan: Plan, index: number, max = 60): string {
  const task = plan.tasks[index]!;
  return truncate(oneLine(task.title === task.id ? task.id : `${task.id} ${task.title}`), max);
}

export function statusWord(status: TaskStatus): string {
  return `${statusMark(status)} ${statusLabel(status).toLowerCase()}`;
}

export function counter(done: number, total: number): string {
  const width = String(total).length;
  return `[${String(done).padStart(width)}/${total}]`;
}

export function seconds(ms: number): string {
  return ms < 60_000 ? `${(ms / 1000).toFixed(1)}s` : humanDuration(ms);
}
