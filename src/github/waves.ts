/**
 * The dynamic run's matrices (the reusable workflow, `.github/workflows/orchestrate.yml`): one matrix per
 * topological level, each leg running one task, or several when a level has more tasks than a matrix may have
 * legs. The workflow has a fixed number of wave jobs; a plan deeper than that is refused here, early, with the
 * way out (`orchestrator generate`, which has no such limit and no barrier between levels).
 */
import type { Analysis } from '../core/analyze.js';
import type { Plan } from '../core/model.js';
import { UserError } from '../errors.js';
import { MAX_MATRIX_LEGS } from './group.js';

export interface WaveLeg {
  /** Task ids, separated by spaces: the `task` input of the action's task mode. */
  tasks: string;
  /** The leg's artifact: `task-<id>` for one task, `tasks-wave-<k>-<leg>` for several (docs/github.md). */
  artifact: string;
}

export interface Waves {
  /** One matrix per level, in order; each `{ include: [...] }`, ready for `fromJSON`. */
  matrices: { include: WaveLeg[] }[];
  /** The largest number of tasks one leg runs. */
  maxTasksPerLeg: number;
}

export function waveMatrices(
  plan: Plan,
  analysis: Analysis,
  maxWaves: number,
  maxLegs = MAX_MATRIX_LEGS,
): Waves {
  const levels = analysis.batches;
  if (levels.length > maxWaves) {
    throw new UserError(
      `the plan has ${levels.length} levels, more than the ${maxWaves} waves of the reusable workflow: ` +
        `raise its \`waves\` input to ${levels.length} (at most the workflow's wave jobs), or compile the plan ` +
        `to a workflow of its own with \`orchestrator generate\` (no level limit, and no barrier between levels)`,
    );
  }
  let maxTasksPerLeg = 0;
  const matrices = levels.map((level, k) => {
    const ids = level.map((i) => plan.tasks[i]!.id);
    const legs = Math.min(ids.length, maxLegs);
    const include: WaveLeg[] = [];
    // Tasks dealt round-robin, so the legs of a big level are even.
    const groups: string[][] = Array.from({ length: legs }, () => []);
    ids.forEach((id, j) => groups[j % legs]!.push(id));
    groups.forEach((group, leg) => {
      maxTasksPerLeg = Math.max(maxTasksPerLeg, group.length);
      include.push({
        tasks: group.join(' '),
        artifact: group.length === 1 ? `task-${group[0]!}` : `tasks-wave-${k + 1}-${leg + 1}`,
      });
    });
    return { include };
  });
  return { matrices, maxTasksPerLeg };
}
