/**
 * `--max-jobs`: packing random, layered and chain DAGs of 10k and 100k tasks into 200 jobs (in process, the plan
 * already analysed), and what the estimate says of the result against one job per task.
 */
import { analyze, type Analysis } from '../src/core/analyze.js';
import { BUILTIN_DEFAULTS, type Plan, type Task } from '../src/core/model.js';
import { estimateJobs } from '../src/github/estimate.js';
import type { JobGraph } from '../src/github/jobs.js';
import { packJobs } from '../src/github/pack.js';
import { generateDeps, taskId, type Shape } from './generate.js';

const SIZES = (process.env.BENCH_PACK_SIZES ?? '10000,100000').split(',').map(Number);
const SHAPES: Shape[] = ['random', 'layered', 'chain'];
const MAX_JOBS = 200;

export function benchPack(): void {
  console.log(`\n## pack (--max-jobs ${MAX_JOBS})\n`);
  console.log(
    'In process, on an analysed plan (tasks without estimates count a minute each); the estimate uses the default parameters (30 s start-up, 5 s an artifact, 20 jobs at once, 2 tasks at once in a job).\n',
  );
  console.log(
    '| shape | tasks | pack | estimate | jobs | makespan | billed min | one job a task: makespan | billed min |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const shape of SHAPES) {
    for (const n of SIZES) {
      const plan = memoryPlan(generateDeps(shape, n, n));
      const analysis = analyze(plan);
      const t0 = performance.now();
      const packed = packJobs(plan, analysis, MAX_JOBS);
      const t1 = performance.now();
      if (!packed.ok) throw new Error(packed.reason);
      const e = estimateJobs(plan, analysis, packed.graph);
      const t2 = performance.now();
      const single = estimateJobs(plan, analysis, oneJobPerTask(analysis));
      console.log(
        `| ${shape} | ${n} | ${ms(t1 - t0)} | ${ms(t2 - t1)} | ${e.jobs} | ${hours(e.makespanMs)} | ${e.billedMinutes} | ${hours(single.makespanMs)} | ${single.billedMinutes} |`,
      );
    }
  }
}

/** A resolved plan built in memory: parsing is benchmarked elsewhere (plan.ts). */
function memoryPlan(deps: readonly (readonly number[])[]): Plan {
  const tasks: Task[] = deps.map((ds, i) => ({
    id: taskId(i),
    title: taskId(i),
    run: 'true',
    inputs: {},
    deps: ds.map(taskId),
    agent: 'shell',
    retries: 0,
    backoff: { ...BUILTIN_DEFAULTS.backoff },
    timeoutMs: BUILTIN_DEFAULTS.timeoutMs,
    retryOn: [...BUILTIN_DEFAULTS.retryOn],
    onFailure: 'fail-fast',
    estimateMs: null,
    env: {},
    runsOn: [...BUILTIN_DEFAULTS.runsOn],
    outputs: [],
    edit: false,
  }));
  return { version: 1, name: 'bench', agents: {}, tasks };
}

function oneJobPerTask(analysis: Analysis): JobGraph {
  const g = analysis.graph;
  const jobOf = new Int32Array(g.n);
  analysis.order.forEach((v, j) => (jobOf[v] = j));
  return {
    jobs: Array.from(analysis.order, (v) => ({
      id: taskId(v),
      kind: 'task' as const,
      tasks: [v],
      needs: Array.from(g.pred.subarray(g.predStart[v]!, g.predStart[v + 1]!), (u) => jobOf[u]!).sort(
        (a, b) => a - b,
      ),
    })),
  };
}

function ms(t: number): string {
  return t >= 1000 ? `${(t / 1000).toFixed(2)} s` : `${t.toFixed(0)} ms`;
}

function hours(t: number): string {
  return `${(t / 3_600_000).toFixed(1)} h`;
}
