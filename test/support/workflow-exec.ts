/**
 * Runs a GitHub Actions workflow's jobs locally the way GitHub would, for the subset of features our workflows
 * use, and throws `unsupported: …` on anything else rather than guessing.
 *
 * Jobs run one at a time in `needs` order (the first ready job in file order), each job or matrix leg in a fresh
 * folder as on its own machine: only artifacts pass between them. Job results follow GitHub: the default `if` is
 * `success()` over every ancestor job (a skipped ancestor is not a success), `!cancelled()` and `always()` run
 * after failures, a fail-fast matrix cancels its remaining legs, and a `gh run cancel` (test/fixtures/bin/gh)
 * cancels the run: jobs not started then are cancelled unless their `if` still holds (`always()`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ArtifactStore } from './workflow-exec/artifacts.js';
import {
  evaluateCondition,
  interpolate,
  truthy,
  type StatusFunctions,
  type Value,
} from './workflow-exec/expressions.js';
import { checkCancel, interpolateDeep, legName, needsContext, runLeg } from './workflow-exec/leg.js';
import { expandMatrix } from './workflow-exec/matrix.js';
import { parseWorkflow, type Job, type Workflow } from './workflow-exec/model.js';
import type { ExecuteWorkflowOptions, JobRun, RunState, WorkflowRun } from './workflow-exec/types.js';

export * from './workflow-exec/types.js';
export { expandMatrix } from './workflow-exec/matrix.js';

const MAX_LEGS = 256;

function ancestors(workflow: Workflow, job: Job): string[] {
  const byId = new Map(workflow.jobs.map((j) => [j.id, j]));
  const seen = new Set<string>();
  const visit = (id: string): void => {
    for (const n of byId.get(id)?.needs ?? []) {
      if (!seen.has(n)) {
        seen.add(n);
        visit(n);
      }
    }
  };
  visit(job.id);
  return [...seen];
}

async function runJob(state: RunState, job: Job): Promise<JobRun> {
  const results = ancestors(state.workflow, job).map((id) => state.jobs.get(id)?.result);
  const status: StatusFunctions = {
    success: () => !state.cancelled && results.every((r) => r === 'success'),
    failure: () => results.some((r) => r === 'failure'),
    cancelled: () => state.cancelled,
  };
  const contexts: Record<string, Value> = {
    github: state.github,
    needs: needsContext(state, job),
    vars: { ...state.options.vars },
    inputs: { ...state.options.inputs },
  };
  const run: JobRun = { id: job.id, result: 'skipped', outputs: {}, legs: [] };
  if (!evaluateCondition(job.if, { contexts, status })) {
    if (state.cancelled) run.result = 'cancelled';
    return run;
  }
  let legs: (Record<string, Value> | null)[] = [null];
  let failFast = true;
  if (job.matrix !== undefined) {
    try {
      const expanded = expandMatrix(interpolateDeep(job.matrix, { contexts }));
      if (expanded.length === 0) throw new Error('Matrix must define at least one vector');
      if (expanded.length > MAX_LEGS) throw new Error(`Strategy produced more than ${MAX_LEGS} jobs`);
      legs = expanded;
    } catch (e) {
      if ((e as Error).message.startsWith('unsupported:')) throw e;
      run.result = 'failure';
      run.error = (e as Error).message;
      return run;
    }
    if (job.failFast !== undefined) {
      failFast = truthy(
        typeof job.failFast === 'string'
          ? interpolate(job.failFast, { contexts })
          : interpolateDeep(job.failFast, {
              contexts,
            }),
      );
    }
  }
  for (let i = 0; i < legs.length; i++) {
    const matrix = legs[i] ?? null;
    const index = job.matrix === undefined ? null : i;
    const stop =
      (failFast && run.legs.some((l) => l.result === 'failure')) ||
      (state.cancelled && !evaluateCondition(job.if, { contexts, status }));
    if (stop) {
      run.legs.push({
        job: job.id,
        index,
        matrix,
        name: legName(job, matrix, { contexts: { ...contexts, matrix: matrix ?? {} } }),
        result: 'cancelled',
        outputs: {},
        workspace: '',
        steps: [],
        summary: '',
      });
      continue;
    }
    const leg = await runLeg(state, job, matrix, index, legs.length, failFast);
    run.legs.push(leg);
    for (const [k, v] of Object.entries(leg.outputs)) if (v !== '' || !(k in run.outputs)) run.outputs[k] = v;
    checkCancel(state);
  }
  const legResults = run.legs.map((l) => l.result);
  run.result = legResults.includes('failure')
    ? 'failure'
    : legResults.includes('cancelled')
      ? 'cancelled'
      : 'success';
  return run;
}

export async function executeWorkflow(options: ExecuteWorkflowOptions): Promise<WorkflowRun> {
  if ((options.workflow === undefined) === (options.source === undefined)) {
    throw new Error('executeWorkflow: give exactly one of workflow and source');
  }
  const text = options.source ?? fs.readFileSync(options.workflow as string, 'utf8');
  const workflow = parseWorkflow(text);
  const root = options.root ?? fs.mkdtempSync(path.join(os.tmpdir(), 'workflow-exec-'));
  fs.mkdirSync(root, { recursive: true });
  const github: Record<string, Value> = {
    event_name: 'workflow_dispatch',
    event: {},
    ref: 'refs/heads/main',
    ref_name: 'main',
    sha: '0123456789abcdef0123456789abcdef01234567',
    repository: 'org/repo',
    repository_owner: 'org',
    run_id: '1',
    run_number: '1',
    run_attempt: '1',
    actor: 'tester',
    server_url: 'https://github.com',
    api_url: 'https://api.github.com',
    workflow: workflow.name ?? path.basename(options.workflow ?? 'workflow.yml'),
    token: 'ghs_fakeTokenForLocalWorkflowRuns',
    ...options.github,
  };
  const state: RunState = {
    options,
    workflow,
    root,
    store: new ArtifactStore(path.join(root, 'artifacts')),
    cancelFile: path.join(root, 'gh-run-cancel'),
    cancelled: false,
    jobs: new Map(),
    github,
    legCount: 0,
  };
  const order: string[] = [];
  const pending = [...workflow.jobs];
  while (pending.length > 0) {
    const i = pending.findIndex((j) => j.needs.every((n) => state.jobs.has(n)));
    const job = pending.splice(i, 1)[0] as Job;
    order.push(job.id);
    state.jobs.set(job.id, await runJob(state, job));
    checkCancel(state);
  }
  const jobs = Object.fromEntries(state.jobs);
  const summaries: Record<string, string> = {};
  for (const j of state.jobs.values()) for (const l of j.legs) if (l.summary) summaries[l.name] = l.summary;
  const job = (id: string): JobRun => {
    const j = jobs[id];
    if (j === undefined) throw new Error(`no job ${id} in the run (jobs: ${Object.keys(jobs).join(', ')})`);
    return j;
  };
  return {
    root,
    cancelled: state.cancelled,
    jobs,
    order,
    artifacts: state.store.artifacts,
    job,
    leg: (id, index) => {
      const j = job(id);
      const l = index === undefined ? (j.legs.length === 1 ? j.legs[0] : undefined) : j.legs[index];
      if (l === undefined) throw new Error(`job ${id} has ${j.legs.length} legs; which one?`);
      return l;
    },
    summaries,
    cleanup: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}
