/**
 * Mode `task` (docs/github.md, "The job contract"): runs the tasks named by the `task` input through runTaskJob,
 * the very function behind `orchestrator task`, stages `<dir>/artifact/`, writes the job summary and the outputs.
 * The step fails exactly when `orchestrator task` would exit non-zero.
 *
 * It runs as the `run:` step of the composite action task/action.yml, so no process above the agents holds a
 * token (inputs.ts refuses the mode in the node action). Around the tasks, the step leaves nothing behind that a
 * later step would trust: once they end, every process they started is killed (runner/sweep.ts), and only then
 * are the step's command files put back as they were (step-files.ts) and its own outputs and summary written.
 */
import * as core from '@actions/core';
import path from 'node:path';
import { analyze } from '../core/analyze.js';
import type { Plan } from '../core/model.js';
import { UserError } from '../errors.js';
import { collectResults } from '../report/collect.js';
import { withTamperingSection } from '../report/tampering.js';
import { GithubReporter } from '../runner/progress/github.js';
import { interruptible } from '../runner/interrupt.js';
import type { TaskStatusFile } from '../runner/status.js';
import { secretValues } from '../runner/redact.js';
import { ProcessSweep, sweepScope } from '../runner/sweep.js';
import { runTaskJob, selectTasks, type TaskJobResult } from '../runner/task-job.js';
import { agentEnvironment } from './agent-env.js';
import type { ActionSettings } from './inputs.js';
import { loadPlan } from './load-plan.js';
import type { ModeOutcome } from './outcome.js';
import { rememberStepFiles } from './step-files.js';
import { annotateTampering } from './tampering.js';
import { renderTaskSummary } from './task-summary.js';

/** Between SIGTERM and SIGKILL: GitHub's cancellation sends SIGINT, then SIGTERM 7.5 s later, then kills. */
const GRACE_MS = 5_000;

export async function taskMode(settings: ActionSettings): Promise<ModeOutcome> {
  // Before anything runs: the census of processes and the command files as the runner made them.
  const sweep = ProcessSweep.start(sweepScope(process.env));
  const stepFiles = rememberStepFiles(process.env);
  let cleaned = false;
  const cleanUp = async (): Promise<void> => {
    if (cleaned) return;
    cleaned = true;
    if (sweep === null) {
      core.warning(
        `processes the tasks left running are not stopped on ${process.platform} (no /proc): they may outlive this step`,
      );
    } else {
      const { killed, survivors } = await sweep.sweep();
      if (killed.length > 0) {
        core.warning(
          `killed ${killed.length} process${killed.length === 1 ? '' : 'es'} the tasks left running: ${killed.join(', ')}`,
        );
      }
      if (survivors.length > 0) {
        throw new UserError(
          `processes the tasks started are still running and could not be killed: ${survivors.join(', ')}`,
        );
      }
    }
    const changed = stepFiles.restore();
    if (changed.length > 0) {
      core.warning(
        `a task changed this step's command files (${changed.join(', ')}): put back as they were before the tasks ran`,
      );
    }
  };
  try {
    return await runTasks(settings, cleanUp);
  } finally {
    // A failure before the tasks ended (an invalid plan, an interrupt) still leaves nothing behind.
    await cleanUp();
  }
}

async function runTasks(settings: ActionSettings, cleanUp: () => Promise<void>): Promise<ModeOutcome> {
  const plan = loadPlan(settings.plan, settings.planOrigin);
  let indices: number[];
  try {
    indices = selectTasks(plan, settings.tasks);
  } catch (error) {
    if (error instanceof UserError) throw new UserError(`input \`task\`: ${error.message}`);
    throw error;
  }
  const analysis = analyze(plan);
  const root = path.resolve(settings.dir);
  const reporter = new GithubReporter(plan, path.join(root, 'outputs'), process.stdout);
  let job: TaskJobResult;
  try {
    job = await interruptible((signal) =>
      runTaskJob(plan, analysis, indices, {
        root,
        cwd: process.cwd(),
        concurrency: settings.concurrency,
        schedule: 'critical-path',
        resume: false,
        // The tasks' agents never see the job's tokens nor the step's command files (agent-env.ts).
        env: agentEnvironment(process.env),
        signal,
        graceMs: GRACE_MS,
        stage: true,
        beforeStage: cleanUp,
        secrets: secretValues(process.env),
        sources: settings.sources,
        onEvent: (event) => reporter.onEvent(event),
      }),
    );
  } finally {
    reporter.close();
  }

  const outcome = verdict(plan, job);
  core.setOutput('status', jobStatus(job.tasks));
  core.setOutput(
    'attempts',
    job.tasks.reduce((n, t) => n + t.attempts, 0),
  );
  core.setOutput('cost', cost(job.tasks));
  if (job.artifact !== null) core.setOutput('artifact', job.artifact);
  core.setOutput('fail-fast', String(failedFast(plan, job.tasks)));
  // What the downloads held that no artifact may speak for (runner/downloads.ts): not imported, shown.
  annotateTampering(job.tampering);

  const reports = collectResults(plan, job.run.layout.outputs);
  const all = new Map(reports.map((r) => [r.id, r]));
  const ran = indices.map((i) => reports[i]!);
  const summary = renderTaskSummary(plan, ran, all, outcome.line);
  await core.summary.addRaw(withTamperingSection(summary, job.tampering)).write();
  return { failure: outcome.failure };
}

/** One status for the job: its task's, or for several the worst (failed, cancelled, skipped, then done). */
export function jobStatus(tasks: readonly TaskStatusFile[]): string {
  for (const status of ['failed', 'cancelled', 'skipped'] as const)
    if (tasks.some((t) => t.status === status)) return status;
  return 'done';
}

/**
 * Whether a `fail-fast` task of the step failed: the workflow's cancel job, which alone holds `actions: write`,
 * cancels the run then (a job with tasks of other policies fails for them too, and must not cancel it).
 */
export function failedFast(plan: Plan, tasks: readonly TaskStatusFile[]): boolean {
  const byId = new Map(plan.tasks.map((t) => [t.id, t]));
  return tasks.some((t) => t.status === 'failed' && byId.get(t.id)?.onFailure === 'fail-fast');
}

/** The sum of the costs reported, in dollars; `0` when none was. */
function cost(tasks: readonly TaskStatusFile[]): string {
  const sum = tasks.reduce((n, t) => n + (t.cost_usd ?? 0), 0);
  return String(Math.round(sum * 1e6) / 1e6);
}

/** A line for the summary, and the step's failure message (null when the step succeeds). */
function verdict(plan: Plan, job: TaskJobResult): { line: string; failure: string | null } {
  const byId = new Map(plan.tasks.map((t) => [t.id, t]));
  const problems = job.tasks
    .filter((t) => t.status !== 'done')
    .map((t) => {
      const policy = t.status === 'failed' ? ` (on-failure: ${byId.get(t.id)?.onFailure ?? '?'})` : '';
      return `${t.id} ${t.status}${policy}${t.error !== null ? `: ${t.error}` : ''}`;
    });
  switch (job.run.status) {
    case 'success':
      return {
        line: problems.length === 0 ? 'the job succeeded' : `the job succeeded; ${problems.join('; ')}`,
        failure: null,
      };
    case 'interrupted':
      return {
        line: 'the job was interrupted',
        failure: 'the job was interrupted: its running tasks were stopped',
      };
    case 'failure':
      return { line: `the job failed: ${problems.join('; ')}`, failure: problems.join('\n') };
  }
}
