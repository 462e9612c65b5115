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
import { isSetupAgent, type SetupAgent } from './pins.js';

/** What one environment variable of a step can carry on Linux (MAX_ARG_STRLEN), less room for its name. */
const MAX_SOURCES_BYTES = 128 * 1024 - 64;

export interface WaveLeg {
  /** Task ids, separated by spaces: the `task` input of the action's task mode. */
  tasks: string;
  /** The leg's artifact: `task-<id>` for one task, `tasks-wave-<k>-<leg>` for several (docs/github.md). */
  artifact: string;
  /**
   * The agent CLIs the leg's tasks run (sorted, each once; empty for shell-only legs): the wave installs these
   * and gives the step only their API keys, so a leg holds no key its tasks do not use.
   */
  agents: SetupAgent[];
}

export interface Waves {
  /** One matrix per level, in order; each `{ include: [...] }`, ready for `fromJSON`. */
  matrices: { include: WaveLeg[] }[];
  /** The largest number of tasks one leg runs. */
  maxTasksPerLeg: number;
  /**
   * Which tasks each leg's artifact holding several tasks speaks for, as the `sources` input of the steps that
   * import downloaded artifacts takes it (`tasks-wave-1-1=t0,t256 ...`; '' when every leg runs one task): without
   * it such an artifact would be refused as speaking for tasks that are not its own.
   */
  sources: string;
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
  const sources: string[] = [];
  const matrices = levels.map((level, k) => {
    const legs = Math.min(level.length, maxLegs);
    const include: WaveLeg[] = [];
    // Tasks dealt round-robin, so the legs of a big level are even.
    const groups: number[][] = Array.from({ length: legs }, () => []);
    level.forEach((t, j) => groups[j % legs]!.push(t));
    groups.forEach((group, leg) => {
      maxTasksPerLeg = Math.max(maxTasksPerLeg, group.length);
      const ids = group.map((t) => plan.tasks[t]!.id);
      const agents = new Set(group.map((t) => plan.tasks[t]!.agent).filter(isSetupAgent));
      const artifact = ids.length === 1 ? `task-${ids[0]!}` : `tasks-wave-${k + 1}-${leg + 1}`;
      if (ids.length > 1) sources.push(`${artifact}=${ids.join(',')}`);
      include.push({ tasks: ids.join(' '), artifact, agents: [...agents].sort() });
    });
    return { include };
  });
  const text = sources.join(' ');
  if (text.length > MAX_SOURCES_BYTES) {
    throw new UserError(
      `listing which tasks the waves' multi-task artifacts hold (the \`sources\` the wave legs read) takes ` +
        `${text.length} bytes, over the ${MAX_SOURCES_BYTES} bytes one environment variable of a step can carry ` +
        `on Linux: use shorter task ids, or split the plan into several plans`,
    );
  }
  return { matrices, maxTasksPerLeg, sources: text };
}
