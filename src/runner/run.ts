/**
 * The local runner: runs a plan's tasks in parallel on this machine, `-j N` at a time, ready tasks taken by
 * longest remaining path (critical path first), or level by level with `--schedule level` (the seed's
 * batches, kept for comparison). Failures follow each task's `on-failure` (DESIGN §4); every status change is
 * journaled, so `--resume` continues after a crash; master_plan.md follows the run.
 *
 * With `only`, it runs part of the plan (a GitHub task job): the other tasks ran elsewhere, and their
 * status.json in `outputs/` decides whether the part's tasks may run (subset.ts).
 */
import { setMaxListeners } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { adapterFor } from '../agents/index.js';
import type { Analysis } from '../core/analyze.js';
import { longestRemaining } from '../core/graph.js';
import type { Plan } from '../core/model.js';
import type { TaskStatus } from '../render/status.js';
import { layout, type Layout } from '../workspace/layout.js';
import { writePlanOutputs } from '../workspace/plan-outputs.js';
import { executeTask, makeDir, writeStatusFile } from './execute-task.js';
import { depResults, readStatusFile } from './deps.js';
import { taskHash } from './hash.js';
import { throttledMasterPlan } from './master-plan-writer.js';
import { Journal, lastDone, readJournal } from './journal.js';
import { processLauncher } from './launcher.js';
import { reapOrphans } from './orphans.js';
import { Slots } from './slots.js';
import { blockedBy, readOutsideDeps, stoppedByFailFast } from './subset.js';
import { notStartedFile, type FinalStatus, type JournalEvent, type TaskStatusFile } from './status.js';

export type Schedule = 'critical-path' | 'level';

export interface RunOptions {
  /** The workspace folder (`.orchestrator`). */
  root: string;
  /** Where tasks run. */
  cwd: string;
  concurrency: number;
  schedule: Schedule;
  /** Keep tasks already done whose definition and inputs did not change. */
  resume: boolean;
  env: NodeJS.ProcessEnv;
  /** An interrupt: stops the running tasks and ends the run. */
  signal?: AbortSignal;
  graceMs?: number;
  onEvent?: (event: RunEvent) => void;
  random?: () => number;
  /** Least time between two re-renders of master_plan.md. */
  masterPlanIntervalMs?: number;
  /**
   * Run only these tasks (indices into `plan.tasks`); default: all. The others are not run, and a fresh run
   * leaves their folders in `outputs/` alone (they are the downloaded results of other jobs): their
   * status.json decides whether a task of the part runs, runs without an input, or is skipped (subset.ts).
   */
  only?: ReadonlySet<number>;
}

export type RunEvent =
  | { type: 'start'; total: number; concurrency: number; schedule: Schedule }
  | { type: 'running'; index: number; attempt: number }
  | { type: 'retry'; index: number; attempt: number; delayMs: number; error: string }
  /** What a running agent is doing, as its adapter reads it from the output: `claude: retrying the API, 3 of 10`. */
  | { type: 'progress'; index: number; text: string }
  | { type: 'finished'; index: number; status: FinalStatus; reused: boolean; file: TaskStatusFile }
  | { type: 'end'; status: RunStatus; durationMs: number }
  /** Tasks of an earlier run that died, still running, stopped before this run started. */
  | { type: 'reaped'; tasks: string[] };

export type RunStatus = 'success' | 'failure' | 'interrupted';

export interface RunResult {
  /**
   * `failure` when a task failed under `fail-fast` or `skip-dependents`, a task was cancelled, or (with `only`)
   * a task was skipped because a dep outside the part failed under `fail-fast`, was cancelled or left no
   * usable status.json.
   */
  status: RunStatus;
  /** Each task's final state (in plan order); with `only`, what is known of the others. */
  statuses: TaskStatus[];
  durationMs: number;
  layout: Layout;
}

export async function runPlan(plan: Plan, analysis: Analysis, options: RunOptions): Promise<RunResult> {
  const started = performance.now();
  const files = layout(path.resolve(options.root));
  const n = plan.tasks.length;
  const only = options.only ?? null;
  const inPart = (i: number): boolean => only === null || only.has(i);
  /** The tasks this run settles. */
  const total = only === null ? n : only.size;
  const { graph } = analysis;
  const priority = longestRemaining(graph, analysis.order, analysis.weightsMs);
  const emit = options.onEvent ?? (() => {});

  // The process launcher starts now, while the run writes its plan files, rather than when the first task waits
  // for it (a Python start takes 20 to 40 ms). Only for a plan with tasks it starts: AI agents start through Node.
  if (plan.tasks.some((t, i) => inPart(i) && !isAiAgent(plan, t.agent))) processLauncher(options.env);

  if (!options.resume && only === null) {
    // A fresh run: results of an earlier one must not leak into this one's report.
    fs.rmSync(files.outputs, { recursive: true, force: true });
    fs.rmSync(files.journal, { force: true });
  } else if (!options.resume && only !== null) {
    // Only the part's own folders: the others hold its deps' results. The journal is kept and appended to, so a
    // later `run --resume` in the same folder still knows what was done.
    for (const i of only)
      fs.rmSync(path.join(files.outputs, plan.tasks[i]!.id), { recursive: true, force: true });
  }
  writePlanOutputs(files.root, plan, analysis);
  fs.mkdirSync(files.outputs, { recursive: true });
  compactHeap();
  const before = options.resume ? readJournal(files.journal) : [];
  const doneBefore = lastDone(before);
  // A run that died (no run-end) may have left its tasks' process groups running: stop them first.
  const reaped = await reapOrphans(before, options.graceMs ?? 2_000);
  const journal = Journal.open(files.journal);
  const runId = `${new Date().toISOString().replace(/[-:.]/g, '').slice(0, 15)}-${process.pid}`;
  const now = (): string => new Date().toISOString();
  const record = (event: JournalEvent): void => journal.append(event);

  // Live state.
  const live: TaskStatus[] = plan.tasks.map((t) => (t.deps.length === 0 ? 'pending' : 'waiting'));
  const finished = new Array<boolean>(n).fill(false);
  const launched = new Array<boolean>(n).fill(false);
  const remaining = Int32Array.from({ length: n }, (_, v) => graph.predStart[v + 1]! - graph.predStart[v]!);
  const missing: string[][] = Array.from({ length: n }, () => []);
  const hashes: string[] = new Array<string>(n).fill('');
  let settled = 0;
  let failedHard = false;
  /** A task of the part was skipped for a reason that fails the job (subset.ts). */
  let blockedHard = false;
  const stop = new AbortController();
  // Every running task and every task waiting for a slot listens to it.
  setMaxListeners(0, stop.signal);

  const slots = new Slots(options.concurrency);
  const masterPlan = throttledMasterPlan(plan, analysis, files, live, options.masterPlanIntervalMs ?? 250);

  // Level order: only the lowest unfinished level may start; ready tasks of later levels wait here.
  let currentLevel = 0;
  const levelLeft = new Int32Array(analysis.batches.length);
  analysis.batches.forEach((b, k) => (levelLeft[k] = only === null ? b.length : b.filter(inPart).length));
  const parked: number[][] = analysis.batches.map(() => []);

  record({
    type: 'run-start',
    at: now(),
    run: runId,
    plan: plan.name,
    tasks: total,
    concurrency: options.concurrency,
    resume: options.resume,
  });
  emit({ type: 'start', total, concurrency: options.concurrency, schedule: options.schedule });
  if (reaped.length > 0) emit({ type: 'reaped', tasks: reaped });

  let resolveDone!: () => void;
  const allSettled = new Promise<void>((resolve) => (resolveDone = resolve));

  const finish = (i: number, status: FinalStatus, file: TaskStatusFile, reused = false): void => {
    if (finished[i]) return;
    finished[i] = true;
    live[i] = status;
    settled++;
    const task = plan.tasks[i]!;
    record({
      type: 'task',
      at: now(),
      run: runId,
      id: task.id,
      status,
      attempt: file.attempts,
      hash: file.hash,
      exit_code: file.exit_code,
      error: file.error,
      ...(file.duration_ms !== null ? { duration_ms: file.duration_ms } : {}),
    });
    emit({ type: 'finished', index: i, status, reused, file });
    masterPlan.changed();

    const level = analysis.level[i]!;
    if (--levelLeft[level]! === 0) advanceLevel();

    if (status === 'done' || (status === 'failed' && task.onFailure === 'continue')) {
      if (status === 'failed') failedSoft(i);
      for (let k = graph.succStart[i]!; k < graph.succStart[i + 1]!; k++) {
        const d = graph.succ[k]!;
        if (--remaining[d]! === 0 && !finished[d]) ready(d);
      }
    } else if (status === 'failed' && task.onFailure === 'skip-dependents') {
      failedHard = true;
      skipDescendants(i);
    } else if (status === 'failed') {
      failedHard = true;
      cancelAll(`cancelled: ${task.id} failed (on-failure: fail-fast)`);
    }
    if (settled === total) resolveDone();
  };

  const failedSoft = (i: number): void => {
    for (let k = graph.succStart[i]!; k < graph.succStart[i + 1]!; k++)
      missing[graph.succ[k]!]!.push(plan.tasks[i]!.id);
  };

  const notRun = (i: number, status: 'skipped' | 'cancelled', error: string): void => {
    const task = plan.tasks[i]!;
    const file = notStartedFile(task, status, error, hashes[i]!);
    makeDir(path.join(files.outputs, task.id));
    writeStatusFile(files.outputs, file);
    finish(i, status, file);
  };

  const skipDescendants = (
    from: number,
    reason = `skipped: ${plan.tasks[from]!.id} failed (on-failure: skip-dependents)`,
  ): void => {
    const stack = [from];
    const seen = new Uint8Array(n);
    while (stack.length > 0) {
      const v = stack.pop()!;
      for (let k = graph.succStart[v]!; k < graph.succStart[v + 1]!; k++) {
        const d = graph.succ[k]!;
        if (seen[d] === 1) continue;
        seen[d] = 1;
        if (inPart(d) && !finished[d] && !launched[d]) notRun(d, 'skipped', reason);
        stack.push(d);
      }
    }
  };

  const cancelAll = (reason: string): void => {
    if (!stop.signal.aborted) stop.abort(new Error(reason));
    // Never a task outside the part: its folder holds another job's result.
    for (let i = 0; i < n; i++) if (inPart(i) && !finished[i] && !launched[i]) notRun(i, 'cancelled', reason);
  };

  const advanceLevel = (): void => {
    if (options.schedule !== 'level') return;
    while (currentLevel < levelLeft.length && levelLeft[currentLevel] === 0) currentLevel++;
    const waiting = parked[currentLevel];
    if (waiting === undefined) return;
    parked[currentLevel] = [];
    for (const i of waiting) launch(i);
  };

  const ready = (i: number): void => {
    live[i] = 'pending';
    if (options.schedule === 'level' && analysis.level[i]! > currentLevel)
      parked[analysis.level[i]!]!.push(i);
    else launch(i);
  };

  const launch = (i: number): void => {
    if (launched[i] || finished[i]) return;
    launched[i] = true;
    void runOne(i).catch((error: unknown) => {
      // A bug or an I/O failure in the runner itself: record it as the task's failure rather than hang.
      const message = error instanceof Error ? error.message : String(error);
      launched[i] = false;
      notRun(i, 'cancelled', `internal error: ${message}`);
    });
  };

  const runOne = async (i: number): Promise<void> => {
    const task = plan.tasks[i]!;
    const deps = depResults(plan, i, analysis, files.outputs, finished, live);
    const hash = taskHash(
      plan,
      task,
      deps.map((d) => [d.id, d.hash] as const),
    );
    hashes[i] = hash;
    if (stop.signal.aborted) return notRun(i, 'cancelled', reasonOf(stop.signal));
    if (doneBefore.get(task.id) === hash) {
      const previous = readStatusFile(files.outputs, task.id);
      if (previous?.status === 'done' && previous.hash === hash) return finish(i, 'done', previous, true);
    }
    let held = false;
    try {
      await slots.acquire(priority[i]!, i, stop.signal);
      held = true;
    } catch {
      return notRun(i, 'cancelled', reasonOf(stop.signal));
    }
    live[i] = 'running';
    masterPlan.changed();
    try {
      const outcome = await executeTask({
        plan,
        task,
        outputsDir: files.outputs,
        cwd: options.cwd,
        baseEnv: options.env,
        runId,
        deps: deps.map((d) => d.dep),
        missingDeps: missing[i]!,
        hash,
        signal: stop.signal,
        graceMs: options.graceMs ?? 2_000,
        ...(options.random !== undefined ? { random: options.random } : {}),
        pause: {
          release: () => {
            if (held) slots.release();
            held = false;
          },
          acquire: async () => {
            await slots.acquire(priority[i]!, i, stop.signal);
            held = true;
          },
        },
        onProgress: (text) => emit({ type: 'progress', index: i, text }),
        onProcess: (pgid, attempt) =>
          record({ type: 'process', at: now(), run: runId, id: task.id, attempt, pgid }),
        onAttempt: (e) => {
          if (e.phase === 'start') {
            record({
              type: 'task',
              at: now(),
              run: runId,
              id: task.id,
              status: 'running',
              attempt: e.attempt,
              hash,
            });
            emit({ type: 'running', index: i, attempt: e.attempt });
          } else {
            record({
              type: 'task',
              at: now(),
              run: runId,
              id: task.id,
              status: 'retrying',
              attempt: e.attempt,
              hash,
              error: e.error ?? null,
            });
            emit({
              type: 'retry',
              index: i,
              attempt: e.attempt,
              delayMs: e.delayMs ?? 0,
              error: e.error ?? '',
            });
          }
        },
      });
      finish(i, outcome.status, outcome.file);
    } finally {
      if (held) slots.release();
    }
  };

  /**
   * A part of the plan: the tasks outside it count as settled from the start (nothing here runs, skips or
   * cancels them), with what their status.json says; the part's tasks start as their deps allow.
   */
  const startPart = (part: ReadonlySet<number>): void => {
    const stopped = stoppedByFailFast(plan, part, files.outputs);
    if (stopped !== null) {
      for (let i = 0; i < n; i++) if (!part.has(i)) [finished[i], launched[i]] = [true, true];
      return cancelAll(stopped);
    }
    const outside = readOutsideDeps(plan, analysis, part, files.outputs);
    for (let i = 0; i < n; i++) {
      if (part.has(i)) continue;
      finished[i] = true;
      launched[i] = true;
      const status = outside.get(i)?.status;
      if (status !== undefined && status !== null) live[i] = status;
    }
    for (let i = 0; i < n; i++) {
      if (!part.has(i)) continue;
      let left = 0;
      for (let k = graph.predStart[i]!; k < graph.predStart[i + 1]!; k++) {
        const d = graph.pred[k]!;
        if (part.has(d)) left++;
        else if (outside.get(d)?.effect.kind === 'missing') missing[i]!.push(plan.tasks[d]!.id);
      }
      remaining[i] = left;
    }
    advanceLevel();
    for (const i of analysis.order) {
      if (!part.has(i) || finished[i]) continue;
      const blocked = blockedBy(i, outside, analysis);
      if (blocked === null) continue;
      if (blocked.failsJob) blockedHard = true;
      notRun(i, 'skipped', blocked.reason);
      skipDescendants(i, blocked.reason);
    }
    for (const i of analysis.order) if (part.has(i) && !finished[i] && remaining[i] === 0) ready(i);
  };

  const onInterrupt = (): void => cancelAll('cancelled: the run was interrupted');
  if (options.signal?.aborted === true) onInterrupt();
  else options.signal?.addEventListener('abort', onInterrupt, { once: true });

  if (only === null) {
    for (const i of analysis.batches[0] ?? []) ready(i);
  } else {
    startPart(only);
  }
  if (total === 0) resolveDone();
  await allSettled;
  options.signal?.removeEventListener('abort', onInterrupt);
  masterPlan.flush();

  const interrupted = options.signal?.aborted === true;
  const status: RunStatus = interrupted
    ? 'interrupted'
    : failedHard || blockedHard || live.some((s, i) => s === 'cancelled' && inPart(i))
      ? 'failure'
      : 'success';
  const durationMs = performance.now() - started;
  record({
    type: 'run-end',
    at: now(),
    run: runId,
    status: status === 'success' ? 'done' : status === 'failure' ? 'failed' : 'interrupted',
    duration_ms: Math.round(durationMs),
  });
  journal.close();
  emit({ type: 'end', status, durationMs });
  return { status, statuses: live, durationMs, layout: files };
}

/**
 * Every task is a fork of this process, and a fork costs in proportion to the memory mapped (1.4 ms at 70 MB,
 * 4.3 ms at 280 MB, measured here): collect the garbage of loading and planning before the first task starts,
 * rather than carry it through thousands of forks. V8 only offers this through its flag.
 */
function compactHeap(): void {
  try {
    v8.setFlagsFromString('--expose-gc');
    (vm.runInNewContext('gc') as () => void)();
  } catch {
    // Not essential: the run only forks a little slower.
  }
}

function isAiAgent(plan: Plan, agent: string): boolean {
  try {
    return adapterFor(plan, agent).ai;
  } catch {
    return false; // an unknown agent: its task fails with the reason when it runs
  }
}

function reasonOf(signal: AbortSignal): string {
  return signal.reason instanceof Error ? signal.reason.message : 'cancelled: the run was stopped';
}
