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

export interface AgentAdapter {
  /** `shell`, `claude`, `codex`, `gemini`, or the custom agent's name. */
  name: string;
  /** True for AI agents: they get the full prompt built from title, inputs, deps' results. */
  ai: boolean;
  invocation(ctx: AgentContext): Invocation;
  interpret(end: ProcessEnd, ctx: AgentContext): AgentResult;
}
