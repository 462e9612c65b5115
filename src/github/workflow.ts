/**
 * The workflow document of a JobGraph, as in docs/github.md ("The job contract"). Only ids, runner labels and
 * structure reach the YAML: prompts, titles, commands, inputs and env stay in the plan, which the action reads
 * at run time. Every value written here is either a constant of this module, a task id or runner label
 * (validated plain ASCII, checked again below), or an option validated by the caller (plan path, action ref).
 */
import { buildGraph, topologicalOrder, transitiveReduction, type Graph } from '../core/graph.js';
import type { Plan, Task } from '../core/model.js';
import { UserError } from '../errors.js';
import { TASK_STEP_ID, cancelJob, failFastOutputs, failFastTasks } from './cancel.js';
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
/**
 * Where artifacts are downloaded, each into its own `<artifact name>/`, never merged: the task and aggregate
 * modes import from there into OUTPUTS only what each artifact may speak for (`task-<id>`: `<id>/`; another:
 * the ids `sources` gives it), so one task's artifact cannot forge another's result.
 */
export const DOWNLOADS = '.orchestrator/downloads';
/** How long GitHub keeps a task artifact: enough to read a run's results, short for what a task left in it. */
export const TASK_RETENTION_DAYS = 3;
const AGGREGATE_RUNNER = 'ubuntu-latest';
const AGGREGATE_TIMEOUT_MINUTES = 15;
/** Above this many dep artifacts, a job downloads all the run's artifacts in one step (downloadSteps). */
const MAX_NAMED_DOWNLOADS = 8;
/**
 * The workflow-level variable holding every `tasks-<job>` artifact's ids, written once: the aggregate step and
 * the jobs that download by pattern read it (`${{ env.… }}`) instead of each repeating it.
 */
const SOURCES_ENV = 'ORCHESTRATOR_SOURCES';
/**
 * Linux starts no process with one environment string over 128 KiB (MAX_ARG_STRLEN), and `sources` reaches the
 * step as one (the variable above, the action's INPUT_SOURCES): past this, every step of the job would fail.
 */
const MAX_SOURCES_BYTES = 128 * 1024 - 64;
/** Above this many jobs, needs are written unreduced: the reduction takes jobs² / 8 bytes. */
const MAX_REDUCED_JOBS = 20_000;

/**
 * Hidden from the agent: no token reaches a task job (the cancel jobs of cancel.ts hold the one they need), the
 * API keys only the step that runs the agent. Nothing from the plan but validated ids is ever placed inside
 * `${{ }}` (cancel.ts writes job ids there).
 */
const EXPR = {
  notCancelled: '${{ !cancelled() }}',
  always: '${{ always() }}',
  matrixTask: '${{ matrix.task }}',
  concurrencyGroup: '${{ github.workflow }}-${{ github.ref }}',
  concurrencyInput: '${{ inputs.concurrency }}',
  sources: `\${{ env.${SOURCES_ENV} }}`,
  secret: (name: string): string => `\${{ secrets.${name} }}`,
} as const;

/** `uses:` of a pinned action: its full SHA, the version as a comment beside it. */
export function uses(action: PinnedAction): Commented {
  const { ref, comment } = actionRef(action);
  return new Commented(ref, comment);
}

/**
 * The composite action that runs agent tasks (`task/action.yml` of the action's repository): its `run:` steps get
 * no ACTIONS_RUNTIME_TOKEN, which GitHub gives every JavaScript action. `org/orchestrator@v1` ->
 * `org/orchestrator/task@v1`, `owner/repo/path@ref` -> `owner/repo/path/task@ref`, `./` -> `./task`,
 * `./x` -> `./x/task`.
 */
export function taskActionRef(ref: string): string {
  if (ref.startsWith('./')) return `${ref.replace(/\/+$/, '')}/task`;
  const at = ref.indexOf('@');
  if (at <= 0) throw new Error(`action ref ${JSON.stringify(ref)} has no @<ref>`);
  return `${ref.slice(0, at).replace(/\/+$/, '')}/task${ref.slice(at)}`;
}

/** The `env:` of a task step: the API key of each agent it runs, and nothing else. */
export function agentKeysEnv(agents: readonly SetupAgent[]): YamlMap | undefined {
  if (agents.length === 0) return undefined;
  // Under the names the CLI reads its key from (codex: CODEX_API_KEY), which need not be the secret's name.
  return Object.fromEntries(
    agents.flatMap((a) => AGENT_CLIS[a].keyEnv.map((name) => [name, EXPR.secret(AGENT_CLIS[a].secret)])),
  );
}

export function renderWorkflow(plan: Plan, graph: JobGraph, options: WorkflowOptions): string {
  for (const task of plan.tasks) checkTaskValues(task);
  const ctx = context(plan, graph, options);
  // No prototype: a task may be called `__proto__` (a valid id) and must land as a plain key.
  const jobs = Object.create(null) as Record<string, YamlNode>;
  const needs = reducedNeeds(graph);
  graph.jobs.forEach((job, j) => {
    jobs[job.id] = taskJob(ctx, job, needs[j]!);
    const failFast = failFastTasks(plan, job);
    if (failFast > 0) {
      const cancel = cancelJob(job.id, failFast === job.tasks.length);
      jobs[cancel.id] = cancel.job;
    }
  });
  jobs.aggregate = aggregateJob(ctx);

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
    // Which tasks each multi-task artifact holds, for the steps that may see all of them (sourcesInput).
    env: ctx.allSources === '' ? undefined : { [SOURCES_ENV]: ctx.allSources },
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

/**
 * What every job of one workflow looks up: the job of each task, the deps of each task as indexes, and the
 * `sources` entry (`tasks-<job>=<id>,<id>`) of each job whose artifact holds several tasks.
 */
interface Context {
  plan: Plan;
  graph: JobGraph;
  options: WorkflowOptions;
  jobOf: Int32Array;
  deps: number[][];
  sourceOf: Map<string, string>;
  /** Every entry, space-separated ('' when no artifact holds several tasks). */
  allSources: string;
}

function context(plan: Plan, graph: JobGraph, options: WorkflowOptions): Context {
  const jobOf = new Int32Array(plan.tasks.length).fill(-1);
  const sourceOf = new Map<string, string>();
  graph.jobs.forEach((job, j) => {
    for (const t of job.tasks) jobOf[t] = j;
    if (job.kind === 'sequence') {
      const name = artifactName(plan, job);
      sourceOf.set(name, `${name}=${job.tasks.map((t) => plan.tasks[t]!.id).join(',')}`);
    }
  });
  const idOf = new Map(plan.tasks.map((t, i) => [t.id, i]));
  const deps = plan.tasks.map((t) => t.deps.map((id) => idOf.get(id)!));
  const allSources = [...sourceOf.values()].join(' ');
  if (allSources.length > MAX_SOURCES_BYTES) {
    throw new UserError(
      `listing which tasks the artifacts of the jobs that run several tasks hold (${sourceOf.size} of them, ` +
        `the \`sources\` of the steps that read them) takes ${allSources.length} bytes, over the ` +
        `${MAX_SOURCES_BYTES} bytes one environment variable of a step can carry on Linux: use shorter task ` +
        `ids, or split the plan into several plans`,
    );
  }
  return { plan, graph, options, jobOf, deps, sourceOf, allSources };
}

/**
 * The `sources` input of a step that imports downloaded artifacts: which tasks each `tasks-<job>` artifact may
 * speak for (a `task-<id>` artifact speaks for `<id>` alone and needs no entry). Named downloads: the entries of
 * those artifacts only. A download by pattern brings every artifact of the run so far, any job's: the whole
 * mapping, from the workflow's variable (repeating it in each such job would not fit GitHub's size limit).
 */
function sourcesInput(ctx: Context, downloaded: readonly string[] | 'all'): string | undefined {
  if (ctx.allSources === '') return undefined;
  if (downloaded === 'all') return EXPR.sources;
  const entries = downloaded.flatMap((name) => ctx.sourceOf.get(name) ?? []);
  return entries.length > 0 ? entries.join(' ') : undefined;
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

/**
 * A task job: it runs agents and plan commands, so it holds `contents: read` and its agents' API keys in the
 * task step alone, and nothing after the task step holds a token (the upload holds the runtime token every
 * JavaScript action gets; the task step leaves GITHUB_ENV and GITHUB_PATH as they were, so the upload runs as
 * written). fail-fast is a job of its own (cancel.ts).
 */
function taskJob(ctx: Context, job: Job, needs: readonly number[]): YamlMap {
  const { plan, graph, options } = ctx;
  const tasks = job.tasks.map((t) => plan.tasks[t]!);
  const failFast = failFastTasks(plan, job);
  const agents = [...new Set(tasks.map((t) => t.agent).filter(isSetupAgent))].sort();
  const runsOn = tasks[0]!.runsOn;
  const artifacts = depArtifacts(ctx, job);
  const byPattern = artifacts.length > MAX_NAMED_DOWNLOADS;

  const steps: YamlNode[] = [
    { uses: uses(ACTIONS.checkout), with: { 'persist-credentials': false } },
    ...downloadSteps(artifacts, byPattern),
    // The composite installs the agent CLIs from its lockfiles, with this Node.
    ...(agents.length > 0 ? [{ uses: uses(ACTIONS.setupNode), with: { 'node-version': NODE_VERSION } }] : []),
    {
      name: job.kind === 'sequence' ? 'Run the tasks' : 'Run the task',
      id: TASK_STEP_ID,
      uses: taskActionRef(options.actionRef),
      env: agentKeysEnv(agents),
      with: {
        plan: options.planPath,
        task: job.kind === 'matrix' ? EXPR.matrixTask : tasks.map((t) => t.id).join(' '),
        agents: agents.length > 0 ? agents.join(' ') : undefined,
        sources: sourcesInput(ctx, byPattern ? 'all' : artifacts),
        concurrency: options.concurrencyInput && job.kind === 'sequence' ? EXPR.concurrencyInput : undefined,
      },
    },
    {
      name: 'Upload the output',
      if: EXPR.notCancelled,
      uses: uses(ACTIONS.uploadArtifact),
      // Names are unique within a run attempt; `overwrite` matters on a re-run, which replaces the artifact of
      // the failed attempt instead of failing on the name.
      with: {
        name: artifactName(plan, job),
        path: ARTIFACT,
        'include-hidden-files': true,
        overwrite: true,
        'retention-days': TASK_RETENTION_DAYS,
      },
    },
  ];

  return {
    needs: needs.length > 0 ? needs.map((j) => graph.jobs[j]!.id) : undefined,
    'runs-on': runsOn.length === 1 ? runsOn[0]! : runsOn,
    'timeout-minutes': jobTimeoutMinutes(job.kind, tasks),
    permissions: { contents: 'read' },
    strategy:
      job.kind === 'matrix' ? { 'fail-fast': false, matrix: { task: tasks.map((t) => t.id) } } : undefined,
    // Only some tasks fail-fast: the cancel job acts on the task step's word, not on any failure of the job.
    outputs: failFast > 0 && failFast < tasks.length ? failFastOutputs() : undefined,
    steps,
  };
}

/**
 * One download step per dep artifact, each into `downloads/<name>/`, or, past MAX_NAMED_DOWNLOADS of them (a
 * packed job in a large plan), one step for every artifact of the run so far, each landing in its own
 * `downloads/<name>/` (no merge): the deps' artifacts are among them (their jobs are needed, so they are done),
 * and the import takes from each only what it may speak for. It keeps the workflow of a packed 10,000-task plan
 * under GitHub's size limit, where one step per artifact would not be.
 */
function downloadSteps(artifacts: readonly string[], byPattern: boolean): YamlNode[] {
  if (byPattern) {
    return [
      {
        name: `Download the ${artifacts.length} dep artifacts (with the run's others)`,
        uses: uses(ACTIONS.downloadArtifact),
        with: { pattern: 'task*', path: DOWNLOADS },
      },
    ];
  }
  return artifacts.map((name) => ({
    uses: uses(ACTIONS.downloadArtifact),
    with: { name, path: `${DOWNLOADS}/${name}` },
  }));
}

function aggregateJob(ctx: Context): YamlMap {
  const { graph, options } = ctx;
  return {
    // Every task job, not only the last ones: a last job is skipped as soon as one of its deps fails, while
    // other branches may still be running; waiting for all of them is what makes the report complete. Not the
    // cancel jobs: they are skipped unless a run fails fast, and the report does not wait for the cancel.
    needs: graph.jobs.length > 0 ? graph.jobs.map((job) => job.id) : undefined,
    // always(), not !cancelled(): a fail-fast failure cancels the run (its cancel job), and that is when the
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
        // No merge: each artifact in its own folder, imported by the aggregate mode as the task jobs do.
        with: { pattern: 'task*', path: DOWNLOADS },
      },
      {
        name: 'Write the report',
        if: EXPR.always,
        uses: options.actionRef,
        with: { mode: 'aggregate', plan: options.planPath, sources: sourcesInput(ctx, 'all') },
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
