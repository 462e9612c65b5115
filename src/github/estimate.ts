/**
 * What a compiled workflow would cost on GitHub Actions: its job count, legs (jobs counting each matrix leg),
 * an estimated makespan and the billed minutes. A model, not a measurement: tasks take their plan estimate
 * (analysis.weightsMs), every leg pays a fixed start-up and a fixed time per artifact it moves, and GitHub runs a
 * bounded number of legs at once. Pure: no I/O. Iterative and O((n + e) log n) for n tasks, e edges, so 100k-task
 * plans are estimated in well under a second.
 */
import type { Analysis } from '../core/analyze.js';
import { longestRemaining } from '../core/graph.js';
import { humanDuration } from '../core/duration.js';
import { UNKNOWN_ESTIMATE_MS, type Plan } from '../core/model.js';
import type { JobGraph } from './jobs.js';

export interface EstimateParams {
  /** Per leg: getting a runner, checkout, installing the agent CLI, starting the action (ms). */
  jobStartupMs: number;
  /** Per artifact a leg downloads, and once for the artifact it uploads (ms). */
  artifactMs: number;
  /** Legs GitHub runs at once for one account. */
  maxParallelJobs: number;
  /** Tasks a job with several tasks runs at once (the local runner's `-j`: the runner's cores). */
  runnerConcurrency: number;
}

/**
 * The defaults, and why:
 * - `jobStartupMs` 30 s: a hosted runner is usually assigned in 5–15 s; checkout of a small repository and the
 *   action's own start take a few seconds, and installing a pinned agent CLI with npm 10–15 s.
 * - `artifactMs` 5 s: actions/upload-artifact and download-artifact v4 move small text artifacts in a few
 *   seconds each, mostly API round-trips; a leg pays it per dep artifact and once for its upload.
 * - `maxParallelJobs` 20: concurrent jobs on the Free plan (Pro 40, Team 60, Enterprise 500).
 * - `runnerConcurrency` 2: the cores of the standard hosted Linux runner of a private repository, which is the
 *   local runner's default `-j` there (public repositories get 4; agents mostly wait on the network, so 2 is
 *   conservative).
 */
export const DEFAULT_ESTIMATE_PARAMS: Readonly<EstimateParams> = Object.freeze({
  jobStartupMs: 30_000,
  artifactMs: 5_000,
  maxParallelJobs: 20,
  runnerConcurrency: 2,
});

export interface Estimate {
  /** The grouping this estimate is for ("task", "default", "level", "pack 200", ...), as the caller names it. */
  grouping: string;
  /**
   * Jobs in the graph, the aggregate job excluded, and the fail-fast cancel jobs too (cancel.ts): they are
   * skipped unless a fail-fast task fails, and GitHub bills a skipped job nothing.
   */
  jobs: number;
  /** Jobs counting each matrix leg, the aggregate job excluded. */
  legs: number;
  /** From the first leg's start to the end of the aggregate job. */
  makespanMs: number;
  /** Sum over every leg, the aggregate's included, of its duration rounded up to a whole minute (at least 1). */
  billedMinutes: number;
  /** The heaviest chain of task estimates: no grouping runs the plan faster than this plus start-ups. */
  criticalPathMs: number;
  /** Always true: makespanMs and billedMinutes count the aggregate job as one more leg. */
  includesAggregate: true;
  /** The aggregate leg: a start-up, one download of every task artifact (by pattern) and one upload. */
  aggregateMs: number;
  /** The longest leg: GitHub cancels a hosted-runner job after 6 hours, so a pack should stay well below. */
  longestLegMs: number;
  /** The parameters used, defaults filled in. */
  params: EstimateParams;
}

/** GitHub rounds each job (each matrix leg) up to a whole minute. */
const MINUTE_MS = 60_000;

/** Checks and fills in the parameters; throws on values the model cannot use. */
export function estimateParams(params: Partial<EstimateParams> = {}): EstimateParams {
  const p: EstimateParams = { ...DEFAULT_ESTIMATE_PARAMS };
  for (const [key, value] of Object.entries(params) as [keyof EstimateParams, number | undefined][]) {
    if (value !== undefined) p[key] = value;
  }
  for (const key of ['jobStartupMs', 'artifactMs'] as const) {
    if (!Number.isFinite(p[key]) || p[key] < 0)
      throw new RangeError(`${key} must be a duration >= 0, not ${p[key]}`);
  }
  for (const key of ['maxParallelJobs', 'runnerConcurrency'] as const) {
    if (!Number.isInteger(p[key]) || p[key] < 1)
      throw new RangeError(`${key} must be an integer >= 1, not ${p[key]}`);
  }
  return p;
}

/**
 * Estimates a job graph. Makespan: list scheduling of the legs on `maxParallelJobs` runners, a job's legs
 * queued when its last need finishes and started first come, first served (as GitHub starts queued jobs); a leg
 * lasts start-up + one download per artifact (a leg's) holding a dep of its tasks + its tasks' time + one upload.
 * A leg with several tasks runs them as the local runner does: `runnerConcurrency` at a time, each once its deps
 * in the job are done, the longest remaining path first, ties to the lower task index.
 */
export function estimateJobs(
  plan: Plan,
  analysis: Analysis,
  graph: JobGraph,
  params: Partial<EstimateParams> = {},
  grouping = 'custom',
): Estimate {
  const p = estimateParams(params);
  const g = analysis.graph;
  const n = g.n;
  if (plan.tasks.length !== n) throw new Error('estimateJobs: the analysis is not of this plan');
  const w = analysis.weightsMs;
  const jobs = graph.jobs;
  const jobCount = jobs.length;

  // Which job holds each task; every task must be in exactly one.
  const jobOf = new Int32Array(n).fill(-1);
  jobs.forEach((job, j) => {
    for (const v of job.tasks) {
      if (!Number.isInteger(v) || v < 0 || v >= n)
        throw new Error(`estimateJobs: job ${job.id} has task ${v}`);
      if (jobOf[v] !== -1) throw new Error(`estimateJobs: task ${plan.tasks[v]!.id} is in two jobs`);
      jobOf[v] = j;
    }
  });
  const missing = jobOf.indexOf(-1);
  if (missing !== -1) throw new Error(`estimateJobs: task ${plan.tasks[missing]!.id} is in no job`);

  // Legs, numbered job by job: a matrix job has one leg a task, any other job one leg for all its tasks.
  const legStart = new Int32Array(jobCount + 1);
  for (let j = 0; j < jobCount; j++) {
    const job = jobs[j]!;
    legStart[j + 1] = legStart[j]! + (job.kind === 'matrix' ? job.tasks.length : 1);
  }
  const legCount = legStart[jobCount]!;
  const legMs = new Float64Array(legCount);
  // The leg (so the artifact, docs/github.md) that holds each task.
  const legOf = new Int32Array(n);
  jobs.forEach((job, j) => {
    job.tasks.forEach((v, k) => (legOf[v] = legStart[j]! + (job.kind === 'matrix' ? k : 0)));
  });

  const priority = longestRemaining(g, analysis.order, w);
  const seq = new SequenceSimulator(g, w, priority, jobOf, p.runnerConcurrency);
  // A leg downloads each artifact holding a dep of its tasks once: mark[a] === leg once counted for this leg.
  const mark = new Int32Array(legCount).fill(-1);
  const { predStart, pred } = g;
  const downloads = (leg: number, tasks: readonly number[]): number => {
    let count = 0;
    for (const v of tasks) {
      for (let i = predStart[v]!; i < predStart[v + 1]!; i++) {
        const a = legOf[pred[i]!]!;
        if (a === leg || mark[a] === leg) continue;
        mark[a] = leg;
        count++;
      }
    }
    return count;
  };
  for (let j = 0; j < jobCount; j++) {
    const job = jobs[j]!;
    if (job.kind === 'matrix') {
      job.tasks.forEach((v, k) => {
        const leg = legStart[j]! + k;
        legMs[leg] = p.jobStartupMs + downloads(leg, [v]) * p.artifactMs + w[v]! + p.artifactMs;
      });
    } else {
      const leg = legStart[j]!;
      const taskMs = job.tasks.length === 1 ? w[job.tasks[0]!]! : seq.run(job.tasks);
      legMs[leg] = p.jobStartupMs + downloads(leg, job.tasks) * p.artifactMs + taskMs + p.artifactMs;
    }
  }

  const finish = scheduleLegs(graph, legStart, legMs, p.maxParallelJobs);
  const aggregateMs = p.jobStartupMs + 2 * p.artifactMs;
  let billedMinutes = billed(aggregateMs);
  let longestLegMs = 0;
  for (let leg = 0; leg < legCount; leg++) {
    billedMinutes += billed(legMs[leg]!);
    if (legMs[leg]! > longestLegMs) longestLegMs = legMs[leg]!;
  }
  return {
    grouping,
    jobs: jobCount,
    legs: legCount,
    makespanMs: finish + aggregateMs,
    billedMinutes,
    criticalPathMs: analysis.criticalPath.totalMs,
    includesAggregate: true,
    aggregateMs,
    longestLegMs,
    params: p,
  };
}

/** A leg that runs at all is billed at least a minute. */
function billed(ms: number): number {
  return Math.max(1, Math.ceil(ms / MINUTE_MS));
}

/**
 * When the last leg ends: list scheduling of the legs on `slots` runners. A job's legs are queued when its last
 * need ends, and queued legs start in queue order (ready time, then leg number).
 */
function scheduleLegs(graph: JobGraph, legStart: Int32Array, legMs: Float64Array, slots: number): number {
  const jobs = graph.jobs;
  const jobCount = jobs.length;
  // Dependents of each job, as CSR, from the needs.
  const remaining = new Int32Array(jobCount);
  const depStart = new Int32Array(jobCount + 1);
  jobs.forEach((job, j) => {
    for (const u of job.needs) {
      if (!Number.isInteger(u) || u < 0 || u >= jobCount || u === j)
        throw new Error(`estimateJobs: job ${job.id} needs ${u}`);
      depStart[u + 1]!++;
    }
    remaining[j] = job.needs.length;
  });
  for (let j = 0; j < jobCount; j++) depStart[j + 1]! += depStart[j]!;
  const dependents = new Int32Array(depStart[jobCount]!);
  const fill = depStart.slice(0, jobCount);
  jobs.forEach((job, j) => {
    for (const u of job.needs) dependents[fill[u]!++] = j;
  });

  const legCount = legStart[jobCount]!;
  const jobOfLeg = new Int32Array(legCount);
  for (let j = 0; j < jobCount; j++) jobOfLeg.fill(j, legStart[j]!, legStart[j + 1]!);
  const legsLeft = new Int32Array(jobCount);
  for (let j = 0; j < jobCount; j++) legsLeft[j] = legStart[j + 1]! - legStart[j]!;

  const endAt = new Float64Array(legCount);
  const queued = new KeyHeap();
  const running = new KeyHeap();
  let now = 0;
  let jobsDone = 0;
  // Ends job j and queues the legs of the jobs it releases. A job without legs (an empty matrix) ends the moment
  // it is released, which could cascade: an explicit worklist keeps that flat.
  const pending: number[] = [];
  const finishJob = (j: number): void => {
    pending.push(j);
    while (pending.length > 0) {
      const k = pending.pop()!;
      jobsDone++;
      for (let i = depStart[k]!; i < depStart[k + 1]!; i++) {
        const d = dependents[i]!;
        if (--remaining[d]! !== 0) continue;
        for (let leg = legStart[d]!; leg < legStart[d + 1]!; leg++) queued.push(leg, now);
        if (legStart[d + 1] === legStart[d]) pending.push(d);
      }
    }
  };
  for (let j = 0; j < jobCount; j++) {
    if (remaining[j] !== 0) continue;
    for (let leg = legStart[j]!; leg < legStart[j + 1]!; leg++) queued.push(leg, 0);
    if (legStart[j + 1] === legStart[j]) finishJob(j);
  }
  while (queued.size > 0 || running.size > 0) {
    while (running.size < slots && queued.size > 0) {
      const leg = queued.pop();
      endAt[leg] = now + legMs[leg]!;
      running.push(leg, endAt[leg]!);
    }
    // Every leg ending now finishes before the queue is looked at again, so their dependents queue together.
    now = running.peekKey();
    while (running.size > 0 && running.peekKey() === now) {
      const leg = running.pop();
      const j = jobOfLeg[leg]!;
      if (--legsLeft[j]! === 0) finishJob(j);
    }
  }
  if (jobsDone !== jobCount) throw new Error('estimateJobs: the job graph has a cycle in its needs');
  return now;
}

/**
 * Runs the tasks of one job as the local runner would, on model time: `slots` at a time, each once its deps in
 * the same job have ended (deps in other jobs ended before the job started), the highest priority first. Arrays
 * are sized for the whole plan once and reused job after job, so estimating every job is linear overall.
 */
class SequenceSimulator {
  private readonly left: Int32Array;
  private readonly endAt: Float64Array;
  /** Ready tasks keyed by minus their priority: the highest first, ties to the lower index. */
  private readonly ready = new KeyHeap();
  private readonly running = new KeyHeap();

  constructor(
    private readonly g: Analysis['graph'],
    private readonly w: Float64Array,
    private readonly priority: Float64Array,
    private readonly jobOf: Int32Array,
    private readonly slots: number,
  ) {
    this.left = new Int32Array(g.n);
    this.endAt = new Float64Array(g.n);
  }

  /** The time from the first task's start to the last task's end. */
  run(tasks: readonly number[]): number {
    const { predStart, pred, succStart, succ } = this.g;
    const { left, endAt, ready, running, jobOf, w, priority } = this;
    if (tasks.length === 0) return 0;
    const j = jobOf[tasks[0]!]!;
    for (const v of tasks) {
      let count = 0;
      for (let i = predStart[v]!; i < predStart[v + 1]!; i++) if (jobOf[pred[i]!] === j) count++;
      left[v] = count;
      if (count === 0) ready.push(v, -priority[v]!);
    }
    let now = 0;
    while (ready.size > 0 || running.size > 0) {
      while (running.size < this.slots && ready.size > 0) {
        const v = ready.pop();
        endAt[v] = now + w[v]!;
        running.push(v, endAt[v]!);
      }
      now = running.peekKey();
      while (running.size > 0 && running.peekKey() === now) {
        const v = running.pop();
        for (let i = succStart[v]!; i < succStart[v + 1]!; i++) {
          const s = succ[i]!;
          if (jobOf[s] === j && --left[s]! === 0) ready.push(s, -priority[s]!);
        }
      }
    }
    return now;
  }
}

/**
 * A binary min-heap of integer ids by a numeric key, ties to the lower id. Keys are stored beside the ids, so
 * comparing costs no call: the simulations push and pop every task and leg through one of these.
 */
export class KeyHeap {
  private ids = new Int32Array(16);
  private keys = new Float64Array(16);
  size = 0;

  push(id: number, key: number): void {
    if (this.size === this.ids.length) {
      const ids = new Int32Array(this.ids.length * 2);
      ids.set(this.ids);
      this.ids = ids;
      const keys = new Float64Array(this.keys.length * 2);
      keys.set(this.keys);
      this.keys = keys;
    }
    const { ids, keys } = this;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = keys[parent]!;
      if (pk < key || (pk === key && ids[parent]! < id)) break;
      ids[i] = ids[parent]!;
      keys[i] = pk;
      i = parent;
    }
    ids[i] = id;
    keys[i] = key;
  }

  /** The key of the smallest entry; the heap must not be empty. */
  peekKey(): number {
    if (this.size === 0) throw new Error('KeyHeap: empty');
    return this.keys[0]!;
  }

  /** Removes the smallest entry and returns its id; the heap must not be empty. */
  pop(): number {
    if (this.size === 0) throw new Error('KeyHeap: empty');
    const { ids, keys } = this;
    const top = ids[0]!;
    const n = --this.size;
    const lastId = ids[n]!;
    const lastKey = keys[n]!;
    let i = 0;
    while (true) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const r = child + 1;
      if (r < n && (keys[r]! < keys[child]! || (keys[r] === keys[child] && ids[r]! < ids[child]!))) child = r;
      const ck = keys[child]!;
      if (ck > lastKey || (ck === lastKey && ids[child]! > lastId)) break;
      ids[i] = ids[child]!;
      keys[i] = ck;
      i = child;
    }
    ids[i] = lastId;
    keys[i] = lastKey;
    return top;
  }
}

/** A binary min-heap of integer ids under a caller's order; `less` reads whatever arrays the ids index. */
export class MinHeap {
  private items = new Int32Array(16);
  size = 0;

  constructor(private readonly less: (a: number, b: number) => boolean) {}

  push(id: number): void {
    if (this.size === this.items.length) {
      const bigger = new Int32Array(this.items.length * 2);
      bigger.set(this.items);
      this.items = bigger;
    }
    const items = this.items;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(id, items[parent]!)) break;
      items[i] = items[parent]!;
      i = parent;
    }
    items[i] = id;
  }

  /** The smallest id; the heap must not be empty. */
  peek(): number {
    if (this.size === 0) throw new Error('MinHeap: empty');
    return this.items[0]!;
  }

  pop(): number {
    const items = this.items;
    const top = this.peek();
    const last = items[--this.size]!;
    let i = 0;
    const half = this.size >> 1;
    while (i < half) {
      let child = 2 * i + 1;
      if (child + 1 < this.size && this.less(items[child + 1]!, items[child]!)) child++;
      if (!this.less(items[child]!, last)) break;
      items[i] = items[child]!;
      i = child;
    }
    if (this.size > 0) items[i] = last;
    return top;
  }
}

/**
 * A small aligned table of estimates, one row each, for `generate --estimate`:
 *
 * ```
 * grouping  jobs  legs  makespan  billed min
 * task        12    12    8m 30s          31
 * ```
 *
 * followed by a line naming the parameters (those of the first estimate).
 */
export function formatEstimates(estimates: readonly Estimate[]): string {
  const head = ['grouping', 'jobs', 'legs', 'makespan', 'billed min'];
  const rows = estimates.map((e) => [
    e.grouping,
    String(e.jobs),
    String(e.legs),
    humanDuration(e.makespanMs),
    String(e.billedMinutes),
  ]);
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  // The grouping name reads left-aligned, the figures right-aligned so their digits line up.
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ')
      .trimEnd();
  const out = [line(head), ...rows.map(line)];
  const p = estimates[0]?.params;
  if (p !== undefined) {
    out.push(
      '',
      'Makespan and billed minutes include the aggregate job; assumed: ' +
        `${humanDuration(p.jobStartupMs)} job start-up, ${humanDuration(p.artifactMs)} per artifact moved, ` +
        `${p.maxParallelJobs} jobs at once, ${p.runnerConcurrency} tasks at once in a job; ` +
        `a task without an estimate counts as ${humanDuration(UNKNOWN_ESTIMATE_MS)}.`,
    );
  }
  return `${out.join('\n')}\n`;
}
