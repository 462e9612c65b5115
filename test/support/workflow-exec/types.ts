/** The executor's options and what a run returns (see ../workflow-exec.ts). */
import type { ArtifactStore } from './artifacts.js';
import type { Value } from './expressions.js';
import type { Workflow } from './model.js';
import type { Permissions } from './permissions.js';

export type Result = 'success' | 'failure' | 'skipped' | 'cancelled';

export interface ExecuteWorkflowOptions {
  /** The workflow file to run; or `source`, its text. */
  workflow?: string;
  source?: string;
  /** The source tree `actions/checkout` copies into each workspace (.git and node_modules left out). */
  repo: string;
  /**
   * Other trees of the repository by commit: a checkout with `ref: <sha>` of one of these copies that tree
   * instead of `repo` (a pull request's base and head commits). A checkout of this project's repository copies
   * `actionRoot` whatever its ref: its action.yml, dist/ and task/ (what a release holds), or a test's whole folder.
   */
  refs?: Record<string, string>;
  /** `uses:` values that mean this repository's action, besides `./` (default `org/orchestrator@v1`). */
  actionRef?: string;
  /** Where that action's action.yml is (default: this repository). */
  actionRoot?: string;
  /**
   * Environment of every step on top of a minimal one (PATH, LANG, TZ, and ORCHESTRATOR_SWEEP=run, which keeps
   * the task step's sweep of leftover processes to its own runs); `PATH` here replaces the caller's.
   */
  env?: Record<string, string | undefined>;
  secrets?: Record<string, string>;
  vars?: Record<string, string>;
  /** The `inputs` context (workflow_dispatch or workflow_call inputs). */
  inputs?: Record<string, Value>;
  /** Merged over the default `github` context (event_name workflow_dispatch, ref refs/heads/main, run_id 1, …). */
  github?: Record<string, Value>;
  /** A folder for the run's workspaces and artifacts (default: a new temporary folder). */
  root?: string;
  /**
   * Give each job its own GITHUB_TOKEN naming the job and the permissions GitHub would grant it
   * (workflow-exec/permissions.ts), instead of one token for the whole run.
   */
  permissionTokens?: boolean;
  /** The run's token is read-only whatever the workflow asks (GitHub's rule for a pull request from a fork). */
  readOnlyToken?: boolean;
  /**
   * The artifacts of runs by run id, shared between executeWorkflow calls that are given the same map: this run's
   * store is added under its `github.run_id`, and `actions/download-artifact` with `run-id` reads another's.
   */
  runs?: Map<string, ArtifactStore>;
  /**
   * Called before each step that runs, with its leg's workspace: a test's stand-in for what a compromised step
   * could do between two steps of its job (e.g. write into the folder the next step uploads).
   */
  beforeStep?: (step: { job: string; index: number | null; name: string; workspace: string }) => void;
}

export interface StepRun {
  index: number;
  id?: string;
  name: string;
  outcome: Result;
  conclusion: Result;
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** Messages of the emulated actions and of the runner (exit codes, warnings). */
  messages: string[];
  outputs: Record<string, string>;
  /** The step's own `env:`, evaluated (what the workflow hands that step on top of the job's). */
  env: Record<string, string>;
}

export interface LegRun {
  job: string;
  /** Index of the matrix leg, or null for a job without a matrix. */
  index: number | null;
  matrix: Record<string, Value> | null;
  name: string;
  result: Result;
  outputs: Record<string, string>;
  /** GITHUB_WORKSPACE of this "machine", kept for inspection. */
  workspace: string;
  steps: StepRun[];
  /** Everything the steps wrote to GITHUB_STEP_SUMMARY. */
  summary: string;
  timeoutMinutes?: number;
}

export interface JobRun {
  /** The job's id; `<caller>/<id>` for a job of a called workflow. */
  id: string;
  result: Result;
  outputs: Record<string, string>;
  /** Legs that ran or were cancelled; none for a skipped job. */
  legs: LegRun[];
  /** Why a job failed without running a step (a bad matrix). */
  error?: string;
  /** The job's `concurrency` group, evaluated once its needs were done (whether it then ran or was skipped). */
  concurrency?: string;
}

export interface WorkflowRun {
  root: string;
  cancelled: boolean;
  jobs: Record<string, JobRun>;
  /** Job ids in the order their `if` was decided. */
  order: string[];
  /** The workflow's own `concurrency` group, evaluated at the start (every run of it enters the group). */
  concurrency?: string;
  /** Artifact name → the folder holding its files (the artifact's root). */
  artifacts: Map<string, string>;
  job(id: string): JobRun;
  /** The one leg of a job without a matrix, or leg `index`. */
  leg(id: string, index?: number): LegRun;
  /** Every step summary, by leg name. */
  summaries: Record<string, string>;
  cleanup(): void;
}

export const DEFAULT_ACTION_REF = 'org/orchestrator@v1';

/** What the jobs of one run share. */
export interface RunState {
  options: ExecuteWorkflowOptions;
  workflow: Workflow;
  root: string;
  store: ArtifactStore;
  cancelFile: string;
  cancelled: boolean;
  jobs: Map<string, JobRun>;
  github: Record<string, Value>;
  legCount: number;
  /** In a called workflow: the calling job's id and `/` (its jobs are reported as `<caller>/<id>`). */
  prefix: string;
  /** In a called workflow: what the calling job's token may do (its jobs get no more). */
  permissionCap?: Permissions;
}
