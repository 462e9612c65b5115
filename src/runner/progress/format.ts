/** Pieces every reporter shares. */
import { humanDuration } from '../../core/duration.js';
import type { Plan } from '../../core/model.js';
import { statusLabel, statusMark, type TaskStatus } from '../../render/status.js';
import { oneLine, truncate } from '../../render/text.js';
import type { RunEvent } from '../run.js';

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

/** Tasks of a run that died, found still running and stopped before this one started. */
export function reapedLine(ids: readonly string[]): string {
  const shown = ids.length > 5 ? `${ids.slice(0, 5).join(', ')} and ${ids.length - 5} more` : ids.join(', ');
  return `Stopped ${ids.length} task${ids.length === 1 ? '' : 's'} still running from a run that did not finish: ${shown}`;
}

/** What follows a finished task's line: its duration and error, or that it was kept from the last run. */
export function finishedDetail(event: Extract<RunEvent, { type: 'finished' }>, reused: string): string {
  if (event.reused) return reused;
  const { file } = event;
  return [file.duration_ms !== null ? seconds(file.duration_ms) : null, file.error]
    .filter((x) => x !== null)
    .join(', ');
}

export function seconds(ms: number): string {
  return ms < 60_000 ? `${(ms / 1000).toFixed(1)}s` : humanDuration(ms);
}
