/**
 * `.orchestrator/master_plan.md`: the seed's `# Task Plan` (Request, Tasks table, status legend), plus the
 * graph, the batches and the critical path. Re-rendered on every status change, so it must stay cheap.
 */
import type { Analysis } from '../core/analyze.js';
import { humanDuration } from '../core/duration.js';
import { transitiveReduction } from '../core/graph.js';
import { UNKNOWN_ESTIMATE_MS, type Plan } from '../core/model.js';
import { batchTitle } from './batches.js';
import { blockquote, escapeInline, table } from './markdown.js';
import { mermaidFlowchart } from './mermaid.js';
import { initialStatuses, STATUS_LEGEND, statusMark, type TaskStatus } from './status.js';
import { plural } from './text.js';

/** Above this many tasks the Mermaid graph is left out: unreadable, and slow to reduce on every update. */
export const MERMAID_MAX_TASKS = 200;
// Mermaid's own defaults (maxEdges, maxTextSize), past which GitHub shows an error instead of the graph.
const MERMAID_MAX_EDGES = 500;
const MERMAID_MAX_TEXT = 50_000;

export function renderMasterPlan(plan: Plan, analysis: Analysis, statuses?: readonly TaskStatus[]): string {
  const status = statuses ?? initialStatuses(plan);
  const rows = plan.tasks.map((task, i) => [
    task.id,
    task.title,
    task.deps.length === 0 ? 'None' : task.deps.join(', '),
    statusMark(status[i] ?? 'pending'),
    task.agent,
    String(analysis.level[i]! + 1),
  ]);
  const sections = [
    '# Task Plan',
    `**Plan:** ${escapeInline(plan.name)} · ${plural(plan.tasks.length, 'task')} · ${plural(analysis.batches.length, 'batch', 'batches')}`,
    '## Request',
    plan.request === undefined || plan.request.trim() === '' ? '_(none given)_' : blockquote(plan.request),
    '## Tasks',
    table(['ID', 'Task', 'Deps', 'Status', 'Agent', 'Batch'], rows),
    `**Status:** ${STATUS_LEGEND}`,
    '## Graph',
    graphSection(plan, analysis, status),
    '## Batches',
    batchesSection(plan, analysis),
    '## Critical path',
    criticalPathSection(plan, analysis),
  ];
  return `${sections.join('\n\n')}\n`;
}

function graphSection(plan: Plan, analysis: Analysis, statuses: readonly TaskStatus[]): string {
  if (plan.tasks.length === 0) return '_No tasks._';
  const omitted = (why: string): string =>
    `_The graph is omitted: ${why}. \`orchestrator graph --format dot\` draws it with Graphviz._`;
  if (plan.tasks.length > MERMAID_MAX_TASKS) {
    return omitted(`the plan has ${plan.tasks.length} tasks, more than ${MERMAID_MAX_TASKS}`);
  }
  const reduced = transitiveReduction(analysis.graph, analysis.order);
  if (reduced.succ.length > MERMAID_MAX_EDGES) {
    return omitted(`it has ${reduced.succ.length} edges, more than Mermaid draws (${MERMAID_MAX_EDGES})`);
  }
  const chart = mermaidFlowchart(plan, reduced, statuses);
  if (chart.length > MERMAID_MAX_TEXT) return omitted('its labels are too long for Mermaid');
  // Labels are entity-encoded (no backtick survives), so a plain fence cannot be closed from inside.
  return `\`\`\`mermaid\n${chart}\n\`\`\``;
}

function batchesSection(plan: Plan, analysis: Analysis): string {
  if (analysis.batches.length === 0) return '_No tasks._';
  return analysis.batches
    .map(
      (batch, k) => `- **${batchTitle(k)}:** ${batch.map((i) => escapeInline(plan.tasks[i]!.id)).join(', ')}`,
    )
    .join('\n');
}

function criticalPathSection(plan: Plan, analysis: Analysis): string {
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
