/**
 * Asking an agent CLI for a plan, through the same adapters the runner uses (src/agents/): the same argv, the
 * same reading of its output and classification of its errors. What differs for decomposition:
 * - claude gets `--json-schema` with the answer's schema (structured output: the answer lands, parsed, in the
 *   result's `structured_output`);
 * - codex and gemini answer in text, where answer.ts finds the JSON;
 * - the planner gets no tools at all (PLANNER_FLAGS). It holds an API key and reads a request anyone may have
 *   written (a pull request's description), and `/proc/self/environ` is a file: a planner that can read files,
 *   run commands or fetch URLs can be talked into publishing its key (issue 11, finding 5). It needs none of
 *   that, the repository's layout is in its prompt (layout.ts). A deny list (`--disallowedTools Bash,...`) is
 *   not enough: it leaves Read, Glob, Grep and every tool a later version adds. */
import type { Plan, Task } from '../core/model.js';
import { BUILTIN_DEFAULTS } from '../core/model.js';
import { claudeAdapter } from '../agents/claude.js';
import { codexAdapter } from '../agents/codex.js';
import { geminiAdapter } from '../agents/gemini.js';
import type { AgentAdapter } from '../agents/types.js';
import { runProcess } from '../runner/spawn.js';
import { answerJsonSchema } from './answer-schema.js';
import { structuredOutput } from './answer.js';

export const DECOMPOSE_AGENTS = ['claude', 'codex', 'gemini'] as const;
export type DecomposeAgent = (typeof DECOMPOSE_AGENTS)[number];

const ADAPTERS: Record<DecomposeAgent, AgentAdapter> = {
  claude: claudeAdapter,
  codex: codexAdapter,
  gemini: geminiAdapter,
};

/**
 * What takes every tool away from each planner CLI, after its adapter's argv:
 * - claude (Claude Code CLI reference): `--tools ""` makes the set of built-in tools empty ("" disables all,
 *   `default` is all of them); `--strict-mcp-config` with no `--mcp-config` loads no MCP server, not even one a
 *   settings file names; `--setting-sources user` leaves out the checkout's `.claude/settings*.json`, whose
 *   hooks would run commands and whose `env` could point the CLI at another endpoint (a pull request writes
 *   those files as easily as its description);
 * - codex: its tools are the shell (`features.shell_tool`, `features.unified_exec`), which reads any file;
 *   both are turned off by config overrides (`-c key=value`, as `codex exec` takes them), and the sandbox is
 *   read-only besides (the adapter's `--sandbox read-only` for a task without `edit`);
 * - gemini has no flag that removes its read tools (`read_file`, `glob`, ...); in non-interactive mode without
 *   `--yolo` it runs no shell command and writes no file, but it can still read: prefer claude or codex for
 *   requests from pull requests.
 */
const PLANNER_FLAGS: Record<DecomposeAgent, readonly string[]> = {
  claude: ['--tools', '', '--strict-mcp-config', '--setting-sources', 'user'],
  // The read-only sandbox comes from the adapter (the planner's task has no `edit`): codex takes `--sandbox` once.
  codex: ['-c', 'features.shell_tool=false', '-c', 'features.unified_exec=false'],
  gemini: [],
};

/** The agent's answer can hold a big plan; its stdout is kept up to this size. */
const CAPTURE_BYTES = 32 * 1024 * 1024;

export interface AskOptions {
  agent: DecomposeAgent;
  model?: string;
  timeoutMs: number;
  cwd: string;
  env: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  /** Where the prompt was saved (adapters that read the prompt from a file get this path). */
  promptFile: string;
  /** The folder the exchange is kept in. */
  dir: string;
}

export type AskResult =
  | { ok: true; text: string; structured: unknown; stdout: string; costUsd?: number }
  | { ok: false; error: string; stdout: string; interrupted: boolean };

export async function askAgent(prompt: string, opts: AskOptions): Promise<AskResult> {
  const adapter = ADAPTERS[opts.agent];
  const task = plannerTask(opts);
  const plan: Plan = { version: 1, name: 'decompose', agents: {}, tasks: [task] };
  const ctx = { plan, task, prompt, promptFile: opts.promptFile, outputDir: opts.dir };
  const invocation = adapter.invocation(ctx);
  const argv = withPlannerFlags(opts.agent, invocation.argv);
  if (opts.agent === 'claude') argv.push('--json-schema', JSON.stringify(answerJsonSchema()));
  const end = await runProcess({
    argv,
    stdin: invocation.stdin ?? prompt,
    cwd: opts.cwd,
    env: { ...opts.env, ...invocation.env },
    timeoutMs: opts.timeoutMs,
    graceMs: 5_000,
    log: null,
    captureBytes: CAPTURE_BYTES,
    ...(opts.signal !== undefined ? { signal: opts.signal } : {}),
  });
  const fail = (error: string, interrupted = false): AskResult => ({
    ok: false,
    error,
    stdout: end.stdout,
    interrupted,
  });
  if (end.spawnError !== null) {
    const hint = /ENOENT/.test(end.spawnError) ? ' (is it installed and on PATH?)' : '';
    return fail(`could not start ${JSON.stringify(argv[0])}: ${end.spawnError}${hint}`);
  }
  if (end.aborted) return fail(`${opts.agent} was stopped (interrupted)`, true);
  if (end.timedOut) return fail(`${opts.agent} did not answer within the timeout and was stopped`);
  const result = adapter.interpret(end, ctx);
  if (result.outcome !== 'success') {
    const transient = result.outcome === 'transient' ? ' (a transient error: try again later)' : '';
    return fail(`${result.error ?? `${opts.agent} failed`}${transient}`);
  }
  const structured = opts.agent === 'claude' ? structuredOutput(end.stdout) : undefined;
  return {
    ok: true,
    text: result.result,
    structured,
    stdout: end.stdout,
    ...(result.costUsd !== undefined ? { costUsd: result.costUsd } : {}),
  };
}

/** The adapter's argv with the planner's flags: codex takes options before its prompt argument (`-`). */
export function withPlannerFlags(agent: DecomposeAgent, argv: readonly string[]): string[] {
  const flags = PLANNER_FLAGS[agent];
  if (agent === 'codex' && argv[argv.length - 1] === '-') return [...argv.slice(0, -1), ...flags, '-'];
  return [...argv, ...flags];
}

/** The adapters read a task's agent settings; the planner is a task of its own, with the user's model. */
function plannerTask(opts: AskOptions): Task {
  return {
    id: 'decompose',
    title: 'Decompose the request into a plan',
    inputs: {},
    deps: [],
    agent: opts.agent,
    retries: 0,
    backoff: { ...BUILTIN_DEFAULTS.backoff },
    timeoutMs: opts.timeoutMs,
    retryOn: [],
    onFailure: 'fail-fast',
    estimateMs: null,
    env: {},
    runsOn: [...BUILTIN_DEFAULTS.runsOn],
    outputs: [],
    edit: false,
    ...(opts.model !== undefined ? { model: opts.model } : {}),
  };
}
