/**
 * A composite action (`runs.using: composite`) as the runner runs it: its `inputs` context from the step's `with:`
 * and the inputs' defaults; `github.action_path` and GITHUB_ACTION_PATH (the folder of its action.yml); each of
 * its `run:` steps with its own `env`, `shell` (required, as GitHub requires it), `if` (success() speaks of the
 * composite's steps), `id`, `working-directory` and `continue-on-error`, its own GITHUB_OUTPUT/ENV/PATH/STATE/
 * STEP_SUMMARY files, what a step adds to GITHUB_ENV and GITHUB_PATH reaching the steps after it; then the
 * action's `outputs` from its steps' outputs. What its steps added to the environment and PATH, and their
 * summaries, go to the calling step's own files, so that they reach the job's later steps as on GitHub.
 *
 * Like GitHub, it gives its steps no ACTIONS_RUNTIME_TOKEN (a `run:` step never gets one). A `uses:` step inside
 * a composite, and any other key, is unsupported.
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
import { commandFiles, parseCommandFile, runScript, type StepIo, type StepOutcome } from './steps.js';

export interface CompositeStep {
  index: number;
  id?: string;
  name?: string;
  if?: unknown;
  run: string;
  shell: string;
  env: Record<string, unknown>;
  workingDirectory?: string;
  continueOnError?: unknown;
}

export interface CompositeAction {
  /** The folder holding action.yml. */
  root: string;
  inputs: Record<string, { default?: string; required: boolean }>;
  /** Output name → its `value` expression. */
  outputs: Record<string, string>;
  steps: CompositeStep[];
}

const STEP_KEYS = ['name', 'id', 'if', 'run', 'shell', 'env', 'working-directory', 'continue-on-error'];

/** `runs.steps` of a composite action.yml, narrowed to what is emulated. */
export function parseCompositeSteps(root: string, steps: unknown): CompositeStep[] {
  const where = `${root}/action.yml: runs.steps`;
  if (!Array.isArray(steps) || steps.length === 0) throw new Error(`${where} must be a non-empty list`);
  return steps.map((raw: unknown, index) => {
    if (typeof raw !== 'object' || raw === null) throw new Error(`${where}[${index}] must be a mapping`);
    const s = raw as Record<string, unknown>;
    if (s.uses !== undefined) throw unsupported(`uses: in a composite action (${where}[${index}])`);
    for (const key of Object.keys(s)) {
      if (!STEP_KEYS.includes(key)) throw unsupported(`${where}[${index}].${key}`);
    }
    if (typeof s.run !== 'string') throw new Error(`${where}[${index}] needs run`);
    if (typeof s.shell !== 'string') throw new Error(`${where}[${index}]: a composite run step needs shell`);
    const step: CompositeStep = {
      index,
      run: s.run,
      shell: s.shell,
      env: (s.env ?? {}) as Record<string, unknown>,
    };
    if (typeof s.id === 'string') step.id = s.id;
    if (typeof s.name === 'string') step.name = s.name;
    if (s.if !== undefined) step.if = s.if;
    if (typeof s['working-directory'] === 'string') step.workingDirectory = s['working-directory'];
    if (s['continue-on-error'] !== undefined) step.continueOnError = s['continue-on-error'];
    return step;
  });
}

/**
 * Runs the action for a step whose `with:` is `given` (evaluated in the step's context, `io.ctx`), its outputs
 * through `setOutput`.
 */
export async function runCompositeAction(
  action: CompositeAction,
  given: Record<string, unknown>,
  io: StepIo,
  timeoutMs: number | undefined,
  setOutput: (name: string, value: string) => void,
): Promise<StepOutcome> {
  const inputs: Record<string, Value> = {};
  for (const [name, spec] of Object.entries(action.inputs)) {
    const value = given[name];
    if (value !== undefined && value !== null) {
      inputs[name] =
        typeof value === 'string' ? interpolateString(value, io.ctx) : valueToString(value as Value);
    } else if (spec.default !== undefined) {
      inputs[name] = interpolateString(spec.default, io.ctx);
    } else if (spec.required) {
      return failure(`Input required and not supplied: ${name}`);
    } else {
      inputs[name] = '';
    }
  }
  for (const name of Object.keys(given)) {
    if (!Object.hasOwn(action.inputs, name))
      throw unsupported(`input '${name}' the composite does not declare`);
  }

  const outer = io.ctx.contexts;
  const github = { ...(outer.github as Record<string, Value>), action_path: action.root };
  const steps: Record<string, Value> = {};
  const addedEnv: Record<string, string> = {};
  const addedPath: string[] = [];
  const started = Date.now();
  const result: StepOutcome = { ok: true, exitCode: 0, stdout: '', stderr: '', log: [] };
  let failed = false;
  const outerStatus = io.status;
  const status: StatusFunctions = {
    success: () => !failed && !(outerStatus?.cancelled() ?? false),
    failure: () => failed,
    cancelled: () => outerStatus?.cancelled() ?? false,
  };

  for (const step of action.steps) {
    const envCtx: Record<string, Value> = { ...(outer.env as Record<string, Value>), ...addedEnv };
    const ctx: EvalContext = {
      contexts: { ...outer, github, inputs, steps, env: envCtx },
      status,
    };
    if (!evaluateCondition(step.if, ctx)) {
      if (step.id !== undefined) steps[step.id] = { outputs: {}, outcome: 'skipped', conclusion: 'skipped' };
      continue;
    }
    const stepEnv: Record<string, string> = {};
    for (const [k, v] of Object.entries(step.env)) {
      stepEnv[k] = typeof v === 'string' ? interpolateString(v, ctx) : valueToString(v as Value);
    }
    const files = commandFiles(io.runnerTemp);
    const env: Record<string, string> = {
      ...io.env,
      ...addedEnv,
      ...files,
      ...stepEnv,
      GITHUB_ACTION_PATH: action.root,
    };
    if (addedPath.length > 0) env.PATH = [...addedPath, env.PATH ?? ''].join(':');
    const stepCtx: EvalContext = { contexts: { ...ctx.contexts, env: { ...envCtx, ...stepEnv } }, status };
    const cwd = path.resolve(
      io.workspace,
      step.workingDirectory === undefined ? '' : interpolateString(step.workingDirectory, stepCtx),
    );
    const left = timeoutMs === undefined ? undefined : Math.max(1, timeoutMs - (Date.now() - started));
    const outcome = await runScript(
      interpolateString(step.run, stepCtx),
      step.shell,
      cwd,
      { ...io, env, ctx: stepCtx },
      left,
    );
    result.stdout += outcome.stdout;
    result.stderr += outcome.stderr;
    result.log.push(...outcome.log);
    const outputs = parseCommandFile(fs.readFileSync(files.GITHUB_OUTPUT, 'utf8'));
    Object.assign(addedEnv, parseCommandFile(fs.readFileSync(files.GITHUB_ENV, 'utf8')));
    addedPath.unshift(...fs.readFileSync(files.GITHUB_PATH, 'utf8').split('\n').filter(Boolean).reverse());
    appendTo(io.env.GITHUB_STEP_SUMMARY, fs.readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'));
    const continueOnError =
      step.continueOnError !== undefined &&
      truthy(
        typeof step.continueOnError === 'string'
          ? interpolate(step.continueOnError, stepCtx)
          : (step.continueOnError as Value),
      );
    const conclusion = outcome.ok || continueOnError ? 'success' : 'failure';
    if (step.id !== undefined) {
      steps[step.id] = { outputs, outcome: outcome.ok ? 'success' : 'failure', conclusion };
    }
    if (conclusion === 'failure') {
      failed = true;
      result.ok = false;
      result.exitCode = outcome.exitCode;
    }
  }

  const outputCtx: EvalContext = { contexts: { ...outer, github, inputs, steps } };
  for (const [name, expr] of Object.entries(action.outputs)) {
    setOutput(name, interpolateString(expr, outputCtx));
  }
  // The job's later steps see what the composite's steps added, as GitHub does.
  appendTo(
    io.env.GITHUB_ENV,
    Object.entries(addedEnv)
      .map(([k, v]) => `${k}<<_COMPOSITE_EOF_\n${v}\n_COMPOSITE_EOF_\n`)
      .join(''),
  );
  appendTo(
    io.env.GITHUB_PATH,
    [...addedPath]
      .reverse()
      .map((p) => `${p}\n`)
      .join(''),
  );
  return result;
}

function appendTo(file: string | undefined, text: string): void {
  if (file !== undefined && text !== '') fs.appendFileSync(file, text);
}

function failure(message: string): StepOutcome {
  return { ok: false, exitCode: 1, stdout: '', stderr: '', log: [`Error: ${message}`] };
}
