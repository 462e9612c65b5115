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
import {
  BUILTIN_ACTIONS,
  parseCommandFile,
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
  if (uses === actionRef || uses === './' || uses === '.') {
    return runNodeAction(state.options.actionRoot ?? ROOT, step.with, io, timeoutMs);
  }
  const match = /^([^/@]+\/[^/@]+)@(.+)$/.exec(uses);
  const action = match?.[1]?.toLowerCase();
  if (action === undefined || !BUILTIN_ACTIONS.includes(action)) throw unsupported(`uses: ${uses}`);
  return runBuiltin(action, step.with, io, { repo: state.options.repo, store: state.store, setOutput });
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
  const cancelledHere = (): boolean => state.cancelled && !cancelledAtStart;
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
    };
    if (step.id !== undefined) record.id = step.id;
    leg.steps.push(record);
    if (!evaluateCondition(step.if, { contexts: { ...contexts, env: { ...envCtx } }, status })) {
      if (step.id !== undefined)
        stepsCtx[step.id] = { outputs: {}, outcome: 'skipped', conclusion: 'skipped' };
      continue;
    }
    const stepDir = path.join(runnerTemp, `_step${step.index}`);
    fs.mkdirSync(stepDir, { recursive: true });
    const files = {
      GITHUB_OUTPUT: path.join(stepDir, 'output'),
      GITHUB_ENV: path.join(stepDir, 'env'),
      GITHUB_PATH: path.join(stepDir, 'path'),
      GITHUB_STEP_SUMMARY: path.join(stepDir, 'summary'),
      GITHUB_STATE: path.join(stepDir, 'state'),
    };
    for (const f of Object.values(files)) fs.writeFileSync(f, '');
    const stepCtxEnv: Record<string, Value> = { ...envCtx, ...fromGithubEnv };
    const stepEnv = stringMap(step.env, { contexts: { ...contexts, env: stepCtxEnv } }, {});
    Object.assign(stepCtxEnv, stepEnv);
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
    const io: StepIo = { env, workspace, runnerTemp, ctx: { contexts: { ...contexts, env: stepCtxEnv } } };
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
