import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze.js';
import type { TaskReport } from '../../src/report/collect.js';
import { escapeGantt, GANTT_MAX_BARS, timelineSection } from '../../src/report/gantt.js';
import { load } from '../support/plans.js';
import { statusFile } from './support.js';

/** What the gantt grammar would read as syntax, once Mermaid has replaced its entity codes (`#35;`). */
function syntaxLeft(text: string): string {
  return text.replace(/#\w+;/g, '');
}

describe('escapeGantt', () => {
  it('encodes what ends a task name or starts a comment', () => {
    expect(escapeGantt('a: b; c # d %% e')).toBe('a#58; b#59; c #35; d #37;#37; e');
  });

  it('makes one line', () => {
    expect(escapeGantt('first\nsecond\r\nthird\u2028fourth')).toBe('first second third fourth');
  });

  it('encodes the characters a flowchart label encodes', () => {
    expect(escapeGantt('<b>"x" & `y`</b>')).toBe('#lt;b#gt;#quot;x#quot; #amp; #96;y#96;#lt;/b#gt;');
  });

  it('never leaves a character the grammar treats as syntax, nor a code Mermaid would misread', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const escaped = escapeGantt(text);
        expect(syntaxLeft(escaped)).not.toMatch(/[:#;\n%]/);
        // Every `#` starts one of our codes: text like `#59;` in the input is shown, not decoded.
        expect(escaped.replace(/#(?:35|58|59|37|96|quot|lt|gt|amp);/g, '')).not.toContain('#');
      }),
    );
  });
});

const plan = load(`version: 1
tasks:
  - { id: section, title: "a: b", run: x }
  - { id: B, run: x, deps: [section] }
  - { id: C, run: x, deps: [section] }
  - { id: D, run: x, deps: [B, C] }
`);
const analysis = analyze(plan);

function reports(files: (Partial<ReturnType<typeof statusFile>> | null)[]): TaskReport[] {
  return plan.tasks.map((task, index) => {
    const file = files[index];
    return {
      id: task.id,
      index,
      onFailure: task.onFailure,
      status: file === null || file === undefined ? 'not-run' : (file.status ?? 'done'),
      file: file === null || file === undefined ? null : { ...statusFile(task.id), ...file },
      notes: [],
      result: null,
      log: null,
      files: [],
      moreFiles: 0,
    };
  });
}

describe('timelineSection', () => {
  it('draws one bar per task that started, in a section per batch, ordered by start', () => {
    const t = (s: number): string => new Date(Date.UTC(2026, 2, 1, 10, 0, s)).toISOString();
    const text = timelineSection(
      plan,
      analysis,
      reports([
        { started_at: t(0), ended_at: t(10) },
        { status: 'failed', started_at: t(20), ended_at: t(30) },
        { started_at: t(11), ended_at: t(15) },
        { status: 'skipped', attempts: 0, started_at: null, ended_at: null },
      ]),
    );
    const base = Date.UTC(2026, 2, 1, 10, 0, 0);
    expect(text).toBe(
      [
        '```mermaid',
        'gantt',
        '  dateFormat x',
        '  axisFormat %H:%M:%S',
        '  todayMarker off',
        '  section Batch 1 (No Dependencies)',
        // An id that is a gantt keyword is safe: the status mark comes first.
        `    ✅ section#58; a#58; b :done, t0, ${base}, ${base + 10_000}`,
        '  section Batch 2 (After Batch 1)',
        `    ✅ C#58; C :done, t2, ${base + 11_000}, ${base + 15_000}`,
        `    ❌ B#58; B :crit, t1, ${base + 20_000}, ${base + 30_000}`,
        '```',
      ].join('\n'),
    );
  });

  it('never draws a bar that ends before it starts', () => {
    const text = timelineSection(
      plan,
      analysis,
      reports([
        { started_at: '2026-03-01T10:00:10.000Z', ended_at: '2026-03-01T10:00:00.000Z' },
        null,
        null,
        null,
      ]),
    );
    const start = Date.parse('2026-03-01T10:00:10.000Z');
    expect(text).toContain(`:done, t0, ${start}, ${start}\n`);
  });

  it('says so when nothing started', () => {
    expect(timelineSection(plan, analysis, reports([null, null, null, null]))).toBe(
      '_No task started: there is no timeline._',
    );
  });

  it(`is left out beyond ${GANTT_MAX_BARS} bars`, () => {
    const big = load(
      `version: 1\ntasks:\n${Array.from({ length: GANTT_MAX_BARS + 1 }, (_, i) => `  - { id: T${i}, run: x }\n`).join('')}`,
    );
    const all = big.tasks.map((task, index): TaskReport => ({
      id: task.id,
      index,
      onFailure: task.onFailure,
      status: 'done',
      file: statusFile(task.id),
      notes: [],
      result: null,
      log: null,
      files: [],
      moreFiles: 0,
    }));
    expect(timelineSection(big, analyze(big), all)).toBe(
      "_The timeline is omitted: 201 tasks ran, more than 200. Each task's `status.json` has its times._",
    );
  });
});
