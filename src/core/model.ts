/**
 * The resolved plan: what every later phase (render, runner, GitHub compiler) works from.
 * Defaults are applied, durations are milliseconds, agents are named; nothing here is optional that a
 * consumer would otherwise have to default again.
 */

export const BUILTIN_AGENTS = ['shell', 'claude', 'codex', 'gemini'] as const;
export type BuiltinAgent = (typeof BUILTIN_AGENTS)[number];

export const ON_FAILURE = ['fail-fast', 'skip-dependents', 'continue'] as const;
export type OnFailure = (typeof ON_FAILURE)[number];

export const RETRY_ON = ['timeout', 'transient', 'any'] as const;
export type RetryOn = (typeof RETRY_ON)[number];

/** Delay before retry k is random(0, min(maxMs, initialMs * factor^k)): exponential backoff, full jitter. */
export interface Backoff {
  initialMs: number;
  factor: number;
  maxMs: number;
}

/** A custom agent: an argv template; `{prompt}`, `{prompt_file}`, `{output_dir}`, `{task_id}` are filled in. */
export interface CustomAgent {
  command: string[];
}

export interface Task {
  /** Unique (case-insensitively), `^[A-Za-z_][A-Za-z0-9_-]*$`. */
  id: string;
  /** One line; defaults to the id. The seed's "Task" column. */
  title: string;
  /** What an AI agent is asked to do (the seed's "Do:"). */
  prompt?: string;
  /** The command of a shell task, run with `bash -c` under `set -euo pipefail`. */
  run?: string;
  /** The seed's "Input:". */
  inputs: Record<string, unknown>;
  /** The expected result (the seed's "Output:"). */
  output?: string;
  /** Ids of the tasks this one waits for, as written, without duplicates. */
  deps: string[];
  /** `shell`, `claude`, `codex`, `gemini` or a key of `Plan.agents`. */
  agent: string;
  /** Extra attempts after the first: `retries: 3` means up to 4 attempts. */
  retries: number;
  backoff: Backoff;
  /** Per attempt. */
  timeoutMs: number;
  retryOn: RetryOn[];
  onFailure: OnFailure;
  /** The expected duration, for scheduling and cost estimates; null when the plan gives none. */
  estimateMs: number | null;
  env: Record<string, string>;
  /** GitHub runner labels: a runner that has all of them. */
  runsOn: string[];
  /** File globs the task produces, relative to its output folder. */
  outputs: string[];
  model?: string;
  /**
   * Whether the agent may change files in its working folder (`edit:`, default false). Each AI adapter maps it
   * to its CLI's own permission setting: claude `--permission-mode acceptEdits`, codex `--sandbox
   * workspace-write`, gemini `--approval-mode auto_edit`; false keeps each CLI in its read-only mode.
   */
  edit: boolean;
  maxTurns?: number;
  allowedTools?: string[];
}

export interface Plan {
  version: 1;
  name: string;
  request?: string;
  agents: Record<string, CustomAgent>;
  /** In file order. */
  tasks: Task[];
}

/** Values a task gets when neither it nor the plan's `defaults` say otherwise. Documented in the README. */
export const BUILTIN_DEFAULTS = {
  agent: 'claude',
  retries: 3,
  backoff: { initialMs: 1_000, factor: 2, maxMs: 60_000 },
  timeoutMs: 30 * 60_000,
  retryOn: ['timeout', 'transient'] as RetryOn[],
  onFailure: 'fail-fast' as OnFailure,
  runsOn: ['ubuntu-latest'] as readonly string[],
} as const;

/** The estimate a task without one counts for in the critical path and in cost estimates. */
export const UNKNOWN_ESTIMATE_MS = 60_000;

export function isBuiltinAgent(name: string): name is BuiltinAgent {
  return (BUILTIN_AGENTS as readonly string[]).includes(name);
}
