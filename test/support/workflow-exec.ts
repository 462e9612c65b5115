/**
 * Runs a GitHub Actions workflow's jobs locally the way GitHub would, for the subset of features our workflows
 * use, and throws `unsupported: …` on anything else rather than guessing.
 *
 * Jobs run one at a time in `needs` order (the first ready job in file order), each job or matrix leg in a fresh
 * folder as on its own machine: only artifacts pass between them. Job results follow GitHub: the default `if` is
 * `success()` over every ancestor job (a skipped ancestor is not a success), `!cancelled()` and `always()` run
 * after failures, a fail-fast matrix cancels its remaining legs, and a `gh run cancel` (test/fixtures/bin/gh)
 * cancels the run: jobs not started then are cancelled unless their `if` still holds (`always()`).
 *
 * A job with `uses:` calls a reusable workflow (`./.github/workflows/<file>` in `repo`, or this repository's
 * `<actionRef repo>/.github/workflows/<file>@<ref>`): its jobs run inside the run and are reported as
 * `<job>/<id>`. The event is the `github` option's `event_name` and `event` (written to GITHUB_EVENT_PATH);
 * `api_url` there is GITHUB_API_URL. With `permissionTokens`, each job's token names its permissions
 * (workflow-exec/permissions.ts) for the local GitHub server to enforce.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ArtifactStore } from './workflow-exec/artifacts.js';
import {
  evaluateCondition,
  interpolate,
  interpolateString,
  truthy,
  unsupported,
  valueToString,
  type StatusFunctions,
  type Value,
} from './workflow-exec/expressions.js';
import { checkCancel, interpolateDeep, legName, needsContext, runLeg } from './workflow-exec/leg.js';
import { expandMatrix } from './workflow-exec/matrix.js';
import { parseWorkflow, type Job, type Workflow } from './workflow-exec/model.js';
import { jobPermissions } from './workflow-exec/permissions.js';
import {
  DEFAULT_ACTION_REF,
  type ExecuteWorkflowOptions,
  type JobRun,
  type RunState,
  type WorkflowRun,
} from './workflow-exec/types.js';

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
  const group = concurrencyGroup(job.concurrency, { contexts });
  if (group !== undefined) run.concurrency = group;
  if (!evaluateCondition(job.if, { contexts, status })) {
    if (state.cancelled) run.result = 'cancelled';
    return run;
  }
  if (job.uses !== undefined) return runCalledWorkflow(state, job, contexts, run);
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

/**
 * The group of a `concurrency:` (a string, or `{group, cancel-in-progress}`), evaluated; the executor runs one
 * run at a time, so it only records it, for tests of which runs would wait for or cancel which.
 */
function concurrencyGroup(v: unknown, ctx: { contexts: Record<string, Value> }): string | undefined {
  if (v === undefined || v === null) return undefined;
  const group = typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>).group : v;
  if (typeof group !== 'string') throw new Error('invalid workflow: concurrency.group must be a string');
  return interpolateString(group, ctx);
}

/** The jobs of `state.workflow`, one at a time in `needs` order (the first ready job in file order). */
async function runJobs(state: RunState, order: string[]): Promise<void> {
  const pending = [...state.workflow.jobs];
  while (pending.length > 0) {
    const i = pending.findIndex((j) => j.needs.every((n) => state.jobs.has(n)));
    const job = pending.splice(i, 1)[0] as Job;
    order.push(job.id);
    state.jobs.set(job.id, await runJob(state, job));
    checkCancel(state);
  }
}

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Where a job's `uses:` workflow is: `./.github/workflows/<file>` in `repo`, or `<owner/repo>/.github/workflows/
 * <file>@<ref>` of this repository's action (`actionRef`), in `actionRoot`. Anything else is unsupported.
 */
function calledWorkflowFile(state: RunState, uses: string): string {
  if (uses.startsWith('./')) {
    if (!/^\.\/\.github\/workflows\/[^/]+\.ya?ml$/.test(uses)) {
      throw new Error(
        `invalid workflow: a local reusable workflow must be ./.github/workflows/<file>: ${uses}`,
      );
    }
    return path.join(state.options.repo, uses);
  }
  const [repo, ref] = (state.options.actionRef ?? DEFAULT_ACTION_REF).split('@') as [string, string];
  const m = /^([^/]+\/[^/]+)\/(\.github\/workflows\/[^/@]+\.ya?ml)@(.+)$/.exec(uses);
  if (m !== null && m[1]!.toLowerCase() === repo.toLowerCase() && m[3] === ref) {
    return path.join(state.options.actionRoot ?? REPO_ROOT, m[2]!);
  }
  throw unsupported(`uses: ${uses}`);
}

/**
 * A job that calls a reusable workflow: its jobs run in this run (same artifacts, same cancellation), with the
 * `with:` values as `inputs` (typed and defaulted as `on.workflow_call` says), the secrets passed (or
 * `inherit`ed), tokens no stronger than the calling job's, and are reported as `<job>/<id>`. The job's result:
 * failure when one of them failed, else cancelled when one was, else success; its outputs are the called
 * workflow's.
 */
async function runCalledWorkflow(
  state: RunState,
  job: Job,
  contexts: Record<string, Value>,
  run: JobRun,
): Promise<JobRun> {
  const uses = job.uses as string;
  const called = parseWorkflow(fs.readFileSync(calledWorkflowFile(state, uses), 'utf8'));
  const call = called.call;
  if (call === undefined) throw new Error(`invalid workflow: ${uses} has no on.workflow_call`);
  const where = `jobs.${job.id}`;
  const given = interpolateDeep(job.with, { contexts }) as Record<string, Value>;
  for (const key of Object.keys(given)) {
    if (!Object.hasOwn(call.inputs, key)) {
      throw new Error(`invalid workflow: ${where}.with.${key} is not an input of ${uses}`);
    }
  }
  const inputs: Record<string, Value> = {};
  for (const [name, spec] of Object.entries(call.inputs)) {
    let value: Value | undefined = given[name];
    if (value === undefined && spec.default !== undefined) {
      value = interpolateDeep(spec.default, { contexts: { github: state.github } });
    }
    if (value === undefined || value === null) {
      if (spec.required)
        throw new Error(`invalid workflow: ${where}: input '${name}' of ${uses} is required`);
      value = spec.type === 'number' ? 0 : spec.type === 'boolean' ? false : '';
    }
    if (spec.type === 'number') {
      const n = typeof value === 'number' ? value : Number(valueToString(value));
      if (!Number.isFinite(n)) throw new Error(`${where}: input '${name}' must be a number`);
      value = n;
    } else if (spec.type === 'boolean') {
      value = typeof value === 'boolean' ? value : valueToString(value) === 'true';
    } else {
      value = valueToString(value);
    }
    inputs[name] = value;
  }
  const secrets: Record<string, string> = {};
  if (job.secrets === 'inherit') Object.assign(secrets, state.options.secrets);
  else if (job.secrets !== undefined) {
    const secretsCtx = { GITHUB_TOKEN: valueToString(state.github.token ?? ''), ...state.options.secrets };
    for (const [name, v] of Object.entries(job.secrets)) {
      if (!Object.hasOwn(call.secrets, name)) {
        throw new Error(`invalid workflow: ${where}.secrets.${name} is not a secret of ${uses}`);
      }
      secrets[name] = valueToString(interpolateDeep(v, { contexts: { ...contexts, secrets: secretsCtx } }));
    }
  }
  for (const [name, spec] of Object.entries(call.secrets)) {
    if (spec.required && (secrets[name] ?? '') === '') {
      throw new Error(`invalid workflow: ${where}: secret '${name}' of ${uses} is required`);
    }
  }
  const tokens = state.options.permissionTokens === true || state.options.readOnlyToken === true;
  const inner: RunState = {
    options: { ...state.options, inputs, secrets },
    workflow: called,
    root: state.root,
    store: state.store,
    cancelFile: state.cancelFile,
    cancelled: state.cancelled,
    jobs: new Map(),
    github: state.github,
    legCount: state.legCount,
    prefix: `${state.prefix}${job.id}/`,
    ...(tokens ? { permissionCap: jobPermissions(state.workflow, job, state.permissionCap) } : {}),
  };
  await runJobs(inner, []);
  state.legCount = inner.legCount;
  state.cancelled ||= inner.cancelled;
  const jobsCtx: Record<string, Value> = {};
  for (const [id, r] of inner.jobs) {
    state.jobs.set(`${job.id}/${id}`, r.id.includes('/') ? r : { ...r, id: `${inner.prefix}${id}` });
    if (!id.includes('/')) jobsCtx[id] = { result: r.result, outputs: r.outputs };
  }
  for (const [name, expr] of Object.entries(call.outputs)) {
    run.outputs[name] = interpolateString(expr, {
      contexts: { jobs: jobsCtx, inputs, github: state.github },
    });
  }
  const results = [...inner.jobs.values()].map((r) => r.result);
  run.result = results.includes('failure')
    ? 'failure'
    : results.includes('cancelled')
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
  const store = new ArtifactStore(path.join(root, 'artifacts'));
  options.runs?.set(valueToString(github.run_id ?? ''), store);
  const state: RunState = {
    options,
    workflow,
    root,
    store,
    cancelFile: path.join(root, 'gh-run-cancel'),
    cancelled: false,
    jobs: new Map(),
    github,
    legCount: 0,
    prefix: '',
  };
  const order: string[] = [];
  const workflowGroup = concurrencyGroup(workflow.concurrency, {
    contexts: { github, inputs: { ...options.inputs }, vars: { ...options.vars } },
  });
  await runJobs(state, order);
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
    ...(workflowGroup !== undefined ? { concurrency: workflowGroup } : {}),
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
