/**
 * What a task gets from its deps when it starts: their results, and the hashes `--resume` compares. A dep's
 * folder may come from another job's artifact, written by anything: every read here is bounded, and a link or a
 * special file is not read at all (a FIFO would block the runner).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { INLINE_RESULT_BYTES, type DepResult } from '../agents/prompt.js';
import type { Analysis } from '../core/analyze.js';
import type { Plan } from '../core/model.js';
import type { TaskStatus } from '../render/status.js';
import { contentHash } from './hash.js';
import type { FinalStatus, TaskStatusFile } from './status.js';

export interface DepInfo {
  id: string;
  hash: string;
  dep: DepResult;
}

/** What each dep left: its result (inline when small), its status, and a hash of its result for --resume. */
export function depResults(
  plan: Plan,
  i: number,
  analysis: Analysis,
  outputsDir: string,
  finished: readonly boolean[],
  live: readonly TaskStatus[],
): DepInfo[] {
  const { graph } = analysis;
  const out: DepInfo[] = [];
  for (let k = graph.predStart[i]!; k < graph.predStart[i + 1]!; k++) {
    const d = graph.pred[k]!;
    const dep = plan.tasks[d]!;
    const resultFile = path.join(outputsDir, dep.id, 'result.md');
    const read = readResult(resultFile);
    const status = finished[d] ? (live[d] as FinalStatus) : 'missing';
    out.push({
      id: dep.id,
      hash: read === null ? `none:${status}` : read.hash,
      dep: {
        id: dep.id,
        title: dep.title,
        status,
        resultFile,
        result: read?.text ?? null,
        bytes: read?.bytes ?? null,
      },
    });
  }
  return out;
}

/** Results up to this size are hashed whole for --resume; beyond, by their size, time and both ends. */
const MAX_HASHED_BYTES = 64 * 1024 * 1024;
const EDGE_BYTES = 1024 * 1024;
/** status.json is a few hundred bytes; a file far larger is not one. */
const MAX_STATUS_BYTES = 1024 * 1024;
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0);

interface ResultRead {
  /** The text when it is small enough to be put in the prompt (INLINE_RESULT_BYTES), else null. */
  text: string | null;
  bytes: number;
  hash: string;
}

/**
 * A dep's result.md: its size, a hash, and its text when small; null when there is no regular file. Only a small
 * result is read into memory; a large one is hashed a chunk at a time, a huge one by a fingerprint (a dep run
 * again rewrites its result, which changes its modification time: --resume still sees the change).
 */
function readResult(file: string): ResultRead | null {
  let fd: number;
  try {
    fd = fs.openSync(file, OPEN_FLAGS);
  } catch {
    return null;
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return null;
    if (stat.size <= INLINE_RESULT_BYTES) {
      const content = readAt(fd, 0, stat.size);
      return { text: content.toString('utf8'), bytes: content.length, hash: contentHash(content) };
    }
    const hash = createHash('sha256');
    if (stat.size <= MAX_HASHED_BYTES) {
      for (let at = 0; at < stat.size; at += EDGE_BYTES) hash.update(readAt(fd, at, EDGE_BYTES));
    } else {
      hash.update(`${stat.size}:${stat.mtimeMs}:${stat.ino}\u0000`);
      hash.update(readAt(fd, 0, EDGE_BYTES));
      hash.update(readAt(fd, stat.size - EDGE_BYTES, EDGE_BYTES));
    }
    return { text: null, bytes: stat.size, hash: hash.digest('hex').slice(0, 32) };
  } catch {
    return null;
  } finally {
    fs.closeSync(fd);
  }
}

/** Up to `length` bytes from `position`. */
function readAt(fd: number, position: number, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const n = fs.readSync(fd, bytes, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return bytes.subarray(0, done);
}

/** A task's status.json, or null when it is missing, torn, not a regular file, or too big to be one. */
export function readStatusFile(outputsDir: string, id: string): TaskStatusFile | null {
  let fd: number;
  try {
    fd = fs.openSync(path.join(outputsDir, id, 'status.json'), OPEN_FLAGS);
  } catch {
    return null;
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile() || stat.size > MAX_STATUS_BYTES) return null;
    return JSON.parse(readAt(fd, 0, stat.size).toString('utf8')) as TaskStatusFile;
  } catch {
    return null;
  } finally {
    fs.closeSync(fd);
  }
}
