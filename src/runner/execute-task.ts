/**
 * Runs one task to its end: its attempts, the backoff between them, the timeout of each, its log, result and
 * status.json. The local scheduler and the GitHub task job both run tasks through this one function.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { adapterFor } from '../agents/index.js';
import { buildPrompt, type DepResult } from '../agents/prompt.js';
import { clip } from '../agents/outcome.js';
import type { AgentAdapter, AgentContext, AgentResult, Tokens, WatchNote } from '../agents/types.js';
import { formatDuration, humanDuration } from '../core/duration.js';
import type { Plan, Task } from '../core/model.js';
import { runProcess } from './spawn.js';
import type { TaskStatusFile } from './status.js';

export interface TaskRun {
  plan: Plan;
  task: Task;
  /** `outputs/` (absolute). */
  outputsDir: string;
  /** Where the task's process runs. */
  cwd: string;
  baseEnv: NodeJS.ProcessEnv;
  runId: string;
  deps: DepResult[];
  /** Deps that failed under `on-failure: continue`: this task runs without their input. */
  missingDeps: string[];
  hash: string;
  signal: AbortSignal;
  /** Between SIGTERM and SIGKILL when a task is stopped. */
  graceMs: number;
  /** Gives the concurrency slot back while the task waits to retry, and takes one again. */
  pause?: { release(): void; acquire(): Promise<void> };
  random?: () => number;
  /** Called when an attempt's process runs, with its process group id. */
  onProcess?: (pgid: number, attempt: number) => void;
  /** What the agent is doing, as its adapter's watcher reads it from the output (one line). */
  onProgress?: (text: string) => void;
  /** Called as each attempt starts and ends, for progress and the journal. */
  onAttempt?: (event: {
    attempt: number;
    phase: 'start' | 'retry';
    delayMs?: number;
    error?: string;
  }) => void;
}

export interface TaskOutcome {
  status: 'done' | 'failed' | 'cancelled';
  file: TaskStatusFile;
}

/** How much of a process's stdout and stderr is kept for the adapter (the log keeps everything). */
const CAPTURE_BYTES = 8 * 1024 * 1024;

export async function executeTask(run: TaskRun): Promise<TaskOutcome> {
  const { plan, task } = run;
  const adapter = adapterFor(plan, task.agent);
  const outputDir = path.join(run.outputsDir, task.id);
  makeDir(outputDir);
  const promptFile = path.join(outputDir, 'prompt.md');
  const prompt = adapter.ai ? buildPrompt({ plan, task, outputDir, deps: run.deps }) : '';
  if (adapter.ai) fs.writeFileSync(promptFile, prompt);
  const env: NodeJS.ProcessEnv = {
    ...run.baseEnv,
    ...task.env,
    ORCHESTRATOR_TASK_ID: task.id,
    ORCHESTRATOR_OUTPUT_DIR: outputDir,
    ORCHESTRATOR_OUTPUTS: run.outputsDir,
    ORCHESTRATOR_RUN_ID: run.runId,
    ORCHESTRATOR_MISSING_DEPS: run.missingDeps.join(','),
    ORCHESTRATOR_EDIT: task.edit ? '1' : '0',
  };
  const ctx: AgentContext = { plan, task, prompt, promptFile, outputDir, env };
  const logPath = path.join(outputDir, 'log.txt');
  // Appending: the process launcher writes the task's output to the same file through its own descriptor.
  const { O_WRONLY, O_CREAT, O_TRUNC, O_APPEND } = fs.constants;
  const log = { fd: fs.openSync(logPath, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND), path: logPath };
  const startedAt = new Date();
  const random = run.random ?? Math.random;
  const maxAttempts = task.retries + 1;
  let attempts = 0;
  let last: { result: AgentResult; exitCode: number | null } | null = null;
  let costUsd: number | null = null;
  let tokens: Tokens | null = null;
  let status: TaskOutcome['status'] = 'failed';
  let error: string | null = null;
  try {
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      attempts = attempt;
      if (run.signal.aborted) {
        status = 'cancelled';
        error =
          run.signal.reason instanceof Error ? run.signal.reason.message : 'cancelled: the run was stopped';
        break;
      }
      run.onAttempt?.({ attempt, phase: 'start' });
      const invocation = adapter.invocation(ctx);
      fs.writeSync(log.fd, header(attempt, maxAttempts, task));
      const watcher = watchAttempt(adapter, ctx, log.fd, run.onProgress);
      const tmp = adapter.ai ? attemptTmpDir(task, attempt) : undefined;
      const end = await runProcess({
        argv: invocation.argv,
        ...(invocation.stdin !== undefined ? { stdin: invocation.stdin } : {}),
        cwd: run.cwd,
        env: {
          ...env,
          ...invocation.env,
          ORCHESTRATOR_ATTEMPT: String(attempt),
          ...(tmp !== undefined ? { TMPDIR: tmp } : {}),
        },
        timeoutMs: task.timeoutMs,
        graceMs: run.graceMs,
        log,
        signal: run.signal,
        captureBytes: CAPTURE_BYTES,
        onStart: (pid) => run.onProcess?.(pid, attempt),
        ...(watcher !== undefined ? { onLine: watcher.onLine } : {}),
      }).finally(() => {
        if (tmp !== undefined) fs.rmSync(tmp, { recursive: true, force: true });
      });
      let kind: 'success' | 'failure' | 'transient' | 'timeout';
      if (end.aborted) {
        status = 'cancelled';
        error =
          run.signal.reason instanceof Error ? run.signal.reason.message : 'cancelled: the run was stopped';
        fs.writeSync(log.fd, `\n[orchestrator] ${error}\n`);
        break;
      } else if (end.timedOut) {
        kind = 'timeout';
        const doing = watcher?.last() ?? null;
        error = `timed out after ${humanDuration(task.timeoutMs)} (timeout: ${formatDuration(task.timeoutMs)})${doing === null ? '' : `; last seen: ${doing}`}`;
        // What a process stopped by SIGTERM exits with says nothing of the task (gemini exits 0).
        last = { result: { outcome: 'failure', result: '', error }, exitCode: null };
      } else if (end.stopped && watcher?.verdict() !== undefined) {
        const verdict = watcher.verdict()!;
        kind = verdict.outcome;
        error = verdict.error;
        last = { result: { outcome: verdict.outcome, result: '', error }, exitCode: null };
      } else if (end.spawnError !== null) {
        kind = 'failure';
        error = `could not start ${JSON.stringify(invocation.argv[0])}: ${end.spawnError}${/ENOENT/.test(end.spawnError) ? ' (is it installed and on PATH?)' : ''}`;
        last = { result: { outcome: 'failure', result: '', error }, exitCode: null };
      } else {
        const result = adapter.interpret(
          {
            exitCode: end.exitCode,
            signal: end.signal,
            stdout: end.stdout,
            stderr: end.stderr,
            truncated: end.truncated,
          },
          ctx,
        );
        kind = result.outcome;
        error = result.error ?? null;
        last = { result, exitCode: end.exitCode };
        if (result.costUsd !== undefined) costUsd = (costUsd ?? 0) + result.costUsd;
        if (result.tokens !== undefined) tokens = addTokens(tokens, result.tokens);
      }
      if (kind === 'success') {
        status = 'done';
        error = null;
        break;
      }
      fs.writeSync(log.fd, `\n[orchestrator] attempt ${attempt} failed: ${error ?? kind}\n`);
      const retryable =
        attempt < maxAttempts &&
        (task.retryOn.includes('any') || (kind !== 'failure' && task.retryOn.includes(kind)));
      if (!retryable) break;
      const delayMs = backoffDelay(task, attempt - 1, random);
      run.onAttempt?.({ attempt, phase: 'retry', delayMs, error: error ?? kind });
      fs.writeSync(log.fd, `[orchestrator] retrying in ${humanDuration(delayMs)}\n`);
      run.pause?.release();
      await sleep(delayMs, run.signal);
      if (!run.signal.aborted) {
        try {
          await run.pause?.acquire();
        } catch {
          // Aborted while waiting for a slot: the next turn of the loop records the cancellation.
        }
      }
    }
  } finally {
    fs.closeSync(log.fd);
  }
  const endedAt = new Date();
  // The process is over: its slot goes to the next task now, which starts while this one's files are written
  // (on a plan of short tasks, writing them would otherwise leave a core idle for each task).
  run.pause?.release();
  await new Promise((resolve) => setImmediate(resolve));
  // Written in place, in this order: result.md, then status.json, then (by the caller) the journal's final event.
  // A crash between them leaves no "done" in the journal, so --resume runs the task again.
  if (last !== null && (last.result.result !== '' || status === 'done')) {
    fs.writeFileSync(path.join(outputDir, 'result.md'), last.result.result);
  }
  const file: TaskStatusFile = {
    id: task.id,
    status,
    attempts,
    exit_code: last?.exitCode ?? null,
    started_at: startedAt.toISOString(),
    ended_at: endedAt.toISOString(),
    duration_ms: endedAt.getTime() - startedAt.getTime(),
    cost_usd: costUsd,
    tokens: tokens === null ? null : tokensFile(tokens),
    error,
    agent: task.agent,
    hash: run.hash,
    ...(run.missingDeps.length > 0 ? { missing_deps: run.missingDeps } : {}),
  };
  writeStatusFile(run.outputsDir, file);
  return { status, file };
}

/**
 * The adapter's watcher for one attempt, wired to the log (each progress line as `[orchestrator] ...`) and to
 * the run's progress; remembers the last progress line (for a timeout's reason) and the verdict that stopped it.
 */
function watchAttempt(
  adapter: AgentAdapter,
  ctx: AgentContext,
  logFd: number,
  onProgress: ((text: string) => void) | undefined,
):
  | {
      onLine: (line: string, stream: 'stdout' | 'stderr') => boolean;
      last: () => string | null;
      verdict: () => WatchStop | undefined;
    }
  | undefined {
  const watch = adapter.watch?.(ctx);
  if (watch === undefined) return undefined;
  let last: string | null = null;
  let verdict: WatchStop | undefined;
  return {
    onLine(line, stream) {
      const note = watch.line(line, stream);
      if (note === undefined) return false;
      if (note.progress !== undefined && note.progress !== last) {
        last = clip(note.progress);
        fs.writeSync(logFd, `\n[orchestrator] ${last}\n`);
        onProgress?.(last);
      }
      if (note.stop === undefined) return false;
      verdict = { outcome: note.stop.outcome, error: clip(note.stop.error) };
      fs.writeSync(logFd, `\n[orchestrator] stopping the attempt: ${verdict.error}\n`);
      return true;
    },
    last: () => last,
    verdict: () => verdict,
  };
}

type WatchStop = NonNullable<WatchNote['stop']>;

/**
 * A temporary folder of the attempt's own for an AI agent (TMPDIR), removed when the attempt ends: the CLIs
 * leave files in the system's (gemini's `gemini-client-error-*.json` reports, claude's sockets), and two
 * agents' temporary files never meet. Shell tasks keep the system's: they may mean to leave something there,
 * and a plan of thousands of short tasks would pay for the folders.
 */
function attemptTmpDir(task: Task, attempt: number): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `orchestrator-${task.id}-${attempt}-`));
}

/** Before retry k (0 for the first retry): random(0, min(max, initial * factor^k)), "full jitter". */
export function backoffDelay(task: Task, k: number, random: () => number): number {
  const { initialMs, factor, maxMs } = task.backoff;
  return Math.round(random() * Math.min(maxMs, initialMs * factor ** k));
}

export function writeStatusFile(outputsDir: string, file: TaskStatusFile): void {
  fs.writeFileSync(path.join(outputsDir, file.id, 'status.json'), `${JSON.stringify(file, null, 2)}\n`);
}

/** mkdir without the recursive walk: the outputs folder exists, and this runs once per task. */
export function makeDir(dir: string): void {
  try {
    fs.mkdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

function header(attempt: number, max: number, task: Task): string {
  const line = `── attempt ${attempt} of ${max} · ${task.id} · ${new Date().toISOString()} `;
  return `${attempt > 1 ? '\n' : ''}${line.padEnd(100, '─')}\n`;
}

function addTokens(a: Tokens | null, b: Tokens): Tokens {
  if (a === null) return { ...b };
  const sum: Tokens = { input: a.input + b.input, output: a.output + b.output };
  if (a.cacheRead !== undefined || b.cacheRead !== undefined)
    sum.cacheRead = (a.cacheRead ?? 0) + (b.cacheRead ?? 0);
  if (a.cacheWrite !== undefined || b.cacheWrite !== undefined)
    sum.cacheWrite = (a.cacheWrite ?? 0) + (b.cacheWrite ?? 0);
  return sum;
}

function tokensFile(t: Tokens): NonNullable<TaskStatusFile['tokens']> {
  return {
    input: t.input,
    output: t.output,
    ...(t.cacheRead !== undefined ? { cache_read: t.cacheRead } : {}),
    ...(t.cacheWrite !== undefined ? { cache_write: t.cacheWrite } : {}),
  };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
