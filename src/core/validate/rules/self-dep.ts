/** [self-dep] A task cannot wait for itself. [duplicate-dep] A dep listed twice is a slip worth a warning. */
import { error, taskName, warning, type Rule } from '../context.js';

export const selfDep: Rule = {
  ids: ['self-dep', 'duplicate-dep'],
  check({ tasks }) {
    return tasks.flatMap((task) => {
      const seen = new Set<string>();
      return task.deps.flatMap((dep) => {
        const path = [...task.path, 'deps', dep.index];
        if (dep.id === task.id) return [error('self-dep', `${taskName(task)} depends on itself`, path)];
        if (seen.has(dep.id)) {
          return [
            warning(
              'duplicate-dep',
              `${taskName(task)} lists ${JSON.stringify(dep.id)} in deps more than once`,
              path,
            ),
          ];
        }
        seen.add(dep.id);
        return [];
      });
    });
  },
};
