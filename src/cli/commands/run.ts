import os from 'node:os';
import path from 'node:path';
import { analyze } from '../../core/analyze.js';
import { parseDuration } from '../../core/duration.js';
import { EXIT, UserError } from '../../errors.js';
import { collectResults } from '../../report/collect.js';
import { renderFinalOutput } from '../../report/final-output.js';
import { summarize } from '../../report/summary.js';
import { chooseReporter, type ProgressMode } from '../../runner/progress/choose.js';
import { runPlan, type Schedule } from '../../runner/run.js';
import { writeFileAtomic } from '../../workspace/atomic.js';
import { style, type Output } from '../terminal.js';
import { loadValidPlan } from '../load-plan.js';

export interface RunCommandOptions {
  dir: string;
  jobs?: string;
  schedule: Schedule;
  resume: boolean;
  progress: ProgressMode;
  grace: string;
}

/** Exit code of an interrupted run, as a shell reports a command stopped by SIGINT. */
export const EXIT_INTERRUPTED = 130;

export async function runCommand(file: string, opts: RunCommandOptions, io: Output): Promise<number> {
  const jobs = parseJobs(opts.jobs);
  const graceMs = parseDuration(opts.grace);
  if (graceMs === null)
    throw new UserError(`--grace must be a duration like 5s or 500ms, got ${JSON.stringify(opts.grace)}`);
  const { plan } = loadValidPlan(file, io);
  const analysis = analyze(plan);
  const root = path.resolve(opts.dir);
  const reporter = chooseReporter(opts.progress, plan, path.join(root, 'outputs'), io.out, io.env);

  const interrupt = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => {
    if (!interrupt.signal.aborted) {
      io.err.write(`\norchestrator: ${signal}: stopping the running tasks…\n`);
      interrupt.abort();
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let result;
  try {
    result = await runPlan(plan, analysis, {
      root,
      cwd: process.cwd(),
      concurrency: jobs,
      schedule: opts.schedule,
      resume: opts.resume,
      env: io.env,
      signal: interrupt.signal,
      graceMs,
      onEvent: (event) => reporter.onEvent(event),
    });
  } finally {
    reporter.close();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }

  const reports = collectResults(plan, result.layout.outputs);
  writeFileAtomic(result.layout.finalOutput, renderFinalOutput(plan, analysis, reports));
  const summary = summarize(reports);
  const s = style(io.out, io.env);
  const where = path.relative(process.cwd(), result.layout.finalOutput) || result.layout.finalOutput;
  const counts = Object.entries(summary.counts)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  const cost = summary.costUsd > 0 ? ` · $${summary.costUsd.toFixed(4)}` : '';
  const verdict =
    result.status === 'success'
      ? s.green('done')
      : result.status === 'interrupted'
        ? s.yellow('interrupted')
        : s.red('failed');
  io.out.write(
    `\n${verdict}: ${counts} in ${(result.durationMs / 1000).toFixed(1)}s${cost} · report: ${where}\n`,
  );
  return result.status === 'success'
    ? EXIT.ok
    : result.status === 'interrupted'
      ? EXIT_INTERRUPTED
      : EXIT.failed;
}

export function parseJobs(value: string | undefined): number {
  if (value === undefined) return os.availableParallelism();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new UserError(`Expected \`--jobs\` to be a whole number from 1 and up, got \`${value}\``);
  return n;
}
