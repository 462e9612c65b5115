import path from 'node:path';
import { analyze } from '../../core/analyze.js';
import { humanDuration } from '../../core/duration.js';
import { renderSimulated } from '../../render/simulated.js';
import { writePlanOutputs } from '../../workspace/plan-outputs.js';
import { EXIT } from '../../errors.js';
import { sanitize, type Output } from '../terminal.js';
import { loadValidPlan } from '../load-plan.js';

export interface PlanOptions {
  dir: string;
  quiet: boolean;
  json: boolean;
}

export function planCommand(file: string, opts: PlanOptions, io: Output): number {
  const { plan } = loadValidPlan(file, io);
  const analysis = analyze(plan);
  const written = writePlanOutputs(opts.dir, plan, analysis);
  const ids = (nodes: readonly number[]): string[] => nodes.map((i) => plan.tasks[i]!.id);
  if (opts.json) {
    const summary = {
      name: plan.name,
      tasks: plan.tasks.length,
      batches: analysis.batches.map(ids),
      criticalPath: { tasks: ids(analysis.criticalPath.nodes), estimateMs: analysis.criticalPath.totalMs },
      files: {
        planJson: written.planJson,
        masterPlan: written.masterPlan,
        agentTasks: written.agentTasks,
        agentFiles: written.agentFiles,
      },
    };
    io.out.write(`${JSON.stringify(summary, null, 2)}\n`);
    return EXIT.ok;
  }
  if (!opts.quiet) io.out.write(sanitize(renderSimulated(plan, analysis)));
  const where = (p: string): string => {
    const relative = path.relative(process.cwd(), p);
    return relative === '' || relative.startsWith('..') ? p : relative;
  };
  io.out.write(
    `\nWrote ${where(written.masterPlan)}, ${where(written.planJson)} and ${written.agentFiles} agent file${written.agentFiles === 1 ? '' : 's'} in ${where(written.agentTasks)}/` +
      ` (critical path ${humanDuration(analysis.criticalPath.totalMs)}).\n`,
  );
  return EXIT.ok;
}
