/**
 * The run as it happened, as a Mermaid gantt chart: one bar per task that started, from the times in its
 * status.json, grouped in a section per batch. Bar ids are derived from task indexes (`t0`, `t1`, ...), as in
 * the flowchart, so no task text reaches the chart's syntax except through escapeGantt.
 */
import type { Analysis } from '../core/analyze.js';
import type { Plan } from '../core/model.js';
import { batchTitle } from '../render/batches.js';
import { oneLine, truncate } from '../render/text.js';
import type { TaskReport } from './collect.js';
import { reportMark } from './summary.js';

/** Above this many bars the chart is left out: unreadable, and past what GitHub renders quickly. */
export const GANTT_MAX_BARS = 200;
// Mermaid's default maxTextSize: past it GitHub shows an error instead of the chart.
const MERMAID_MAX_TEXT = 50_000;
const LABEL_MAX = 60;

// Mermaid's entity codes (decoded after parsing, in every diagram type). In a gantt chart a task's text ends at
// `:`, `#` or `;`, a `%%` starts a comment, and a line that starts with a keyword (`section`, `click`...) is
// that statement; the rest are encoded as in flowchart labels, so the text shows literally. One pass over the
// raw text: the codes' own `#` and `;` are never encoded again.
const GANTT_ENTITIES: Record<string, string> = {
  '#': '#35;',
  ':': '#58;',
  ';': '#59;',
  '%': '#37;',
  '"': '#quot;',
  '<': '#lt;',
  '>': '#gt;',
  '&': '#amp;',
  '`': '#96;',
};

/** Text for a gantt task or section name: one line, shown literally. */
export function escapeGantt(text: string): string {
  return oneLine(text).replace(/[#:;%"<>&`]/g, (c) => GANTT_ENTITIES[c]!);
}

interface Bar {
  index: number;
  status: TaskReport['status'];
  start: number;
  end: number;
}

/** When a task ran, from its status.json; null for a task that never started. */
function barOf(report: TaskReport): Bar | null {
  const file = report.file;
  if (file === null || file.started_at === null) return null;
  const start = Date.parse(file.started_at);
  let end = file.ended_at !== null ? Date.parse(file.ended_at) : start + (file.duration_ms ?? 0);
  // A clock that went backwards, or a hand-edited file, must not draw a bar that ends before it starts.
  if (!(end >= start)) end = start;
  return { index: report.index, status: report.status, start, end };
}

/** d3 time format for the axis: the seconds matter in a short run, the day in a long one. */
function axisFormat(spanMs: number): string {
  if (spanMs < 3_600_000) return '%H:%M:%S';
  if (spanMs < 86_400_000) return '%H:%M';
  return '%b %d %H:%M';
}

/** The `## Timeline` section's body: the chart in a mermaid fence, or a line saying why there is none. */
export function timelineSection(plan: Plan, analysis: Analysis, reports: readonly TaskReport[]): string {
  const bars = reports.map(barOf).filter((bar): bar is Bar => bar !== null);
  if (bars.length === 0) return '_No task started: there is no timeline._';
  if (bars.length > GANTT_MAX_BARS) {
    return `_The timeline is omitted: ${bars.length} tasks ran, more than ${GANTT_MAX_BARS}. Each task's \`status.json\` has its times._`;
  }
  const chart = ganttChart(plan, analysis, bars);
  if (chart.length > MERMAID_MAX_TEXT)
    return '_The timeline is omitted: its labels are too long for Mermaid._';
  // Every label is entity-encoded (no backtick survives), so a plain fence cannot be closed from inside.
  return `\`\`\`mermaid\n${chart}\n\`\`\``;
}

function ganttChart(plan: Plan, analysis: Analysis, bars: Bar[]): string {
  const first = Math.min(...bars.map((b) => b.start));
  const last = Math.max(...bars.map((b) => b.end));
  const lines = [
    'gantt',
    '  dateFormat x',
    `  axisFormat ${axisFormat(last - first)}`,
    // Today's marker would stretch the axis from the run to the day the report is viewed.
    '  todayMarker off',
  ];
  const byLevel = new Map<number, Bar[]>();
  for (const bar of bars) {
    const level = analysis.level[bar.index]!;
    const list = byLevel.get(level) ?? [];
    list.push(bar);
    byLevel.set(level, list);
  }
  for (const level of [...byLevel.keys()].sort((a, b) => a - b)) {
    // No `#` in section names ("Batch 2", not the seed's "Batch #2"): nothing there for an entity to stand in for.
    lines.push(`  section ${escapeGantt(batchTitle(level).replaceAll('#', ''))}`);
    const inLevel = byLevel.get(level)!.sort((a, b) => a.start - b.start || a.index - b.index);
    for (const bar of inLevel) {
      const task = plan.tasks[bar.index]!;
      const status = bar.status;
      // The status mark first: a label must not start with a gantt keyword, and an id may be one (`section`).
      const label = escapeGantt(
        truncate(oneLine(`${reportMark(status)} ${task.id}: ${task.title}`), LABEL_MAX),
      );
      const tag = status === 'done' ? 'done, ' : status === 'failed' ? 'crit, ' : '';
      lines.push(`    ${label} :${tag}t${bar.index}, ${bar.start}, ${bar.end}`);
    }
  }
  return lines.join('\n');
}
