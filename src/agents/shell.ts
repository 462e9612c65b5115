/**
 * `shell`: the task's `run`, by bash with errexit, nounset and pipefail. The options go on bash's own command
 * line (`bash -euo pipefail -c <run>`) rather than as a `set` line prepended to the script, so the line numbers
 * in bash's errors are the script's own.
 *
 * Outcome: exit 0 is success; exit 75 (EX_TEMPFAIL, see outcome.ts) is a transient failure, retried under the
 * default `retry-on`, so a script can say "try me again" (a busy lock, a flaky download); any other exit code or
 * a signal is a failure. The result is the command's stdout.
 */
import { exitCodeOutcome } from './outcome.js';
import type { AgentAdapter } from './types.js';

export const shellAdapter: AgentAdapter = {
  name: 'shell',
  ai: false,
  invocation({ task }) {
    // The validator refuses a shell task without `run` [shell-needs-run]; reaching this is a bug.
    if (task.run === undefined) throw new Error(`shell task ${JSON.stringify(task.id)} has no \`run\``);
    return { argv: ['bash', '-euo', 'pipefail', '-c', task.run] };
  },
  interpret(end) {
    return exitCodeOutcome(end);
  },
};
