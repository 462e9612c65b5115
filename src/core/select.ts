/**
 * A part of a plan chosen by task ids: those tasks and every task they depend on, directly or not (as `ninja
 * target` builds a target and what it needs). The result is a plan of its own, in file order, whose deps all
 * lie inside it, so everything that takes a plan (the waves, the report) works on it unchanged.
 */
import type { Plan } from './model.js';
import { UserError } from '../errors.js';

export function selectWithDeps(plan: Plan, ids: readonly string[]): Plan {
  const index = new Map(plan.tasks.map((t, i) => [t.id, i]));
  const unknown = ids.filter((id) => !index.has(id));
  if (unknown.length > 0) {
    throw new UserError(
      `the plan has no task ${unknown.map((id) => JSON.stringify(id)).join(', ')} (its tasks: ${plan.tasks
        .slice(0, 10)
        .map((t) => t.id)
        .join(', ')}${plan.tasks.length > 10 ? ', …' : ''})`,
    );
  }
  const keep = new Uint8Array(plan.tasks.length);
  const stack = ids.map((id) => index.get(id)!);
  while (stack.length > 0) {
    const i = stack.pop()!;
    if (keep[i] === 1) continue;
    keep[i] = 1;
    for (const dep of plan.tasks[i]!.deps) stack.push(index.get(dep)!);
  }
  return { ...plan, tasks: plan.tasks.filter((_, i) => keep[i] === 1) };
}
