/**
 * A valid document to the resolved Plan: defaults applied (task, then plan `defaults`, then built-in), durations
 * in milliseconds. Only called on a document that passed validation.
 */
import { parseDuration } from '../duration.js';
import {
  BUILTIN_DEFAULTS,
  type Backoff,
  type OnFailure,
  type Plan,
  type RetryOn,
  type Task,
} from '../model.js';
import { isMapping } from '../schema/check.js';

type Doc = Record<string, unknown>;

export function resolvePlan(data: Doc, defaultName: string): Plan {
  const defaults: Doc = isMapping(data.defaults) ? data.defaults : {};
  const agents: Plan['agents'] = {};
  if (isMapping(data.agents)) {
    for (const [name, def] of Object.entries(data.agents)) {
      agents[name] = { command: [...((def as Doc).command as string[])] };
    }
  }
  const tasks = (data.tasks as Doc[]).map((raw) => resolveTask(raw, defaults));
  const plan: Plan = {
    version: 1,
    name: typeof data.name === 'string' ? data.name : defaultName,
    agents,
    tasks,
  };
  if (typeof data.request === 'string') plan.request = data.request;
  return plan;
}

function resolveTask(raw: Doc, defaults: Doc): Task {
  const pick = (key: string): unknown => (key in raw ? raw[key] : defaults[key]);
  const duration = (key: string): number | null => {
    const v = pick(key);
    return typeof v === 'string' ? parseDuration(v) : null;
  };
  const id = raw.id as string;
  const run = typeof raw.run === 'string' ? raw.run : undefined;
  const agent =
    (raw.agent as string | undefined) ??
    (run !== undefined ? 'shell' : ((defaults.agent as string | undefined) ?? BUILTIN_DEFAULTS.agent));
  const retryOn = pick('retry-on');
  const runsOn = pick('runs-on');
  const task: Task = {
    id,
    title: typeof raw.title === 'string' ? oneLine(raw.title) || id : id,
    inputs: isMapping(raw.inputs) ? { ...raw.inputs } : {},
    deps: [...new Set((raw.deps as string[] | undefined) ?? [])],
    agent,
    retries: (pick('retries') as number | undefined) ?? BUILTIN_DEFAULTS.retries,
    backoff: resolveBackoff(raw.backoff, defaults.backoff),
    timeoutMs: duration('timeout') ?? BUILTIN_DEFAULTS.timeoutMs,
    retryOn: retryOn === undefined ? [...BUILTIN_DEFAULTS.retryOn] : ([retryOn].flat() as RetryOn[]),
    onFailure: (pick('on-failure') as OnFailure | undefined) ?? BUILTIN_DEFAULTS.onFailure,
    estimateMs: duration('estimate'),
    env: resolveEnv(defaults.env, raw.env),
    runsOn: runsOn === undefined ? [...BUILTIN_DEFAULTS.runsOn] : ([runsOn].flat() as string[]),
    outputs: [...((raw.outputs as string[] | undefined) ?? [])],
    edit: pick('edit') === true,
  };
  if (typeof raw.prompt === 'string') task.prompt = raw.prompt;
  if (run !== undefined) task.run = run;
  if (typeof raw.output === 'string') task.output = raw.output;
  const model = pick('model');
  if (typeof model === 'string') task.model = model;
  const maxTurns = pick('max-turns');
  if (typeof maxTurns === 'number') task.maxTurns = maxTurns;
  const tools = pick('allowed-tools');
  if (Array.isArray(tools)) task.allowedTools = [...(tools as string[])];
  return task;
}

function resolveBackoff(own: unknown, inherited: unknown): Backoff {
  const get = (key: string): unknown =>
    isMapping(own) && key in own ? own[key] : isMapping(inherited) ? inherited[key] : undefined;
  const ms = (key: string, fallback: number): number => {
    const v = get(key);
    return typeof v === 'string' ? (parseDuration(v) ?? fallback) : fallback;
  };
  const factor = get('factor');
  return {
    initialMs: ms('initial', BUILTIN_DEFAULTS.backoff.initialMs),
    factor: typeof factor === 'number' ? factor : BUILTIN_DEFAULTS.backoff.factor,
    maxMs: ms('max', BUILTIN_DEFAULTS.backoff.maxMs),
  };
}

/** Plan defaults first, the task's own values over them; numbers become strings. */
function resolveEnv(inherited: unknown, own: unknown): Record<string, string> {
  const env: Record<string, string> = {};
  for (const source of [inherited, own]) {
    if (!isMapping(source)) continue;
    for (const [k, v] of Object.entries(source)) env[k] = String(v);
  }
  return env;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
