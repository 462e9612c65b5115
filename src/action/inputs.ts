/**
 * Every input of the action (action.yml), read and checked here and nowhere else. An error names the input, the
 * value given and what is accepted. Defaults are applied here too: GitHub fills in action.yml's defaults, but a
 * test (or another runner) that sets only some `INPUT_*` variables must get the same settings.
 */
import * as core from '@actions/core';
import os from 'node:os';
import { UserError } from '../errors.js';
import { parseTaskIds } from '../runner/task-job.js';
import { DEFAULT_DIR, layout } from '../workspace/layout.js';

export const MODES = ['plan', 'task', 'aggregate'] as const;
export type Mode = (typeof MODES)[number];

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
}

export function readInputs(): ActionSettings {
  const mode = oneOf('mode', MODES, 'plan');
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
  if (plan === '') {
    if (mode !== 'aggregate') {
      throw new UserError(`input \`plan\` is required in mode ${mode}: the path of the plan file`);
    }
    plan = layout(dir).planJson;
  }
  return { mode, plan, tasks, dir, concurrency: concurrency() };
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
