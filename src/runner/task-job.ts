/**
 * The task operation of the job contract (docs/github.md): run some tasks of a plan by id with the local runner,
 * their deps read from the downloaded artifacts in `outputs/`, then stage `artifact/<id>/` for the upload step.
 * `orchestrator task` and the action's `task` mode both call `runTaskJob`; neither runs a task any other way.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Analysis } from '../core/analyze.js';
import type { Plan } from '../core/model.js';
import { editDistance } from '../core/schema/check.js';
import { UserError } from '../errors.js';
import { readStatusFile } from './deps.js';
import { runPlan, type RunOptions, type RunResult } from './run.js';
import { notStartedFile, type TaskStatusFile } from './status.js';

/** The folder the upload step uploads: `<dir>/artifact/<id>/` for each task the job ran. */
export const ARTIFACT_FOLDER = 'artifact';

export interface TaskJobOptions extends Omit<RunOptions, 'only'> {
  /** Copy the tasks' folders to `<root>/artifact/<id>/` once they end (the artifact folder is reset first). */
  stage: boolean;
}

export interface TaskJobResult {
  run: RunResult;
  /** The status.json of each task run, in the order asked for. */
  tasks: TaskStatusFile[];
  /** The staged artifact folder, or null when not staged. */
  artifact: string | null;
}

/** Task ids as given: each value may hold several, separated by spaces or commas; duplicates are dropped. */
export function parseTaskIds(values: readonly string[]): string[] {
  const ids = values.flatMap((value) => value.split(/[\s,]+/)).filter((id) => id !== '');
  return [...new Set(ids)];
}

/** The plan indices of `ids`; an unknown id ends the command (exit 2), with the id it most likely meant. */
export function selectTasks(plan: Plan, ids: readonly string[]): number[] {
  if (ids.length === 0) throw new UserError('no task id given');
  const index = new Map(plan.tasks.map((task, i) => [task.id, i]));
  const unknown = ids.filter((id) => !index.has(id));
  if (unknown.length > 0) {
    const lines = unknown.map((id) => `the plan has no task ${JSON.stringify(id)}${suggestion(plan, id)}`);
    throw new UserError(lines.join('\n'));
  }
  return ids.map((id) => index.get(id)!);
}

function suggestion(plan: Plan, id: string): string {
  const lower = id.toLowerCase();
  // Ids are unique case-insensitively: a match ignoring case is the one meant.
  let best: string | null = plan.tasks.find((t) => t.id.toLowerCase() === lower)?.id ?? null;
  if (best === null) {
    let bestDistance = Infinity;
    for (const task of plan.tasks) {
      // Lengths far apart cannot be close: skip the distance, which costs length² on a plan of thousands.
      if (Math.abs(task.id.length - id.length) > 2) continue;
      const d = editDistance(lower, task.id.toLowerCase());
      if (d < bestDistance) [best, bestDistance] = [task.id, d];
    }
    if (best !== null && bestDistance > (best.length >= 5 ? 2 : 1)) best = null;
  }
  if (best !== null) return ` (did you mean ${JSON.stringify(best)}?)`;
  const sample = plan.tasks.slice(0, 10).map((t) => t.id);
  const more = plan.tasks.length > sample.length ? `, … (${plan.tasks.length} in all)` : '';
  return ` (its tasks: ${sample.join(', ')}${more})`;
}

export async function runTaskJob(
  plan: Plan,
  analysis: Analysis,
  indices: readonly number[],
  options: TaskJobOptions,
): Promise<TaskJobResult> {
  const { stage, ...runOptions } = options;
  const ended = new Map<number, TaskStatusFile>();
  const run = await runPlan(plan, analysis, {
    ...runOptions,
    only: new Set(indices),
    onEvent: (event) => {
      if (event.type === 'finished') ended.set(event.index, event.file);
      options.onEvent?.(event);
    },
  });
  const tasks = indices.map(
    (i) => ended.get(i) ?? readStatusFile(run.layout.outputs, plan.tasks[i]!.id) ?? neverEnded(plan, i),
  );
  const artifact = stage ? stageArtifact(run.layout.root, plan, indices) : null;
  return { run, tasks, artifact };
}

/** Cannot happen (the runner settles every task it is given); a status rather than a crash if it does. */
function neverEnded(plan: Plan, i: number): TaskStatusFile {
  return notStartedFile(
    plan.tasks[i]!,
    'cancelled',
    'internal error: the runner recorded no end for this task',
    '',
  );
}

/**
 * `<root>/artifact/<id>/`: a copy of each task's `outputs/<id>/`, so the uploaded artifact's root holds one folder
 * per task id (the upload action makes a folder's contents the artifact's root). Symbolic links are copied as
 * links, never followed: a task's link must not pull a file from elsewhere on the runner into the artifact.
 * Kept also when a task failed: its status.json and log are what the report shows.
 */
export function stageArtifact(root: string, plan: Plan, indices: readonly number[]): string {
  const artifact = path.join(root, ARTIFACT_FOLDER);
  fs.rmSync(artifact, { recursive: true, force: true });
  fs.mkdirSync(artifact, { recursive: true });
  for (const i of indices) {
    const id = plan.tasks[i]!.id;
    const from = path.join(root, 'outputs', id);
    if (!fs.existsSync(from)) continue;
    fs.cpSync(from, path.join(artifact, id), {
      recursive: true,
      verbatimSymlinks: true,
      // A FIFO or a socket cannot be copied (nor uploaded): leave it out rather than fail the job.
      filter: (source) => {
        const stat = fs.lstatSync(source);
        return stat.isFile() || stat.isDirectory() || stat.isSymbolicLink();
      },
    });
  }
  return artifact;
}
