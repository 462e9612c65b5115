/**
 * `.orchestrator/master_plan.md`: the seed's `# Task Plan` (Request, Tasks table, status legend), plus the
 * graph, the batches and the critical path. Re-rendered on every status change, so it must stay cheap. It is the
 * local file (and reads back as a plan, core/load/seed-markdown.ts); what GitHub shows a reviewer is
 * posted-plan.ts, which adds everything that will run and quotes the request as text.
 */
import type { Analysis } from '../core/analyze.js';
import { humanDuration } from '../core/duration.js';
import { UNKNOWN_ESTIMATE_MS, type Plan } from '../core/model.js';
import { batchTitle } from './batches.js';
import { blockquote, escapeInline, table } from './markdown.js';
import { mermaidSection } from './mermaid.js';
import { initialStatuses, STATUS_LEGEND, statusMark, type TaskStatus } from './status.js';
import { plural } from './text.js';

export function renderMasterPlan(plan: Plan, analysis: Analysis, statuses?: readonly TaskStatus[]): string {
  const status = statuses ?? initialStatuses(plan);
  const sections = [
    '# Task Plan',
    `**Plan:** ${escapeInline(plan.name)} · ${plural(plan.tasks.length, 'task')} · ${plural(analysis.batches.length, 'batch', 'batches')}`,
    '## Request',
    plan.request === undefined || plan.request.trim() === '' ? '_(none given)_' : blockquote(plan.request),
    '## Tasks',
    tasksTable(plan, analysis, status),
    `**Status:** ${STATUS_LEGEND}`,
    '## Graph',
    mermaidSection(plan, analysis, status),
    '## Batches',
    batchesSection(plan, analysis),
    '## Critical path',
    criticalPathSection(plan, analysis),
  ];
  return `${sections.join('\n\n')}\n`;
}

/** The seed's Tasks table: ID, Task, Deps, Status, Agent, Batch. */
export function tasksTable(plan: Plan, analysis: Analysis, status: readonly TaskStatus[]): string {
  const rows = plan.tasks.map((task, i) => [
    task.id,
    task.title,
    task.deps.length === 0 ? 'None' : task.deps.join(', '),
    statusMark(status[i] ?? 'pending'),
    task.agent,
    String(analysis.level[i]! + 1),
  ]);
  return table(['ID', 'Task', 'Deps', 'Status', 'Agent', 'Batch'], rows);
}

export function batchesSection(plan: Plan, analysis: Analysis): string {
  if (analysis.batches.length === 0) return '_No tasks._';
  return analysis.batches
    .map(
      (batch, k) => `- **${batchTitle(k)}:** ${batch.map((i) => escapeInline(plan.tasks[i]!.id)).join(', ')}`,
    )
    .join('\n');
}

export function criticalPathSection(plan: Plan, analysis: Analysis): string {
  const { nodes, totalMs } = analysis.criticalPath;
  if (nodes.length === 0) return '_No tasks._';
  const path = nodes.map((i) => escapeInline(plan.tasks[i]!.id)).join(' → ');
  const unknown = nodes.filter((i) => plan.tasks[i]!.estimateMs === null).length;
  const assumed = humanDuration(UNKNOWN_ESTIMATE_MS);
  let note = '';
  if (unknown === nodes.length) {
    note = ` (no task on it has an estimate: each counts as ${assumed})`;
  } else if (unknown === 1) {
    note = ` (1 of ${nodes.length} tasks on it has no estimate: it counts as ${assumed})`;
  } else if (unknown > 1) {
    note = ` (${unknown} of ${nodes.length} tasks on it have no estimate: each counts as ${assumed})`;
  }
  return `${path}\n\n**Estimate:** ${humanDuration(totalMs)}${note}`;
}
