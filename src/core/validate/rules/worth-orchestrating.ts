/**
 * [too-few-tasks] [sequential] The seed's "quick decision": fewer than 3 tasks, or a plan where every task waits
 * for the one before, gains nothing from orchestration.
 */
import { warning, type Rule } from '../context.js';

export const worthOrchestrating: Rule = {
  ids: ['too-few-tasks', 'sequential'],
  check({ tasks }) {
    const advice = 'orchestration adds nothing here; run it directly';
    if (tasks.length === 0) return [];
    if (tasks.length < 3) {
      return [warning('too-few-tasks', `the plan has ${tasks.length} task${tasks.length === 1 ? '' : 's'}: ${advice}`, ['tasks'], 'key')];
    }
    return isChain(tasks) ? [warning('sequential', `every task waits for the one before (a chain of ${tasks.length}): ${advice}`, ['tasks'], 'key')] : [];
  },
};

/** True when the tasks form one chain: one start, and no task with two dependents or two deps. */
function isChain(tasks: { id?: string; deps: { id: string }[] }[]): boolean {
  const dependents = new Map<string, number>();
  let roots = 0;
  for (const task of tasks) {
    const deps = new Set(task.deps.map((d) => d.id));
    if (deps.size === 0) roots++;
    if (deps.size > 1 || roots > 1) return false;
    for (const d of deps) {
      const n = (dependents.get(d) ?? 0) + 1;
      if (n > 1) return false;
      dependents.set(d, n);
    }
  }
  return roots === 1;
}
