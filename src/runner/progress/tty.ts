/**
 * On a terminal: finished tasks scroll by as lines, and below them a live block redrawn ten times a second:
 * counts per status, a progress bar, and each running task with its elapsed time.
 */
import type { Writable } from 'node:stream';
import type { Plan } from '../../core/model.js';
import type { Style } from '../../cli/terminal.js';
import type { RunEvent } from '../run.js';
import { counter, finishedDetail, reapedLine, seconds, statusWord, taskLabel } from './format.js';
import type { Reporter } from './types.js';

const REDRAW_MS = 100;
/** Running tasks listed in the live block; the rest are counted. */
const MAX_RUNNING_SHOWN = 8;

export class TtyReporter implements Reporter {
  private total = 0;
  private readonly counts = { done: 0, failed: 0, skipped: 0, cancelled: 0 };
  private readonly running = new Map<number, { since: number; attempt: number; doing?: string }>();
  private readonly retrying = new Set<number>();
  private drawn = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly started = performance.now();

  constructor(
    private readonly plan: Plan,
    private readonly out: Writable & { columns?: number },
    private readonly style: Style,
  ) {}

  onEvent(event: RunEvent): void {
    switch (event.type) {
      case 'start':
        this.total = event.total;
        this.out.write('\u001b[?25l'); // hide the cursor while the block is redrawn
        this.timer = setInterval(() => this.draw(), REDRAW_MS);
        this.timer.unref();
        break;
      case 'running':
        this.retrying.delete(event.index);
        this.running.set(event.index, { since: performance.now(), attempt: event.attempt });
        break;
      case 'progress': {
        const entry = this.running.get(event.index);
        if (entry !== undefined) entry.doing = event.text;
        break;
      }
      case 'retry':
        this.running.delete(event.index);
        this.retrying.add(event.index);
        this.print(
          `🔁 ${taskLabel(this.plan, event.index)}: attempt ${event.attempt} failed (${event.error}); retrying in ${seconds(event.delayMs)}`,
        );
        break;
      case 'finished': {
        this.running.delete(event.index);
        this.retrying.delete(event.index);
        this.counts[event.status]++;
        const detail = finishedDetail(event, 'unchanged');
        const line = `${counter(this.finishedCount(), this.total)} ${statusWord(event.status)} ${taskLabel(this.plan, event.index)}${detail === '' ? '' : this.style.dim(` (${detail})`)}`;
        this.print(event.status === 'failed' ? this.style.red(line) : line);
        break;
      }
      case 'reaped':
        this.print(reapedLine(event.tasks));
        break;
      case 'end':
        this.close();
        return;
    }
    this.draw();
  }

  close(): void {
    if (this.timer === undefined) return;
    clearInterval(this.timer);
    this.timer = undefined;
    this.clear();
    this.out.write('\u001b[?25h');
  }

  private finishedCount(): number {
    const c = this.counts;
    return c.done + c.failed + c.skipped + c.cancelled;
  }

  /** A permanent line above the live block. */
  private print(line: string): void {
    this.clear();
    this.out.write(`${this.fit(line)}\n`);
    this.draw();
  }

  private clear(): void {
    if (this.drawn > 0) this.out.write(`\u001b[${this.drawn}A\u001b[0J`);
    this.drawn = 0;
  }

  private draw(): void {
    if (this.timer === undefined) return;
    const now = performance.now();
    const finished = this.finishedCount();
    const width = Math.max(10, Math.min(30, (this.out.columns || 80) - 70));
    const filled = this.total === 0 ? width : Math.round((finished / this.total) * width);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    const c = this.counts;
    const waiting = this.total - finished - this.running.size - this.retrying.size;
    const lines = [
      `${bar} ${finished}/${this.total} · ✅ ${c.done} ❌ ${c.failed} ⏭️ ${c.skipped} 🚫 ${c.cancelled} · 🔵 ${this.running.size} running · ⏸️ ${waiting} waiting · ${seconds(now - this.started)}`,
    ];
    const shown = [...this.running].sort((a, b) => a[1].since - b[1].since).slice(0, MAX_RUNNING_SHOWN);
    for (const [index, { since, attempt, doing }] of shown) {
      lines.push(
        this.style.dim(
          `  🔵 ${taskLabel(this.plan, index)} ${seconds(now - since)}${attempt > 1 ? ` (attempt ${attempt})` : ''}${doing === undefined ? '' : ` · ${doing}`}`,
        ),
      );
    }
    if (this.running.size > shown.length)
      lines.push(this.style.dim(`  … and ${this.running.size - shown.length} more`));
    this.clear();
    this.out.write(`${lines.map((l) => this.fit(l)).join('\n')}\n`);
    this.drawn = lines.length;
  }

  /** Lines longer than the terminal would wrap and break the redraw. */
  private fit(line: string): string {
    const columns = this.out.columns || 80; // 0 when the terminal does not say
    // eslint-disable-next-line no-control-regex -- colour codes take no room on screen
    const visible = line.replace(/\u001b\[[0-9;]*m/g, '');
    if (displayWidth(visible) < columns) return line;
    let width = 0;
    let cut = '';
    for (const char of visible) {
      width += displayWidth(char);
      if (width > columns - 2) break;
      cut += char;
    }
    return `${cut}…`;
  }
}

/** Terminal cells a string takes: emoji and the status marks take two, joiners and variation selectors none. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    if (cp === 0xfe0f || cp === 0x200d) continue;
    width += cp >= 0x1f000 || (cp >= 0x2600 && cp <= 0x27bf) || (cp >= 0x23e9 && cp <= 0x23fa) ? 2 : 1;
  }
  return width;
}
