/**
 * The resolved plan written back in the plan-file format (`.orchestrator/plan.json`): every setting explicit,
 * durations spelled as in a plan, so the file is itself a valid plan that loads to the same Plan.
 */
import { formatDuration } from './duration.js';
import type { Plan, Task } from './model.js';

export function toPlanDocument(plan: Plan): Record<string, unknown> {
  const doc: Record<string, unknown> = { version: plan.version, name: plan.name };
  if (plan.request !== undefined) doc.request = plan.request;
  if (Object.keys(plan.agents).length > 0) doc.agents = plan.agents;
  doc.tasks = plan.tasks.map(taskDocument);
  return doc;
}

function taskDocument(task: Task): Record<string, unknown> {
  const doc: Record<string, unknown> = { id: task.id, title: task.title };
  if (task.prompt !== undefined) doc.prompt = task.prompt;
  if (task.run !== undefined) doc.run = task.run;
  if (Object.keys(task.inputs).length > 0) doc.inputs = task.inputs;
  if (task.output !== undefined) doc.output = task.output;
  doc.deps = task.deps;
  doc.agent = task.agent;
  doc.retries = task.retries;
  doc.backoff = {
    initial: formatDuration(task.backoff.initialMs),
    factor: task.backoff.factor,
    max: formatDuration(task.backoff.maxMs),
  };
  doc.timeout = formatDuration(task.timeoutMs);
  doc['retry-on'] = task.retryOn;
  doc['on-failure'] = task.onFailure;
  if (task.estimateMs !== null) doc.estimate = formatDuration(task.estimateMs);
  if (Object.keys(task.env).length > 0) doc.env = task.env;
  doc['runs-on'] = task.runsOn.length === 1 ? task.runsOn[0] : task.runsOn;
  if (task.outputs.length > 0) doc.outputs = task.outputs;
  if (task.model !== undefined) doc.model = task.model;
  if (task.edit) doc.edit = true;
  if (task.maxTurns !== undefined) doc['max-turns'] = task.maxTurns;
  if (task.allowedTools !== undefined) doc['allowed-tools'] = task.allowedTools;
  return doc;
}
