/**
 * Staging a task job's artifact: `<root>/artifact/<id>/`, a copy of each task's `outputs/<id>/` that the upload
 * step uploads (the upload action makes a folder's contents the artifact's root, so its root holds one folder per
 * task id). The copy (runner/copy-tree.ts) holds regular files and folders only, within MAX_TASK_BYTES and
 * MAX_TASK_ENTRIES a task, with every secret the job holds redacted (runner/redact.ts); what was left out is said
 * at the end of the staged `log.txt`, where the report shows it, and returned to the caller.
 *
 * Staging runs once the job's tasks and every process they started are gone (runTaskJob's `beforeStage`): a
 * leftover process could otherwise write into the staged folder, or swap a file for a link, after the copy.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Plan } from '../core/model.js';
import { copyTree, type Dropped } from './copy-tree.js';
import type { Redactor } from './redact.js';

/** The folder the upload step uploads: `<dir>/artifact/<id>/` for each task the job ran. */
export const ARTIFACT_FOLDER = 'artifact';

/** A path of a task's folder left out of its artifact. */
export interface StageNote extends Dropped {
  /** The task. */
  id: string;
}

export interface Staged {
  folder: string;
  notes: StageNote[];
}

/** Left-out paths named in the staged log; the rest are counted. */
const LOG_NOTE_LINES = 10;

/**
 * Stages the tasks at `indices` (the artifact folder is reset first). Kept also when a task failed: its
 * status.json and log are what the report shows.
 */
export function stageArtifact(
  root: string,
  plan: Plan,
  indices: readonly number[],
  redactor?: Redactor,
): Staged {
  const folder = path.join(root, ARTIFACT_FOLDER);
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(folder, { recursive: true });
  const notes: StageNote[] = [];
  for (const i of indices) {
    const id = plan.tasks[i]!.id;
    const from = path.join(root, 'outputs', id);
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(from);
    } catch {
      continue; // the task never started: nothing to stage
    }
    if (!stat.isDirectory()) {
      notes.push({
        id,
        path: '.',
        why: 'its output folder is not a folder (a symbolic link?): nothing staged',
      });
      continue;
    }
    const copied = copyTree(from, path.join(folder, id), redactor === undefined ? {} : { redactor });
    const dropped = copied.dropped.map((d) => ({ id, ...d }));
    notes.push(...dropped);
    if (dropped.length > 0) noteInLog(path.join(folder, id, 'log.txt'), dropped, copied.moreDropped);
  }
  return { folder, notes };
}

/** Appends what was left out to the staged log (created if the task had none). */
function noteInLog(log: string, dropped: readonly Dropped[], more: number): void {
  const total = dropped.length + more;
  const lines = dropped.slice(0, LOG_NOTE_LINES).map((d) => `  ${JSON.stringify(d.path)}: ${d.why}`);
  if (total > LOG_NOTE_LINES) lines.push(`  and ${total - LOG_NOTE_LINES} more`);
  const head = `[orchestrator] ${total} path${total === 1 ? '' : 's'} of this task's folder left out of its artifact:`;
  fs.appendFileSync(log, `\n${head}\n${lines.join('\n')}\n`);
}

/**
 * Makes each staged task's `outputs/<id>/` the staged copy (hard links, or a copy across file systems): what the
 * job's summary then reads is what was uploaded, redacted, without links. The original folder is removed.
 */
export function replaceOutputsWithStaged(root: string, ids: readonly string[]): void {
  for (const id of ids) {
    const staged = path.join(root, ARTIFACT_FOLDER, id);
    if (!fs.existsSync(staged)) continue;
    const outputs = path.join(root, 'outputs', id);
    fs.rmSync(outputs, { recursive: true, force: true });
    linkTree(staged, outputs);
  }
}

function linkTree(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target);
    else {
      try {
        fs.linkSync(source, target);
      } catch {
        fs.copyFileSync(source, target);
      }
    }
  }
}
