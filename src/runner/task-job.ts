/**
 * The task operation of the job contract (docs/github.md): import the downloaded artifacts (runner/downloads.ts),
 * run some tasks of a plan by id with the local runner, their deps read from `outputs/`, then stage
 * `artifact/<id>/` for the upload step (runner/stage.ts), redacted. `orchestrator task` and the action's `task`
 * mode both call `runTaskJob`; neither runs a task any other way.
 */
import fs from 'node:fs';
import type { Analysis } from '../core/analyze.js';
import type { Plan } from '../core/model.js';
import { editDistance } from '../core/schema/check.js';
import { UserError } from '../errors.js';
import { readStatusFile } from './deps.js';
import { importDownloads, NO_SOURCES, type Sources, type Tampering } from './downloads.js';
import { Redactor } from './redact.js';
import { runPlan, type RunOptions, type RunResult } from './run.js';
import { replaceOutputsWithStaged, stageArtifact, type StageNote } from './stage.js';
import { notStartedFile, type TaskStatusFile } from './status.js';

export { ARTIFACT_FOLDER, stageArtifact } from './stage.js';

export interface TaskJobOptions extends Omit<RunOptions, 'only'> {
  /** Copy the tasks' folders to `<root>/artifact/<id>/` once they end (the artifact folder is reset first). */
  stage: boolean;
  /**
   * Called once the tasks have ended (however the run ended), before anything is redacted or staged: the action
   * stops there every process the tasks left behind, so that none can write into what is staged.
   */
  beforeStage?: () => Promise<void>;
  /**
   * Secret values (API keys, tokens) replaced by `***`, with their simple encodings, in everything staged and in
   * the tasks' `outputs/<id>/` (which is then the staged copy: the job summary reads it), and in `tasks[].error`.
   */
  secrets?: readonly string[];
  /** Which ids each `tasks-<job>` artifact in `<root>/downloads/` speaks for (parseSources). */
  sources?: Sources;
}

export interface TaskJobResult {
  run: RunResult;
  /** The status.json of each task run, in the order asked for. */
  tasks: TaskStatusFile[];
  /** The staged artifact folder, or null when not staged. */
  artifact: string | null;
  /** Paths of the downloaded artifacts that were not imported (runner/downloads.ts). */
  tampering: Tampering[];
  /** Paths of the tasks' folders left out of the artifact: links, special files, beyond the size limit. */
  staged: StageNote[];
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
  const { stage, beforeStage, secrets, sources, ...runOptions } = options;
  const { tampering } = importDownloads(plan, runOptions.root, sources ?? NO_SOURCES);
  const ended = new Map<number, TaskStatusFile>();
  let run: RunResult;
  try {
    run = await runPlan(plan, analysis, {
      ...runOptions,
      only: new Set(indices),
      onEvent: (event) => {
        if (event.type === 'finished') ended.set(event.index, event.file);
        options.onEvent?.(event);
      },
    });
  } finally {
    await beforeStage?.();
  }
  const redactor = new Redactor(secrets ?? []);
  let artifact: string | null = null;
  let staged: StageNote[] = [];
  if (stage || !redactor.empty) {
    const copy = stageArtifact(run.layout.root, plan, indices, redactor);
    staged = copy.notes;
    if (!redactor.empty) {
      replaceOutputsWithStaged(
        run.layout.root,
        indices.map((i) => plan.tasks[i]!.id),
      );
    }
    if (stage) artifact = copy.folder;
    else fs.rmSync(copy.folder, { recursive: true, force: true });
  }
  const tasks = indices.map((i) => {
    const file = ended.get(i) ?? readStatusFile(run.layout.outputs, plan.tasks[i]!.id) ?? neverEnded(plan, i);
    return file.error === null ? file : { ...file, error: redactor.redactText(file.error) };
  });
  return { run, tasks, artifact, tampering, staged };
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
