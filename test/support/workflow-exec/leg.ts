/**
 * One job or matrix leg on its own "machine": a fresh workspace, runner temp and home folder; its steps with
 * GitHub's step status rules, the GITHUB_OUTPUT/ENV/PATH/STEP_SUMMARY files, and the job's outputs at the end.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  evaluateCondition,
  interpolate,
  interpolateString,
  truthy,
  unsupported,
  valueToString,
  type EvalContext,
  type StatusFunctions,
  type Value,
} from './expressions.js';
import type { Job, Raw, Step } from './model.js';
import { capPermissions, jobPermissions, permissionToken, READ_ONLY } from './permissions.js';
import { runCompositeAction } from './composite.js';
import {
  BUILTIN_ACTIONS,
  commandFiles,
  nodeActionTokens,
  parseCommandFile,
  readActionMetadata,
  runBuiltin,
  runNodeAction,
  runScript,
  type StepIo,
  type StepOutcome,
} from './steps.js';
import {
  DEFAULT_ACTION_REF,
  type ExecuteWorkflowOptions,
  type LegRun,
  type RunState,
  type StepRun,
} from './types.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');

export function checkCancel(state: RunState): void {
  if (!state.cancelled && fs.existsSync(state.cancelFile)) state.cancelled = true;
}

export function needsContext(state: RunState, job: Job): Value {
  const needs: Record<string, Value> = {};
  for (const n of job.needs) {
    const run = state.jobs.get(n);
    needs[n] = { result: run?.result ?? null, outputs: run?.outputs ?? {} };
  }
  return needs;
}

export function interpolateDeep(v: unknown, ctx: EvalContext): Value {
  if (typeof v === 'string') return interpolate(v, ctx);
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map((e) => interpolateDeep(e, ctx));
  if (typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, e]) => [k, interpolateDeep(e, ctx)]));
  }
  throw unsupported(`a YAML value of type ${typeof v}`);
}

function stringMap(raw: Raw, ctx: EvalContext, into: Record<string, string>): Record<string, string> {
  for (const [k, v] of Object.entries(raw)) {
    into[k] = typeof v === 'string' ? interpolateString(v, ctx) : valueToString(interpolateDeep(v, ctx));
  }
  return into;
}

function baseEnv(options: ExecuteWorkflowOptions): Record<string, string> {
  const merged: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    LANG: process.env.LANG,
    TZ: process.env.TZ,
    // The task step kills only its own runs' leftover processes, not every new one of the user: the tests run
    // side by side as one user (src/runner/sweep.ts).
    ORCHESTRATOR_SWEEP: 'run',
    ...options.env,
  };
  return Object.fromEntries(Object.entries(merged).filter((e): e is [string, string] => e[1] !== undefined));
}

export function legName(job: Job, matrix: Record<string, Value> | null, ctx: EvalContext): string {
  if (job.name !== undefined) return interpolateString(job.name, ctx);
  if (matrix === null) return job.id;
  const values = Object.values(matrix).map((v) =>
    v !== null && typeof v === 'object' ? JSON.stringify(v) : valueToString(v),
  );
  return `${job.id} (${values.join(', ')})`;
}

function minutes(v: unknown, ctx: EvalContext, where: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(typeof v === 'string' ? interpolateString(v, ctx) : v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${where}: timeout-minutes must be a positive number`);
  return n;
}

async function runStep(
  state: RunState,
  job: Job,
  step: Step,
  io: StepIo,
  setOutput: (name: string, value: string) => void,
): Promise<StepOutcome> {
  const timeoutMin = minutes(step.timeoutMinutes, io.ctx, `jobs.${job.id}.steps[${step.index}]`);
  const timeoutMs = timeoutMin === undefined ? undefined : timeoutMin * 60_000;
  if (step.run !== undefined) {
    const w = state.workflow;
    const dir = step.workingDirectory ?? job.defaults.workingDirectory ?? w.defaults.workingDirectory;
    const cwd = path.resolve(io.workspace, dir === undefined ? '' : interpolateString(dir, io.ctx));
    const shell = step.shell ?? job.defaults.shell ?? w.defaults.shell;
    return runScript(interpolateString(step.run, io.ctx), shell, cwd, io, timeoutMs);
  }
  const uses = step.uses as string;
  const actionRef = state.options.actionRef ?? DEFAULT_ACTION_REF;
  const actionRoot = state.options.actionRoot ?? ROOT;
  const folder = actionFolder(uses, actionRef, actionRoot, io.workspace);
  if (folder !== null) {
    const meta = readActionMetadata(folder);
    if (meta.using === 'composite') return runCompositeAction(meta, step.with, io, timeoutMs, setOutput);
    return runNodeAction(folder, step.with, io, timeoutMs, nodeActionTokens(grantsIdToken(state, job)));
  }
  const match = /^([^/@]+\/[^/@]+)@(.+)$/.exec(uses);
  const action = match?.[1]?.toLowerCase();
  if (action === undefined || !BUILTIN_ACTIONS.includes(action)) throw unsupported(`uses: ${uses}`);
  return runBuiltin(action, step.with, io, {
    repo: state.options.repo,
    refs: state.options.refs ?? {},
    repository: valueToString(state.github.repository ?? ''),
    actionRepository: actionRef.replace(/@.*$/, ''),
    actionRoot,
    store: state.store,
    runs: state.options.runs ?? new Map([[valueToString(state.github.run_id ?? ''), state.store]]),
    setOutput,
  });
}

/**
 * The folder of the action a `uses:` names, when it is this project's or a local one; null for any other. This
 * project's action is `actionRef` (or `./`), an action in a folder of it `<owner>/<name>/<folder>@<the same ref>`
 * (`org/orchestrator/task@v1`); `./<path>` is the workspace's folder when it holds an action.yml (this project
 * checked out into the workspace), else, like `./`, this project's.
 */
function actionFolder(uses: string, actionRef: string, actionRoot: string, workspace: string): string | null {
  if (uses === actionRef || uses === './' || uses === '.') return actionRoot;
  const at = actionRef.lastIndexOf('@');
  const [repository, ref] = [actionRef.slice(0, at), actionRef.slice(at + 1)];
  const sub = /^([^/@]+\/[^/@]+)\/([^@]+)@(.+)$/.exec(uses);
  if (sub !== null && sub[1]!.toLowerCase() === repository.toLowerCase() && sub[3] === ref) {
    return path.join(actionRoot, sub[2]!);
  }
  if (!uses.startsWith('./')) return null;
  if (fs.existsSync(path.join(workspace, uses, 'action.yml'))) return path.join(workspace, uses);
  return fs.existsSync(path.join(actionRoot, uses, 'action.yml')) ? path.join(actionRoot, uses) : null;
}

/** Whether the job's token may request an OIDC token (`id-token: write` asked for, in the job or the workflow). */
function grantsIdToken(state: RunState, job: Job): boolean {
  if (job.permissions === undefined && state.workflow.permissions === undefined) return false;
  return jobPermissions(state.workflow, job, state.permissionCap)['id-token'] === 'write';
}

export async function runLeg(
  state: RunState,
  job: Job,
  matrix: Record<string, Value> | null,
  index: number | null,
  total: number,
  failFast: boolean,
): Promise<LegRun> {
  const folder = path.join(
    state.root,
    'jobs',
    `${++state.legCount}-${state.prefix.replace('/', '-')}${job.id}${index === null ? '' : `-${index}`}`,
  );
  const workspace = path.join(folder, 'workspace');
  const runnerTemp = path.join(folder, 'temp');
  const home = path.join(folder, 'home');
  for (const d of [workspace, runnerTemp, home]) fs.mkdirSync(d, { recursive: true });

  const github: Record<string, Value> = { ...state.github, job: job.id, workspace };
  if (state.options.permissionTokens === true || state.options.readOnlyToken === true) {
    let cap = state.permissionCap;
    if (state.options.readOnlyToken === true)
      cap = cap === undefined ? READ_ONLY : capPermissions(cap, READ_ONLY);
    github.token = permissionToken(`${state.prefix}${job.id}`, jobPermissions(state.workflow, job, cap));
  }
  const envCtx: Record<string, Value> = {};
  const stepsCtx: Record<string, Value> = {};
  const jobCtx: Record<string, Value> = { status: 'success' };
  const contexts: Record<string, Value> = {
    github,
    env: envCtx,
    secrets: { GITHUB_TOKEN: valueToString(github.token ?? ''), ...state.options.secrets },
    vars: { ...state.options.vars },
    inputs: { ...state.options.inputs },
    needs: needsContext(state, job),
    matrix: matrix ?? {},
    strategy: { 'fail-fast': failFast, 'job-index': index ?? 0, 'job-total': total, 'max-parallel': total },
    runner: { os: 'Linux', arch: 'X64', name: 'local', temp: runnerTemp, environment: 'github-hosted' },
    steps: stepsCtx,
    job: jobCtx,
  };
  const ctx: EvalContext = { contexts };
  const name = legName(job, matrix, ctx);
  const workflowEnv = stringMap(state.workflow.env, ctx, {});
  Object.assign(envCtx, workflowEnv);
  const jobEnv = stringMap(job.env, ctx, { ...workflowEnv });
  Object.assign(envCtx, jobEnv);

  const leg: LegRun = {
    job: job.id,
    index,
    matrix,
    name,
    result: 'success',
    outputs: {},
    workspace,
    steps: [],
    summary: '',
  };
  const timeout = minutes(job.timeoutMinutes, ctx, `jobs.${job.id}`);
  if (timeout !== undefined) leg.timeoutMinutes = timeout;

  const fromGithubEnv: Record<string, string> = {};
  const extraPath: string[] = [];
  let failed = false;
  const cancelledAtStart = state.cancelled;
  // Step status functions speak of this job: a cancel that came before it started (an always() job) does not
  // cancel its steps; one that comes while it runs does.
  // Read live (the cancel file), so a composite's steps see a cancel one of its own earlier steps asked for.
  const cancelledHere = (): boolean => {
    checkCancel(state);
    return state.cancelled && !cancelledAtStart;
  };
  const status: StatusFunctions = {
    success: () => !cancelledHere() && !failed,
    failure: () => failed,
    cancelled: cancelledHere,
  };
  const base = baseEnv(state.options);
  for (const step of job.steps) {
    const stepName =
      step.name !== undefined ? interpolateString(step.name, ctx) : (step.run ?? `Run ${step.uses ?? ''}`);
    const record: StepRun = {
      index: step.index,
      name: stepName.split('\n')[0] ?? '',
      outcome: 'skipped',
      conclusion: 'skipped',
      exitCode: null,
      stdout: '',
      stderr: '',
      messages: [],
      outputs: {},
      env: {},
    };
    if (step.id !== undefined) record.id = step.id;
    leg.steps.push(record);
    if (!evaluateCondition(step.if, { contexts: { ...contexts, env: { ...envCtx } }, status })) {
      if (step.id !== undefined)
        stepsCtx[step.id] = { outputs: {}, outcome: 'skipped', conclusion: 'skipped' };
      continue;
    }
    const files = commandFiles(runnerTemp);
    const stepCtxEnv: Record<string, Value> = { ...envCtx, ...fromGithubEnv };
    const stepEnv = stringMap(step.env, { contexts: { ...contexts, env: stepCtxEnv } }, {});
    Object.assign(stepCtxEnv, stepEnv);
    record.env = { ...stepEnv };
    const eventPath = path.join(runnerTemp, 'event.json');
    fs.writeFileSync(eventPath, JSON.stringify(github.event ?? {}));
    const env: Record<string, string> = {
      ...base,
      HOME: home,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_JOB: job.id,
      GITHUB_ACTION: step.id ?? `__step${step.index}`,
      GITHUB_RUN_ID: valueToString(github.run_id ?? ''),
      GITHUB_RUN_NUMBER: valueToString(github.run_number ?? ''),
      GITHUB_RUN_ATTEMPT: valueToString(github.run_attempt ?? ''),
      GITHUB_REPOSITORY: valueToString(github.repository ?? ''),
      GITHUB_REPOSITORY_OWNER: valueToString(github.repository_owner ?? ''),
      GITHUB_EVENT_NAME: valueToString(github.event_name ?? ''),
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REF: valueToString(github.ref ?? ''),
      GITHUB_REF_NAME: valueToString(github.ref_name ?? ''),
      GITHUB_SHA: valueToString(github.sha ?? ''),
      GITHUB_ACTOR: valueToString(github.actor ?? ''),
      GITHUB_SERVER_URL: valueToString(github.server_url ?? ''),
      GITHUB_API_URL: valueToString(github.api_url ?? ''),
      GITHUB_WORKFLOW: valueToString(github.workflow ?? ''),
      RUNNER_OS: 'Linux',
      RUNNER_ARCH: 'X64',
      RUNNER_TEMP: runnerTemp,
      FAKE_GH_CANCEL_FILE: state.cancelFile,
      ...files,
      ...jobEnv,
      ...fromGithubEnv,
      ...stepEnv,
    };
    if (extraPath.length > 0) env.PATH = [...extraPath, env.PATH ?? ''].join(':');
    // `status` too: a composite's own steps ask cancelled() and success() of this job.
    const io: StepIo = {
      env,
      workspace,
      runnerTemp,
      ctx: { contexts: { ...contexts, env: stepCtxEnv } },
      status,
    };
    state.options.beforeStep?.({ job: `${state.prefix}${job.id}`, index, name: record.name, workspace });
    const outcome = await runStep(state, job, step, io, (k, v) => (record.outputs[k] = v));
    Object.assign(record.outputs, parseCommandFile(fs.readFileSync(files.GITHUB_OUTPUT, 'utf8')));
    Object.assign(fromGithubEnv, parseCommandFile(fs.readFileSync(files.GITHUB_ENV, 'utf8')));
    const added = fs.readFileSync(files.GITHUB_PATH, 'utf8').split('\n').filter(Boolean);
    extraPath.unshift(...added.reverse());
    leg.summary += fs.readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8');
    record.stdout = outcome.stdout;
    record.stderr = outcome.stderr;
    record.exitCode = outcome.exitCode;
    record.messages = outcome.log;
    record.outcome = outcome.ok ? 'success' : 'failure';
    const continueOnError =
      step.continueOnError !== undefined &&
      truthy(
        typeof step.continueOnError === 'string'
          ? interpolate(step.continueOnError, io.ctx)
          : interpolateDeep(step.continueOnError, io.ctx),
      );
    record.conclusion = outcome.ok || continueOnError ? 'success' : 'failure';
    if (record.conclusion === 'failure') {
      failed = true;
      jobCtx.status = 'failure';
    }
    if (step.id !== undefined) {
      stepsCtx[step.id] = {
        outputs: { ...record.outputs },
        outcome: record.outcome,
        conclusion: record.conclusion,
      };
    }
    checkCancel(state);
  }
  leg.result = failed ? 'failure' : cancelledHere() ? 'cancelled' : 'success';
  const outputCtx: EvalContext = { contexts: { ...contexts, env: { ...envCtx } } };
  for (const [k, expr] of Object.entries(job.outputs)) {
    leg.outputs[k] = interpolateString(expr, outputCtx);
  }
  return leg;
}
