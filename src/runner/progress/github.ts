/**
 * Under GitHub Actions: one collapsible `::group::` per task with its whole log, printed when the task ends so
 * parallel tasks do not interleave. The log is task output, so workflow commands in it are switched off
 * (`::stop-commands::`) while it prints: a task cannot set outputs or masks by echoing `::`.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import type { Plan } from '../../core/model.js';
import { cleanText } from '../../render/text.js';
import type { RunEvent } from '../run.js';
import { counter, reapedLine, seconds, statusWord, taskLabel } from './format.js';
import type { Reporter } from './types.js';

/** Logs longer than this print their tail; the whole log is in the task's artifact. */
const MAX_LOG_BYTES = 512 * 1024;

export class GithubReporter implements Reporter {
  private finished = 0;
  private total = 0;

  constructor(
    private readonly plan: Plan,
    private readonly outputsDir: string,
    private readonly out: Writable,
  ) {}

  onEvent(event: RunEvent): void {
    if (event.type === 'start') this.total = event.total;
    if (event.type === 'reaped') this.out.write(`::warning::${reapedLine(event.tasks)}\n`);
    if (event.type !== 'finished') return;
    this.finished++;
    const { file } = event;
    const title = `${counter(this.finished, this.total)} ${statusWord(event.status)} ${taskLabel(this.plan, event.index)}${file.duration_ms !== null ? ` (${seconds(file.duration_ms)})` : ''}`;
    // Group titles are plan text: keep them to one line with nothing a runner would interpret.
    this.out.write(`::group::${cleanText(title).replace(/[\r\n]/g, ' ')}\n`);
    const token = randomBytes(16).toString('hex');
    this.out.write(`::stop-commands::${token}\n`);
    this.out.write(readLog(path.join(this.outputsDir, file.id, 'log.txt')));
    if (file.error !== null) this.out.write(`\n${file.error}\n`);
    this.out.write(`::${token}::\n::endgroup::\n`);
    if (event.status === 'failed') {
      const message = (file.error ?? 'failed')
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
      this.out.write(`::error title=${file.id} failed::${message}\n`);
    }
  }

  close(): void {}
}

function readLog(file: string): string {
  let text: string;
  try {
    const size = fs.statSync(file).size;
    const fd = fs.openSync(file, 'r');
    try {
      const length = Math.min(size, MAX_LOG_BYTES);
      const buffer = Buffer.alloc(length);
      fs.readSync(fd, buffer, 0, length, size - length);
      text =
        (size > length ? `[… ${size - length} bytes before this are in log.txt]\n` : '') +
        buffer.toString('utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return '(no log)\n';
  }
  return text.endsWith('\n') ? text : `${text}\n`;
}
