/**
 * The workflow document of a JobGraph, as in docs/github.md ("The job contract"). Only ids, runner labels and
 * structure reach the YAML: prompts, titles, commands, inputs and env stay in the plan, which the action reads
 * at run time. Every value written here is either a constant of this module, a task id or runner label
 * (validated plain ASCII, checked again below), or an option validated by the caller (plan path, action ref).
 */
import { buildGraph, topologicalOrder, transitiveReduction, type Graph } from '../core/graph.js';
import type { Plan, Task } from '../core/model.js';
import { RUNS_ON_LABEL, TASK_ID } from './inputs.js';
import type { Job, JobGraph } from './jobs.js';
import {
  ACTIONS,
  AGENT_CLIS,
  NODE_VERSION,
  actionRef,
  isSetupAgent,
  type PinnedAction,
  type SetupAgent,
} from './pins.js';
import { jobTimeoutMinutes } from './timeout.js';
import { Commented, Spaced, emitYaml, type YamlMap, type YamlNode } from './yaml.js';

export interface WorkflowOptions {
  /** The plan file, relative to the repository root (validated: plain path characters). */
  planPath: string;
  /** `uses:` of the task and aggregate steps (validated). */
  actionRef: string;
  /** Also run on `pull_request` (always on `workflow_dispatch`). */
  pullRequest: boolean;
  /** Offer a `concurrency` input for jobs that run several independent tasks (packed jobs). */
  concurrencyInput: boolean;
  /** Comment lines on top of the file. */
  header: readonly string[];
}

/** The workspace folders of the job contract. */
export const OUTPUTS = '.orchestrator/outputs';
export const ARTIFACT = '.orchestrator/artifact';
export const REPORT = '.orchestrator/final_output.md';
const AGGREGATE_RUNNER = 'ubuntu-latest';
const AGGREGATE_TIMEOUT_MINUTES = 15;
/** Above this many dep artifacts, a job downloads all the run's artifacts in one step (downloadSteps). */
const MAX_NAMED_DOWNLOADS = 8;
/** Above this many jobs, needs are written unreduced: the reduction takes jobs² / 8 bytes. */
const MAX_REDUCED_JOBS = 20_000;

/**
 * Hidden from the agent: the token only reaches the cancel step, the API keys only the step that runs the
 * agent. The expressions are constants; nothing from the plan is ever placed inside `${{ }}`.
 */
const EXPR = {
  notCancelled: '${{ !cancelled() }}',
  always: '${{ always() }}',
  matrixTask: '${{ matrix.task }}',
  token: '${{ github.token }}',
  repository: '${{ github.repository }}',
  concurrencyGroup: '${{ github.workflow }}-${{ github.ref }}',
  concurrencyInput: '${{ inputs.concurrency }}',
  secret: (name: string): string => `\${{ secrets.${name} }}`,
} as const;

/** `uses:` of a pinned action: its full SHA, the version as a comment beside it. */
export function uses(action: PinnedAction): Commented {
  const { ref, comment } = actionRef(action);
  return new Commented(ref, comment);
}

export function renderWorkflow(plan: Plan, graph: JobGraph, options: WorkflowOptions): string {
  for (const task of plan.tasks) checkTaskValues(task);
  const ctx = context(plan, graph, options);
  // No prototype: a task may be called `__proto__` (a valid id) and must land as a plain key.
  const jobs = Object.create(null) as Record<string, YamlNode>;
  const needs = reducedNeeds(graph);
  graph.jobs.forEach((job, j) => {
    jobs[job.id] = taskJob(ctx, job, needs[j]!);
  });
  jobs.aggregate = aggregateJob(graph, options);

  const dispatch: YamlMap | null = options.concurrencyInput
    ? {
        inputs: {
          concurrency: {
            description: 'Tasks at a time in a job that runs several (default: the runner CPU count)',
            required: false,
            type: 'string',
          },
        },
      }
    : null;
  const document: YamlMap = {
    name: `orchestrator ${options.planPath}`,
    on: { workflow_dispatch: dispatch, pull_request: options.pullRequest ? null : undefined },
    // Nothing by default; each job asks for what it needs.
    permissions: {},
    // One run per workflow and ref at a time. A newer run waits instead of cancelling the running one: agent
    // work already paid for is not thrown away half-way, and two runs never race on the same ref.
    concurrency: { group: EXPR.concurrencyGroup, 'cancel-in-progress': false },
    // Without `shell:`, run steps get `bash -e` without pipefail.
    defaults: { run: { shell: 'bash' } },
    jobs: new Spaced(jobs),
  };
  return emitYaml(options.header, document);
}

/** Defence in depth: the validator already holds these, and they are the only plan values written. */
function checkTaskValues(task: Task): void {
  if (!TASK_ID.test(task.id)) throw new Error(`task id ${JSON.stringify(task.id)} cannot go into a workflow`);
  for (const label of task.runsOn) {
    if (!RUNS_ON_LABEL.test(label))
      throw new Error(`runner label ${JSON.stringify(label)} cannot go into a workflow`);
  }
}

/**
 * The transitive reduction of the jobs' needs: the same order (GitHub skips a job when any job it needs,
 * directly or not, did not succeed), a shorter file. Downloads still name every dep's artifact: an artifact of
 * any earlier job of the run can be downloaded.
 */
function reducedNeeds(graph: JobGraph): number[][] {
  const all = graph.jobs.map((job) => job.needs);
  if (graph.jobs.length > MAX_REDUCED_JOBS) return all;
  const g = buildGraph(graph.jobs.length, all);
  const order = topologicalOrder(g);
  if (order === null) throw new Error('job needs form a cycle');
  const reduced: Graph = transitiveReduction(g, order);
  return graph.jobs.map((_, j) =>
    Array.from(reduced.pred.subarray(reduced.predStart[j]!, reduced.predStart[j + 1]!)),
  );
}

/** The artifact a job uploads: `task-<id>` when each job or leg runs one task, else `tasks-<job id>`. */
export function artifactName(plan: Plan, job: Job): string {
  switch (job.kind) {
    case 'task':
      return `task-${plan.tasks[job.tasks[0]!]!.id}`;
    case 'matrix':
      return `task-${EXPR.matrixTask}`;
    case 'sequence':
      return `tasks-${job.id}`;
  }
}

/** The artifact holding one task's output folder. */
function artifactOf(plan: Plan, job: Job, task: number): string {
  return job.kind === 'sequence' ? `tasks-${job.id}` : `task-${plan.tasks[task]!.id}`;
}

/** What every job of one workflow looks up: the job of each task, the deps of each task as indexes. */
interface Context {
  plan: Plan;
  graph: JobGraph;
  options: WorkflowOptions;
  jobOf: Int32Array;
  deps: number[][];
}

function context(plan: Plan, graph: JobGraph, options: WorkflowOptions): Context {
  const jobOf = new Int32Array(plan.tasks.length).fill(-1);
  graph.jobs.forEach((job, j) => {
    for (const t of job.tasks) jobOf[t] = j;
  });
  const idOf = new Map(plan.tasks.map((t, i) => [t.id, i]));
  const deps = plan.tasks.map((t) => t.deps.map((id) => idOf.get(id)!));
  return { plan, graph, options, jobOf, deps };
}

/** The artifacts of the jobs holding this job's deps, ordered by job, then by the plan's order inside it. */
function depArtifacts(ctx: Context, job: Job): string[] {
  const mine = new Set(job.tasks);
  const outside: number[] = [];
  for (const t of job.tasks) for (const d of ctx.deps[t]!) if (!mine.has(d)) outside.push(d);
  outside.sort((a, b) => ctx.jobOf[a]! - ctx.jobOf[b]! || a - b);
  const names = new Set<string>();
  for (const d of outside) names.add(artifactOf(ctx.plan, ctx.graph.jobs[ctx.jobOf[d]!]!, d));
  return [...names];
}

function taskJob(ctx: Context, job: Job, needs: readonly number[]): YamlMap {
  const { plan, graph, options } = ctx;
  const tasks = job.tasks.map((t) => plan.tasks[t]!);
  const failFast = tasks.filter((t) => t.onFailure === 'fail-fast');
  const agents = [...new Set(tasks.map((t) => t.agent).filter(isSetupAgent))].sort();
  const runsOn = tasks[0]!.runsOn;
  const keys = agents.map((a) => AGENT_CLIS[a].secret);

  const steps: YamlNode[] = [
    { uses: uses(ACTIONS.checkout), with: { 'persist-credentials': false } },
    ...downloadSteps(depArtifacts(ctx, job)),
    ...agentSetup(agents),
    {
      name: job.kind === 'sequence' ? 'Run the tasks' : 'Run the task',
      uses: options.actionRef,
      env: keys.length > 0 ? Object.fromEntries(keys.map((k) => [k, EXPR.secret(k)])) : undefined,
      with: {
        mode: 'task',
        plan: options.planPath,
        task: job.kind === 'matrix' ? EXPR.matrixTask : tasks.map((t) => t.id).join(' '),
        concurrency: options.concurrencyInput && job.kind === 'sequence' ? EXPR.concurrencyInput : undefined,
      },
    },
    {
      name: 'Upload the output',
      if: EXPR.notCancelled,
      uses: uses(ACTIONS.uploadArtifact),
      // Names are unique within a run attempt; `overwrite` matters on a re-run, which replaces the artifact of
      // the failed attempt instead of failing on the name.
      with: { name: artifactName(plan, job), path: ARTIFACT, 'include-hidden-files': true, overwrite: true },
    },
  ];
  if (failFast.length > 0) steps.push(cancelStep(failFast, failFast.length === tasks.length));

  return {
    needs: needs.length > 0 ? needs.map((j) => graph.jobs[j]!.id) : undefined,
    'runs-on': runsOn.length === 1 ? runsOn[0]! : runsOn,
    'timeout-minutes': jobTimeoutMinutes(job.kind, tasks),
    permissions: failFast.length > 0 ? { contents: 'read', actions: 'write' } : { contents: 'read' },
    strategy:
      job.kind === 'matrix' ? { 'fail-fast': false, matrix: { task: tasks.map((t) => t.id) } } : undefined,
    steps,
  };
}

/**
 * One download step per dep artifact, or, past MAX_NAMED_DOWNLOADS of them (a packed job in a large plan), one
 * step for every artifact of the run so far: each artifact's root holds `<id>/` folders, so merging them
 * overwrites nothing, and the deps' artifacts are among them (their jobs are needed, so they are done). What
 * comes along besides is only read if a task needs it, except a fail-fast failure, which stops the task job as
 * it should (the run is being cancelled). It keeps the workflow of a packed 10,000-task plan under GitHub's size
 * limit, where one step per artifact would not be.
 */
function downloadSteps(artifacts: readonly string[]): YamlNode[] {
  if (artifacts.length > MAX_NAMED_DOWNLOADS) {
    return [
      {
        name: `Download the ${artifacts.length} dep artifacts (with the run's others)`,
        uses: uses(ACTIONS.downloadArtifact),
        with: { pattern: 'task*', 'merge-multiple': true, path: OUTPUTS },
      },
    ];
  }
  return artifacts.map((name) => ({ uses: uses(ACTIONS.downloadArtifact), with: { name, path: OUTPUTS } }));
}

function agentSetup(agents: readonly SetupAgent[]): YamlNode[] {
  if (agents.length === 0) return [];
  return [
    { uses: uses(ACTIONS.setupNode), with: { 'node-version': NODE_VERSION } },
    ...agents.map(installStep),
  ];
}

/** The step that installs an agent's CLI at its pinned version. */
export function installStep(agent: SetupAgent): YamlMap {
  const cli = AGENT_CLIS[agent];
  return { name: `Install the ${cli.label}`, run: `npm install -g ${cli.package}@${cli.version}` };
}

/**
 * fail-fast: a failed task stops the whole run. When every task of the job is fail-fast, any failure of the
 * job cancels; when only some are, only a failed status of one of those does (a `skip-dependents` task's
 * failure must not stop independent branches).
 */
function cancelStep(failFast: readonly Task[], all: boolean): YamlMap {
  const cancel = 'gh run cancel "$GITHUB_RUN_ID"';
  const run = all
    ? cancel
    : [
        `for id in ${failFast.map((t) => t.id).join(' ')}; do`,
        `  if grep -Eq '"status": *"failed"' "${OUTPUTS}/$id/status.json" 2>/dev/null; then ${cancel}; exit 0; fi`,
        'done',
      ].join('\n');
  return {
    name: 'Cancel the run (fail-fast)',
    if: 'failure()',
    env: { GH_TOKEN: EXPR.token, GH_REPO: EXPR.repository },
    run,
  };
}

function aggregateJob(graph: JobGraph, options: WorkflowOptions): YamlMap {
  return {
    // Every task job, not only the last ones: a last job is skipped as soon as one of its deps fails, while
    // other branches may still be running; waiting for all of them is what makes the report complete.
    needs: graph.jobs.length > 0 ? graph.jobs.map((job) => job.id) : undefined,
    // always(), not !cancelled(): a fail-fast failure cancels the run (its cancel step), and that is when the
    // report matters most. A run cancelled by hand gets its report too: what ran, what did not.
    if: EXPR.always,
    'runs-on': AGGREGATE_RUNNER,
    'timeout-minutes': AGGREGATE_TIMEOUT_MINUTES,
    permissions: { contents: 'read' },
    // After a cancellation, steps run only when they say always() (and GitHub gives them 5 minutes); the job's
    // timeout bounds a step that would hang.
    steps: [
      { if: EXPR.always, uses: uses(ACTIONS.checkout), with: { 'persist-credentials': false } },
      {
        if: EXPR.always,
        uses: uses(ACTIONS.downloadArtifact),
        // Every artifact's root holds `<id>/` folders, one artifact per task: merging overwrites nothing.
        with: { pattern: 'task*', 'merge-multiple': true, path: OUTPUTS },
      },
      {
        name: 'Write the report',
        if: EXPR.always,
        uses: options.actionRef,
        with: { mode: 'aggregate', plan: options.planPath },
      },
      {
        name: 'Upload the report',
        if: EXPR.always,
        uses: uses(ACTIONS.uploadArtifact),
        with: { name: 'final-output', path: REPORT, 'include-hidden-files': true, overwrite: true },
      },
    ],
  };
}
