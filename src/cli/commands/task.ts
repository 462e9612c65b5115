/**
 * `orchestrator task <plan> <id...>`: the GitHub task job's operation on the command line (docs/github.md, "The
 * job contract"). Runs those tasks with the local runner; their deps are not run but read from
 * `<dir>/outputs/<dep>/`, imported first from the artifacts in `<dir>/downloads/` when there are some
 * (runner/downloads.ts: what an artifact may not hold is refused and named on stderr); then stages
 * `<dir>/artifact/<id>/` for the upload step. The action's `task` mode calls the same runTaskJob.
 */
import path from 'node:path';
import { analyze } from '../../core/analyze.js';
import { humanDuration, parseDuration } from '../../core/duration.js';
import { EXIT, UserError } from '../../errors.js';
import { formatCost } from '../../report/summary.js';
import { chooseReporter, type ProgressMode } from '../../runner/progress/choose.js';
import { describeTampering, parseSources, type Tampering } from '../../runner/downloads.js';
import { interruptible } from '../../runner/interrupt.js';
import type { RunStatus } from '../../runner/run.js';
import type { TaskStatusFile } from '../../runner/status.js';
import { parseTaskIds, runTaskJob, selectTasks } from '../../runner/task-job.js';
import { loadValidPlan } from '../load-plan.js';
import { sanitize, style, type Output } from '../terminal.js';
import { EXIT_INTERRUPTED, parseJobs } from './run.js';

export interface TaskCommandOptions {
  dir: string;
  jobs?: string;
  progress: ProgressMode;
  grace: string;
  /** Stage `<dir>/artifact/<id>/` (default true; `--no-stage`). */
  stage: boolean;
  /** `--sources`: which ids each `tasks-<job>` artifact in `<dir>/downloads/` speaks for. */
  sources?: string;
}

/**
 * Exit code: 0 when every task is done, failed under `on-failure: continue`, or was skipped because a dep
 * failed under `skip-dependents` or was skipped; 1 when a task failed under `fail-fast` or `skip-dependents`,
 * was cancelled, or was skipped because a dep failed under `fail-fast`, was cancelled or left no status.json
 * (runner/subset.ts); 130 when interrupted; 2 for bad input.
 */
export async function taskCommand(
  file: string,
  ids: readonly string[],
  opts: TaskCommandOptions,
  io: Output,
): Promise<number> {
  const jobs = parseJobs(opts.jobs);
  const graceMs = parseDuration(opts.grace);
  if (graceMs === null)
    throw new UserError(`--grace must be a duration like 5s or 500ms, got ${JSON.stringify(opts.grace)}`);
  const sources = parseSourcesOption(opts.sources);
  const { plan } = loadValidPlan(file, io);
  const indices = selectTasks(plan, parseTaskIds(ids));
  const analysis = analyze(plan);
  const root = path.resolve(opts.dir);
  const reporter = chooseReporter(opts.progress, plan, path.join(root, 'outputs'), io.out, io.env);
  let job;
  try {
    job = await interruptible(
      (signal) =>
        runTaskJob(plan, analysis, indices, {
          root,
          cwd: process.cwd(),
          concurrency: jobs,
          schedule: 'critical-path',
          resume: false,
          env: io.env,
          signal,
          graceMs,
          stage: opts.stage,
          sources,
          onEvent: (event) => reporter.onEvent(event),
        }),
      (signal) => io.err.write(`\norchestrator: ${signal}: stopping the running tasks…\n`),
    );
  } finally {
    reporter.close();
  }

  printTampering(job.tampering, io);
  const s = style(io.out, io.env);
  const lines = job.tasks.map((t) => `${sanitize(t.id)}: ${taskLine(t)}`);
  if (job.artifact !== null) lines.push(s.dim(`staged: ${sanitize(where(job.artifact))}`));
  io.out.write(`\n${lines.join('\n')}\n`);
  return exitCode(job.run.status);
}

/** `--sources`, its errors named as the option's. */
export function parseSourcesOption(text: string | undefined): ReturnType<typeof parseSources> {
  try {
    return parseSources(text ?? '');
  } catch (error) {
    if (error instanceof UserError) throw new UserError(`--sources: ${error.message}`);
    throw error;
  }
}

/** What the import refused, one line each on stderr. */
export function printTampering(tampering: readonly Tampering[], io: Output): void {
  for (const t of tampering) io.err.write(`orchestrator: refused: ${sanitize(describeTampering(t))}\n`);
}

/** `done · 1 attempt · 2.1s · $0.04`, or the status and its error. */
function taskLine(t: TaskStatusFile): string {
  const parts: string[] = [t.status];
  if (t.attempts > 0) parts.push(`${t.attempts} attempt${t.attempts === 1 ? '' : 's'}`);
  if (t.duration_ms !== null) parts.push(humanDuration(t.duration_ms));
  if (t.cost_usd !== null) parts.push(formatCost(t.cost_usd));
  if (t.error !== null) parts.push(sanitize(t.error.replace(/\s+/g, ' ')));
  return parts.join(' · ');
}

export function exitCode(status: RunStatus): number {
  switch (status) {
    case 'success':
      return EXIT.ok;
    case 'failure':
      return EXIT.failed;
    case 'interrupted':
      return EXIT_INTERRUPTED;
  }
}

function where(p: string): string {
  const relative = path.relative(process.cwd(), p);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? p : relative;
}
