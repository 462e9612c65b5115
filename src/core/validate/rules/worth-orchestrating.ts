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
      return [
        warning(
          'too-few-tasks',
          `the plan has ${tasks.length} task${tasks.length === 1 ? '' : 's'}: ${advice}`,
          ['tasks'],
          'key',
        ),
      ];
    }
    return isChain(tasks)
      ? [
          warning(
            'sequential',
            `every task waits for the one before (a chain of ${tasks.length}): ${advice}`,
            ['tasks'],
            'key',
          ),
        ]
      : [];
  },
};

/**
 * True when the tasks form one chain: a single task without deps, every other task with exactly one dep (a
 * known task other than itself), and no task with two dependents. With n - 1 such edges there is no room for a
 * cycle, so this is exactly a path through every task.
 */
function isChain(tasks: { id?: string; deps: { id: string }[] }[]): boolean {
  const ids = new Set(tasks.map((t) => t.id));
  const dependents = new Set<string>();
  let roots = 0;
  for (const task of tasks) {
    const deps = new Set(task.deps.map((d) => d.id));
    if (task.id === undefined || deps.size > 1) return false;
    if (deps.size === 0) {
      if (++roots > 1) return false;
      continue;
    }
    const [dep] = deps as Set<string> & Iterable<string>;
    if (dep === undefined || dep === task.id || !ids.has(dep) || dependents.has(dep)) return false;
    dependents.add(dep);
  }
  return roots === 1;
}
