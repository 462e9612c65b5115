/**
 * The shape of a compiled workflow before it is written as YAML: which tasks run in which job, and which jobs
 * each job needs. The grouping (`group.ts`), the packer (`pack.ts`), the estimates (`estimate.ts`) and the YAML
 * writer all speak this shape.
 */

/** How a job runs its tasks. */
export type JobKind =
  /** One task. */
  | 'task'
  /** A matrix: one leg per task; the tasks are independent and share their deps and their dependents. */
  | 'matrix'
  /** Several tasks in one job, run by the local runner in dependency order (a fused chain, a pack). */
  | 'sequence';

export interface Job {
  /** The job id in the workflow: derived from task ids, unique case-insensitively, valid for GitHub. */
  id: string;
  kind: JobKind;
  /** Task indices (into plan.tasks); for 'sequence', in a topological order. */
  tasks: number[];
  /** Indices (into the job list) of the jobs this one needs, sorted, without duplicates. */
  needs: number[];
}

export interface JobGraph {
  /** In a topological order of `needs`. */
  jobs: Job[];
}
