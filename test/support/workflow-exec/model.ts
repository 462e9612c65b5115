/**
 * The parsed workflow (`unknown` from js-yaml) narrowed to the keys the executor supports; any other key throws
 * `unsupported: …` before a job runs.
 */
import { load } from 'js-yaml';
import { unsupported } from './expressions.js';

export type Raw = Record<string, unknown>;

export interface RunDefaults {
  shell?: string;
  workingDirectory?: string;
}

export interface Step {
  index: number;
  id?: string;
  name?: string;
  if?: unknown;
  run?: string;
  uses?: string;
  with: Raw;
  env: Raw;
  shell?: string;
  workingDirectory?: string;
  continueOnError?: unknown;
  timeoutMinutes?: unknown;
}

export interface Job {
  id: string;
  name?: string;
  needs: string[];
  /** A job that calls a reusable workflow (`uses: ./.github/workflows/x.yml` or `owner/repo/…@ref`): no steps. */
  uses?: string;
  /** Its `with:` (inputs of the called workflow). */
  with: Raw;
  /** Its `secrets:`: a mapping, or `inherit`. */
  secrets?: Raw | 'inherit';
  /** `permissions:` as written (a mapping, `read-all`, `write-all`), or undefined. */
  permissions?: unknown;
  if?: unknown;
  runsOn: unknown;
  matrix?: unknown;
  failFast?: unknown;
  outputs: Record<string, string>;
  env: Raw;
  defaults: RunDefaults;
  steps: Step[];
  timeoutMinutes?: unknown;
  /** `concurrency:` as written (a group string, or `{group, cancel-in-progress}`), or undefined. */
  concurrency?: unknown;
}

/** `on.workflow_call` of a reusable workflow. */
export interface WorkflowCall {
  inputs: Record<string, { type: string; required: boolean; default?: unknown }>;
  secrets: Record<string, { required: boolean }>;
  /** Output name → its `value` expression. */
  outputs: Record<string, string>;
}

export interface Workflow {
  name?: string;
  /** `on:` as a mapping of event name → its filters (null when none). */
  on: Record<string, unknown>;
  call?: WorkflowCall;
  /** Top-level `permissions:` as written, or undefined. */
  permissions?: unknown;
  /** Top-level `concurrency:` as written, or undefined. */
  concurrency?: unknown;
  env: Raw;
  defaults: RunDefaults;
  /** In file order. */
  jobs: Job[];
}

function isRecord(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function record(v: unknown, where: string): Raw {
  if (v === undefined || v === null) return {};
  if (!isRecord(v)) throw new Error(`invalid workflow: ${where} must be a mapping`);
  return v;
}

function onlyKeys(v: Raw, allowed: readonly string[], where: string): void {
  for (const key of Object.keys(v)) {
    if (!allowed.includes(key)) throw unsupported(`${where}: key '${key}'`);
  }
}

function optionalString(v: unknown, where: string): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new Error(`invalid workflow: ${where} must be a string`);
}

function defaults(v: unknown, where: string): RunDefaults {
  const d = record(v, where);
  onlyKeys(d, ['run'], where);
  const run = record(d.run, `${where}.run`);
  onlyKeys(run, ['shell', 'working-directory'], `${where}.run`);
  const result: RunDefaults = {};
  const shell = optionalString(run.shell, `${where}.run.shell`);
  const dir = optionalString(run['working-directory'], `${where}.run.working-directory`);
  if (shell !== undefined) result.shell = shell;
  if (dir !== undefined) result.workingDirectory = dir;
  return result;
}

const STEP_KEYS = [
  'id',
  'name',
  'if',
  'run',
  'uses',
  'with',
  'env',
  'shell',
  'working-directory',
  'continue-on-error',
  'timeout-minutes',
] as const;

function step(v: unknown, index: number, where: string): Step {
  const s = record(v, where);
  onlyKeys(s, STEP_KEYS, where);
  const run = optionalString(s.run, `${where}.run`);
  const uses = optionalString(s.uses, `${where}.uses`);
  if ((run === undefined) === (uses === undefined)) {
    throw new Error(`invalid workflow: ${where} needs exactly one of run and uses`);
  }
  const result: Step = { index, with: record(s.with, `${where}.with`), env: record(s.env, `${where}.env`) };
  const strings: [keyof Step, unknown][] = [
    ['id', s.id],
    ['name', s.name],
    ['run', run],
    ['uses', uses],
    ['shell', s.shell],
    ['workingDirectory', s['working-directory']],
  ];
  for (const [key, value] of strings) {
    const text = optionalString(value, `${where}.${key}`);
    if (text !== undefined) Object.assign(result, { [key]: text });
  }
  if (s.if !== undefined) result.if = s.if;
  if (s['continue-on-error'] !== undefined) result.continueOnError = s['continue-on-error'];
  if (s['timeout-minutes'] !== undefined) result.timeoutMinutes = s['timeout-minutes'];
  return result;
}

const JOB_KEYS = [
  'name',
  'needs',
  'if',
  'runs-on',
  'strategy',
  'outputs',
  'env',
  'defaults',
  'steps',
  'timeout-minutes',
  'concurrency',
  'permissions',
] as const;

const CALL_JOB_KEYS = [
  'name',
  'needs',
  'if',
  'uses',
  'with',
  'secrets',
  'permissions',
  'concurrency',
] as const;

function job(id: string, v: unknown): Job {
  const where = `jobs.${id}`;
  const j = record(v, where);
  const calls = j.uses !== undefined;
  onlyKeys(j, calls ? CALL_JOB_KEYS : JOB_KEYS, where);
  let needs: string[];
  if (j.needs === undefined) needs = [];
  else if (typeof j.needs === 'string') needs = [j.needs];
  else if (Array.isArray(j.needs) && j.needs.every((n) => typeof n === 'string')) needs = j.needs;
  else throw new Error(`invalid workflow: ${where}.needs must be a job id or a list of them`);
  if (calls) {
    const uses = optionalString(j.uses, `${where}.uses`) ?? '';
    let secrets: Raw | 'inherit' | undefined;
    if (j.secrets === 'inherit') secrets = 'inherit';
    else if (j.secrets !== undefined) secrets = record(j.secrets, `${where}.secrets`);
    const called: Job = {
      id,
      needs,
      runsOn: undefined,
      outputs: {},
      env: {},
      defaults: {},
      steps: [],
      uses,
      with: record(j.with, `${where}.with`),
      ...(secrets !== undefined ? { secrets } : {}),
      ...(j.permissions !== undefined ? { permissions: j.permissions } : {}),
    };
    const name = optionalString(j.name, `${where}.name`);
    if (name !== undefined) called.name = name;
    if (j.if !== undefined) called.if = j.if;
    if (j.concurrency !== undefined) called.concurrency = j.concurrency;
    return called;
  }
  if (!Array.isArray(j.steps) || j.steps.length === 0) {
    throw new Error(`invalid workflow: ${where}.steps must be a non-empty list`);
  }
  const outputs: Record<string, string> = {};
  for (const [k, o] of Object.entries(record(j.outputs, `${where}.outputs`))) {
    outputs[k] = optionalString(o, `${where}.outputs.${k}`) ?? '';
  }
  const result: Job = {
    id,
    needs,
    runsOn: j['runs-on'],
    outputs,
    env: record(j.env, `${where}.env`),
    defaults: defaults(j.defaults, `${where}.defaults`),
    steps: j.steps.map((s, i) => step(s, i, `${where}.steps[${i}]`)),
    with: {},
    ...(j.permissions !== undefined ? { permissions: j.permissions } : {}),
  };
  const name = optionalString(j.name, `${where}.name`);
  if (name !== undefined) result.name = name;
  if (j.if !== undefined) result.if = j.if;
  if (j['timeout-minutes'] !== undefined) result.timeoutMinutes = j['timeout-minutes'];
  if (j.concurrency !== undefined) result.concurrency = j.concurrency;
  if (j.strategy !== undefined) {
    const strategy = record(j.strategy, `${where}.strategy`);
    onlyKeys(strategy, ['matrix', 'fail-fast', 'max-parallel'], `${where}.strategy`);
    if (strategy.matrix === undefined)
      throw new Error(`invalid workflow: ${where}.strategy without a matrix`);
    result.matrix = strategy.matrix;
    if (strategy['fail-fast'] !== undefined) result.failFast = strategy['fail-fast'];
  }
  return result;
}

/** Parses workflow text; jobs come back in file order, checked for unknown needs and cycles. */
export function parseWorkflow(text: string): Workflow {
  const doc: unknown = load(text);
  const w = record(doc, 'the workflow');
  onlyKeys(
    w,
    ['name', 'run-name', 'on', 'true', 'permissions', 'concurrency', 'env', 'defaults', 'jobs'],
    'workflow',
  );
  const jobs = Object.entries(record(w.jobs, 'jobs')).map(([id, j]) => job(id, j));
  if (jobs.length === 0) throw new Error('invalid workflow: no jobs');
  const ids = new Set(jobs.map((j) => j.id));
  for (const j of jobs) {
    for (const n of j.needs) {
      if (!ids.has(n)) throw new Error(`invalid workflow: job '${j.id}' needs unknown job '${n}'`);
    }
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const byId = new Map(jobs.map((j) => [j.id, j]));
  const visit = (id: string, trail: string[]): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting')
      throw new Error(`invalid workflow: a needs cycle: ${[...trail, id].join(' → ')}`);
    state.set(id, 'visiting');
    for (const n of byId.get(id)?.needs ?? []) visit(n, [...trail, id]);
    state.set(id, 'done');
  };
  for (const j of jobs) visit(j.id, []);
  const on = triggers(w.on ?? w.true);
  const result: Workflow = {
    on,
    env: record(w.env, 'env'),
    defaults: defaults(w.defaults, 'defaults'),
    jobs,
    ...(w.permissions !== undefined ? { permissions: w.permissions } : {}),
    ...(w.concurrency !== undefined ? { concurrency: w.concurrency } : {}),
  };
  if (Object.hasOwn(on, 'workflow_call')) result.call = workflowCall(on.workflow_call);
  const name = optionalString(w.name, 'name');
  if (name !== undefined) result.name = name;
  return result;
}

function triggers(v: unknown): Record<string, unknown> {
  if (typeof v === 'string') return { [v]: null };
  if (Array.isArray(v)) return Object.fromEntries(v.map((e) => [String(e), null]));
  return record(v, 'on');
}

function workflowCall(v: unknown): WorkflowCall {
  const call = record(v, 'on.workflow_call');
  onlyKeys(call, ['inputs', 'secrets', 'outputs'], 'on.workflow_call');
  const result: WorkflowCall = { inputs: {}, secrets: {}, outputs: {} };
  for (const [name, spec] of Object.entries(record(call.inputs, 'on.workflow_call.inputs'))) {
    const where = `on.workflow_call.inputs.${name}`;
    const i = record(spec, where);
    onlyKeys(i, ['description', 'required', 'type', 'default'], where);
    if (!['string', 'number', 'boolean'].includes(String(i.type))) {
      throw new Error(`invalid workflow: ${where}.type must be string, number or boolean`);
    }
    result.inputs[name] = {
      type: String(i.type),
      required: i.required === true,
      ...(i.default !== undefined ? { default: i.default } : {}),
    };
  }
  for (const [name, spec] of Object.entries(record(call.secrets, 'on.workflow_call.secrets'))) {
    const where = `on.workflow_call.secrets.${name}`;
    const sec = record(spec, where);
    onlyKeys(sec, ['description', 'required'], where);
    result.secrets[name] = { required: sec.required === true };
  }
  for (const [name, spec] of Object.entries(record(call.outputs, 'on.workflow_call.outputs'))) {
    const where = `on.workflow_call.outputs.${name}`;
    const o = record(spec, where);
    onlyKeys(o, ['description', 'value'], where);
    result.outputs[name] = optionalString(o.value, `${where}.value`) ?? '';
  }
  return result;
}
