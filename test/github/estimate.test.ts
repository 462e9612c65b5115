import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, type Analysis } from '../../src/core/analyze.js';
import { BUILTIN_DEFAULTS, type Plan, type Task } from '../../src/core/model.js';
import {
  DEFAULT_ESTIMATE_PARAMS,
  estimateJobs,
  formatEstimates,
  KeyHeap,
  type Estimate,
} from '../../src/github/estimate.js';
import type { Job, JobGraph } from '../../src/github/jobs.js';
import { groupJobs } from '../../src/github/group.js';
import { packJobs } from '../../src/github/pack.js';
import { compile, parseWorkflow } from './helpers.js';

// Plans built in memory; ids t0, t1, ...
function makePlan(deps: readonly (readonly number[])[], estimatesMs: readonly (number | null)[] = []): Plan {
  const tasks: Task[] = deps.map((ds, i) => ({
    id: `t${i}`,
    title: `t${i}`,
    run: 'true',
    inputs: {},
    deps: ds.map((d) => `t${d}`),
    agent: 'shell',
    retries: 0,
    backoff: { ...BUILTIN_DEFAULTS.backoff },
    timeoutMs: BUILTIN_DEFAULTS.timeoutMs,
    retryOn: [...BUILTIN_DEFAULTS.retryOn],
    onFailure: 'fail-fast',
    estimateMs: estimatesMs[i] ?? null,
    env: {},
    runsOn: [...BUILTIN_DEFAULTS.runsOn],
    outputs: [],
    edit: false,
  }));
  return { version: 1, name: 'test', agents: {}, tasks };
}

/** One job per task, in the analysis' order, needing the jobs of its deps. */
function oneJobPerTask(analysis: Analysis): JobGraph {
  const g = analysis.graph;
  const jobOf = new Int32Array(g.n);
  analysis.order.forEach((v, j) => (jobOf[v] = j));
  return {
    jobs: Array.from(analysis.order, (v) => ({
      id: `t${v}`,
      kind: 'task' as const,
      tasks: [v],
      needs: Array.from(g.pred.subarray(g.predStart[v]!, g.predStart[v + 1]!), (u) => jobOf[u]!).sort(
        (a, b) => a - b,
      ),
    })),
  };
}

/** Every task in one sequence job. */
function oneJob(analysis: Analysis): JobGraph {
  return { jobs: [{ id: 'all', kind: 'sequence', tasks: Array.from(analysis.order), needs: [] }] };
}

const S = 30_000; // default start-up
const A = 5_000; // default artifact time
const AGG = S + 2 * A; // the aggregate leg

const dags = fc.integer({ min: 1, max: 30 }).chain((n) =>
  fc.tuple(
    fc.array(fc.array(fc.nat(), { maxLength: 3 }), { minLength: n, maxLength: n }),
    fc.array(fc.option(fc.integer({ min: 0, max: 900_000 }), { nil: null }), {
      minLength: n,
      maxLength: n,
    }),
  ),
);
const dagPlan = ([rawDeps, estimates]: [number[][], (number | null)[]]): Plan =>
  makePlan(
    rawDeps.map((ds, i) => (i === 0 ? [] : [...new Set(ds.map((x) => x % i))])),
    estimates,
  );
const paramsArb = fc.record({
  jobStartupMs: fc.integer({ min: 0, max: 120_000 }),
  artifactMs: fc.integer({ min: 0, max: 30_000 }),
  maxParallelJobs: fc.integer({ min: 1, max: 30 }),
  runnerConcurrency: fc.integer({ min: 1, max: 4 }),
});

describe('estimateJobs: known figures', () => {
  it('estimates a one-task plan exactly', () => {
    const plan = makePlan([[]], [90_000]);
    const analysis = analyze(plan);
    const e = estimateJobs(plan, analysis, oneJobPerTask(analysis), {}, 'task');
    // Leg: 30 s start-up + 90 s task + 5 s upload = 125 s, billed 3 min; aggregate 40 s, billed 1 min.
    expect(e).toEqual<Estimate>({
      grouping: 'task',
      jobs: 1,
      legs: 1,
      makespanMs: 125_000 + AGG,
      billedMinutes: 3 + 1,
      criticalPathMs: 90_000,
      includesAggregate: true,
      aggregateMs: AGG,
      longestLegMs: 125_000,
      params: { ...DEFAULT_ESTIMATE_PARAMS },
    });
  });

  it('counts a task without an estimate as a minute, and bills a short leg a whole minute', () => {
    const plan = makePlan([[]]);
    const analysis = analyze(plan);
    const e = estimateJobs(plan, analysis, oneJobPerTask(analysis), { jobStartupMs: 0, artifactMs: 0 });
    expect(e.makespanMs).toBe(60_000);
    expect(e.billedMinutes).toBe(2); // the task's minute, and the aggregate's zero seconds billed as one
  });

  it('charges a download per job holding a dep, and serialises a chain of jobs', () => {
    // t0, t1 -> t2: t2's job downloads two artifacts.
    const plan = makePlan([[], [], [0, 1]], [60_000, 120_000, 60_000]);
    const analysis = analyze(plan);
    const e = estimateJobs(plan, analysis, oneJobPerTask(analysis));
    const leg0 = S + 60_000 + A;
    const leg1 = S + 120_000 + A;
    const leg2 = S + 2 * A + 60_000 + A;
    expect(e.makespanMs).toBe(leg1 + leg2 + AGG);
    expect(e.billedMinutes).toBe(
      Math.ceil(leg0 / 60_000) + Math.ceil(leg1 / 60_000) + Math.ceil(leg2 / 60_000) + 1,
    );
  });

  it('runs a job’s tasks on the runner’s cores, the critical path first', () => {
    // t0 (10 s) -> t1 (100 s); t2 (50 s) on its own. Two cores: t0 and t2 start together, t1 at 10 s: 110 s.
    const plan = makePlan([[], [0], []], [10_000, 100_000, 50_000]);
    const analysis = analyze(plan);
    const p = { jobStartupMs: 0, artifactMs: 0 };
    expect(estimateJobs(plan, analysis, oneJob(analysis), { ...p, runnerConcurrency: 2 }).makespanMs).toBe(
      110_000,
    );
    expect(estimateJobs(plan, analysis, oneJob(analysis), { ...p, runnerConcurrency: 1 }).makespanMs).toBe(
      160_000,
    );
    // Critical path first: t0, t1 (60 s each) and t2 (10 s) -> t3 (100 s). The chain starts first (t2 with t0),
    // t3 at 10 s, t1 at 60 s: 120 s. File order (t0 and t1 first) would end at 170 s.
    const plan2 = makePlan([[], [], [], [2]], [60_000, 60_000, 10_000, 100_000]);
    const a2 = analyze(plan2);
    expect(estimateJobs(plan2, a2, oneJob(a2), { ...p, runnerConcurrency: 2 }).makespanMs).toBe(120_000);
  });

  it('runs no more than maxParallelJobs legs at once, first queued first', () => {
    const plan = makePlan([[], [], []], [60_000, 60_000, 60_000]);
    const analysis = analyze(plan);
    const p = { jobStartupMs: 0, artifactMs: 0 };
    expect(
      estimateJobs(plan, analysis, oneJobPerTask(analysis), { ...p, maxParallelJobs: 1 }).makespanMs,
    ).toBe(180_000);
    expect(
      estimateJobs(plan, analysis, oneJobPerTask(analysis), { ...p, maxParallelJobs: 2 }).makespanMs,
    ).toBe(120_000);
    expect(estimateJobs(plan, analysis, oneJobPerTask(analysis), p).makespanMs).toBe(60_000);
  });

  it('counts each matrix leg as a job of its own', () => {
    // t0 -> matrix of t1, t2, t3 -> t4.
    const plan = makePlan([[], [0], [0], [0], [1, 2, 3]], [60_000, 60_000, 60_000, 60_000, 60_000]);
    const analysis = analyze(plan);
    const jobs: Job[] = [
      { id: 't0', kind: 'task', tasks: [0], needs: [] },
      { id: 'm', kind: 'matrix', tasks: [1, 2, 3], needs: [0] },
      { id: 't4', kind: 'task', tasks: [4], needs: [1] },
    ];
    const e = estimateJobs(plan, analysis, { jobs }, { maxParallelJobs: 2 }, 'default');
    expect(e.jobs).toBe(3);
    expect(e.legs).toBe(5);
    const first = S + 60_000 + A;
    const leg = S + A + 60_000 + A; // one download: t0's artifact
    const last = S + 3 * A + 60_000 + A; // t1, t2, t3 are three legs, three artifacts
    expect(e.makespanMs).toBe(first + 2 * leg + last + AGG);
    expect(e.billedMinutes).toBe(2 + 3 * 2 + 2 + 1);
  });

  it('refuses graphs that lose or repeat a task, or whose needs loop', () => {
    const plan = makePlan([[], [0]]);
    const analysis = analyze(plan);
    const job = (tasks: number[], needs: number[]): Job => ({ id: 'j', kind: 'sequence', tasks, needs });
    expect(() => estimateJobs(plan, analysis, { jobs: [job([0], [])] })).toThrow(/in no job/);
    expect(() => estimateJobs(plan, analysis, { jobs: [job([0, 1], []), job([1], [])] })).toThrow(/two jobs/);
    expect(() => estimateJobs(plan, analysis, { jobs: [job([0], [1]), job([1], [0])] })).toThrow(/cycle/);
    expect(() => estimateJobs(plan, analysis, oneJob(analysis), { maxParallelJobs: 0 })).toThrow(RangeError);
  });

  it('estimates an empty plan as the aggregate alone', () => {
    const plan = makePlan([]);
    const e = estimateJobs(plan, analyze(plan), { jobs: [] });
    expect([e.jobs, e.legs, e.makespanMs, e.billedMinutes]).toEqual([0, 0, AGG, 1]);
  });

  it('bills no fail-fast cancel job: they are skipped unless a task fails fast', () => {
    const deps = [[], [0], [0], [1, 2]];
    const failFast = makePlan(deps, [60_000, 60_000, 60_000, 60_000]);
    const calm: Plan = { ...failFast, tasks: failFast.tasks.map((t) => ({ ...t, onFailure: 'continue' })) };
    const estimate = (plan: Plan): Estimate => {
      const analysis = analyze(plan);
      return estimateJobs(plan, analysis, groupJobs(plan, analysis, { group: 'task', fuseChains: false }));
    };
    // The workflow has a cancel job beside each task job; the estimate counts and bills the task jobs alone.
    const workflow = parseWorkflow(compile(failFast, { group: 'task' }).text);
    expect(Object.keys(workflow.jobs).filter((id) => id.startsWith('cancel-'))).toHaveLength(4);
    const e = estimate(failFast);
    expect([e.jobs, e.legs]).toEqual([4, 4]);
    expect(e.billedMinutes).toBe(estimate(calm).billedMinutes);
    expect(e.makespanMs).toBe(estimate(calm).makespanMs);
    expect(e.billedMinutes).toBe(4 * 2 + 1);
  });
});

describe('estimateJobs properties', () => {
  it('never beats the critical path plus a start-up, and bills at least a minute a leg', () => {
    fc.assert(
      fc.property(dags, paramsArb, fc.integer({ min: 1, max: 30 }), (d, params, maxJobs) => {
        const plan = dagPlan(d);
        const analysis = analyze(plan);
        const packed = packJobs(plan, analysis, maxJobs);
        if (!packed.ok) throw new Error(packed.reason);
        for (const graph of [oneJobPerTask(analysis), oneJob(analysis), packed.graph]) {
          const e = estimateJobs(plan, analysis, graph, params);
          expect(e.makespanMs).toBeGreaterThanOrEqual(e.criticalPathMs + params.jobStartupMs + e.aggregateMs);
          expect(e.billedMinutes).toBeGreaterThanOrEqual(e.legs + 1);
          expect(e.criticalPathMs).toBe(analysis.criticalPath.totalMs);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('bills no more for any packing than for one job per task', () => {
    // Provable: a packed leg runs its tasks without idling (at least one runs until all are done), so it lasts
    // at most start-up + its tasks' downloads + their estimates + one upload, which is at most the sum of their
    // own legs; and rounding up is subadditive.
    fc.assert(
      fc.property(dags, paramsArb, fc.integer({ min: 1, max: 30 }), (d, params, maxJobs) => {
        const plan = dagPlan(d);
        const analysis = analyze(plan);
        const packed = packJobs(plan, analysis, maxJobs, { estimate: params });
        if (!packed.ok) throw new Error(packed.reason);
        const perTask = estimateJobs(plan, analysis, oneJobPerTask(analysis), params).billedMinutes;
        expect(estimateJobs(plan, analysis, packed.graph, params).billedMinutes).toBeLessThanOrEqual(perTask);
        expect(estimateJobs(plan, analysis, oneJob(analysis), params).billedMinutes).toBeLessThanOrEqual(
          perTask,
        );
      }),
      { numRuns: 200 },
    );
  });

  it('gives a fused chain its exact time, and a sum of estimates on one core', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 600_000 }), { minLength: 1, maxLength: 30 }),
        paramsArb,
        (estimates, params) => {
          const plan = makePlan(
            estimates.map((_, i) => (i === 0 ? [] : [i - 1])),
            estimates,
          );
          const analysis = analyze(plan);
          const total = estimates.reduce((a, b) => a + b, 0);
          const e = estimateJobs(plan, analysis, oneJob(analysis), params);
          const leg = params.jobStartupMs + total + params.artifactMs;
          expect(e.makespanMs).toBe(leg + e.aggregateMs);
          expect(e.billedMinutes).toBe(
            Math.max(1, Math.ceil(leg / 60_000)) + Math.max(1, Math.ceil(e.aggregateMs / 60_000)),
          );
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('estimateJobs at scale', () => {
  it('estimates a 100k-task chain in one job and as 100k jobs', () => {
    const n = 100_000;
    const plan = makePlan(Array.from({ length: n }, (_, i) => (i === 0 ? [] : [i - 1])));
    const analysis = analyze(plan);
    const one = estimateJobs(plan, analysis, oneJob(analysis), { jobStartupMs: 0, artifactMs: 0 });
    expect(one.makespanMs).toBe(n * 60_000);
    const many = estimateJobs(plan, analysis, oneJobPerTask(analysis));
    expect(many.legs).toBe(n);
    expect(many.billedMinutes).toBe(n * 2 + 1);
  });
});

describe('KeyHeap', () => {
  it('pops by key, ties to the lower id', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 200 }), (keys) => {
        const heap = new KeyHeap();
        keys.forEach((k, id) => heap.push(id, k));
        const out: number[] = [];
        while (heap.size > 0) out.push(heap.pop());
        const expected = keys.map((_, id) => id).sort((a, b) => keys[a]! - keys[b]! || a - b);
        expect(out).toEqual(expected);
      }),
    );
  });
});

describe('formatEstimates', () => {
  it('aligns a small table and names its assumptions', () => {
    const plan = makePlan([[], [0], [0]], [60_000, 300_000, 120_000]);
    const analysis = analyze(plan);
    const estimates = [
      estimateJobs(plan, analysis, oneJobPerTask(analysis), {}, 'task'),
      estimateJobs(plan, analysis, oneJob(analysis), {}, 'pack 1'),
    ];
    expect(formatEstimates(estimates)).toBe(
      [
        'grouping  jobs  legs  makespan  billed min',
        'task         3     3    7m 55s          12',
        'pack 1       1     1    7m 15s           8',
        '',
        'Makespan and billed minutes include the aggregate job; assumed: 30s job start-up, 5s per artifact moved, 20 jobs at once, 2 tasks at once in a job; a task without an estimate counts as 1m.',
        '',
      ].join('\n'),
    );
  });
});
