/** [duplicate-id] Ids are unique case-insensitively: they become GitHub job ids, which ignore case. */
import { error, type Rule } from '../context.js';

export const duplicateId: Rule = {
  ids: ['duplicate-id'],
  check({ tasks }) {
    const first = new Map<string, { id: string; index: number }>();
    return tasks.flatMap((task) => {
      if (task.id === undefined) return [];
      const key = task.id.toLowerCase();
      const seen = first.get(key);
      if (seen === undefined) {
        first.set(key, { id: task.id, index: task.index });
        return [];
      }
      const same = seen.id === task.id ? 'is already' : `clashes with ${JSON.stringify(seen.id)},`;
      return [
        error(
          'duplicate-id',
          `task id ${JSON.stringify(task.id)} ${same} used by tasks[${seen.index}]; ids must be unique, case-insensitively (as GitHub job ids)`,
          [...task.path, 'id'],
        ),
      ];
    });
  },
};
