// Grouping and its properties on random DAGs, checked on the emitted YAML itself (parsed back), not only on the
// job graph: every edge is kept by `needs`, the default grouping adds no barrier, no matrix exceeds 256 legs,
// each task runs in exactly one job, and the same plan always gives the same bytes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze.js';
import type { Plan } from '../../src/core/model.js';
import { findChains, groupJobs, MAX_MATRIX_LEGS, type GroupMode } from '../../src/github/group.js';
import { assignJobIds, proposeJobId } from '../../src/github/ids.js';
import { workflowFindings } from '../support/workflow-lint.js';
import { load } from '../support/plans.js';
import { compileWorkflow } from '../../src/github/compile.js';
import { compile, options, parseWorkflow, shapedPlan, type PlanShape } from './helpers.js';

const shapes: fc.Arbitrary<PlanShape> = fc.integer({ min: 1, max: 24 }).chain((n) =>
  fc.record({
    deps: fc
      .array(fc.array(fc.nat(), { maxLength: 3 }), { minLength: n, maxLength: n })
      .map((raw) => raw.map((ds, i) => (i === 0 ? [] : [...new Set(ds.map((d) => d % i))]))),
    agent: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: n, maxLength: n }),
    runner: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: n, maxLength: n }),
    failure: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: n, maxLength: n }),
  }),
);
const groupings = fc.record({
  group: fc.constantFrom<GroupMode>('auto', 'task', 'level'),
  fuseChains: fc.boolean(),
});
const withPacking = fc.record(
  {
    group: fc.constantFrom<GroupMode>('auto', 'task', 'level'),
    fuseChains: fc.boolean(),
    maxJobs: fc.integer({ min: 1, max: 12 }),
  },
  { requiredKeys: ['group', 'fuseChains'] },
);

/** ancestors[v]: every task v transitively depends on. */
function taskAncestors(plan: Plan): Set<number>[] {
  const a = analyze(plan);
  const out = plan.tasks.map(() => new Set<number>());
  for (const v of a.order) {
    for (let k = a.graph.predStart[v]!; k < a.graph.predStart[v + 1]!; k++) {
      const u = a.graph.pred[k]!;
      out[v]!.add(u);
      for (const x of out[u]!) out[v]!.add(x);
    }
  }
  return out;
}

/** The job ids each job waits for, directly or not, read from the emitted `needs`. */
function jobAncestors(jobs: Record<string, { needs?: string[] }>): Map<string, Set<string>> {
  const memo = new Map<string, Set<string>>();
  const visit = (id: string): Set<string> => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const set = new Set<string>();
    for (const need of jobs[id]!.needs ?? []) {
      expect(jobs[need], `${id} needs unknown job ${need}`).toBeDefined();
      set.add(need);
      for (const x of visit(need)) set.add(x);
    }
    memo.set(id, set);
    return set;
  };
  for (const id of Object.keys(jobs)) visit(id);
  return memo;
}

describe('grouping properties', () => {
  it('every edge is preserved, each task runs once, legs stay within limits, output is deterministic', () => {
    fc.assert(
      fc.property(shapes, withPacking, (shape, grouping) => {
        const plan = load(shapedPlan(shape));
        const compiled = compileWorkflow(plan, analyze(plan), options(grouping));
        // The packer may refuse a bound it cannot meet (tasks on different runners never share a job).
        fc.pre(compiled.ok);
        if (!compiled.ok) return;
        const result = compiled;
        if (grouping.maxJobs !== undefined)
          expect(result.graph.jobs.length).toBeLessThanOrEqual(grouping.maxJobs);
        expect(compile(plan, grouping).text).toBe(result.text);
        const doc = parseWorkflow(result.text);
        const { jobs } = doc;
        const { aggregate, ...others } = jobs;
        const taskJobs = Object.fromEntries(
          Object.entries(others).filter(([id]) => !id.startsWith('cancel-')),
        );
        expect(Object.keys(taskJobs)).toEqual(result.graph.jobs.map((j) => j.id));
        expect(aggregate!.needs).toEqual(Object.keys(taskJobs));
        // fail-fast: a cancel job after each job holding a fail-fast task, and no other; only it may write.
        for (const job of result.graph.jobs) {
          const failFast = job.tasks.filter((t) => plan.tasks[t]!.onFailure === 'fail-fast').length;
          const cancel = jobs[`cancel-${job.id}`];
          expect(cancel !== undefined, job.id).toBe(failFast > 0);
          if (cancel !== undefined) {
            expect(cancel.needs).toEqual([job.id]);
            expect(cancel.permissions).toEqual({ actions: 'write' });
            expect(cancel.if!.endsWith("== 'true' }}"), job.id).toBe(failFast < job.tasks.length);
          }
          expect(jobs[job.id]!.permissions).toEqual({ contents: 'read' });
          expect(jobs[job.id]!.outputs !== undefined, job.id).toBe(
            failFast > 0 && failFast < job.tasks.length,
          );
        }
        expect(Object.keys(others).length).toBe(
          result.graph.jobs.length + Object.keys(jobs).filter((id) => id.startsWith('cancel-')).length,
        );

        const jobOf = new Map<string, string>();
        const positionInJob = new Map<string, number>();
        for (const job of result.graph.jobs) {
          const parsed = jobs[job.id]!;
          const runStep = parsed.steps.find((s) => s.id === 'task')!;
          const listed =
            job.kind === 'matrix' ? parsed.strategy!.matrix.task : String(runStep.with!.task).split(' ');
          expect(listed).toEqual(job.tasks.map((t) => plan.tasks[t]!.id));
          if (job.kind === 'matrix') expect(listed.length).toBeLessThanOrEqual(MAX_MATRIX_LEGS);
          listed.forEach((id, i) => {
            expect(jobOf.has(id), `${id} in two jobs`).toBe(false);
            jobOf.set(id, job.id);
            positionInJob.set(id, i);
          });
          // One runner per job: every task of it asked for the same one.
          for (const t of job.tasks) expect(plan.tasks[t]!.runsOn).toEqual([parsed['runs-on']].flat());
        }
        expect(jobOf.size).toBe(plan.tasks.length);

        const ancestors = jobAncestors(taskJobs);
        for (const task of plan.tasks) {
          for (const dep of task.deps) {
            const a = jobOf.get(dep)!;
            const b = jobOf.get(task.id)!;
            if (a === b) {
              expect(result.graph.jobs.find((j) => j.id === a)!.kind).toBe('sequence');
              expect(positionInJob.get(dep)!).toBeLessThan(positionInJob.get(task.id)!);
            } else {
              expect(ancestors.get(b)!.has(a), `${dep} -> ${task.id}: ${a} is not needed by ${b}`).toBe(true);
            }
            // The dep's output reaches the job: its artifact is downloaded there, each into its own folder and
            // never merged (or it ran in the same job), and `sources` lets the import take the dep from it.
            if (a !== b) {
              const downloads = jobs[b]!.steps.filter(
                (s) => s.uses?.includes('/download-artifact@') === true,
              );
              const depJob = result.graph.jobs.find((j) => j.id === a)!;
              const artifact = depJob.kind === 'sequence' ? `tasks-${a}` : `task-${dep}`;
              const byPattern = downloads.some((s) => s.with!.pattern === 'task*');
              if (byPattern) {
                expect(downloads.map((s) => s.with)).toEqual([
                  { pattern: 'task*', path: '.orchestrator/downloads' },
                ]);
              } else {
                expect(downloads.map((s) => s.with)).toContainEqual({
                  name: artifact,
                  path: `.orchestrator/downloads/${artifact}`,
                });
              }
              if (depJob.kind === 'sequence') {
                const given = String(jobs[b]!.steps.find((s) => s.id === 'task')!.with!.sources);
                const sources = byPattern
                  ? String((doc.env as Record<string, string>).ORCHESTRATOR_SOURCES)
                  : given;
                if (byPattern) expect(given).toBe('${{ env.ORCHESTRATOR_SOURCES }}');
                const entry = sources.split(' ').find((e) => e.startsWith(`${artifact}=`));
                expect(entry?.slice(artifact.length + 1).split(','), `${artifact} in ${b}`).toContain(dep);
              }
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('the default grouping (with or without chain fusion) adds no barrier', () => {
    fc.assert(
      fc.property(shapes, fc.boolean(), (shape, fuseChains) => {
        const plan = load(shapedPlan(shape));
        const graph = groupJobs(plan, analyze(plan), { group: 'auto', fuseChains });
        const taskAnc = taskAncestors(plan);
        const reach = graph.jobs.map(() => new Set<number>());
        graph.jobs.forEach((job, j) => {
          for (const need of job.needs) {
            reach[j]!.add(need);
            for (const x of reach[need]!) reach[j]!.add(x);
          }
        });
        graph.jobs.forEach((job, j) => {
          for (const t of job.tasks) {
            for (const up of reach[j]!) {
              for (const u of graph.jobs[up]!.tasks) {
                expect(taskAnc[t]!.has(u), `${plan.tasks[t]!.id} waits for ${plan.tasks[u]!.id}`).toBe(true);
              }
            }
          }
        });
      }),
      { numRuns: 200 },
    );
  });

  it('workflows of random plans pass both validators', async () => {
    await fc.assert(
      fc.asyncProperty(shapes, groupings, async (shape, grouping) => {
        const { text } = compile(load(shapedPlan(shape)), { ...grouping, pullRequest: true });
        expect(await workflowFindings(text, 'random.yml')).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });
});

describe('groupings', () => {
  const wide = (n: number): Plan => load(shapedPlan({ deps: [[], ...Array.from({ length: n }, () => [0])] }));

  it('splits a group wider than 256 into even matrices', async () => {
    const plan = wide(600);
    const { graph, text } = compile(plan);
    expect(graph.jobs.map((j) => [j.kind, j.tasks.length])).toEqual([
      ['task', 1],
      ['matrix', 200],
      ['matrix', 200],
      ['matrix', 200],
    ]);
    expect(new Set(graph.jobs.map((j) => j.id.toLowerCase())).size).toBe(4);
    expect(await workflowFindings(text, 'wide.yml')).toEqual([]);
  });

  it('level grouping runs each batch as a matrix and waits for the jobs holding deps', () => {
    // t0 -> t2, t1 -> t3 -> t4; t2 and t3 share a level, so the t2/t3 matrix waits for t0 and t1.
    const plan = load(shapedPlan({ deps: [[], [], [0], [1], [3]] }));
    const graph = groupJobs(plan, analyze(plan), { group: 'level', fuseChains: false });
    const ids = (j: number): string[] => graph.jobs[j]!.tasks.map((t) => plan.tasks[t]!.id);
    expect(graph.jobs.map((_, j) => ids(j))).toEqual([['t0', 't1'], ['t2', 't3'], ['t4']]);
    expect(graph.jobs.map((j) => j.needs)).toEqual([[], [0], [1]]);
  });

  it('fuses chains that share a runner, and only those', () => {
    const plan = load(shapedPlan({ deps: [[], [0], [1], [2], [3], [3]], runner: [0, 0, 0, 1, 1, 1] }));
    const a = analyze(plan);
    expect(findChains(plan, a).map((c) => c.map((t) => plan.tasks[t]!.id))).toEqual([['t0', 't1', 't2']]);
    const graph = groupJobs(plan, a, { group: 'auto', fuseChains: true });
    expect(graph.jobs.map((j) => [j.id, j.kind])).toEqual([
      ['t0-to-t2', 'sequence'],
      ['t3', 'task'],
      ['t4-t5', 'matrix'],
    ]);
  });

  it('never puts tasks of different agents, runners or failure policies in one matrix', () => {
    const plan = load(
      shapedPlan({
        deps: [[], [0], [0], [0], [0], [0], [0]],
        agent: [0, 0, 1, 1, 0, 0, 0],
        runner: [0, 0, 0, 0, 1, 0, 0],
        failure: [0, 0, 0, 0, 0, 1, 2],
      }),
    );
    const graph = groupJobs(plan, analyze(plan), { group: 'auto', fuseChains: false });
    expect(graph.jobs.map((j) => j.tasks.map((t) => plan.tasks[t]!.id))).toEqual([
      ['t0'],
      ['t1'],
      ['t2', 't3'],
      ['t4'],
      ['t5', 't6'],
    ]);
  });
});

describe('job ids', () => {
  it('keep task ids, avoid the aggregate job, and stay unique without regard to case', () => {
    const ids = assignJobIds([
      { kind: 'matrix', proposal: 'a-b' },
      { kind: 'task', proposal: 'Aggregate' },
      { kind: 'task', proposal: 'a-b' },
      { kind: 'sequence', proposal: 'A-B' },
    ]);
    expect(ids).toEqual(['a-b-2', 'Aggregate-2', 'a-b', 'A-B-3']);
  });

  it('name a group after its tasks, briefly', () => {
    expect(proposeJobId('matrix', ['a', 'b'])).toBe('a-b');
    expect(
      proposeJobId(
        'matrix',
        Array.from({ length: 40 }, (_, i) => `task${i}`),
      ),
    ).toBe('task0-and-39-more');
    expect(proposeJobId('sequence', ['x', 'y', 'z'])).toBe('x-to-z');
    expect(proposeJobId('task', ['__proto__'])).toBe('job__proto__');
    expect(proposeJobId('task', ['x'.repeat(300)]).length).toBeLessThanOrEqual(100);
  });
});
