/**
 * Everything the renderers, the runner and the compiler need to know about a valid plan's shape, computed once.
 */
import { batches, criticalPath, levels, planGraph, topologicalOrder, type Graph } from './graph.js';
import { UNKNOWN_ESTIMATE_MS, type Plan } from './model.js';

export interface Analysis {
  graph: Graph;
  /** Level (the seed's batch, 0-based) of each task. */
  level: Int32Array;
  /** Task indexes in topological order: by level, then file order. */
  order: Int32Array;
  /** Task indexes of each batch, in file order. */
  batches: number[][];
  /** 1-based agent number of each task (agent-01.md ...): its position in `order`. */
  agentNumber: Int32Array;
  /** Each task's estimate, or UNKNOWN_ESTIMATE_MS. */
  weightsMs: Float64Array;
  /** The heaviest chain of tasks by estimate. */
  criticalPath: { nodes: number[]; totalMs: number };
}

/** Analyses a plan that passed validation (no cycles, no unknown deps). */
export function analyze(plan: Plan): Analysis {
  const graph = planGraph(plan);
  const level = levels(graph);
  const order = topologicalOrder(graph);
  if (level === null || order === null) throw new Error('analyze() needs an acyclic plan: validate it first');
  const agentNumber = new Int32Array(graph.n);
  for (let i = 0; i < order.length; i++) agentNumber[order[i]!] = i + 1;
  const weightsMs = Float64Array.from(plan.tasks, (t) => t.estimateMs ?? UNKNOWN_ESTIMATE_MS);
  const cp = criticalPath(graph, order, weightsMs);
  return {
    graph,
    level,
    order,
    batches: batches(graph, level),
    agentNumber,
    weightsMs,
    criticalPath: { nodes: cp.nodes, totalMs: cp.total },
  };
}
