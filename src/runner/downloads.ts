/**
 * A job's artifact speaks only for its own tasks (docs/security.md). On GitHub the artifacts a job reads are
 * downloaded without merging, each into `<dir>/downloads/<artifact name>/`, and imported from there into
 * `<dir>/outputs/<id>/`, where the runner and the report read them:
 *
 * - from `task-<id>`, only its `<id>/` folder;
 * - from any other artifact (`tasks-<job id>`, a job running several tasks), only the ids the `sources` input
 *   gives it (`tasks-build=T-01,T-02 tasks-test=T-05`: the plan, through the compiler, knows the mapping).
 *
 * Anything else is not imported and is reported as tampering: a folder for another task (a task's leftover
 * process can write into its job's staged artifact before the upload step runs), a folder for a task the plan
 * does not have, a loose file, a symbolic link anywhere, an artifact folder that is itself a link, and an id two
 * artifacts claim (neither copy is imported: which one is genuine cannot be told). A task whose only copy was
 * refused is then simply absent: not run for the report, a missing dep for a task job.
 *
 * When `<dir>/downloads/` exists, `<dir>/outputs/` holds what was imported and nothing else: whatever was there
 * before (a checkout may carry a committed `.orchestrator/outputs/`) is removed first. Without it (a local run,
 * `orchestrator task` fed by hand), `outputs/` is used as it is.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Plan } from '../core/model.js';
import { TASK_ID_PATTERN } from '../core/schema/check.js';
import { UserError } from '../errors.js';
import { copyTree, MAX_TASK_BYTES } from './copy-tree.js';

/** `<dir>/downloads/`: where the workflows download the artifacts a job reads, one folder per artifact. */
export const DOWNLOADS_FOLDER = 'downloads';

/** The artifact of the job that runs task `<id>` alone. */
export const TASK_ARTIFACT_PREFIX = 'task-';

/** Which task ids each artifact holding several tasks may speak for: artifact name → ids. */
export type Sources = ReadonlyMap<string, readonly string[]>;

export const NO_SOURCES: Sources = new Map();

/** A path in the downloads that was not imported. */
export interface Tampering {
  /** The artifact's name (its folder under `downloads/`). */
  artifact: string;
  /** The path inside the artifact, `/`-separated; a folder ends with `/`; empty for the artifact itself. */
  path: string;
  why: string;
}

export interface ImportResult {
  /** Task ids imported into `outputs/`, sorted. */
  imported: string[];
  tampering: Tampering[];
}

/** Room for the note staging appends to a task's log (runner/stage.ts). */
const IMPORT_SLACK_BYTES = 1024 * 1024;
/** A forged artifact may hold a million entries: the report names this many. */
const MAX_FINDINGS = 200;

const ARTIFACT_NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

/**
 * The `sources` input: whitespace-separated `<artifact>=<id>,<id>,...` entries. Throws a UserError naming the
 * entry and what is wrong (the caller says which input or option it came from).
 */
export function parseSources(text: string): Sources {
  const sources = new Map<string, string[]>();
  const owner = new Map<string, string>();
  for (const entry of text.split(/\s+/).filter((e) => e !== '')) {
    const eq = entry.indexOf('=');
    const shown = JSON.stringify(entry);
    if (eq <= 0) throw new UserError(`sources entry ${shown}: expected <artifact>=<id>,<id>,...`);
    const artifact = entry.slice(0, eq);
    const ids = entry
      .slice(eq + 1)
      .split(',')
      .filter((id) => id !== '');
    if (!ARTIFACT_NAME.test(artifact) || artifact.includes('..'))
      throw new UserError(
        `sources entry ${shown}: ${JSON.stringify(artifact)} is not an artifact name (letters, digits, ".", "_", "-")`,
      );
    if (ids.length === 0) throw new UserError(`sources entry ${shown}: no task id after "="`);
    const bad = ids.find((id) => !TASK_ID_PATTERN.test(id));
    if (bad !== undefined)
      throw new UserError(`sources entry ${shown}: ${JSON.stringify(bad)} is not a task id`);
    if (sources.has(artifact)) throw new UserError(`sources: artifact ${artifact} is given twice`);
    if (artifact.startsWith(TASK_ARTIFACT_PREFIX)) {
      const own = artifact.slice(TASK_ARTIFACT_PREFIX.length);
      if (ids.some((id) => id !== own))
        throw new UserError(`sources entry ${shown}: artifact ${artifact} speaks for task ${own} alone`);
    }
    for (const id of ids) {
      const other = owner.get(id);
      if (other !== undefined && other !== artifact)
        throw new UserError(`sources: task ${id} is given to both ${other} and ${artifact}`);
      owner.set(id, artifact);
    }
    sources.set(artifact, [...new Set(ids)]);
  }
  return sources;
}

/**
 * Imports `<root>/downloads/` into `<root>/outputs/` (see the top of this file); does nothing when there is no
 * `downloads/` folder.
 */
export function importDownloads(plan: Plan, root: string, sources: Sources = NO_SOURCES): ImportResult {
  const downloads = path.join(root, DOWNLOADS_FOLDER);
  const outputs = path.join(root, 'outputs');
  const result: ImportResult = { imported: [], tampering: [] };
  let omitted = 0;
  const refuse = (artifact: string, rel: string, why: string): void => {
    if (result.tampering.length < MAX_FINDINGS) result.tampering.push({ artifact, path: rel, why });
    else omitted++;
  };

  let top: fs.Stats;
  try {
    top = fs.lstatSync(downloads);
  } catch {
    return result;
  }
  fs.rmSync(outputs, { recursive: true, force: true });
  fs.mkdirSync(outputs, { recursive: true });
  if (!top.isDirectory()) {
    refuse('', '', `${downloads} is not a folder (a symbolic link or a file): nothing imported`);
    return result;
  }

  const inPlan = new Set(plan.tasks.map((t) => t.id));
  /** id → the artifacts holding a folder it may speak for. */
  const claims = new Map<string, string[]>();
  for (const artifact of sortedNames(downloads)) {
    const folder = path.join(downloads, artifact);
    const stat = fs.lstatSync(folder);
    if (stat.isSymbolicLink()) {
      refuse(artifact, '', 'the artifact folder is a symbolic link: nothing imported from it');
      continue;
    }
    if (!stat.isDirectory()) {
      refuse(artifact, '', 'a file where an artifact folder was expected: not imported');
      continue;
    }
    const own = ownIds(artifact, sources);
    for (const name of sortedNames(folder)) {
      const entry = fs.lstatSync(path.join(folder, name));
      if (entry.isSymbolicLink()) {
        refuse(artifact, name, 'a symbolic link: links are never imported');
      } else if (!entry.isDirectory()) {
        refuse(artifact, name, 'a file outside any task folder: not imported');
      } else if (!own.has(name)) {
        refuse(artifact, `${name}/`, notOwn(artifact, name, own, sources, inPlan));
      } else if (!inPlan.has(name)) {
        refuse(artifact, `${name}/`, 'a folder for a task the plan does not have: not imported');
      } else {
        claims.set(name, [...(claims.get(name) ?? []), artifact]);
      }
    }
  }

  for (const [id, artifacts] of [...claims].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (artifacts.length > 1) {
      for (const artifact of artifacts)
        refuse(artifact, `${id}/`, `task ${id} is also in ${others(artifacts, artifact)}: no copy imported`);
      continue;
    }
    const artifact = artifacts[0]!;
    const copied = copyTree(path.join(downloads, artifact, id), path.join(outputs, id), {
      maxBytes: MAX_TASK_BYTES + IMPORT_SLACK_BYTES,
    });
    for (const dropped of copied.dropped)
      refuse(artifact, `${id}/${dropped.path}`, `${dropped.why}: not imported`);
    omitted += copied.moreDropped;
    result.imported.push(id);
  }
  if (omitted > 0) refuse('', '…', `${omitted} more paths not imported`);
  return result;
}

/** The ids an artifact may speak for. */
function ownIds(artifact: string, sources: Sources): Set<string> {
  const given = sources.get(artifact);
  if (given !== undefined) return new Set(given);
  if (artifact.startsWith(TASK_ARTIFACT_PREFIX))
    return new Set([artifact.slice(TASK_ARTIFACT_PREFIX.length)]);
  return new Set();
}

function notOwn(
  artifact: string,
  name: string,
  own: ReadonlySet<string>,
  sources: Sources,
  inPlan: ReadonlySet<string>,
): string {
  const task = inPlan.has(name) ? `task ${name}` : `${JSON.stringify(name)}, which is not a task of the plan`;
  if (own.size === 0 && !sources.has(artifact))
    return `a folder for ${task} in an artifact the \`sources\` input does not name: not imported`;
  return `a folder for ${task} in an artifact that speaks for ${[...own].join(', ')} alone: not imported`;
}

function others(artifacts: readonly string[], artifact: string): string {
  return artifacts.filter((a) => a !== artifact).join(', ');
}

function sortedNames(dir: string): string[] {
  return fs.readdirSync(dir).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** One line for a finding: `artifact task-T-01: T-02/: a folder for task T-02 in ...`. */
export function describeTampering(t: Tampering): string {
  const where = t.artifact === '' ? '' : `artifact ${t.artifact}${t.path === '' ? '' : `: ${t.path}`}: `;
  return `${where}${t.why}`;
}

/** The task a finding concerns, when its path starts with one of the plan's task folders. */
export function tamperedTask(t: Tampering, plan: Plan): string | null {
  const first = t.path.split('/')[0] ?? '';
  return plan.tasks.some((task) => task.id === first) ? first : null;
}
