/**
 * `--max-jobs N`: packs a plan's DAG into at most N jobs, each running its tasks with the local runner in
 * dependency order, so a plan of thousands of tasks compiles to a workflow GitHub accepts (500 KB at most).
 * Pure: no I/O. Iterative throughout and near-linear (a few sorts), so 100k tasks pack in about a second.
 *
 * How:
 * 1. Chains are fused first: a task whose only dep has it as only dependent, on the same runner, joins that
 *    dep's chain. This loses no parallelism and saves a job start-up per link. Chains ("units") are atomic from
 *    here on.
 * 2. Units are split into phases, each of one runner (`runs-on`), by a greedy label-run order: take every ready
 *    unit of one label, and the units of that label they release, before switching label (always to the label
 *    with the most ready units). Edges only go from a phase to itself or to a later one. The number of phases is
 *    the fewest jobs this packer can reach (exactly 1 when all tasks share a runner); the true minimum for mixed
 *    runners is a shortest-common-supersequence problem, NP-hard, hence the greedy.
 * 3. Inside a phase, units are sorted by their earliest start (ASAP, from the task estimates) and cut into time
 *    windows; inside a window, units linked by an edge of that window form components, and components are
 *    spread over the window's jobs ("columns"), largest first onto the least loaded. Edges then run from an
 *    earlier (phase, window) to a later one, or inside one job: the jobs, numbered by (phase, window, column),
 *    are acyclic and in a topological order by construction, with no cycle check needed.
 * 4. Several window counts and two ways of cutting (equal time spans; equal work, never splitting units that
 *    start at the same time), plus one job per unit when that fits, are each estimated (estimate.ts) and the
 *    shortest makespan wins; within 1% of it (the model is not more precise than that) the fewest billed
 *    minutes, then the fewest jobs.
 */
import type { Analysis } from '../core/analyze.js';
import type { Plan } from '../core/model.js';
import { estimateJobs, estimateParams, MinHeap, type Estimate, type EstimateParams } from './estimate.js';
import type { Job, JobGraph } from './jobs.js';

export interface PackOptions {
  /** The model the candidate packings are compared with (the runner's concurrency matters most). */
  estimate?: Partial<EstimateParams>;
}

export type PackResult = { ok: true; graph: JobGraph } | { ok: false; reason: string; minJobs?: number };

/** Within this fraction of the best makespan, the cheaper candidate wins. */
const MAKESPAN_TOLERANCE = 0.01;

/** Job ids other than task jobs' must not take: the workflow's own aggregate job. */
const RESERVED_IDS = ['aggregate'];

/** Longest task id kept in a packed job's id, so ids (and artifact names built from them) stay readable. */
const MAX_ID_PREFIX = 60;

/**
 * Packs the plan into at most `maxJobs` jobs (the aggregate job not counted): 'task' jobs for one task,
 * 'sequence' jobs for several, every task in exactly one job, tasks of a job on one runner and listed in a
 * topological order, jobs listed in a topological order of `needs`, and `needs` holding, for each job, every
 * other job that holds a dep of one of its tasks. Refuses (with the fewest jobs it could do) when `maxJobs` is
 * below that.
 */
export function packJobs(
  plan: Plan,
  analysis: Analysis,
  maxJobs: number,
  options: PackOptions = {},
): PackResult {
  const n = plan.tasks.length;
  if (analysis.graph.n !== n) throw new Error('packJobs: the analysis is not of this plan');
  if (n === 0) return { ok: true, graph: { jobs: [] } };
  if (!Number.isInteger(maxJobs) || maxJobs < 1) {
    return {
      ok: false,
      reason: `the maximum number of jobs must be a whole number of at least 1, not ${maxJobs}`,
    };
  }
  const params = estimateParams(options.estimate);
  const ctx = prepare(plan, analysis);
  if (ctx.phaseCount > maxJobs) {
    return {
      ok: false,
      reason:
        `${n} tasks cannot be packed into ${maxJobs} job${maxJobs === 1 ? '' : 's'}: ` +
        `a job has one runner, the tasks name ${ctx.labelCount} different runs-on label sets` +
        (ctx.phaseCount > ctx.labelCount
          ? ', and tasks on different runners depend on each other in turn'
          : '') +
        `; ${ctx.phaseCount} jobs would work`,
      minJobs: ctx.phaseCount,
    };
  }

  const budgets = phaseBudgets(ctx, maxJobs);
  const candidates = candidateSpecs(ctx, budgets);
  let best: { graph: JobGraph; estimate: Estimate } | null = null;
  // Different specs often give the same packing (a window count beyond the distinct start times, say): those
  // are estimated once.
  const seen: Int32Array[] = [];
  for (const spec of candidates) {
    const assignment = assign(ctx, budgets, spec);
    if (seen.some((other) => sameArray(other, assignment.jobOfUnit))) continue;
    seen.push(assignment.jobOfUnit);
    const graph = buildGraph(ctx, assignment);
    const estimate = estimateJobs(plan, analysis, graph, params, 'pack');
    if (best === null || better(estimate, best.estimate)) best = { graph, estimate };
  }
  const graph = best!.graph;
  nameJobs(plan, graph.jobs);
  return { ok: true, graph };
}

function sameArray(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function better(a: Estimate, b: Estimate): boolean {
  const close =
    Math.abs(a.makespanMs - b.makespanMs) <= MAKESPAN_TOLERANCE * Math.min(a.makespanMs, b.makespanMs);
  if (!close) return a.makespanMs < b.makespanMs;
  if (a.billedMinutes !== b.billedMinutes) return a.billedMinutes < b.billedMinutes;
  if (a.jobs !== b.jobs) return a.jobs < b.jobs;
  return a.makespanMs < b.makespanMs;
}

/** What every candidate packing shares: units (fused chains), their phases and their order within a phase. */
interface Context {
  analysis: Analysis;
  /** Unit of each task. */
  unitOf: Int32Array;
  unitCount: number;
  /** First and last task of each unit; only the first has deps outside it, only the last dependents. */
  head: Int32Array;
  tail: Int32Array;
  /** Each unit's task estimates summed, plus 1 ms a task so that units without estimates still weigh. */
  work: Float64Array;
  /** Each unit's earliest start (ASAP on unlimited runners, from the task estimates). */
  start: Float64Array;
  labelCount: number;
  phaseCount: number;
  phaseOf: Int32Array;
  /** The units of each phase, sorted by (start, unit number): a topological order of the phase. */
  phaseUnits: Int32Array[];
  phaseWork: Float64Array;
}

function prepare(plan: Plan, analysis: Analysis): Context {
  const g = analysis.graph;
  const { predStart, pred, succStart } = g;
  const n = g.n;
  const w = analysis.weightsMs;
  const order = analysis.order;

  // Runner of each task: its labels as a set (order and repeats do not change which runner GitHub picks).
  const labelIndex = new Map<string, number>();
  const label = new Int32Array(n);
  plan.tasks.forEach((t, v) => {
    const key = [...new Set(t.runsOn)].sort().join('\n');
    let k = labelIndex.get(key);
    if (k === undefined) labelIndex.set(key, (k = labelIndex.size));
    label[v] = k;
  });

  // Chain fusion, in topological order so that a dep's unit is known before its dependent is looked at. Units
  // are numbered in the order of their heads, which is therefore a topological order of the units.
  const unitOf = new Int32Array(n);
  const head = new Int32Array(n);
  const tail = new Int32Array(n);
  const work = new Float64Array(n);
  let units = 0;
  for (const v of order) {
    if (predStart[v + 1]! - predStart[v]! === 1) {
      const u = pred[predStart[v]!]!;
      if (succStart[u + 1]! - succStart[u]! === 1 && label[u] === label[v]) {
        const k = unitOf[u]!;
        unitOf[v] = k;
        tail[k] = v;
        work[k]! += w[v]! + 1;
        continue;
      }
    }
    const k = units++;
    unitOf[v] = k;
    head[k] = tail[k] = v;
    work[k] = w[v]! + 1;
  }

  // Earliest starts of the tasks, then of the units (their heads').
  const taskStart = new Float64Array(n);
  for (const v of order) {
    let t = 0;
    for (let i = predStart[v]!; i < predStart[v + 1]!; i++) {
      const u = pred[i]!;
      if (taskStart[u]! + w[u]! > t) t = taskStart[u]! + w[u]!;
    }
    taskStart[v] = t;
  }
  const start = new Float64Array(units);
  const unitLabel = new Int32Array(units);
  for (let k = 0; k < units; k++) {
    start[k] = taskStart[head[k]!]!;
    unitLabel[k] = label[head[k]!]!;
  }

  const labelCount = labelIndex.size;
  const phaseOf = new Int32Array(units);
  let phaseCount = 1;
  if (labelCount > 1) phaseCount = labelPhases(g, unitOf, head, tail, unitLabel, labelCount, phaseOf);

  // Members of each phase by (start, unit): start never decreases along an edge (estimates are >= 0) and unit
  // numbers increase along one, so this order is topological.
  const phaseSize = new Int32Array(phaseCount);
  const phaseWork = new Float64Array(phaseCount);
  for (let k = 0; k < units; k++) {
    phaseSize[phaseOf[k]!]!++;
    phaseWork[phaseOf[k]!]! += work[k]!;
  }
  const phaseUnits = Array.from(phaseSize, (size) => new Int32Array(size));
  const fill = new Int32Array(phaseCount);
  for (let k = 0; k < units; k++) phaseUnits[phaseOf[k]!]![fill[phaseOf[k]!]!++] = k;
  for (const list of phaseUnits) list.sort((a, b) => start[a]! - start[b]! || a - b);

  return {
    analysis,
    unitOf,
    unitCount: units,
    head: head.subarray(0, units),
    tail: tail.subarray(0, units),
    work: work.subarray(0, units),
    start,
    labelCount,
    phaseCount,
    phaseOf,
    phaseUnits,
    phaseWork,
  };
}

/**
 * Splits the units into phases of one label each, edges only going forward or within a phase, greedily few:
 * Kahn's algorithm that drains one label's ready units (and those they release) before switching to the label
 * with the most ready units. Returns the number of phases.
 */
function labelPhases(
  g: Analysis['graph'],
  unitOf: Int32Array,
  head: Int32Array,
  tail: Int32Array,
  unitLabel: Int32Array,
  labelCount: number,
  phaseOf: Int32Array,
): number {
  const { predStart, succStart, succ } = g;
  const units = unitLabel.length;
  // A unit's deps are all its head's, its dependents all its tail's, and none of them is inside the unit.
  const remaining = new Int32Array(units);
  for (let k = 0; k < units; k++) remaining[k] = predStart[head[k]! + 1]! - predStart[head[k]!]!;
  const ready: number[][] = Array.from({ length: labelCount }, () => []);
  for (let k = 0; k < units; k++) if (remaining[k] === 0) ready[unitLabel[k]!]!.push(k);
  let phases = 0;
  let placed = 0;
  while (placed < units) {
    let pick = 0;
    for (let l = 1; l < labelCount; l++) if (ready[l]!.length > ready[pick]!.length) pick = l;
    const stack = ready[pick]!;
    while (stack.length > 0) {
      const k = stack.pop()!;
      phaseOf[k] = phases;
      placed++;
      const t = tail[k]!;
      for (let i = succStart[t]!; i < succStart[t + 1]!; i++) {
        const d = unitOf[succ[i]!]!;
        if (--remaining[d]! === 0) ready[unitLabel[d]!]!.push(d);
      }
    }
    phases++;
  }
  return phases;
}

/**
 * Jobs each phase may use: one each, the rest shared in proportion to work, none beyond the phase's unit count;
 * what a capped phase leaves goes to the others, to the one with the most work per job first.
 */
function phaseBudgets(ctx: Context, maxJobs: number): Int32Array {
  const phases = ctx.phaseCount;
  const budgets = new Int32Array(phases);
  let total = 0;
  for (let p = 0; p < phases; p++) total += ctx.phaseWork[p]!;
  const spare = maxJobs - phases;
  let used = 0;
  for (let p = 0; p < phases; p++) {
    budgets[p] = Math.min(ctx.phaseUnits[p]!.length, 1 + Math.floor((spare * ctx.phaseWork[p]!) / total));
    used += budgets[p]!;
  }
  spread(maxJobs - used, budgets, ctx.phaseWork, (p) => ctx.phaseUnits[p]!.length);
  return budgets;
}

/** Hands out `left` more slots one at a time to the entry with the most weight per slot, up to each cap. */
function spread(
  left: number,
  counts: Int32Array,
  weight: ArrayLike<number>,
  cap: (i: number) => number,
): void {
  const heap = new MinHeap((a, b) => {
    const ra = weight[a]! / counts[a]!;
    const rb = weight[b]! / counts[b]!;
    return ra > rb || (ra === rb && a < b);
  });
  for (let i = 0; i < counts.length; i++) if (counts[i]! < cap(i)) heap.push(i);
  while (left > 0 && heap.size > 0) {
    const i = heap.pop();
    counts[i]!++;
    left--;
    if (counts[i]! < cap(i)) heap.push(i);
  }
}

/** A candidate: per phase, `windows` time windows (at most its budget), or one job per unit when it fits. */
interface Spec {
  windows: number | 'units';
  cut: 'time' | 'work';
}

function candidateSpecs(ctx: Context, budgets: Int32Array): Spec[] {
  const specs: Spec[] = [];
  let fits = false;
  let maxBudget = 1;
  for (let p = 0; p < ctx.phaseCount; p++) {
    if (ctx.phaseUnits[p]!.length <= budgets[p]!) fits = true;
    if (budgets[p]! > maxBudget) maxBudget = budgets[p]!;
  }
  if (fits) specs.push({ windows: 'units', cut: 'time' });
  // Window counts by powers of two up to the largest budget: few windows suit plans of independent parts (each
  // part one component), many suit layered plans, where every layer is tied to the next.
  const counts: number[] = [];
  for (let k = 1; k < maxBudget; k *= 2) counts.push(k);
  counts.push(maxBudget);
  for (const windows of counts) {
    specs.push({ windows, cut: 'time' });
    if (windows > 1) specs.push({ windows, cut: 'work' });
  }
  return specs;
}

/** Job number of each unit under a spec; jobs are numbered in a topological order. Returns the job count too. */
function assign(ctx: Context, budgets: Int32Array, spec: Spec): { jobOfUnit: Int32Array; jobCount: number } {
  const jobOfUnit = new Int32Array(ctx.unitCount);
  const windowOf = new Int32Array(ctx.unitCount);
  const parent = new Int32Array(ctx.unitCount);
  const compOfRoot = new Int32Array(ctx.unitCount);
  let jobBase = 0;
  for (let p = 0; p < ctx.phaseCount; p++) {
    const members = ctx.phaseUnits[p]!;
    const budget = budgets[p]!;
    if (members.length <= budget && (spec.windows === 'units' || members.length === 1)) {
      for (let i = 0; i < members.length; i++) jobOfUnit[members[i]!] = jobBase + i;
      jobBase += members.length;
      continue;
    }
    const windows = spec.windows === 'units' ? budget : Math.min(spec.windows, budget);
    const windowCount = cutWindows(ctx, members, ctx.phaseWork[p]!, windows, spec.cut, windowOf);
    jobBase += packWindows(
      ctx,
      members,
      p,
      budget,
      windowCount,
      windowOf,
      parent,
      compOfRoot,
      jobOfUnit,
      jobBase,
    );
  }
  return { jobOfUnit, jobCount: jobBase };
}

/**
 * Numbers the windows of a phase's members (in member order, so never decreasing along an edge), skipping
 * none: returns how many there are.
 */
function cutWindows(
  ctx: Context,
  members: Int32Array,
  phaseWork: number,
  windows: number,
  cut: Spec['cut'],
  windowOf: Int32Array,
): number {
  const { start, work } = ctx;
  let current = 0;
  if (cut === 'time') {
    const t0 = start[members[0]!]!;
    const span = start[members[members.length - 1]!]! - t0;
    let last = -1;
    for (const k of members) {
      const raw = span > 0 ? Math.min(windows - 1, Math.floor(((start[k]! - t0) / span) * windows)) : 0;
      // Empty windows are skipped, so the numbers stay dense.
      if (last !== -1 && raw !== last) current++;
      last = raw;
      windowOf[k] = current;
    }
    return current + 1;
  }
  let done = 0;
  let target = 0;
  let prevStart = Number.NaN;
  for (const k of members) {
    const want = Math.min(windows - 1, Math.floor((done / phaseWork) * windows));
    // Cut only where the start time changes: units ready together are packed together.
    if (want > target && start[k] !== prevStart) {
      target = want;
      current++;
    }
    windowOf[k] = current;
    done += work[k]!;
    prevStart = start[k]!;
  }
  return current + 1;
}

/**
 * Inside each window, joins units linked by an edge of that window into components (union-find), shares the
 * phase's budget among the windows by work, and spreads each window's components over its jobs, largest
 * first onto the least loaded. Sets jobOfUnit for the members and returns the number of jobs used.
 */
function packWindows(
  ctx: Context,
  members: Int32Array,
  phase: number,
  budget: number,
  windowCount: number,
  windowOf: Int32Array,
  parent: Int32Array,
  compOfRoot: Int32Array,
  jobOfUnit: Int32Array,
  jobBase: number,
): number {
  const { succStart, succ } = ctx.analysis.graph;
  const { unitOf, tail, work, phaseOf } = ctx;
  const find = (x: number): number => {
    let r = x;
    while (parent[r] !== r) r = parent[r]!;
    // Path compression, iteratively.
    while (parent[x] !== r) {
      const next = parent[x]!;
      parent[x] = r;
      x = next;
    }
    return r;
  };
  for (const k of members) {
    parent[k] = k;
    compOfRoot[k] = -1;
  }
  for (const k of members) {
    const t = tail[k]!;
    for (let i = succStart[t]!; i < succStart[t + 1]!; i++) {
      const d = unitOf[succ[i]!]!;
      if (phaseOf[d] !== phase || windowOf[d] !== windowOf[k]) continue;
      const a = find(k);
      const b = find(d);
      if (a !== b) parent[a < b ? b : a] = a < b ? a : b;
    }
  }

  // Components of each window, with their work; members are in window order, so each window's components are
  // found together.
  const compWork: number[] = [];
  const compWindow: number[] = [];
  const compCount = new Int32Array(windowCount);
  const windowWork = new Float64Array(windowCount);
  const compOfUnit = new Int32Array(members.length);
  members.forEach((k, i) => {
    const r = find(k);
    let c = compOfRoot[r]!;
    if (c === -1) {
      c = compWork.length;
      compOfRoot[r] = c;
      compWork.push(0);
      compWindow.push(windowOf[k]!);
      compCount[windowOf[k]!]!++;
    }
    compWork[c]! += work[k]!;
    windowWork[windowOf[k]!]! += work[k]!;
    compOfUnit[i] = c;
  });

  // Columns (jobs) of each window: one each, the rest by work, none beyond its component count.
  let total = 0;
  for (let x = 0; x < windowCount; x++) total += windowWork[x]!;
  const columns = new Int32Array(windowCount);
  const spare = budget - windowCount;
  let used = 0;
  for (let x = 0; x < windowCount; x++) {
    columns[x] = Math.min(compCount[x]!, 1 + Math.floor((spare * windowWork[x]!) / total));
    used += columns[x]!;
  }
  spread(budget - used, columns, windowWork, (x) => compCount[x]!);
  const firstColumn = new Int32Array(windowCount + 1);
  for (let x = 0; x < windowCount; x++) firstColumn[x + 1] = firstColumn[x]! + columns[x]!;

  // Largest component first onto the least loaded column of its window (LPT). Ties go to the column with fewer
  // components, so components without work still fill empty columns.
  const compJob = new Int32Array(compWork.length);
  const byWindow = Array.from({ length: windowCount }, (): number[] => []);
  for (let c = 0; c < compWork.length; c++) byWindow[compWindow[c]!]!.push(c);
  const load = new Float64Array(firstColumn[windowCount]!);
  const items = new Int32Array(firstColumn[windowCount]!);
  const heap = new MinHeap(
    (a, b) =>
      load[a]! < load[b]! ||
      (load[a] === load[b] && (items[a]! < items[b]! || (items[a] === items[b] && a < b))),
  );
  for (let x = 0; x < windowCount; x++) {
    const comps = byWindow[x]!;
    if (columns[x] === comps.length) {
      comps.forEach((c, i) => (compJob[c] = firstColumn[x]! + i));
      continue;
    }
    comps.sort((a, b) => compWork[b]! - compWork[a]! || a - b);
    for (let col = firstColumn[x]!; col < firstColumn[x + 1]!; col++) heap.push(col);
    for (const c of comps) {
      const col = heap.pop();
      compJob[c] = col;
      load[col]! += compWork[c]!;
      items[col]!++;
      heap.push(col);
    }
    while (heap.size > 0) heap.pop();
  }
  members.forEach((k, i) => (jobOfUnit[k] = jobBase + compJob[compOfUnit[i]!]!));
  return firstColumn[windowCount]!;
}

/** The job graph of an assignment: tasks of each job in the plan's topological order, needs from the edges. */
function buildGraph(ctx: Context, a: { jobOfUnit: Int32Array; jobCount: number }): JobGraph {
  const { order, graph: g } = ctx.analysis;
  const { predStart, pred } = g;
  const { unitOf } = ctx;
  const jobOf = new Int32Array(g.n);
  for (let v = 0; v < g.n; v++) jobOf[v] = a.jobOfUnit[unitOf[v]!]!;
  const jobs: Job[] = Array.from({ length: a.jobCount }, () => ({
    id: '',
    kind: 'task',
    tasks: [],
    needs: [],
  }));
  for (const v of order) jobs[jobOf[v]!]!.tasks.push(v);
  const mark = new Int32Array(a.jobCount).fill(-1);
  jobs.forEach((job, j) => {
    if (job.tasks.length > 1) job.kind = 'sequence';
    for (const v of job.tasks) {
      for (let i = predStart[v]!; i < predStart[v + 1]!; i++) {
        const ju = jobOf[pred[i]!]!;
        if (ju === j || mark[ju] === j) continue;
        mark[ju] = j;
        job.needs.push(ju);
      }
    }
    job.needs.sort((x, y) => x - y);
  });
  return { jobs };
}

/**
 * Job ids: a one-task job is named by its task, a packed job `<first task>-and-<k>-more`; ids never repeat
 * case-insensitively, nor take a task's id or `aggregate`; a clash gets `-2`, `-3`, ...
 */
function nameJobs(plan: Plan, jobs: Job[]): void {
  // Every task id is taken, not only those of one-task jobs, so a packed job is never mistaken for a task.
  const taken = new Set<string>(RESERVED_IDS);
  for (const t of plan.tasks) taken.add(t.id.toLowerCase());
  const claim = (base: string): string => {
    let id = base;
    for (let i = 2; taken.has(id.toLowerCase()); i++) id = `${base}-${i}`;
    taken.add(id.toLowerCase());
    return id;
  };
  for (const job of jobs) {
    const first = plan.tasks[job.tasks[0]!]!.id;
    if (job.tasks.length === 1) {
      job.id = first.toLowerCase() === 'aggregate' ? claim(`${first}-task`) : first;
    } else {
      job.id = claim(`${first.slice(0, MAX_ID_PREFIX)}-and-${job.tasks.length - 1}-more`);
    }
  }
}
