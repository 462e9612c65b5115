/** [unknown-dep] Every dep names a task of the plan, exactly as its id is written. */
import { error, taskName, type Rule } from '../context.js';

export const unknownDep: Rule = {
  ids: ['unknown-dep'],
  check({ tasks }) {
    const ids = new Set(tasks.flatMap((t) => (t.id === undefined ? [] : [t.id])));
    const byLower = new Map([...ids].map((id) => [id.toLowerCase(), id]));
    return tasks.flatMap((task) =>
      task.deps
        .filter((dep) => !ids.has(dep.id))
        .map((dep) =>
          error(
            'unknown-dep',
            `${taskName(task)} depends on unknown task ${JSON.stringify(dep.id)}${hint(dep.id, byLower)}`,
            [...task.path, 'deps', dep.index],
          ),
        ),
    );
  },
};

function hint(dep: string, byLower: Map<string, string>): string {
  // Only a difference of case is a safe guess: "T-04" for a missing "T-05" would send the user the wrong way.
  const sameLetters = byLower.get(dep.toLowerCase());
  return sameLetters !== undefined
    ? ` (did you mean ${JSON.stringify(sameLetters)}? deps name ids exactly as written)`
    : '';
}
