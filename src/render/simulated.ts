/**
 * The seed's "simulated mode": the batches as they would run, for the terminal; nothing is run. Plan text is
 * made one line and stripped of control characters (oneLine), so a title cannot send escape sequences to
 * the terminal; it is not markdown-escaped, since a terminal shows it as it is.
 */
import type { Analysis } from '../core/analyze.js';
import { humanDuration } from '../core/duration.js';
import type { Plan, Task } from '../core/model.js';
import { agentLabel } from './agent-task.js';
import { batchTitle } from './batches.js';
import { initialStatuses, statusLabel, statusMark } from './status.js';
import { oneLine, plural, truncate } from './text.js';

const STEP_MAX = 70;
/** A longer critical path is shown as its first and last tasks around an ellipsis. */
const PATH_MAX = 6;

export function renderSimulated(plan: Plan, analysis: Analysis): string {
  const statuses = initialStatuses(plan);
  const total = plan.tasks.length;
  const blocks = analysis.batches.map((batch, k) => {
    const lines = [`═══ ${batchTitle(k)} ═══`];
    for (const i of batch) {
      const task = plan.tasks[i]!;
      const status = statuses[i]!;
      lines.push(
        `🤖 ${agentLabel(analysis.agentNumber[i]!, total)} [${oneLine(`${task.id}: ${task.title}`)}]`,
        `   ⚙️ ${step(task)}`,
        `   ${statusMark(status)} ${statusLabel(status)}`,
      );
    }
    return lines.join('\n');
  });
  blocks.push(summary(plan, analysis));
  return `${blocks.join('\n\n')}\n`;
}

/** What the agent would do: `claude: <first line of the prompt>`, `bash: <first line of the command>`. */
function step(task: Task): string {
  const shell = task.agent === 'shell';
  const lines = (shell ? (task.run ?? '') : (task.prompt ?? task.title))
    .split(/\r\n?|\n/)
    .map(oneLine)
    .filter((line) => line !== '');
  const first = lines[0] ?? (shell ? '(no command)' : '(no prompt)');
  const text = lines.length > 1 ? `${first} …` : first;
  // A custom agent is named by the plan, so its name is plan text too.
  return `${shell ? 'bash' : oneLine(task.agent)}: ${truncate(text, STEP_MAX)}`;
}

function summary(plan: Plan, analysis: Analysis): string {
  const parts = [
    `${plural(plan.tasks.length, 'task')} in ${plural(analysis.batches.length, 'batch', 'batches')}`,
  ];
  const { nodes, totalMs } = analysis.criticalPath;
  if (nodes.length > 0) {
    const ids = nodes.map((i) => plan.tasks[i]!.id);
    const long = ids.length > PATH_MAX;
    const shown = long ? [...ids.slice(0, PATH_MAX - 2), '…', ids.at(-1)!] : ids;
    const detail = long ? `${ids.length} tasks, ${humanDuration(totalMs)}` : humanDuration(totalMs);
    parts.push(`critical path ${shown.join(' → ')} (${detail})`);
  }
  parts.push('simulated: nothing was run');
  return parts.join(' · ');
}
