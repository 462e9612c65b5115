/**
 * Job ids. GitHub wants `^[A-Za-z_][A-Za-z0-9_-]*$`, unique in the workflow, and compares them without regard
 * to case; a job that runs one task is named after it, one that runs several after its first (and last) task.
 * Ids are given in job order, single-task jobs first, so a task's own job keeps the task's id whenever it can.
 */
import type { JobKind } from './jobs.js';

/** Job ids the writer uses for its own jobs: no task job may take them. */
export const RESERVED_JOB_IDS: readonly string[] = ['aggregate'];
/**
 * The writer's `cancel-<job id>` jobs (fail-fast, workflow.ts) take every id with this prefix: a task job whose
 * id would start with it (a task called `cancel-old-runs`) is called `job-<id>` instead, so `cancel-<X>` never
 * names a task job, whatever X is.
 */
export const CANCEL_JOB_PREFIX = 'cancel-';

/** The id of the job that cancels the run when job `jobId` fails (fail-fast). */
export function cancelJobId(jobId: string): string {
  return `${CANCEL_JOB_PREFIX}${jobId}`;
}

/** Long enough to read, short enough for GitHub's UI; a `-<n>` suffix may follow. */
const MAX_ID_LENGTH = 90;
/** A matrix job named after all its tasks when that stays this short, else after its first one. */
const MAX_JOINED_LENGTH = 48;

export const JOB_ID = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** The id a job would like, from the ids of its tasks (in job order). */
export function proposeJobId(kind: JobKind, taskIds: readonly string[]): string {
  const first = taskIds[0] ?? 'job';
  let proposal: string;
  switch (kind) {
    case 'task':
      proposal = first;
      break;
    case 'matrix': {
      const joined = taskIds.join('-');
      proposal = joined.length <= MAX_JOINED_LENGTH ? joined : `${first}-and-${taskIds.length - 1}-more`;
      break;
    }
    case 'sequence':
      proposal = taskIds.length === 1 ? first : `${first}-to-${taskIds[taskIds.length - 1]!}`;
      break;
    default: {
      const never: never = kind;
      throw new Error(`unknown job kind ${String(never)}`);
    }
  }
  return clean(proposal);
}

/** Made valid whatever comes in (task ids are valid already; this guards the joins and truncation). */
function clean(text: string): string {
  let id = text.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, MAX_ID_LENGTH);
  if (!/^[A-Za-z_]/.test(id)) id = `_${id}`.slice(0, MAX_ID_LENGTH);
  // GitHub reserves job ids starting with `__` (its parser refuses them), though they are valid task ids.
  if (id.startsWith('__')) id = `job${id}`.slice(0, MAX_ID_LENGTH);
  // Case-insensitively, as GitHub compares job ids.
  if (id.toLowerCase().startsWith(CANCEL_JOB_PREFIX)) id = `job-${id}`.slice(0, MAX_ID_LENGTH);
  return id;
}

/**
 * Unique ids for jobs given their proposals: single-task jobs claim theirs first (task ids are unique
 * case-insensitively already, so they only yield to a reserved id or prefix), then the others, each taking the first
 * free `<proposal>-<n>`. Deterministic: the same proposals in the same order give the same ids.
 */
export function assignJobIds(jobs: readonly { kind: JobKind; proposal: string }[]): string[] {
  const taken = new Set(RESERVED_JOB_IDS.map((id) => id.toLowerCase()));
  const ids = new Array<string>(jobs.length);
  const claim = (i: number): void => {
    const proposal = clean(jobs[i]!.proposal);
    let id = proposal;
    for (let n = 2; taken.has(id.toLowerCase()); n++) id = `${proposal}-${n}`;
    taken.add(id.toLowerCase());
    ids[i] = id;
  };
  jobs.forEach((job, i) => {
    if (job.kind === 'task') claim(i);
  });
  jobs.forEach((job, i) => {
    if (job.kind !== 'task') claim(i);
  });
  return ids;
}
