/**
 * Phase 4, first half: what each task left in `outputs/<id>/`, read from the files alone (locally after a run,
 * or in the GitHub aggregate job from the downloaded artifacts). Anything may be missing or wrong: a job that
 * never ran leaves no folder, a job that died leaves no status.json, a task may write gigabytes. Each problem
 * becomes a note on the task, never an exception, and every read is bounded.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { OnFailure, Plan, Task } from '../core/model.js';
import { cleanText, truncate } from '../render/text.js';
import type { FinalStatus, TaskStatusFile } from '../runner/status.js';
import { decodeCut, humanBytes, KIB } from '../core/bytes.js';
import { checkStatusFile } from './status-file.js';

/** A task's outcome in the report: its final status, or `not-run` when it left no usable status.json. */
export type ReportStatus = FinalStatus | 'not-run';

export interface ResultText {
  /** The start of result.md (at most MAX_RESULT_BYTES), decoded as UTF-8. */
  text: string;
  /** The file's size. */
  bytes: number;
  /** Only the start of the file was read. */
  truncated: boolean;
}

export interface LogTail {
  /** The last lines of log.txt, without terminal escape sequences or control characters. */
  lines: string[];
  /** Earlier lines were left out. */
  truncated: boolean;
}

export interface TaskReport {
  id: string;
  /** The task's position in `plan.tasks`. */
  index: number;
  /** From the plan: whether a failure of this task fails the run (see summary.ts). */
  onFailure: OnFailure;
  status: ReportStatus;
  /** status.json, checked; null when there was none that could be used. */
  file: TaskStatusFile | null;
  /** What was missing or wrong in the task's folder, one line each. */
  notes: string[];
  /** result.md; null when there is none. */
  result: ResultText | null;
  /** The end of log.txt, for tasks that failed or died without a status. */
  log: LogTail | null;
  /** Other files in the folder (relative, `/`-separated, sorted), at most MAX_LISTED_FILES. */
  files: string[];
  /** Files found beyond `files`. */
  moreFiles: number;
}

export const MAX_RESULT_BYTES = 256 * KIB;
export const LOG_TAIL_LINES = 40;
/** status.json is a few hundred bytes; anything near this is not one. */
const MAX_STATUS_BYTES = 1024 * KIB;
/** Enough for 40 long lines; the tail is read from the end, never the whole log. */
const LOG_TAIL_BYTES = 64 * KIB;
const LOG_LINE_CHARS = 400;
export const MAX_LISTED_FILES = 100;
/** A task that writes a million files still gets a report: the listing stops counting here. */
const MAX_SCANNED_ENTRIES = 10_000;
/** What the runner writes in a task's folder; everything else there is the task's own. */
const RUNNER_FILES = new Set(['status.json', 'result.md', 'log.txt', 'prompt.md']);

/** One report per task, in plan order. */
export function collectResults(plan: Plan, outputsDir: string): TaskReport[] {
  return plan.tasks.map((task, index) => collectTask(task, index, path.join(outputsDir, task.id)));
}

function collectTask(task: Task, index: number, dir: string): TaskReport {
  const report: TaskReport = {
    id: task.id,
    index,
    onFailure: task.onFailure,
    status: 'not-run',
    file: null,
    notes: [],
    result: null,
    log: null,
    files: [],
    moreFiles: 0,
  };
  if (!isDirectory(dir)) {
    report.notes.push('no output folder: the task never ran');
    return report;
  }
  const status = readFile(path.join(dir, 'status.json'), MAX_STATUS_BYTES, 'start');
  if (status.kind === 'ok' && status.size <= MAX_STATUS_BYTES) {
    const checked = checkStatusFile(status.bytes.toString('utf8'), task.id);
    if (checked.ok) {
      report.status = checked.file.status;
      report.file = checked.file;
      report.notes.push(...checked.notes);
    } else {
      report.notes.push(checked.note);
    }
  } else if (status.kind === 'missing') {
    report.notes.push('no status.json: the task started but its job ended before writing one');
  } else {
    report.notes.push(
      status.kind === 'ok'
        ? `status.json is ${humanBytes(status.size)}: too big to be one`
        : problem('status.json', status),
    );
  }

  const result = readFile(path.join(dir, 'result.md'), MAX_RESULT_BYTES, 'start');
  if (result.kind === 'ok') {
    report.result = {
      text: result.size > MAX_RESULT_BYTES ? decodeCut(result.bytes) : result.bytes.toString('utf8'),
      bytes: result.size,
      truncated: result.size > MAX_RESULT_BYTES,
    };
  } else if (result.kind !== 'missing') {
    report.notes.push(problem('result.md', result));
  }

  // The log says why a task failed, or why a job died before it could write its status.
  if (report.status === 'failed' || report.status === 'not-run') {
    const log = readFile(path.join(dir, 'log.txt'), LOG_TAIL_BYTES, 'end');
    if (log.kind === 'ok') report.log = logTail(log.bytes, log.size > LOG_TAIL_BYTES);
    else if (log.kind !== 'missing') report.notes.push(problem('log.txt', log));
  }

  const listing = listFiles(dir);
  report.files = listing.files;
  report.moreFiles = listing.more;
  if (listing.stopped)
    report.notes.push(`the folder holds more than ${MAX_SCANNED_ENTRIES} entries; not all were counted`);
  return report;
}

type Read =
  | { kind: 'ok'; bytes: Buffer; size: number }
  | { kind: 'missing' }
  | { kind: 'not-a-file' }
  | { kind: 'error'; message: string };

function problem(name: string, read: Exclude<Read, { kind: 'ok' }>): string {
  switch (read.kind) {
    case 'missing':
      return `no ${name}`;
    case 'not-a-file':
      return `${name} is not a regular file; ignored`;
    case 'error':
      return `${name} could not be read (${read.message})`;
  }
}

/**
 * At most `maxBytes` of a regular file, from its start or its end. Symbolic links and special files are refused:
 * a FIFO would block the report forever, and a link could pull a file from outside the task's folder into it.
 */
function readFile(file: string, maxBytes: number, from: 'start' | 'end'): Read {
  let fd: number | null = null;
  try {
    const stat = fs.lstatSync(file);
    if (!stat.isFile()) return { kind: 'not-a-file' };
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
    const size = fs.fstatSync(fd).size;
    const length = Math.min(size, maxBytes);
    const bytes = Buffer.alloc(length);
    let done = 0;
    const start = from === 'start' ? 0 : size - length;
    while (done < length) {
      const n = fs.readSync(fd, bytes, done, length - done, start + done);
      if (n === 0) break;
      done += n;
    }
    return { kind: 'ok', bytes: bytes.subarray(0, done), size };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'missing' };
    if (code === 'ELOOP') return { kind: 'not-a-file' };
    return { kind: 'error', message: code ?? (error as Error).message };
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

function isDirectory(dir: string): boolean {
  try {
    return fs.lstatSync(dir).isDirectory();
  } catch {
    return false;
  }
}

// CSI sequences (colours, cursor moves), OSC sequences (titles, links) and other two-character escapes: agent
// CLIs colour their output, and the codes would show as `[31m` once the escape character itself is dropped.
// eslint-disable-next-line no-control-regex -- matching escape sequences is the point
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-_]/g;

/** The last LOG_TAIL_LINES lines of the end of a log; `cut` when the bytes are not the whole file. */
function logTail(bytes: Buffer, cut: boolean): LogTail {
  let start = 0;
  // The read may begin inside a character: skip its continuation bytes.
  while (cut && start < bytes.length && (bytes[start]! & 0xc0) === 0x80) start++;
  const lines = cleanText(bytes.subarray(start).toString('utf8').replace(ANSI, '')).split('\n');
  if (cut) lines.shift(); // most likely a partial line
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  const kept = lines.slice(-LOG_TAIL_LINES).map((line) => truncate(line.trimEnd(), LOG_LINE_CHARS));
  return { lines: kept, truncated: cut || lines.length > LOG_TAIL_LINES };
}

/** The task's own files, without following links; bounded in what it keeps and in what it scans. */
function listFiles(dir: string): { files: string[]; more: number; stopped: boolean } {
  const found: string[] = [];
  const pending: string[] = [''];
  let scanned = 0;
  let stopped = false;
  while (pending.length > 0 && !stopped) {
    const relative = pending.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(dir, relative), { withFileTypes: true });
    } catch {
      continue; // unreadable subfolder: what it holds cannot be listed, and the rest still can
    }
    for (const entry of entries) {
      if (++scanned > MAX_SCANNED_ENTRIES) {
        stopped = true;
        break;
      }
      const name = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) pending.push(name);
      else if (!(relative === '' && RUNNER_FILES.has(entry.name))) found.push(name);
    }
  }
  // Code-unit order, not the locale's: the same folder lists the same way on every machine.
  found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    files: found.slice(0, MAX_LISTED_FILES),
    more: Math.max(0, found.length - MAX_LISTED_FILES),
    stopped,
  };
}
