/**
 * The plan as a Mermaid flowchart, for the master plan and GitHub comments. Node ids are derived from task
 * indexes (`t0`, `t1`, ...), never from task text, so no id can clash with Mermaid's keywords.
 */
import type { Analysis } from '../core/analyze.js';
import { transitiveReduction, type Graph } from '../core/graph.js';
import type { Plan, Task } from '../core/model.js';
import { TASK_STATUSES, type TaskStatus } from './status.js';
import { oneLine, truncate } from './text.js';

export interface MermaidOptions {
  /** Each task's status (by task index): colours the nodes. */
  statuses?: readonly TaskStatus[];
  /**
   * Draw only the edges of the transitive reduction (same reachability, far fewer arrows). It costs
   * O(n² / 8) bytes: meant for graphs of up to a few thousand tasks.
   */
  reduce?: boolean;
}

const LABEL_MAX = 60;

// Light fills with dark text, readable in GitHub's light and dark themes alike.
const CLASS_STYLES: Record<TaskStatus, string> = {
  pending: 'fill:#f6f8fa,stroke:#8c959f,color:#1f2328',
  waiting: 'fill:#f6f8fa,stroke:#8c959f,color:#1f2328',
  running: 'fill:#ddf4ff,stroke:#0969da,color:#1f2328',
  done: 'fill:#dafbe1,stroke:#1a7f37,color:#1f2328',
  failed: 'fill:#ffebe9,stroke:#cf222e,color:#1f2328',
  skipped: 'fill:#eaeef2,stroke:#8c959f,color:#57606a',
  cancelled: 'fill:#eaeef2,stroke:#8c959f,color:#57606a',
};

// Mermaid's entity codes; `#` first of all, since every code starts with one. The backtick would otherwise
// turn a label into a Mermaid "markdown string".
const MERMAID_ENTITIES: Record<string, string> = {
  '#': '#35;',
  '"': '#quot;',
  '<': '#lt;',
  '>': '#gt;',
  '&': '#amp;',
  '`': '#96;',
};

/** Text for inside a quoted Mermaid label: one line, shown literally. */
export function escapeMermaid(text: string): string {
  return oneLine(text).replace(/[#"<>&`]/g, (c) => MERMAID_ENTITIES[c]!);
}

function nodeLabel(task: Task): string {
  return escapeMermaid(truncate(oneLine(`${task.id}: ${task.title}`), LABEL_MAX));
}

export function renderMermaid(plan: Plan, analysis: Analysis, options: MermaidOptions = {}): string {
  const graph =
    options.reduce === true ? transitiveReduction(analysis.graph, analysis.order) : analysis.graph;
  return mermaidFlowchart(plan, graph, options.statuses);
}

/** The flowchart of `graph` (the plan's graph or a reduction of it), without a trailing newline. */
export function mermaidFlowchart(plan: Plan, graph: Graph, statuses?: readonly TaskStatus[]): string {
  const lines = ['flowchart TD'];
  plan.tasks.forEach((task, i) => lines.push(`  t${i}["${nodeLabel(task)}"]`));
  for (let v = 0; v < graph.n; v++) {
    for (let j = graph.predStart[v]!; j < graph.predStart[v + 1]!; j++)
      lines.push(`  t${graph.pred[j]!} --> t${v}`);
  }
  if (statuses !== undefined) {
    for (const status of TASK_STATUSES) {
      const nodes: string[] = [];
      for (let i = 0; i < plan.tasks.length; i++) if (statuses[i] === status) nodes.push(`t${i}`);
      if (nodes.length === 0) continue;
      lines.push(`  classDef ${status} ${CLASS_STYLES[status]};`, `  class ${nodes.join(',')} ${status};`);
    }
  }
  return lines.join('\n');
}

/** Above this many tasks the Mermaid graph is left out: unreadable, and slow to reduce on every update. */
export const MERMAID_MAX_TASKS = 200;
// Mermaid's own defaults (maxEdges, maxTextSize), past which GitHub shows an error instead of the graph.
const MERMAID_MAX_EDGES = 500;
const MERMAID_MAX_TEXT = 50_000;

/**
 * The plan's graph as a ```mermaid block (transitive reduction, coloured by status), or a line saying why it is
 * left out: too many tasks or edges for Mermaid, which GitHub would show as an error.
 */
export function mermaidSection(plan: Plan, analysis: Analysis, statuses: readonly TaskStatus[]): string {
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
