/**
 * `.orchestrator/final_output.md`, the seed's Phase 4 "Aggregate": the request, how the run went (an overall line,
 * a table, the graph coloured by status, a timeline), then each task's result in dependency order. Built from the
 * task reports alone and deterministic: the same files give the same bytes, whenever and wherever it runs.
 *
 * It is also the GitHub job summary, which GitHub refuses past 1 MiB: when the whole would not fit, the results
 * and logs shown inline are shortened step by step (each step said at the top), down to the table alone.
 *
 * The pull request comment (mode `aggregate` with `comment: true`) is the same report without any log
 * (`logs: false`): statuses, errors and results only, each log named by where it is in the run's artifacts.
 */
import type { Analysis } from '../core/analyze.js';
import { humanDuration } from '../core/duration.js';
import type { Plan } from '../core/model.js';
import { blockquote, escapeInline, fence, table } from '../render/markdown.js';
import { mermaidSection } from '../render/mermaid.js';
import type { TaskStatus } from '../render/status.js';
import { oneLine, plural, trimBlock, truncate } from '../render/text.js';
import { byteLength, cutText, humanBytes, KIB } from '../core/bytes.js';
import type { TaskReport } from './collect.js';
import { timelineSection } from './gantt.js';
import { leavesElementOpen } from './result-markdown.js';
import { formatCost, reportLabel, reportMark, summarize, summaryParts } from './summary.js';
import { taskSection, TITLE_MAX, type Budget } from './task-section.js';

export interface FinalOutputOptions {
  /** The document's `#` heading; default "Final Output". */
  title?: string;
  /**
   * Show the request and the results as fenced text rather than markdown: for the GitHub job summary, where
   * HTML that a plan or an agent wrote must stay literal text.
   */
  plainText?: boolean;
  /** The size to fit in, in bytes; default FINAL_OUTPUT_MAX_BYTES (a pull request comment takes less). */
  maxBytes?: number;
  /** What that size is, for the note of a shortened report; default "GitHub's 1 MiB limit for a job summary". */
  limitName?: string;
  /**
   * Show the end of each failed task's log; default true. A pull request comment shows none (`false`): a log is
   * whatever the task's processes printed, and a comment is public and notifies; the comment says where each log
   * is, and the run's artifacts have them (redacted when staged, runner/redact.ts).
   */
  logs?: boolean;
}

/** Under GitHub's 1 MiB limit for a job summary, with room for what a workflow may append to it. */
export const FINAL_OUTPUT_MAX_BYTES = 900 * KIB;
const REQUEST_MAX_BYTES = 16 * KIB;

type Detail = 'all' | 'problems' | 'none';
interface Step extends Budget {
  /** Which tasks get a section: all, those that did not end done, or none (the table alone). */
  detail: Detail;
}

/** From the full report down to the table alone; the first step that fits is used. */
const STEPS: readonly Step[] = [
  { resultBytes: 64 * KIB, logLines: 40, detail: 'all' },
  { resultBytes: 32 * KIB, logLines: 40, detail: 'all' },
  { resultBytes: 16 * KIB, logLines: 40, detail: 'all' },
  { resultBytes: 8 * KIB, logLines: 20, detail: 'all' },
  { resultBytes: 4 * KIB, logLines: 20, detail: 'all' },
  { resultBytes: 2 * KIB, logLines: 10, detail: 'all' },
  { resultBytes: 1 * KIB, logLines: 10, detail: 'all' },
  { resultBytes: 0, logLines: 5, detail: 'all' },
  { resultBytes: 0, logLines: 0, detail: 'problems' },
  { resultBytes: 0, logLines: 0, detail: 'none' },
];

export function renderFinalOutput(
  plan: Plan,
  analysis: Analysis,
  reports: readonly TaskReport[],
  options: FinalOutputOptions = {},
): string {
  const limit = options.maxBytes ?? FINAL_OUTPUT_MAX_BYTES;
  const all = oneReportPerTask(plan, reports);
  const complete = new Map(all.map((r) => [r.id, r]));
  const head = headParts(plan, analysis, all, options);
  const rows = tableRows(plan, all);
  const graph = [
    '## Graph',
    graphSection(plan, analysis, all),
    '## Timeline',
    timelineSection(plan, analysis, all),
  ];

  // A step's sections stop as soon as they pass the budget: for thousands of tasks, building the whole text of
  // every step that cannot fit would cost more time and memory than the report itself.
  const fixed = byteLength([...head, taskTable(rows, rows.length), ...graph].join('\n\n'));
  const logs = options.logs ?? true;
  const render = (given: Step, rowCount: number, budget = Infinity): string | null => {
    const step = logs ? given : { ...given, logLines: 0 };
    const sections: string[] = [];
    let size = fixed;
    if (step.detail !== 'none') {
      for (const i of analysis.order) {
        const report = all[i]!;
        if (step.detail === 'problems' && report.status === 'done') continue;
        const section = taskSection(plan, report, complete, step, options.plainText === true);
        size += byteLength(section) + 2;
        if (size > budget) return null;
        sections.push(section);
      }
    }
    const parts = [
      ...head,
      ...shortened(
        given,
        logs,
        rowCount,
        rows.length,
        options.limitName ?? "GitHub's 1 MiB limit for a job summary",
      ),
      taskTable(rows, rowCount),
      ...graph,
      ...sections,
    ];
    return `${parts.join('\n\n')}\n`;
  };
  const fits = (text: string | null): text is string => text !== null && byteLength(text) <= limit;
  for (const step of STEPS) {
    const text = render(step, rows.length, limit);
    if (fits(text)) return text;
  }
  // Thousands of tasks: even the table does not fit. Keep as many rows as do (the largest count that fits).
  const last = STEPS[STEPS.length - 1]!;
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(render(last, mid))) low = mid;
    else high = mid - 1;
  }
  return render(last, low)!;
}

/** One report per task, in plan order; a task the caller has no report for did not run. */
function oneReportPerTask(plan: Plan, reports: readonly TaskReport[]): TaskReport[] {
  const byId = new Map(reports.map((r) => [r.id, r]));
  return plan.tasks.map((task, index): TaskReport => {
    const report = byId.get(task.id);
    if (report !== undefined) return { ...report, index };
    return {
      id: task.id,
      index,
      onFailure: task.onFailure,
      status: 'not-run',
      file: null,
      notes: ['no report for this task'],
      result: null,
      log: null,
      files: [],
      moreFiles: 0,
    };
  });
}

function headParts(
  plan: Plan,
  analysis: Analysis,
  reports: readonly TaskReport[],
  options: FinalOutputOptions,
): string[] {
  const summary = summarize(reports);
  const { head, details } = summaryParts(summary);
  const parts = [
    `# ${escapeInline(truncate(oneLine(options.title ?? 'Final Output'), TITLE_MAX)) || 'Final Output'}`,
    `**Plan:** ${escapeInline(truncate(oneLine(plan.name), TITLE_MAX))} · ${plural(plan.tasks.length, 'task')} · ${plural(analysis.batches.length, 'batch', 'batches')}`,
    '## Request',
    requestSection(plan.request, options.plainText === true),
    '## Summary',
    [`**${head}**`, ...details].join(' · '),
  ];
  if (summary.startedAt !== null || summary.endedAt !== null) {
    const times = [];
    if (summary.startedAt !== null) times.push(`**Started:** ${summary.startedAt}`);
    if (summary.endedAt !== null) times.push(`**Ended:** ${summary.endedAt}`);
    parts.push(times.join(' · '));
  }
  const notRun = reports.filter((r) => r.status === 'not-run').map((r) => escapeInline(r.id));
  if (notRun.length > 0) {
    const listed =
      notRun.length > 50
        ? `${notRun.slice(0, 50).join(', ')} and ${notRun.length - 50} more`
        : notRun.join(', ');
    parts.push(`**Not run:** ${listed}`);
  }
  return parts;
}

function requestSection(request: string | undefined, plainText: boolean): string {
  if (request === undefined || request.trim() === '') return '_(none given)_';
  const shown = cutText(request, REQUEST_MAX_BYTES);
  // Quoted as markdown, like the master plan's, unless it would leave an element open past the quote.
  const quote = blockquote(plainText || leavesElementOpen(shown) ? fence(trimBlock(shown), 'text') : shown);
  if (shown.length === request.length) return quote;
  return `${quote}\n\n_The request is cut here (${humanBytes(byteLength(request))} in all); \`plan.json\` has it whole._`;
}

/** Says what was left out to fit, when anything was. */
function shortened(
  step: Step,
  logs: boolean,
  rowCount: number,
  totalRows: number,
  limitName: string,
): string[] {
  if (step === STEPS[0]) return [];
  const what: string[] = [];
  if (step.detail === 'all') {
    what.push(
      step.resultBytes > 0
        ? `each result shows at most ${humanBytes(step.resultBytes)}`
        : 'results are not shown',
    );
    if (logs) what.push(`each log at most ${plural(step.logLines, 'line')}`);
  } else if (step.detail === 'problems') {
    what.push('only the tasks that did not end done have a section, without results or logs');
  } else {
    what.push('no task has a section');
  }
  if (rowCount < totalRows) what.push(`the table lists ${rowCount} of ${totalRows} tasks`);
  return [
    `> [!NOTE]\n> This report is shortened to stay under ${limitName}: ${what.join('; ')}. Every task's files are in \`outputs/<id>/\`.`,
  ];
}

function tableRows(plan: Plan, reports: readonly TaskReport[]): string[][] {
  return reports.map((report) => {
    const task = plan.tasks[report.index]!;
    const file = report.file;
    return [
      task.id,
      truncate(oneLine(task.title), TITLE_MAX),
      `${reportMark(report.status)} ${reportLabel(report.status)}`,
      file === null ? '—' : String(file.attempts),
      file === null || file.duration_ms === null ? '—' : humanDuration(file.duration_ms),
      file === null || file.cost_usd === null ? '—' : formatCost(file.cost_usd),
      file !== null && file.agent !== '' ? file.agent : task.agent,
    ];
  });
}

function taskTable(rows: readonly string[][], count: number): string {
  const headers = ['ID', 'Task', 'Status', 'Attempts', 'Duration', 'Cost', 'Agent'];
  const shown = table(headers, rows.slice(0, count));
  return count < rows.length ? `${shown}\n\n_… and ${rows.length - count} more tasks._` : shown;
}

/** The plan's graph coloured by how each task ended; a task that did not run is drawn as one that never started. */
function graphSection(plan: Plan, analysis: Analysis, reports: readonly TaskReport[]): string {
  return mermaidSection(
    plan,
    analysis,
    reports.map((r): TaskStatus => (r.status === 'not-run' ? 'pending' : r.status)),
  );
}
