import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDeps } from '../../bench/generate.js';
import { analyze, type Analysis } from '../../src/core/analyze.js';
import { BUILTIN_DEFAULTS, type Plan, type Task } from '../../src/core/model.js';
import { estimateJobs } from '../../src/github/estimate.js';
import type { JobGraph } from '../../src/github/jobs.js';
import { packJobs } from '../../src/github/pack.js';

// ---------------------------------------------------------------------------------------------------------
// Helpers: plans built in memory (parsing 100k tasks of YAML would only slow the tests), and one checker of
// everything a packing promises.
// ---------------------------------------------------------------------------------------------------------

interface PlanShape {
  deps: readonly (readonly number[])[];
  estimatesMs?: readonly (number | null)[];
  runsOn?: readonly (readonly string[])[];
  ids?: readonly string[];
}

function makePlan({ deps, estimatesMs, runsOn, ids }: PlanShape): Plan {
  const id = (i: number): string => ids?.[i] ?? `t${i}`;
  const tasks: Task[] = deps.map((ds, i) => ({
    id: id(i),
    title: id(i),
    run: 'true',
    inputs: {},
    deps: ds.map(id),
    agent: 'shell',
    retries: 0,
    backoff: { ...BUILTIN_DEFAULTS.backoff },
    timeoutMs: BUILTIN_DEFAULTS.timeoutMs,
    retryOn: [...BUILTIN_DEFAULTS.retryOn],
    onFailure: 'fail-fast',
    estimateMs: estimatesMs?.[i] ?? null,
    env: {},
    runsOn: [...(runsOn?.[i] ?? BUILTIN_DEFAULTS.runsOn)],
    outputs: [],
    edit: false,
  }));
  return { version: 1, name: 'test', agents: {}, tasks };
}

const runnerKey = (t: Task): string => [...new Set(t.runsOn)].sort().join('\n');

/** Asserts every promise of packJobs; returns nothing, throws on the first broken one. */
function checkPacking(plan: Plan, analysis: Analysis, graph: JobGraph, maxJobs: number): void {
  const { jobs } = graph;
  const n = plan.tasks.length;
  expect(jobs.length).toBeLessThanOrEqual(maxJobs);
  const jobOf = new Int32Array(n).fill(-1);
  const posInJob = new Int32Array(n);
  jobs.forEach((job, j) => {
    expect(job.tasks.length).toBeGreaterThan(0);
    expect(job.kind).toBe(job.tasks.length === 1 ? 'task' : 'sequence');
    // Per-task checks throw plainly: an expect() a task would dominate the 100k-task tests.
    job.tasks.forEach((v, k) => {
      if (jobOf[v] !== -1) throw new Error(`task ${v} in jobs ${jobOf[v]} and ${j}`);
      jobOf[v] = j;
      posInJob[v] = k;
    });
    const key = runnerKey(plan.tasks[job.tasks[0]!]!);
    for (const v of job.tasks)
      if (runnerKey(plan.tasks[v]!) !== key) throw new Error(`job ${j} mixes runners`);
    // Sorted, distinct, and each an earlier job: the list is in a topological order, so acyclic.
    for (let i = 0; i < job.needs.length; i++) {
      expect(job.needs[i]!).toBeLessThan(j);
      if (i > 0) expect(job.needs[i]!).toBeGreaterThan(job.needs[i - 1]!);
    }
  });
  expect(jobOf.indexOf(-1), 'a task in no job').toBe(-1);
  // Every edge: inside one job, dep first; or the dependent's job needs the dep's job directly. And needs hold
  // nothing else: each need holds a dep of one of the job's tasks.
  const g = analysis.graph;
  const expected = jobs.map(() => new Set<number>());
  for (let v = 0; v < n; v++) {
    for (let i = g.predStart[v]!; i < g.predStart[v + 1]!; i++) {
      const u = g.pred[i]!;
      if (jobOf[u] !== jobOf[v]) expected[jobOf[v]!]!.add(jobOf[u]!);
      else if (posInJob[u]! > posInJob[v]!)
        throw new Error(`task ${v} before its dep ${u} in job ${jobOf[v]}`);
    }
  }
  jobs.forEach((job, j) => expect(job.needs).toEqual([...expected[j]!].sort((a, b) => a - b)));
  // Ids: valid for GitHub, unique case-insensitively, never the aggregate job's.
  const ids = new Set<string>();
  for (const job of jobs) {
    expect(job.id).toMatch(/^[A-Za-z_][A-Za-z0-9_-]*$/);
    expect(job.id.toLowerCase()).not.toBe('aggregate');
    expect(ids.has(job.id.toLowerCase()), `duplicate id ${job.id}`).toBe(false);
    ids.add(job.id.toLowerCase());
  }
}

function pack(plan: Plan, maxJobs: number): JobGraph {
  const analysis = analyze(plan);
  const r = packJobs(plan, analysis, maxJobs);
  if (!r.ok) throw new Error(r.reason);
  checkPacking(plan, analysis, r.graph, maxJobs);
  return r.graph;
}

/** Random DAGs: each task's deps among earlier tasks, a runner among `labels`, an estimate or none. */
const dags = fc.integer({ min: 1, max: 40 }).chain((n) =>
  fc.record({
    rawDeps: fc.array(fc.array(fc.nat(), { maxLength: 4 }), { minLength: n, maxLength: n }),
    estimates: fc.array(fc.option(fc.integer({ min: 0, max: 600_000 }), { nil: null }), {
      minLength: n,
      maxLength: n,
    }),
    labels: fc.integer({ min: 1, max: 3 }),
    runners: fc.array(fc.nat(), { minLength: n, maxLength: n }),
  }),
);

function dagPlan(d: DagInput): Plan {
  const deps = d.rawDeps.map((ds, i) => (i === 0 ? [] : [...new Set(ds.map((x) => x % i))]));
  const labels = [['ubuntu-latest'], ['macos-latest'], ['self-hosted', 'gpu']];
  return makePlan({
    deps,
    estimatesMs: d.estimates,
    runsOn: d.runners.map((r) => labels[r % d.labels]!),
  });
}

interface DagInput {
  rawDeps: number[][];
  estimates: (number | null)[];
  labels: number;
  runners: number[];
}

/** The fewest jobs packJobs accepts, found from its refusal of 1 job. */
function minJobsOf(plan: Plan, analysis: Analysis): number {
  const r = packJobs(plan, analysis, 1);
  if (r.ok) return 1;
  expect(r.minJobs).toBeDefined();
  return r.minJobs!;
}

// ---------------------------------------------------------------------------------------------------------

describe('packJobs properties', () => {
  it('packs any DAG into any allowed number of jobs, keeping every promise', () => {
    fc.assert(
      fc.property(dags, fc.nat({ max: 45 }), (d, extra) => {
        const plan = dagPlan(d);
        const analysis = analyze(plan);
        const min = minJobsOf(plan, analysis);
        const distinct = new Set(plan.tasks.map(runnerKey)).size;
        expect(min).toBeGreaterThanOrEqual(distinct);
        if (distinct === 1) expect(min).toBe(1);
        for (const maxJobs of [min, min + extra]) {
          const r = packJobs(plan, analysis, maxJobs);
          expect(r.ok).toBe(true);
          if (r.ok) checkPacking(plan, analysis, r.graph, maxJobs);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every promise on larger DAGs squeezed into few jobs (time windows, components, columns)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('random' as const, 'layered' as const),
        fc.integer({ min: 50, max: 400 }),
        fc.integer({ min: 1, max: 1_000 }),
        fc.integer({ min: 1, max: 2 }),
        fc.integer({ min: 0, max: 30 }),
        (shape, n, seed, labels, extra) => {
          const deps = generateDeps(shape, n, seed);
          const plan = makePlan({
            deps,
            estimatesMs: deps.map((_, i) => ((i * 7919 + seed) % 13) * 30_000),
            runsOn: deps.map((_, i) =>
              labels === 2 && (i * 31 + seed) % 17 === 0 ? ['macos-latest'] : ['x'],
            ),
          });
          const analysis = analyze(plan);
          const maxJobs = minJobsOf(plan, analysis) + extra;
          const r = packJobs(plan, analysis, maxJobs);
          if (!r.ok) throw new Error(r.reason);
          checkPacking(plan, analysis, r.graph, maxJobs);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('refuses below the minimum, saying what would work', () => {
    fc.assert(
      fc.property(dags, (d) => {
        const plan = dagPlan(d);
        const analysis = analyze(plan);
        const min = minJobsOf(plan, analysis);
        for (let maxJobs = 1; maxJobs < min; maxJobs++) {
          const r = packJobs(plan, analysis, maxJobs);
          expect(r.ok).toBe(false);
          if (!r.ok) {
            expect(r.minJobs).toBe(min);
            expect(r.reason).toContain(`${min} jobs would work`);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(dags, fc.integer({ min: 1, max: 20 }), (d, maxJobs) => {
        const plan = dagPlan(d);
        const a = packJobs(plan, analyze(plan), maxJobs + 3);
        const b = packJobs(plan, analyze(plan), maxJobs + 3);
        expect(b).toEqual(a);
      }),
      { numRuns: 100 },
    );
  });

  it('never packs into more billed minutes than one job per task', () => {
    fc.assert(
      fc.property(dags, fc.integer({ min: 1, max: 40 }), (d, maxJobs) => {
        const plan = dagPlan({ ...d, labels: 1 });
        const analysis = analyze(plan);
        const r = packJobs(plan, analysis, maxJobs);
        if (!r.ok) throw new Error(r.reason);
        const perTask = oneJobPerTask(analysis);
        expect(estimateJobs(plan, analysis, r.graph).billedMinutes).toBeLessThanOrEqual(
          estimateJobs(plan, analysis, perTask).billedMinutes,
        );
      }),
      { numRuns: 150 },
    );
  });
});

function oneJobPerTask(analysis: Analysis): JobGraph {
  const g = analysis.graph;
  const jobOf = new Int32Array(g.n);
  analysis.order.forEach((v, j) => (jobOf[v] = j));
  return {
    jobs: Array.from(analysis.order, (v) => ({
      id: `j${v}`,
      kind: 'task' as const,
      tasks: [v],
      needs: Array.from(g.pred.subarray(g.predStart[v]!, g.predStart[v + 1]!), (u) => jobOf[u]!).sort(
        (a, b) => a - b,
      ),
    })),
  };
}

describe('packJobs', () => {
  it('runs a chain in one job, in order', () => {
    const plan = makePlan({ deps: [[], [0], [1], [2], [3]] });
    for (const maxJobs of [1, 2, 10]) {
      const graph = pack(plan, maxJobs);
      expect(graph.jobs).toEqual([
        { id: 't0-and-4-more', kind: 'sequence', tasks: [0, 1, 2, 3, 4], needs: [] },
      ]);
    }
  });

  it('keeps one job a task when that fits and packing buys nothing', () => {
    // Two long independent tasks and their join: packing the two would run them side by side on one runner,
    // which is as fast and cheaper; with one runner core it would be slower.
    const plan = makePlan({ deps: [[], [], [0, 1]], estimatesMs: [600_000, 600_000, 60_000] });
    const analysis = analyze(plan);
    const r = packJobs(plan, analysis, 3, { estimate: { runnerConcurrency: 1 } });
    expect(r.ok && r.graph.jobs.map((j) => j.tasks)).toEqual([[0], [1], [2]]);
    expect(r.ok && r.graph.jobs.map((j) => j.id)).toEqual(['t0', 't1', 't2']);
  });

  it('spreads a fan-out over the jobs it may use, its root and join apart', () => {
    const leaves = 100;
    const deps = [
      [],
      ...Array.from({ length: leaves }, () => [0]),
      Array.from({ length: leaves }, (_, i) => i + 1),
    ];
    const plan = makePlan({ deps });
    const graph = pack(plan, 12);
    expect(graph.jobs.length).toBe(12);
    expect(graph.jobs[0]!.tasks).toEqual([0]);
    expect(graph.jobs[11]!.tasks).toEqual([leaves + 1]);
    for (const job of graph.jobs.slice(1, 11)) expect(job.tasks.length).toBe(10);
  });

  it('gives a job per layer and splits wide layers when the budget allows', () => {
    const deps = generateDeps('layered', 400, 7); // 20 layers of 20
    const plan = makePlan({ deps });
    const graph = pack(plan, 40);
    expect(graph.jobs.length).toBeGreaterThanOrEqual(20);
  });

  it('refuses fewer jobs than runners, and alternating runners, with the minimum', () => {
    const linux = ['ubuntu-latest'];
    const mac = ['macos-latest'];
    const independent = makePlan({ deps: [[], []], runsOn: [linux, mac] });
    const r1 = packJobs(independent, analyze(independent), 1);
    expect(r1).toEqual({
      ok: false,
      reason:
        '2 tasks cannot be packed into 1 job: a job has one runner, the tasks name 2 different runs-on label sets; 2 jobs would work',
      minJobs: 2,
    });
    expect(pack(independent, 2).jobs.length).toBe(2);

    const alternating = makePlan({ deps: [[], [0], [1], [2]], runsOn: [linux, mac, linux, mac] });
    const r2 = packJobs(alternating, analyze(alternating), 3);
    expect(r2.ok).toBe(false);
    expect(!r2.ok && r2.minJobs).toBe(4);
    expect(!r2.ok && r2.reason).toContain('depend on each other in turn; 4 jobs would work');
    expect(pack(alternating, 4).jobs.map((j) => j.tasks)).toEqual([[0], [1], [2], [3]]);
  });

  it('treats runs-on labels as a set', () => {
    const plan = makePlan({
      deps: [[], [0]],
      runsOn: [
        ['self-hosted', 'gpu'],
        ['gpu', 'self-hosted', 'gpu'],
      ],
    });
    expect(pack(plan, 1).jobs.length).toBe(1);
  });

  it('refuses a maximum that is not a positive whole number', () => {
    const plan = makePlan({ deps: [[]] });
    for (const bad of [0, -1, 1.5, Number.NaN]) {
      const r = packJobs(plan, analyze(plan), bad);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.reason).toContain('at least 1');
    }
  });

  it('packs an empty plan into no jobs', () => {
    const plan = makePlan({ deps: [] });
    expect(packJobs(plan, analyze(plan), 5)).toEqual({ ok: true, graph: { jobs: [] } });
  });

  it('never names a job like the aggregate job or like a task it does not run', () => {
    const plan = makePlan({
      deps: [[], [], [1], [2]],
      ids: ['aggregate', 'b', 'c', 'b-and-1-more'],
      runsOn: [['x'], ['y'], ['y'], ['z']],
    });
    const ids = pack(plan, 3).jobs.map((j) => j.id);
    expect(ids).toEqual(['aggregate-task', 'b-and-1-more-2', 'b-and-1-more']);
  });
});

describe('packJobs at scale', () => {
  it('packs a 100k-task chain into one job, without deep recursion', () => {
    const deps = generateDeps('chain', 100_000);
    const plan = makePlan({ deps });
    const graph = pack(plan, 200);
    expect(graph.jobs.length).toBe(1);
    expect(graph.jobs[0]!.tasks.length).toBe(100_000);
  });

  it('packs 100k-task random and layered DAGs into 200 jobs', () => {
    for (const shape of ['random', 'layered'] as const) {
      const plan = makePlan({ deps: generateDeps(shape, 100_000, 3) });
      const graph = pack(plan, 200);
      expect(graph.jobs.length).toBeLessThanOrEqual(200);
    }
  }, 120_000);

  it('packs a 100k-task plan of alternating runners', () => {
    // Worst case for the runner phases: every link of the chain changes runner.
    const n = 100_000;
    const deps = generateDeps('chain', n);
    const plan = makePlan({ deps, runsOn: deps.map((_, i) => (i % 2 === 0 ? ['a'] : ['b'])) });
    const analysis = analyze(plan);
    const r = packJobs(plan, analysis, 200);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.minJobs).toBe(n);
  });
});
