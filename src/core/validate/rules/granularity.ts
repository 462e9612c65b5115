/**
 * [granularity] The seed's advice: tasks of 1 to 5 minutes. Far outside that (under 20s: merge it; over 15m:
 * split it), orchestration costs more than it gives or a single task holds up the plan. [estimate-timeout] An
 * estimate over the timeout means the task is expected to be killed.
 */
import { humanDuration } from '../../duration.js';
import { taskName, warning, type Rule } from '../context.js';

const TRIVIAL_MS = 20_000;
const LARGE_MS = 15 * 60_000;

export const granularity: Rule = {
  ids: ['granularity', 'estimate-timeout'],
  check({ tasks }) {
    return tasks.flatMap((task) => {
      if (task.estimateMs === undefined) return [];
      const path = 'estimate' in task.raw ? [...task.path, 'estimate'] : ['defaults', 'estimate'];
      const findings = [];
      if (task.estimateMs < TRIVIAL_MS) {
        findings.push(
          warning(
            'granularity',
            `${taskName(task)} is estimated at ${humanDuration(task.estimateMs)}, far under the 1-5 minute granularity: merge it with a neighbour`,
            path,
          ),
        );
      } else if (task.estimateMs > LARGE_MS) {
        findings.push(
          warning(
            'granularity',
            `${taskName(task)} is estimated at ${humanDuration(task.estimateMs)}, far over the 1-5 minute granularity: split it into smaller tasks`,
            path,
          ),
        );
      }
      if (task.timeoutMs !== undefined && task.estimateMs > task.timeoutMs) {
        findings.push(
          warning(
            'estimate-timeout',
            `${taskName(task)} is estimated at ${humanDuration(task.estimateMs)} but times out after ${humanDuration(task.timeoutMs)}`,
            path,
          ),
        );
      }
      return findings;
    });
  },
};
