/**
 * What the semantic rules see: the document after the schema check, read into typed values. A field whose
 * type is wrong was already reported by the schema check and is simply absent here, so every rule can run on a
 * partly broken plan and all findings come out at once.
 */
import type { Finding, Path } from '../diagnostics.js';
import { formatPath } from '../diagnostics.js';
import { parseDuration } from '../duration.js';
import { isMapping } from '../schema/check.js';
import { TASK_ID_PATTERN } from '../schema/check.js';

export interface TaskView {
  index: number;
  path: Path;
  raw: Record<string, unknown>;
  /** Absent when missing or malformed. */
  id?: string;
  title?: string;
  prompt?: string;
  run?: string;
  /** Each dep that is a string, with its index in the list. */
  deps: { id: string; index: number }[];
  /** The agent the task gets: its own, the plan's default, or the built-in choice. */
  agent: string;
  /** Where `agent` comes from, to point at it. */
  agentPath: Path;
  estimateMs?: number;
  timeoutMs?: number;
}

export interface RuleContext {
  data: Record<string, unknown>;
  defaults: Record<string, unknown>;
  tasks: TaskView[];
  /** Names of the custom agents the plan defines. */
  customAgents: Map<string, { path: Path; command: unknown }>;
  describe(path: Path): string;
}

export interface Rule {
  /** The rule ids this rule reports. */
  ids: readonly string[];
  check(ctx: RuleContext): Finding[];
}

export function buildContext(data: Record<string, unknown>): RuleContext {
  const defaults = isMapping(data.defaults) ? data.defaults : {};
  const rawTasks = Array.isArray(data.tasks) ? data.tasks : [];
  const tasks: TaskView[] = [];
  rawTasks.forEach((raw, index) => {
    if (!isMapping(raw)) return;
    const path: Path = ['tasks', index];
    const str = (k: string): string | undefined =>
      typeof raw[k] === 'string' ? (raw[k] as string) : undefined;
    const id = str('id');
    const run = str('run');
    const ownAgent = str('agent');
    const defaultAgent = typeof defaults.agent === 'string' ? defaults.agent : undefined;
    const agent = ownAgent ?? (run !== undefined ? 'shell' : (defaultAgent ?? 'claude'));
    const agentPath: Path =
      ownAgent !== undefined
        ? [...path, 'agent']
        : run === undefined && defaultAgent !== undefined
          ? ['defaults', 'agent']
          : path;
    const duration = (k: string): number | undefined => {
      const v = raw[k] ?? defaults[k];
      return typeof v === 'string' ? (parseDuration(v) ?? undefined) : undefined;
    };
    const deps = Array.isArray(raw.deps)
      ? raw.deps.flatMap((d, i) => (typeof d === 'string' ? [{ id: d, index: i }] : []))
      : [];
    tasks.push({
      index,
      path,
      raw,
      id: id !== undefined && TASK_ID_PATTERN.test(id) ? id : undefined,
      title: str('title'),
      prompt: str('prompt'),
      run,
      deps,
      agent,
      agentPath,
      estimateMs: duration('estimate'),
      timeoutMs: duration('timeout'),
    });
  });
  const customAgents = new Map<string, { path: Path; command: unknown }>();
  if (isMapping(data.agents)) {
    for (const [name, def] of Object.entries(data.agents)) {
      customAgents.set(name, { path: ['agents', name], command: isMapping(def) ? def.command : undefined });
    }
  }
  const describe = (path: Path): string => describePath(data, path);
  return { data, defaults, tasks, customAgents, describe };
}

/** `retries` of task "T-03", `defaults.timeout`, task "T-03", the plan. */
export function describePath(data: Record<string, unknown>, path: Path): string {
  if (path.length === 0) return 'the plan';
  if (path[0] === 'tasks' && typeof path[1] === 'number') {
    const raw = Array.isArray(data.tasks) ? data.tasks[path[1]] : undefined;
    const id = isMapping(raw) && typeof raw.id === 'string' && raw.id.length <= 64 ? raw.id : undefined;
    const task = id !== undefined ? `task ${JSON.stringify(id)}` : `the task at tasks[${path[1]}]`;
    const rest = path.slice(2);
    return rest.length === 0 ? task : `\`${formatPath(rest)}\` of ${task}`;
  }
  return `\`${formatPath(path)}\``;
}

/** A task for a message: task "T-03", or its place when it has no usable id. */
export function taskName(task: TaskView): string {
  const id = task.raw.id;
  return typeof id === 'string' && id.length <= 64
    ? `task ${JSON.stringify(id)}`
    : `the task at tasks[${task.index}]`;
}

export function error(rule: string, message: string, path: Path, at: 'key' | 'value' = 'value'): Finding {
  return { rule, severity: 'error', message, path, at };
}

export function warning(rule: string, message: string, path: Path, at: 'key' | 'value' = 'value'): Finding {
  return { rule, severity: 'warning', message, path, at };
}
