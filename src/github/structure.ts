/**
 * The hash in a generated workflow's header: of what the workflow is made from (ids, deps, the agent CLI each
 * task needs, runners, failure policies, the time limits, the compile options), never of prompts, titles,
 * commands or inputs, which the action reads from the plan at run time. Editing a prompt changes neither the
 * hash nor the file, so `generate --check` stays green.
 */
import { createHash } from 'node:crypto';
import type { Plan } from '../core/model.js';
import { isSetupAgent } from './pins.js';
import { taskBudgetMs } from './timeout.js';

export function structureHash(plan: Plan, options: Readonly<Record<string, unknown>>): string {
  const tasks = plan.tasks.map((t) => [
    t.id,
    [...t.deps].sort(),
    isSetupAgent(t.agent) ? t.agent : '',
    t.runsOn,
    t.onFailure,
    taskBudgetMs(t),
  ]);
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ format: 1, options, tasks }));
  return `sha256:${hash.digest('hex').slice(0, 16)}`;
}
