/** The plan as a Graphviz digraph: the view for plans too large for Mermaid. */
import type { Analysis } from '../core/analyze.js';
import type { Plan } from '../core/model.js';
import { oneLine } from './text.js';

/**
 * A DOT quoted string showing `text` literally on one line. Backslashes are doubled too, since label escapes
 * such as `\N` or `\l` would otherwise be interpreted.
 */
export function dotString(text: string): string {
  return `"${oneLine(text).replace(/["\\]/g, '\\$&')}"`;
}

export function renderDot(plan: Plan, analysis: Analysis): string {
  const { graph } = analysis;
  const lines = [`digraph ${dotString(plan.name)} {`, '  rankdir=LR;', '  node [shape=box, style=rounded];'];
  plan.tasks.forEach((task, i) => lines.push(`  t${i} [label=${dotString(`${task.id}: ${task.title}`)}];`));
  for (let u = 0; u < graph.n; u++) {
    for (let j = graph.succStart[u]!; j < graph.succStart[u + 1]!; j++)
      lines.push(`  t${u} -> t${graph.succ[j]!};`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
