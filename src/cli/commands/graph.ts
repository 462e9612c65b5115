import { analyze } from '../../core/analyze.js';
import { renderDot } from '../../render/dot.js';
import { renderMermaid } from '../../render/mermaid.js';
import { transitiveReduction } from '../../core/graph.js';
import { EXIT, UserError } from '../../errors.js';
import type { Output } from '../terminal.js';
import { loadValidPlan } from '../load-plan.js';

/** The transitive reduction takes n²/8 bytes: 50 MB at this size. */
const MAX_REDUCE_TASKS = 20_000;

export interface GraphOptions {
  format: 'mermaid' | 'dot' | 'json';
  reduce: boolean;
}

export function graphCommand(file: string, opts: GraphOptions, io: Output): number {
  const { plan } = loadValidPlan(file, io);
  if (opts.reduce && plan.tasks.length > MAX_REDUCE_TASKS) {
    throw new UserError(
      `--reduce is for plans of up to ${MAX_REDUCE_TASKS} tasks (it needs n²/8 bytes of memory); this one has ${plan.tasks.length}`,
    );
  }
  const analysis = analyze(plan);
  switch (opts.format) {
    case 'mermaid':
      io.out.write(`${renderMermaid(plan, analysis, { reduce: opts.reduce })}\n`);
      break;
    case 'dot':
      io.out.write(
        `${renderDot(plan, opts.reduce ? { ...analysis, graph: transitiveReduction(analysis.graph, analysis.order) } : analysis)}\n`,
      );
      break;
    case 'json': {
      const g = opts.reduce ? transitiveReduction(analysis.graph, analysis.order) : analysis.graph;
      const edges: [string, string][] = [];
      for (let v = 0; v < g.n; v++) {
        for (let k = g.predStart[v]!; k < g.predStart[v + 1]!; k++)
          edges.push([plan.tasks[g.pred[k]!]!.id, plan.tasks[v]!.id]);
      }
      const json = {
        nodes: plan.tasks.map((t, i) => ({
          id: t.id,
          title: t.title,
          agent: t.agent,
          batch: analysis.level[i]! + 1,
          agentNumber: analysis.agentNumber[i]!,
          estimateMs: t.estimateMs,
        })),
        edges,
        batches: analysis.batches.map((b) => b.map((i) => plan.tasks[i]!.id)),
        criticalPath: {
          tasks: analysis.criticalPath.nodes.map((i) => plan.tasks[i]!.id),
          estimateMs: analysis.criticalPath.totalMs,
        },
      };
      io.out.write(`${JSON.stringify(json, null, 2)}\n`);
      break;
    }
  }
  return EXIT.ok;
}
