/**
 * One task's part of final_output.md: a heading, its status line, then what it produced (its result), or why it
 * failed (the error and the end of its log), was skipped, cancelled, or never ran.
 */
import { humanDuration } from '../core/duration.js';
import type { Plan } from '../core/model.js';
import { escapeInline, fence, inlineCode } from '../render/markdown.js';
import { oneLine, plural, trimBlock, truncate } from '../render/text.js';
import { byteLength, cutText, humanBytes } from '../core/bytes.js';
import type { TaskReport } from './collect.js';
import { resultMarkdown } from './result-markdown.js';
import { formatCost, reportLabel, reportMark } from './summary.js';

/** How much of each task's output the report shows inline; final-output.ts lowers it to fit GitHub's limit. */
export interface Budget {
  /** Bytes of result.md shown per task; 0 shows only where the file is. */
  resultBytes: number;
  /** Lines of log.txt shown per failed task; 0 shows only where the file is. */
  logLines: number;
}

export const TITLE_MAX = 200;
const ERROR_MAX = 2_000;
const FILES_SHOWN = 20;

/** `## T-01: Title`, as the table and the graph name the task. */
export function taskHeading(plan: Plan, index: number): string {
  const task = plan.tasks[index]!;
  return `## ${escapeInline(task.id)}: ${escapeInline(truncate(oneLine(task.title), TITLE_MAX))}`;
}

export function taskSection(
  plan: Plan,
  report: TaskReport,
  byId: ReadonlyMap<string, TaskReport>,
  budget: Budget,
  /** The result as fenced text, not markdown (see FinalOutputOptions.plainText). */
  plainText = false,
): string {
  const task = plan.tasks[report.index]!;
  const where = (file: string): string => inlineCode(`outputs/${task.id}/${file}`);
  const parts = [taskHeading(plan, report.index), statusLine(report, task.agent)];
  const file = report.file;
  const error = file?.error ?? null;

  if (report.status === 'failed')
    parts.push(`**Error:** ${error === null ? '_none recorded_' : inline(error)}`);
  if (report.status === 'skipped' || report.status === 'cancelled') {
    parts.push(`**Reason:** ${error === null ? '_none recorded_' : inline(error)}`);
  }
  let notes = report.notes;
  if (report.status === 'not-run') {
    parts.push(`**Why:** ${inline(notes[0] ?? 'it left no status.json')}${blockedBy(task.deps, byId)}`);
    notes = notes.slice(1);
  }
  if (file?.missing_deps !== undefined && file.missing_deps.length > 0) {
    const ids = file.missing_deps.map(escapeInline).join(', ');
    parts.push(`_Ran without the results of ${ids}, which failed (on-failure: continue)._`);
  }

  if (report.result !== null) parts.push(resultPart(report, budget, where('result.md'), plainText));
  else if (report.status === 'done') parts.push('_No result.md._');

  if (report.log !== null) {
    const lines = budget.logLines === 0 ? [] : report.log.lines.slice(-budget.logLines);
    if (lines.length === 0) {
      parts.push(
        report.log.lines.length === 0
          ? `_${where('log.txt')} is empty._`
          : `_The log is in ${where('log.txt')}._`,
      );
    } else {
      const partial = report.log.truncated || lines.length < report.log.lines.length;
      const what = partial
        ? `the last ${plural(lines.length, 'line')} of ${where('log.txt')}`
        : where('log.txt');
      parts.push(`**Log**, ${what}:`, fence(lines.join('\n'), 'text'));
    }
  }

  if (report.files.length > 0) parts.push(filesLine(report, where('')));
  if (notes.length > 0) parts.push(notes.map((note) => `- ⚠️ ${inline(note)}`).join('\n'));
  return parts.join('\n\n');
}

function inline(text: string): string {
  return escapeInline(truncate(oneLine(text), ERROR_MAX));
}

/** `❌ Failed · 4 attempts · 2m 3s · exit code 1 · $0.05 · 1,200 tokens in, 300 out · agent claude` */
function statusLine(report: TaskReport, planAgent: string): string {
  const file = report.file;
  const parts = [`${reportMark(report.status)} ${reportLabel(report.status)}`];
  let agent = planAgent;
  if (file !== null) {
    // "0 attempts" says nothing for a task skipped before it started.
    if (file.attempts > 0 || report.status === 'done' || report.status === 'failed') {
      parts.push(plural(file.attempts, 'attempt'));
    }
    if (file.duration_ms !== null) parts.push(humanDuration(file.duration_ms));
    if (report.status === 'failed' && file.exit_code !== null) parts.push(`exit code ${file.exit_code}`);
    if (file.cost_usd !== null) parts.push(formatCost(file.cost_usd));
    if (file.tokens !== null) {
      const count = (n: number): string => n.toLocaleString('en-US');
      parts.push(`${count(file.tokens.input)} tokens in, ${count(file.tokens.output)} out`);
    }
    if (file.agent !== '') agent = file.agent;
  }
  parts.push(`agent ${escapeInline(truncate(oneLine(agent), 60))}`);
  return parts.join(' · ');
}

/** For a task that never ran: its deps that did not let it, as the likely reason. */
function blockedBy(deps: readonly string[], byId: ReadonlyMap<string, TaskReport>): string {
  const blockers = deps.filter((dep) => {
    const r = byId.get(dep);
    return r !== undefined && r.status !== 'done' && !(r.status === 'failed' && r.onFailure === 'continue');
  });
  if (blockers.length === 0) return '.';
  const list = blockers.map(
    (dep) => `${escapeInline(dep)} (${reportLabel(byId.get(dep)!.status).toLowerCase()})`,
  );
  return `; ${blockers.length === 1 ? 'its dependency' : 'its dependencies'} ${list.join(', ')} did not succeed.`;
}

function resultPart(report: TaskReport, budget: Budget, where: string, plainText: boolean): string {
  const result = report.result!;
  if (trimBlock(result.text) === '' && !result.truncated) return `_${where} is empty._`;
  if (budget.resultBytes === 0) return `_The result (${humanBytes(result.bytes)}) is in ${where}._`;
  const shown = cutText(result.text, budget.resultBytes);
  const body = plainText ? fence(trimBlock(shown), 'text') : resultMarkdown(shown);
  if (shown.length === result.text.length && !result.truncated) return body;
  return `${body}\n\n_Cut here: this shows ${humanBytes(byteLength(shown))} of ${humanBytes(result.bytes)}; the whole result is in ${where}._`;
}

function filesLine(report: TaskReport, where: string): string {
  const shown = report.files.slice(0, FILES_SHOWN);
  const more = report.files.length - shown.length + report.moreFiles;
  const names = shown.map((name) => inlineCode(oneLine(name) || JSON.stringify(name)));
  return `**Files** in ${where}: ${names.join(', ')}${more > 0 ? ` and ${more} more` : ''}.`;
}
