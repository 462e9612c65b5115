/**
 * From tasks to jobs. Three groupings:
 *  - `auto` (default): tasks with the same deps, the same dependents and the same job setup share a matrix
 *    job. They become ready together and everything after them waits for all of them anyway, so grouping them
 *    costs no parallelism; it only saves job definitions.
 *  - `task`: one job per task.
 *  - `level`: the seed's batches as matrix jobs. A level job waits for every job holding a dep of any of its
 *    tasks: barriers the other groupings do not have.
 * `fuseChains` first takes each linear chain (each link the only dependent of the one before and the only dep
 * of the one after) into one 'sequence' job: nothing can run between two links anyway, so one job start-up
 * and one artifact hand-over replace many.
 */
import type { Analysis } from '../core/analyze.js';
import { buildGraph, topologicalOrder } from '../core/graph.js';
import type { Plan, Task } from '../core/model.js';
import { assignJobIds, proposeJobId } from './ids.js';
import type { Job, JobGraph, JobKind } from './jobs.js';
import { isSetupAgent } from './pins.js';

export const GROUP_MODES = ['auto', 'task', 'level'] as const;
export type GroupMode = (typeof GROUP_MODES)[number];

/** GitHub refuses a matrix of more legs. */
export const MAX_MATRIX_LEGS = 256;

export interface GroupOptions {
  group: GroupMode;
  fuseChains: boolean;
}

/** A job before it has its place, its needs and its id. */
export interface JobDraft {
  kind: JobKind;
  tasks: number[];
}

export function groupJobs(plan: Plan, analysis: Analysis, options: GroupOptions): JobGraph {
  const drafts: JobDraft[] = [];
  const taken = new Uint8Array(plan.tasks.length);
  if (options.fuseChains) {
    for (const chain of findChains(plan, analysis)) {
      drafts.push({ kind: 'sequence', tasks: chain });
      for (const t of chain) taken[t] = 1;
    }
  }
  const rest = Array.from(analysis.order).filter((t) => taken[t] === 0);
  switch (options.group) {
    case 'task':
      for (const t of rest) drafts.push({ kind: 'task', tasks: [t] });
      break;
    case 'auto':
      drafts.push(...matrices(bucket(rest, (t) => `${neighbours(analysis, t)}|${setupKey(plan.tasks[t]!)}`)));
      break;
    case 'level':
      drafts.push(...matrices(bucket(rest, (t) => `${analysis.level[t]!}|${setupKey(plan.tasks[t]!)}`)));
      break;
    default: {
      const never: never = options.group;
      throw new Error(`unknown grouping ${String(never)}`);
    }
  }
  return finishJobGraph(plan, analysis, drafts);
}

/**
 * What a job's definition depends on besides its tasks' ids: its runner, the agent CLI it installs (and whose
 * API key it holds), and whether a failure cancels the run. Tasks that differ here never share a matrix, so a
 * shell task's leg never sees an agent's key and a `skip-dependents` leg never cancels the run.
 */
export function setupKey(task: Task): string {
  const agent = isSetupAgent(task.agent) ? task.agent : '';
  return `${task.runsOn.join(',')}|${agent}|${task.onFailure === 'fail-fast' ? 'ff' : ''}`;
}

function neighbours(analysis: Analysis, t: number): string {
  const { predStart, pred, succStart, succ } = analysis.graph;
  return `${pred.subarray(predStart[t]!, predStart[t + 1]!).join(',')}>${succ.subarray(succStart[t]!, succStart[t + 1]!).join(',')}`;
}

/** Tasks with the same key, in order of first appearance. */
function bucket(tasks: readonly number[], key: (t: number) => string): number[][] {
  const groups = new Map<string, number[]>();
  for (const t of tasks) {
    const k = key(t);
    const group = groups.get(k);
    if (group === undefined) groups.set(k, [t]);
    else group.push(t);
  }
  return [...groups.values()];
}

/** One job per group: a task job for one task, else matrices of at most 256 legs, as even as can be. */
function matrices(groups: readonly number[][]): JobDraft[] {
  const out: JobDraft[] = [];
  for (const group of groups) {
    if (group.length === 1) {
      out.push({ kind: 'task', tasks: group });
      continue;
    }
    const parts = Math.ceil(group.length / MAX_MATRIX_LEGS);
    const size = Math.ceil(group.length / parts);
    for (let i = 0; i < group.length; i += size) {
      const legs = group.slice(i, i + size);
      out.push(legs.length === 1 ? { kind: 'task', tasks: legs } : { kind: 'matrix', tasks: legs });
    }
  }
  return out;
}

/**
 * Maximal chains of at least two tasks, in topological order. An edge u -> v links a chain when v is u's only
 * dependent, u is v's only dep, and both run on the same runner (one job has one `runs-on`).
 */
export function findChains(plan: Plan, analysis: Analysis): number[][] {
  const { n, predStart, pred, succStart, succ } = analysis.graph;
  const next = new Int32Array(n).fill(-1);
  const hasPrev = new Uint8Array(n);
  for (let u = 0; u < n; u++) {
    if (succStart[u + 1]! - succStart[u]! !== 1) continue;
    const v = succ[succStart[u]!]!;
    if (predStart[v + 1]! - predStart[v]! !== 1 || pred[predStart[v]!] !== u) continue;
    if (plan.tasks[u]!.runsOn.join(',') !== plan.tasks[v]!.runsOn.join(',')) continue;
    next[u] = v;
    hasPrev[v] = 1;
  }
  const chains: number[][] = [];
  for (const start of analysis.order) {
    if (hasPrev[start] === 1 || next[start] === -1) continue;
    const chain = [start];
    for (let v = next[start]!; v !== -1; v = next[v]!) chain.push(v);
    chains.push(chain);
  }
  return chains;
}

/**
 * Completes drafts into a JobGraph: each task in exactly one job (checked), tasks in topological order inside
 * a job, `needs` = every job holding a dep of one of its tasks, jobs in a topological order of needs (by depth,
 * then by where their first task comes in the plan's order), ids assigned. Also used on the packer's output,
 * so every graph the writer sees went through the same checks.
 */
export function finishJobGraph(plan: Plan, analysis: Analysis, drafts: readonly JobDraft[]): JobGraph {
  const n = plan.tasks.length;
  const position = new Int32Array(n);
  analysis.order.forEach((t, i) => (position[t] = i));
  const jobOf = new Int32Array(n).fill(-1);
  const sorted = drafts
    .map((d) => ({ kind: d.kind, tasks: [...d.tasks].sort((a, b) => position[a]! - position[b]!) }))
    .filter((d) => d.tasks.length > 0)
    .sort((a, b) => position[a.tasks[0]!]! - position[b.tasks[0]!]!);
  sorted.forEach((d, j) => {
    for (const t of d.tasks) {
      if (t < 0 || t >= n || !Number.isInteger(t)) throw new Error(`job draft holds unknown task ${t}`);
      if (jobOf[t] !== -1) throw new Error(`task ${plan.tasks[t]!.id} is in two jobs`);
      jobOf[t] = j;
    }
  });
  for (let t = 0; t < n; t++) if (jobOf[t] === -1) throw new Error(`task ${plan.tasks[t]!.id} is in no job`);

  const { predStart, pred } = analysis.graph;
  const deps = sorted.map((d, j) => {
    const set = new Set<number>();
    for (const t of d.tasks) {
      for (let k = predStart[t]!; k < predStart[t + 1]!; k++) {
        const other = jobOf[pred[k]!]!;
        if (other !== j) set.add(other);
      }
    }
    return [...set];
  });
  const order = topologicalOrder(buildGraph(sorted.length, deps));
  if (order === null) throw new Error('the jobs depend on each other in a cycle: a grouping bug');
  const newIndex = new Int32Array(sorted.length);
  order.forEach((j, i) => (newIndex[j] = i));
  const ordered = Array.from(order, (j) => ({
    ...sorted[j]!,
    needs: deps[j]!.map((d) => newIndex[d]!).sort((a, b) => a - b),
  }));
  const ids = assignJobIds(
    ordered.map((d) => ({
      kind: d.kind,
      proposal: proposeJobId(
        d.kind,
        d.tasks.map((t) => plan.tasks[t]!.id),
      ),
    })),
  );
  const jobs: Job[] = ordered.map((d, i) => ({ id: ids[i]!, kind: d.kind, tasks: d.tasks, needs: d.needs }));
  return { jobs };
}
