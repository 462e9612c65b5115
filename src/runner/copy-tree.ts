/**
 * Copying a task's folder that someone else wrote: the task itself when its job stages the artifact, another job
 * when the artifacts are imported (runner/downloads.ts). Only regular files and folders are copied. A symbolic
 * link is never followed nor copied (upload-artifact follows links, so a link to `/proc/self/environ` would upload
 * the upload step's environment); FIFOs, sockets and devices are left out (a FIFO would block the copy). Files
 * are opened with O_NOFOLLOW and checked once open, so a file swapped for a link after it was listed is still
 * not followed. What is left out is returned, one entry per path, for the caller to say.
 */
import fs from 'node:fs';
import path from 'node:path';
import { humanBytes } from '../core/bytes.js';
import type { Redactor } from './redact.js';

const MIB = 1024 * 1024;

/**
 * What one task's artifact may hold. 512 MiB is far above any result or log (results are read 256 KiB at a time,
 * dep results are inlined up to 8 KiB) and leaves room for build outputs, while a runaway task cannot fill the
 * runner's disk with a copy or make the upload step take an hour. 10,000 entries is what the report scans of a
 * task's folder (report/collect.ts).
 */
export const MAX_TASK_BYTES = 512 * MIB;
export const MAX_TASK_ENTRIES = 10_000;

/** At most this many left-out paths are named; the rest are counted. */
const MAX_NAMED = 100;

/** What the runner writes in a task's folder: copied first, so that the size limit never drops them first. */
const RUNNER_FILES = ['status.json', 'result.md', 'log.txt', 'prompt.md'];

export interface Dropped {
  /** Relative to the folder copied, `/`-separated (as redacted when a redactor is given). */
  path: string;
  why: string;
}

export interface CopyOptions {
  maxBytes?: number;
  maxEntries?: number;
  /** Secrets replaced in every file and every name copied. */
  redactor?: Redactor;
}

export interface CopyResult {
  dropped: Dropped[];
  /** Left out beyond those named in `dropped`. */
  moreDropped: number;
  bytes: number;
}

const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0);

/** Copies the folder `from` to `to` (created; must not exist), within the limits. */
export function copyTree(from: string, to: string, options: CopyOptions = {}): CopyResult {
  const maxBytes = options.maxBytes ?? MAX_TASK_BYTES;
  const maxEntries = options.maxEntries ?? MAX_TASK_ENTRIES;
  const redactor = options.redactor?.empty === false ? options.redactor : null;
  const result: CopyResult = { dropped: [], moreDropped: 0, bytes: 0 };
  const drop = (rel: string, why: string): void => {
    if (result.dropped.length < MAX_NAMED) result.dropped.push({ path: rel, why });
    else result.moreDropped++;
  };
  fs.mkdirSync(to, { recursive: true });
  // Breadth first, names in code-unit order: the same folder is copied (and cut) the same way everywhere.
  const pending: { source: string; target: string; rel: string }[] = [{ source: from, target: to, rel: '' }];
  let entries = 0;
  for (let next = pending.shift(); next !== undefined; next = pending.shift()) {
    let names: string[];
    try {
      names = fs.readdirSync(next.source);
    } catch (error) {
      drop(next.rel === '' ? '.' : `${next.rel}/`, `could not be read (${errorCode(error)})`);
      continue;
    }
    for (const name of ordered(names, next.rel === '')) {
      const shownName = redactor?.redactText(name) ?? name;
      const rel = next.rel === '' ? shownName : `${next.rel}/${shownName}`;
      if (++entries > maxEntries) {
        drop(rel, `beyond the ${maxEntries} entries a task's folder may hold`);
        continue;
      }
      const source = path.join(next.source, name);
      const target = path.join(next.target, shownName);
      if (fs.existsSync(target)) {
        drop(rel, 'its name, with the secret in it redacted, is the name of another entry');
        continue;
      }
      let stat: fs.Stats;
      try {
        stat = fs.lstatSync(source);
      } catch (error) {
        drop(rel, `could not be read (${errorCode(error)})`);
        continue;
      }
      if (stat.isSymbolicLink()) {
        drop(rel, 'a symbolic link (links are never copied: the upload would follow them)');
      } else if (stat.isDirectory()) {
        fs.mkdirSync(target);
        pending.push({ source, target, rel });
      } else if (!stat.isFile()) {
        drop(rel, 'not a regular file (a FIFO, a socket or a device)');
      } else {
        const why = copyFile(source, target, maxBytes, redactor, result);
        if (why !== null) drop(rel, why);
      }
    }
  }
  return result;
}

/** The runner's files first at the folder's top, then every name in code-unit order. */
function ordered(names: string[], top: boolean): string[] {
  const sorted = [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (!top) return sorted;
  const first = RUNNER_FILES.filter((f) => sorted.includes(f));
  return [...first, ...sorted.filter((n) => !RUNNER_FILES.includes(n))];
}

/** Copies one file if it fits in what is left of `maxBytes`; the reason it was left out, or null. */
function copyFile(
  source: string,
  target: string,
  maxBytes: number,
  redactor: Redactor | null,
  result: CopyResult,
): string | null {
  let fd: number;
  try {
    fd = fs.openSync(source, OPEN_FLAGS);
  } catch (error) {
    const code = errorCode(error);
    return code === 'ELOOP' ? 'a symbolic link (links are never copied)' : `could not be read (${code})`;
  }
  let out: number | null = null;
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return 'not a regular file (a FIFO, a socket or a device)';
    if (stat.size > maxBytes - result.bytes) {
      return `${humanBytes(stat.size)}: beyond the ${humanBytes(maxBytes)} a task's folder may hold`;
    }
    out = fs.openSync(target, 'wx', 0o644);
    // At most the size seen: a file that grows while it is copied cannot go past the limit.
    const copied =
      redactor === null ? copyBytes(fd, out, stat.size) : redactor.copy(fd, out, stat.size).bytes;
    result.bytes += copied;
    return null;
  } finally {
    fs.closeSync(fd);
    if (out !== null) fs.closeSync(out);
  }
}

function copyBytes(from: number, to: number, limit: number): number {
  const chunk = Buffer.alloc(Math.min(limit, 1024 * 1024) || 1);
  let done = 0;
  while (done < limit) {
    const n = fs.readSync(from, chunk, 0, Math.min(chunk.length, limit - done), null);
    if (n === 0) break;
    let written = 0;
    while (written < n) written += fs.writeSync(to, chunk, written, n - written);
    done += n;
  }
  return done;
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}
