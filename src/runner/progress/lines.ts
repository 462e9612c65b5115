/**
 * Without a terminal (a log file, CI): one line per status change, nothing redrawn.
 * `[ 3/12] ✅ done T-01 Audit the auth module (2.3s)`.
 */
import type { Writable } from 'node:stream';
import type { Plan } from '../../core/model.js';
import { plural } from '../../render/text.js';
import type { RunEvent } from '../run.js';
import { counter, finishedDetail, reapedLine, seconds, statusWord, taskLabel } from './format.js';
import type { Reporter } from './types.js';

export class LineReporter implements Reporter {
  private finished = 0;
  private total = 0;

  constructor(
    private readonly plan: Plan,
    private readonly out: Writable,
  ) {}

  onEvent(event: RunEvent): void {
    switch (event.type) {
      case 'start':
        this.total = event.total;
        this.out.write(
          `Running ${plural(this.total, 'task')}, ${event.concurrency} at a time (${event.schedule} order)\n`,
        );
        return;
      case 'running':
        this.out.write(
          `${counter(this.finished, this.total)} ${statusWord('running')} ${taskLabel(this.plan, event.index)}${event.attempt > 1 ? ` (attempt ${event.attempt})` : ''}\n`,
        );
        return;
      case 'progress':
        this.out.write(
          `${counter(this.finished, this.total)} ⋯ ${taskLabel(this.plan, event.index)}: ${event.text}\n`,
        );
        return;
      case 'retry':
        this.out.write(
          `${counter(this.finished, this.total)} 🔁 retry ${taskLabel(this.plan, event.index)}: attempt ${event.attempt} failed (${event.error}); next in ${seconds(event.delayMs)}\n`,
        );
        return;
      case 'finished': {
        this.finished++;
        const detail = finishedDetail(event, 'unchanged, kept from the last run');
        this.out.write(
          `${counter(this.finished, this.total)} ${statusWord(event.status)} ${taskLabel(this.plan, event.index)}${detail === '' ? '' : ` (${detail})`}\n`,
        );
        return;
      }
      case 'reaped':
        this.out.write(`${reapedLine(event.tasks)}\n`);
        return;
      case 'end':
        return;
    }
  }

  close(): void {}
}
