/**
 * fail-fast across jobs: a failed `fail-fast` task cancels the whole run. The cancel needs `actions: write`, and
 * a token with it can dispatch workflows, re-run old runs, delete runs, logs, artifacts and caches: nothing a job
 * that runs an agent may hold (the agent may be prompt-injected and then runs any command). So the task job holds
 * `contents: read` alone, and a separate job, `cancel-<job id>`, runs after it: no checkout, no code from the
 * plan or the repository, one fixed `gh run cancel`, `actions: write` alone. It is skipped unless its task job
 * failed, and a skipped job costs nothing.
 */
import type { Plan } from '../core/model.js';
import { cancelJobId } from './ids.js';
import type { Job } from './jobs.js';
import type { YamlMap } from './yaml.js';

/** A fixed, hosted runner: the job only calls the API (`gh` is installed on GitHub's images). */
const CANCEL_RUNNER = 'ubuntu-latest';
const CANCEL_TIMEOUT_MINUTES = 5;

/** The task step's id in a task job: its `fail-fast` output tells a mixed job's cancel job to act. */
export const TASK_STEP_ID = 'task';
/** The job output carrying it (`true` when a fail-fast task of the job failed, else `false`). */
export const FAIL_FAST_OUTPUT = 'fail-fast';

/** How many of a job's tasks fail fast: a job with any gets a cancel job. */
export function failFastTasks(plan: Plan, job: Job): number {
  let count = 0;
  for (const t of job.tasks) if (plan.tasks[t]!.onFailure === 'fail-fast') count++;
  return count;
}

/** The outputs of a task job whose tasks are only partly fail-fast: what its cancel job reads. */
export function failFastOutputs(): YamlMap {
  return { [FAIL_FAST_OUTPUT]: `\${{ steps.${TASK_STEP_ID}.outputs.${FAIL_FAST_OUTPUT} }}` };
}

/**
 * The job that cancels the run when job `jobId` fails. When every task of the job is fail-fast, any failure of
 * the job cancels; when only some are, only a failure the task step reports as fail-fast does (a
 * `skip-dependents` task's failure must not stop independent branches). `!cancelled()`: a run already being
 * cancelled needs no second request. The job id is a valid job id (letters, digits, `_`, `-`): after a `.`,
 * GitHub's lexer reads it as a property name, even `true` or `null`.
 */
export function cancelJob(jobId: string, allFailFast: boolean): { id: string; job: YamlMap } {
  const needs = `needs.${jobId}`;
  const conditions = ['!cancelled()', `${needs}.result == 'failure'`];
  if (!allFailFast) conditions.push(`${needs}.outputs.${FAIL_FAST_OUTPUT} == 'true'`);
  return {
    id: cancelJobId(jobId),
    job: {
      needs: [jobId],
      if: `\${{ ${conditions.join(' && ')} }}`,
      'runs-on': CANCEL_RUNNER,
      'timeout-minutes': CANCEL_TIMEOUT_MINUTES,
      permissions: { actions: 'write' },
      steps: [
        {
          name: 'Cancel the run (fail-fast)',
          env: { GH_TOKEN: '${{ github.token }}', GH_REPO: '${{ github.repository }}' },
          run: 'gh run cancel "$GITHUB_RUN_ID"',
        },
      ],
    },
  };
}
