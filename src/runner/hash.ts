/**
 * The identity of a task's work, for `run --resume`: its definition and what its deps produced. A task is done
 * for good only while both are unchanged.
 */
import { createHash } from 'node:crypto';
import type { Plan, Task } from '../core/model.js';

/** Hashes the task's definition (the resolved fields, the custom agent it uses) and its deps' results. */
export function taskHash(
  plan: Plan,
  task: Task,
  depResultHashes: readonly (readonly [id: string, hash: string])[],
): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(task));
  const custom = plan.agents[task.agent];
  if (custom !== undefined) hash.update(JSON.stringify(custom));
  for (const [id, result] of depResultHashes) hash.update(`\u0000${id}\u0000${result}`);
  return hash.digest('hex').slice(0, 32);
}

export function contentHash(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex').slice(0, 32);
}
