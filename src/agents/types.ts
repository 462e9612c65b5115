/**
 * An agent adapter turns a task into a process to run and classifies how it ended. Adapters are pure: the
 * runner (src/runner/) spawns the process, enforces the timeout, and keeps the log.
 */
import type { Plan, Task } from '../core/model.js';

export interface AgentContext {
  plan: Plan;
  task: Task;
  /** The full prompt for an AI agent (src/agents/prompt.ts), also written to `promptFile`. */
  prompt: string;
  /** Absolute path of the prompt file, `outputs/<id>/prompt.md`. */
  promptFile: string;
  /** Absolute path of the task's output folder, `outputs/<id>/`. */
  outputDir: string;
  /**
   * The environment the task's process gets before the invocation's own `env` is added (the run's, the
   * task's `env:`, the ORCHESTRATOR_* variables): for an adapter that maps one key variable to the name its
   * CLI reads. Absent in contexts built outside a run.
   */
  env?: Readonly<Record<string, string | undefined>>;
}

export interface Invocation {
  /** The program and its arguments; never a shell string (except `bash -c <run>` for shell tasks). */
  argv: string[];
  /** Written to the process's stdin, then closed; stdin is empty when absent. */
  stdin?: string;
  /** Added to the environment the runner gives every task. */
  env?: Record<string, string>;
}

/** How a finished process ended, as the runner saw it. A timeout never reaches an adapter. */
export interface ProcessEnd {
  exitCode: number | null;
  signal: string | null;
  /** The process's stdout (bounded by the runner; `truncated` says when the start was dropped). */
  stdout: string;
  stderr: string;
  truncated: boolean;
}

export type AgentOutcome = 'success' | 'failure' | 'transient';

export interface Tokens {
  input: number;
  output: number;
  cacheRead?: number;
  cacheWrite?: number;
}

export interface AgentResult {
  outcome: AgentOutcome;
  /** What goes into result.md: the agent's final message, or a shell task's stdout. */
  result: string;
  /** One line: why it failed (absent on success). */
  error?: string;
  costUsd?: number;
  tokens?: Tokens;
  turns?: number;
  sessionId?: string;
}

/**
 * What an adapter makes of one line the agent printed while it runs (stdout or stderr, without the newline):
 * where the CLI streams what it is doing (claude's stream-json `api_retry` events, codex's events), a line
 * worth showing, or a verdict that the attempt cannot succeed and should stop now rather than at its timeout.
 */
export interface WatchNote {
  /** One line for the live view and the log, naming the agent: `claude: retrying the API, 3 of 10`. */
  progress?: string;
  /**
   * Stop the attempt now (its process group gets SIGTERM): a 401 the CLI would retry for minutes, a CLI
   * waiting for a network that is not there. The attempt ends with this outcome and error, and `interpret`
   * is not called.
   */
  stop?: { outcome: AgentOutcome; error: string };
}

/** A watcher for one attempt: created when the attempt starts, fed every line as it comes. */
export interface AgentWatch {
  line(text: string, stream: 'stdout' | 'stderr'): WatchNote | undefined;
}

export interface AgentAdapter {
  /** `shell`, `claude`, `codex`, `gemini`, or the custom agent's name. */
  name: string;
  /** True for AI agents: they get the full prompt built from title, inputs, deps' results. */
  ai: boolean;
  invocation(ctx: AgentContext): Invocation;
  interpret(end: ProcessEnd, ctx: AgentContext): AgentResult;
  /** Optional: a watcher for the attempt about to start. */
  watch?(ctx: AgentContext): AgentWatch;
}
