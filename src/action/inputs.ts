/**
 * Every input of the action (action.yml), read and checked here and nowhere else. An error names the input, the
 * value given and what is accepted. Defaults are applied here too: GitHub fills in action.yml's defaults, but a
 * test (or another runner) that sets only some `INPUT_*` variables must get the same settings.
 */
import * as core from '@actions/core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../errors.js';
import { DECOMPOSE_AGENTS } from '../decompose/agent.js';
import { parseSources, type Sources } from '../runner/downloads.js';
import { parseTaskIds } from '../runner/task-job.js';
import { DEFAULT_DIR, layout } from '../workspace/layout.js';

export const MODES = ['plan', 'task', 'aggregate', 'decompose'] as const;
export type Mode = (typeof MODES)[number];

/**
 * Input `agent` of mode `decompose`: `auto` (a markdown checklist without AI, anything else by claude, as
 * `orchestrator decompose` does without `--agent`), an agent CLI, or `none` for the checklist decomposer.
 */
export const DECOMPOSE_AGENT_INPUTS = ['auto', ...DECOMPOSE_AGENTS, 'none'] as const;
export type DecomposeAgentInput = (typeof DECOMPOSE_AGENT_INPUTS)[number];
export const FALLBACKS = ['checklist', 'fail'] as const;

/**
 * Input `plan-origin`: who wrote the plan. `repository`: a maintainer, in a commit; `decompose`: the `decompose`
 * mode (an AI or the checklist decomposer, from text anyone may have written), whose plans may not set env names
 * that redirect or inject nor define custom agents (load-plan.ts).
 */
export const PLAN_ORIGINS = ['repository', 'decompose'] as const;
export type PlanOrigin = (typeof PLAN_ORIGINS)[number];

/**
 * The composite action that runs tasks. Mode `task` is refused in the node action: GitHub gives a JavaScript
 * action's process the runtime token (ACTIONS_RUNTIME_TOKEN, which writes artifacts and caches) and the id token
 * request, and an agent it starts can read them from its parent's /proc/<pid>/environ. A `run:` step, as the
 * composite's steps are, gets neither.
 */
export const TASK_ACTION = 'org/orchestrator/task';

export interface ActionSettings {
  /**
   * Input `mode`, default `plan`. `plan`: validate the plan, write the master plan, publish it. `task`: run the
   * tasks named by `task`, their deps read from `<dir>/outputs/`, and stage `<dir>/artifact/`. `aggregate`:
   * `final_output.md` from `<dir>/outputs/`.
   */
  mode: Mode;
  /**
   * Input `plan`: the plan file, relative to the working directory. Required in modes `plan` and `task`; in mode
   * `aggregate` it defaults to `<dir>/plan.json` (as written by `plan` or `task` in the same workspace).
   */
  plan: string;
  /** Input `task` (mode `task` only, where it is required): task ids, separated by spaces, commas or newlines. */
  tasks: string[];
  /** Input `dir`, default `.orchestrator`: the workspace folder (outputs/, artifact/, final_output.md). */
  dir: string;
  /** Input `concurrency` (mode `task`), default the number of CPUs: how many tasks run at a time. */
  concurrency: number;
  /**
   * Input `max-waves` (mode `plan`), default 0 (no limit): the wave jobs of the reusable workflow. A plan with
   * more levels fails the step, saying what to do.
   */
  maxWaves: number;
  /**
   * Input `comment` (modes `plan` and `aggregate`), default false: post the master plan, then the results, as
   * one sticky comment on the pull request, updated in place. Needs `permissions: pull-requests: write`.
   */
  comment: CommentSettings | null;
  /**
   * Input `select` (modes `plan` and `aggregate`), default all: task ids, separated by spaces or commas; only
   * those tasks and what they depend on are planned (the waves) and reported. Give both jobs the same value.
   */
  select: string[];
  /** Mode `decompose` only (null in the other modes). */
  decompose: DecomposeSettings | null;
  /**
   * Input `plan-origin` (modes `plan`, `task` and `aggregate`), default `repository`: `decompose` for a plan the
   * `decompose` mode wrote, which the plan loader holds to stricter rules (no redirecting env, no custom agents).
   */
  planOrigin: PlanOrigin;
  /**
   * Input `sources` (modes `task` and `aggregate`), default none: which task ids each downloaded artifact other
   * than `task-<id>` speaks for, given as `<artifact>=<id>,<id>,...` entries separated by whitespace.
   */
  sources: Sources;
}

export interface DecomposeSettings {
  /**
   * Input `request-file` (required): the file holding the request, e.g. the pull request's body written there by
   * an earlier step from an environment variable. Read as data: never evaluated, never put into a script.
   */
  requestFile: string;
  /**
   * Input `agent`, default `auto`: a request that is a markdown checklist is decomposed without AI, any other by
   * claude; or the agent CLI that decomposes whatever the request; or `none` for the checklist decomposer.
   */
  agent: DecomposeAgentInput;
  /**
   * Input `fallback`, default `checklist`: when the agent's API key is not in the environment (a pull request
   * from a fork gets no secrets), a request written as a markdown checklist is decomposed without AI; `fail`
   * fails the step instead. A request in prose fails the step either way, saying why.
   */
  fallback: (typeof FALLBACKS)[number];
  /** Input `output`, default `<dir>/plan.yml`: where the plan is written (overwritten if it exists). */
  output: string;
  /** Input `model`, default the agent's own. */
  model: string | null;
}

export interface CommentSettings {
  /**
   * Input `github-token`, no default: required with `comment: true`, so a job that posts nothing holds no token
   * in its step's environment (`INPUT_GITHUB-TOKEN`).
   */
  token: string;
  /** GITHUB_REPOSITORY: owner/name. */
  repository: string;
  /** Input `pull-request`, default the number of the event's pull request (or issue, for a comment event). */
  number: number;
  /** Input `comment-key`, default `orchestrator`: which sticky comment (one per key and pull request). */
  key: string;
  /** GITHUB_API_URL, default https://api.github.com. */
  apiUrl: string;
  /** The link to this run, for the comment's footer. */
  runUrl: string | null;
}

export function readInputs(): ActionSettings {
  const mode = oneOf('mode', MODES, 'plan');
  // GitHub sets ACTIONS_RUNTIME_TOKEN for JavaScript and container actions only: its presence says this process
  // is the node action, not the composite's `run:` step.
  if (mode === 'task' && (process.env.ACTIONS_RUNTIME_TOKEN ?? '') !== '') {
    throw new UserError(
      `mode task is not run by this action: its process holds the job's runtime token (ACTIONS_RUNTIME_TOKEN), which an agent it started could read. Use the composite action: \`uses: ${TASK_ACTION}@<the same ref>\` with \`plan\` and \`task\` (and no \`mode\`); its steps hold no token`,
    );
  }
  const dir = core.getInput('dir') || DEFAULT_DIR;
  const tasks = parseTaskIds([core.getInput('task')]);
  if (mode === 'task' && tasks.length === 0) {
    throw new UserError(
      'input `task` is required in mode task: a task id, or several separated by spaces or commas',
    );
  }
  if (mode !== 'task' && tasks.length > 0) {
    throw new UserError(`input \`task\` is only used in mode task; got it in mode ${mode}`);
  }
  let plan = core.getInput('plan');
  if (plan === '' && mode !== 'decompose') {
    if (mode !== 'aggregate') {
      throw new UserError(`input \`plan\` is required in mode ${mode}: the path of the plan file`);
    }
    plan = layout(dir).planJson;
  }
  const select = parseTaskIds([core.getInput('select')]);
  if ((mode === 'task' || mode === 'decompose') && select.length > 0) {
    throw new UserError(
      mode === 'task'
        ? 'input `select` is for modes plan and aggregate; in mode task, `task` names the tasks'
        : 'input `select` is for modes plan and aggregate, not decompose',
    );
  }
  const comment = booleanInput('comment');
  if (comment && (mode === 'task' || mode === 'decompose')) {
    throw new UserError(
      `input \`comment\` is for modes plan and aggregate: a ${mode} job runs an agent and must not hold a token that writes${mode === 'decompose' ? ' (post the plan from another job: mode plan with `comment: true`)' : ''}`,
    );
  }
  const sourcesText = core.getInput('sources');
  if (sourcesText !== '' && mode !== 'task' && mode !== 'aggregate') {
    throw new UserError(`input \`sources\` is for modes task and aggregate; got it in mode ${mode}`);
  }
  let sources: Sources;
  try {
    sources = parseSources(sourcesText);
  } catch (error) {
    if (error instanceof UserError) throw new UserError(`input \`sources\`: ${error.message}`);
    throw error;
  }
  if (mode === 'decompose' && plan !== '') {
    throw new UserError('input `plan` is not used in mode decompose: `output` names the plan file it writes');
  }
  return {
    mode,
    plan,
    tasks,
    dir,
    concurrency: concurrency(),
    maxWaves: wholeNumber('max-waves', 0),
    comment: comment ? commentSettings() : null,
    select,
    decompose: mode === 'decompose' ? decomposeSettings(dir) : null,
    planOrigin: oneOf('plan-origin', PLAN_ORIGINS, 'repository'),
    sources,
  };
}

function decomposeSettings(dir: string): DecomposeSettings {
  const requestFile = core.getInput('request-file');
  if (requestFile === '') {
    throw new UserError(
      'input `request-file` is required in mode decompose: the file holding the request (e.g. the pull request body, written there from an environment variable)',
    );
  }
  const model = core.getInput('model');
  return {
    requestFile,
    agent: oneOf('agent', DECOMPOSE_AGENT_INPUTS, 'auto'),
    fallback: oneOf('fallback', FALLBACKS, 'checklist'),
    output: core.getInput('output') || path.join(dir, 'plan.yml'),
    model: model === '' ? null : model,
  };
}

function booleanInput(name: string): boolean {
  const value = core.getInput(name);
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  throw new UserError(`input \`${name}\` must be true or false; got ${JSON.stringify(value)}`);
}

function wholeNumber(name: string, fallback: number): number {
  const value = core.getInput(name);
  if (value === '') return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) {
    throw new UserError(`input \`${name}\` must be a whole number; got ${JSON.stringify(value)}`);
  }
  return n;
}

function commentSettings(): CommentSettings {
  const token = core.getInput('github-token');
  if (token === '') {
    throw new UserError(
      "input `github-token` is required with `comment: true`: add `github-token: ${{ github.token }}` to the step's `with:` (the job needs `permissions: pull-requests: write`)",
    );
  }
  const repository = process.env.GITHUB_REPOSITORY ?? '';
  if (!/^[^/\s]+\/[^/\s]+$/.test(repository)) {
    throw new UserError(`GITHUB_REPOSITORY must be owner/name to comment; got ${JSON.stringify(repository)}`);
  }
  const given = core.getInput('pull-request');
  let number: number;
  if (given !== '') {
    number = Number(given);
    if (!/^[1-9]\d*$/.test(given) || !Number.isSafeInteger(number)) {
      throw new UserError(
        `input \`pull-request\` must be a pull request number; got ${JSON.stringify(given)}`,
      );
    }
  } else {
    const found = eventNumber();
    if (found === null) {
      throw new UserError(
        `input \`comment\` is true but this ${process.env.GITHUB_EVENT_NAME ?? 'event'} has no pull request: set the \`pull-request\` input`,
      );
    }
    number = found;
  }
  const key = core.getInput('comment-key') || 'orchestrator';
  const server = process.env.GITHUB_SERVER_URL ?? 'https://github.com';
  const runId = process.env.GITHUB_RUN_ID;
  return {
    token,
    repository,
    number,
    key,
    apiUrl: process.env.GITHUB_API_URL ?? 'https://api.github.com',
    runUrl: runId !== undefined ? `${server}/${repository}/actions/runs/${runId}` : null,
  };
}

/** The pull request (or issue) number of the event that started the workflow, from GITHUB_EVENT_PATH. */
function eventNumber(): number | null {
  const file = process.env.GITHUB_EVENT_PATH;
  if (file === undefined || file === '') return null;
  try {
    const event = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      pull_request?: { number?: unknown };
      issue?: { number?: unknown };
      number?: unknown;
    };
    const n = event.pull_request?.number ?? event.issue?.number ?? event.number;
    return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : null;
  } catch {
    return null;
  }
}

function oneOf<T extends string>(name: string, accepted: readonly T[], fallback: T): T {
  const value = core.getInput(name);
  if (value === '') return fallback;
  if ((accepted as readonly string[]).includes(value)) return value as T;
  throw new UserError(
    `input \`${name}\` must be one of ${accepted.join(', ')}; got ${JSON.stringify(value)}`,
  );
}

function concurrency(): number {
  const value = core.getInput('concurrency');
  if (value === '') return os.availableParallelism();
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) {
    throw new UserError(
      `input \`concurrency\` must be a whole number from 1 and up; got ${JSON.stringify(value)}`,
    );
  }
  return n;
}
