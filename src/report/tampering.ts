/**
 * What the report says about artifacts that spoke for other tasks (runner/downloads.ts): a section of its own at
 * the top of final_output.md, the job summary and the comment, and a note on each task concerned. The paths were
 * written by whoever forged them, so they are shown as fenced text, never as markdown.
 */
import type { Plan } from '../core/model.js';
import { fence } from '../render/markdown.js';
import { truncate } from '../render/text.js';
import { describeTampering, tamperedTask, type Tampering } from '../runner/downloads.js';
import type { TaskReport } from './collect.js';

/** Findings listed in the section; the rest are counted. */
const LISTED = 50;
const LINE_CHARS = 300;

/** The section, or '' when there is nothing to say. */
export function tamperingSection(findings: readonly Tampering[]): string {
  if (findings.length === 0) return '';
  const lines = findings.slice(0, LISTED).map((t) => truncate(oneLineOf(describeTampering(t)), LINE_CHARS));
  if (findings.length > LISTED) lines.push(`… and ${findings.length - LISTED} more`);
  return [
    '## ⚠️ Artifacts refused',
    [
      findings.length === 1
        ? 'This path of the downloaded artifacts was not imported:'
        : `These ${findings.length} paths of the downloaded artifacts were not imported:`,
      'an artifact speaks only for its own tasks, and holds only their folders.',
      'A task whose only copy was refused counts as not run. A task that writes outside its folder, or a',
      'process it left behind, is the likely cause: read that task’s log.',
    ].join(' '),
    fence(lines.join('\n'), 'text'),
  ].join('\n\n');
}

/** `report` (final_output.md text) with the section after its title line. */
export function withTamperingSection(report: string, findings: readonly Tampering[]): string {
  const section = tamperingSection(findings);
  if (section === '') return report;
  const end = report.indexOf('\n\n');
  return end === -1
    ? `${report.trimEnd()}\n\n${section}\n`
    : `${report.slice(0, end)}\n\n${section}${report.slice(end)}`;
}

/** The reports, with a note on each task a finding names. */
export function withTamperingNotes(
  plan: Plan,
  reports: readonly TaskReport[],
  findings: readonly Tampering[],
): TaskReport[] {
  const notes = new Map<string, string[]>();
  for (const t of findings) {
    const id = tamperedTask(t, plan);
    if (id === null) continue;
    const list = notes.get(id) ?? [];
    if (list.length < 3) list.push(`refused from artifact ${t.artifact}: ${oneLineOf(t.why)}`);
    notes.set(id, list);
  }
  return reports.map((r) => {
    const extra = notes.get(r.id);
    return extra === undefined ? r : { ...r, notes: [...r.notes, ...extra] };
  });
}

function oneLineOf(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters of forged names are what is dropped
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
}
