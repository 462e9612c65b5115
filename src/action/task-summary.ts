/**
 * The job summary of mode `task`: for each task the job ran, its status line (attempts, duration, cost), its
 * error, the start of its result and, when it failed, the end of its log. The sections are final_output.md's
 * (report/task-section.ts), with the result as fenced text: plan and agent text reach the page only escaped.
 * GitHub refuses a summary over 1 MiB: results and logs are shortened step by step until the whole fits.
 */
import type { Plan } from '../core/model.js';
import { escapeInline } from '../render/markdown.js';
import { oneLine, plural, truncate } from '../render/text.js';
import { byteLength, KIB } from '../core/bytes.js';
import type { TaskReport } from '../report/collect.js';
import { FINAL_OUTPUT_MAX_BYTES } from '../report/final-output.js';
import { taskSection, TITLE_MAX, type Budget } from '../report/task-section.js';

const BUDGETS: readonly Budget[] = [
  { resultBytes: 16 * KIB, logLines: 40 },
  { resultBytes: 4 * KIB, logLines: 40 },
  { resultBytes: 1 * KIB, logLines: 20 },
  { resultBytes: 0, logLines: 10 },
  { resultBytes: 0, logLines: 0 },
];

/**
 * `ran`: the reports of the job's tasks, in the order asked for; `all`: every task's report (the deps' too, for
 * the reason a task did not run); `verdict`: one line of plain text on how the job ends.
 */
export function renderTaskSummary(
  plan: Plan,
  ran: readonly TaskReport[],
  all: ReadonlyMap<string, TaskReport>,
  verdict: string,
): string {
  const ids = ran.map((r) => escapeInline(r.id));
  const head = [
    `# ${ran.length === 1 ? `Task ${ids[0]!}` : `${plural(ran.length, 'task')}: ${truncate(ids.join(', '), TITLE_MAX)}`}`,
    `**Plan:** ${escapeInline(truncate(oneLine(plan.name), TITLE_MAX))} · ${escapeInline(truncate(oneLine(verdict), 2_000))}`,
  ].join('\n\n');
  for (const budget of BUDGETS) {
    const sections = ran.map((report) => taskSection(plan, report, all, budget, true));
    const text = `${[head, ...sections].join('\n\n')}\n`;
    if (byteLength(text) <= FINAL_OUTPUT_MAX_BYTES) return text;
  }
  // A pack of thousands of tasks: as many short sections as fit, then a count of the rest.
  const last = BUDGETS[BUDGETS.length - 1]!;
  const parts = [head];
  let size = byteLength(head) + 200;
  let shown = 0;
  for (const report of ran) {
    const section = taskSection(plan, report, all, last, true);
    size += byteLength(section) + 2;
    if (size > FINAL_OUTPUT_MAX_BYTES) break;
    parts.push(section);
    shown++;
  }
  parts.push(
    `_… and ${plural(ran.length - shown, 'more task')}: each one's files are in the job's artifact._`,
  );
  return `${parts.join('\n\n')}\n`;
}
