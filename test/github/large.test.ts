// A 10,000-task plan: with --max-jobs it compiles, fast, to a workflow GitHub accepts (under 500 KB, both
// validators clean) in which every edge is still kept by needs.
import { describe, expect, it } from 'vitest';
import { generateDeps, planYaml } from '../../bench/generate.js';
import { analyze } from '../../src/core/analyze.js';
import { compileWorkflow, MAX_WORKFLOW_BYTES } from '../../src/github/compile.js';
import { load } from '../support/plans.js';
import { workflowFindings } from '../support/workflow-lint.js';
import { options, parseWorkflow } from './helpers.js';

describe('a 10,000-task plan', () => {
  it('fits GitHub with --max-jobs and keeps every edge', async () => {
    const plan = load(planYaml(generateDeps('random', 10_000, 7)));
    const analysis = analyze(plan);
    const started = performance.now();
    const result = compileWorkflow(plan, analysis, options({ maxJobs: 50 }));
    const ms = performance.now() - started;
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.graph.jobs.length).toBeLessThanOrEqual(50);
    expect(result.bytes).toBeLessThanOrEqual(MAX_WORKFLOW_BYTES);
    expect(ms).toBeLessThan(5_000);
    expect(await workflowFindings(result.text, 'large.yml')).toEqual([]);

    const doc = parseWorkflow(result.text);
    const { jobs } = doc;
    // Which artifact may speak for which task (C3): every multi-task job's ids, once, in the workflow's env;
    // jobs that download by name list the entries of what they download, and still fit.
    const all = String((doc.env as Record<string, string>).ORCHESTRATOR_SOURCES).split(' ');
    const sequences = result.graph.jobs.filter((j) => j.kind === 'sequence');
    expect(all.map((e) => e.slice(0, e.indexOf('=')))).toEqual(sequences.map((j) => `tasks-${j.id}`));
    const inline = Object.values(jobs)
      .map((job) => job.steps.find((s) => s.id === 'task')?.with?.sources)
      .filter((v): v is string => typeof v === 'string' && !v.startsWith('${{'));
    expect(inline.length).toBeGreaterThan(0);
    for (const given of inline) for (const entry of given.split(' ')) expect(all).toContain(entry);

    const jobOf = new Map<string, string>();
    const position = new Map<string, number>();
    for (const [id, job] of Object.entries(jobs)) {
      const run = job.steps.find((s) => s.id === 'task');
      if (run === undefined) continue;
      String(run.with!.task)
        .split(' ')
        .forEach((t, i) => {
          expect(jobOf.has(t)).toBe(false);
          jobOf.set(t, id);
          position.set(t, i);
        });
    }
    expect(jobOf.size).toBe(10_000);
    const ancestors = new Map<string, Set<string>>();
    const visit = (id: string): Set<string> => {
      let set = ancestors.get(id);
      if (set !== undefined) return set;
      set = new Set();
      for (const need of jobs[id]!.needs ?? []) {
        set.add(need);
        for (const x of visit(need)) set.add(x);
      }
      ancestors.set(id, set);
      return set;
    };
    for (const task of plan.tasks) {
      for (const dep of task.deps) {
        const a = jobOf.get(dep)!;
        const b = jobOf.get(task.id)!;
        if (a === b) expect(position.get(dep)!).toBeLessThan(position.get(task.id)!);
        else expect(visit(b).has(a), `${dep} -> ${task.id}`).toBe(true);
      }
    }
  }, 60_000);
});
