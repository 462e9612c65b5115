/**
 * The run journal, `state/journal.jsonl`: one JSON event a line, appended on every status change with a single
 * write, so a crash loses at most the line being written. Loading ignores a torn last line.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { JournalEvent } from './status.js';

export class Journal {
  private constructor(private readonly fd: number) {}

  static open(file: string): Journal {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const journal = new Journal(fs.openSync(file, 'a'));
    journal.sealTornLine(file);
    return journal;
  }

  append(event: JournalEvent): void {
    fs.writeSync(this.fd, `${JSON.stringify(event)}\n`);
  }

  close(): void {
    fs.closeSync(this.fd);
  }

  /** A crash mid-write leaves a line without its newline: end it, so the next event starts on a line of its own. */
  private sealTornLine(file: string): void {
    const size = fs.fstatSync(this.fd).size;
    if (size === 0) return;
    const last = Buffer.alloc(1);
    const fd = fs.openSync(file, 'r');
    try {
      fs.readSync(fd, last, 0, 1, size - 1);
    } finally {
      fs.closeSync(fd);
    }
    if (last[0] !== 0x0a) fs.writeSync(this.fd, '\n');
  }
}

/** The events of a journal; lines that do not parse (a torn write) are skipped. */
export function readJournal(file: string): JournalEvent[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const events: JournalEvent[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    try {
      const event = JSON.parse(line) as JournalEvent;
      if (typeof event === 'object' && event !== null && typeof event.type === 'string') events.push(event);
    } catch {
      // A torn line from a crash mid-write.
    }
  }
  return events;
}

/** For each task, its last recorded final state: what `run --resume` may keep. */
export function lastDone(events: readonly JournalEvent[]): Map<string, string> {
  const done = new Map<string, string>();
  for (const event of events) {
    if (event.type !== 'task') continue;
    if (event.status === 'done') done.set(event.id, event.hash);
    else done.delete(event.id);
  }
  return done;
}
