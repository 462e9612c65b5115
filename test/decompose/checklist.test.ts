import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/core/diagnostics.js';
import { checklistToPlan, isChecklist } from '../../src/decompose/checklist.js';

type TaskDoc = { id: string; title: string; deps?: string[]; run?: string; prompt?: string };

function tasks(text: string): TaskDoc[] {
  const result = checklistToPlan(text, 'todo.md');
  if (result.document === null) throw new Error(result.diagnostics.map(formatDiagnostic).join('\n'));
  return result.document.tasks as TaskDoc[];
}

function errors(text: string): string[] {
  return checklistToPlan(text, 'todo.md').diagnostics.map(formatDiagnostic);
}

describe('checklist decomposer', () => {
  it('numbers items T-01... and keeps them independent unless told', () => {
    expect(tasks('- [ ] A\n- [ ] B\n- [ ] C\n')).toEqual([
      { id: 'T-01', title: 'A' },
      { id: 'T-02', title: 'B' },
      { id: 'T-03', title: 'C' },
    ]);
  });

  it('pads ids to the width of the item count', () => {
    const text = Array.from({ length: 120 }, (_, i) => `- [ ] Step ${i + 1}`).join('\n');
    const list = tasks(text);
    expect(list[0]!.id).toBe('T-001');
    expect(list[119]!.id).toBe('T-120');
  });

  it('resolves references by number, #number, id, exact text, case-insensitive text and unique prefix', () => {
    const list = tasks(
      [
        '- [ ] Write the parser',
        '- [ ] Write the lexer',
        '- [ ] A (after 1)',
        '- [ ] B (after #2)',
        '- [ ] C (after T-01)',
        '- [ ] D (after: Write the lexer)',
        '- [ ] E (after: WRITE THE PARSER)',
        '- [ ] F (after: write the l)',
        '- [ ] G (needs 1 and 2)',
        '- [ ] H (depends on: 1; 2)',
      ].join('\n'),
    );
    expect(list.map((t) => t.deps)).toEqual([
      undefined,
      undefined,
      ['T-01'],
      ['T-02'],
      ['T-01'],
      ['T-02'],
      ['T-01'],
      ['T-02'],
      ['T-01', 'T-02'],
      ['T-01', 'T-02'],
    ]);
  });

  it('prefers an exact match over a prefix that several items share', () => {
    const list = tasks('- [ ] Test\n- [ ] Test the parser\n- [ ] Run (after: Test)\n');
    expect(list[2]!.deps).toEqual(['T-01']);
  });

  it('makes a parent wait for the items nested under it', () => {
    const list = tasks('- [ ] Release\n  - [ ] Build\n  - [ ] Notes\n    - [ ] Collect PRs\n- [ ] Other\n');
    expect(list.map((t) => [t.id, t.deps])).toEqual([
      ['T-01', ['T-02', 'T-03']],
      ['T-02', undefined],
      ['T-03', ['T-04']],
      ['T-04', undefined],
      ['T-05', undefined],
    ]);
  });

  it('leaves checked items out, keeping the numbers, and drops deps on them', () => {
    const list = tasks('- [x] Done\n- [ ] Next (after 1)\n- [X] Also done\n- [ ] Last (after 2, 3)\n');
    expect(list).toEqual([
      { id: 'T-02', title: 'Next' },
      { id: 'T-04', title: 'Last', deps: ['T-02'] },
    ]);
  });

  it('makes a code span item, or `Title: `command``, a shell task', () => {
    expect(
      tasks('- [ ] `npm test`\n- [ ] Lint: `npm run lint -- --fix`\n- [ ] Run `make` and report\n'),
    ).toEqual([
      { id: 'T-01', title: 'npm test', run: 'npm test' },
      { id: 'T-02', title: 'Lint', run: 'npm run lint -- --fix' },
      { id: 'T-03', title: 'Run `make` and report' },
    ]);
  });

  it('gives the lines indented under an item to its agent as the prompt', () => {
    const list = tasks('- [ ] Write it\n    Use the grammar.\n\n    - not a task\n- [ ] Next\n');
    expect(list[0]).toEqual({ id: 'T-01', title: 'Write it', prompt: 'Use the grammar.\n\n- not a task\n' });
    expect(list[1]).toEqual({ id: 'T-02', title: 'Next' });
  });

  it('records headings as groups in the titles, and names the plan after a first level-1 heading', () => {
    const result = checklistToPlan('# My Plan!\n## A\n### B\n- [ ] x\n## C\n- [ ] y\n', 'todo.md');
    expect(result.document?.name).toBe('my-plan');
    expect((result.document?.tasks as TaskDoc[]).map((t) => t.title)).toEqual(['A / B: x', 'C: y']);
  });

  it('quotes the checklist as the request', () => {
    const result = checklistToPlan('- [ ] a\r\n- [ ] b   \r\n\r\n', 'todo.md');
    expect(result.document?.request).toBe('- [ ] a\n- [ ] b\n');
  });

  it('reports every problem at its place, sorted', () => {
    expect(errors('- [ ] Alpha (after 9)\n- [ ] B (after: zz)\n- [ ] Apple\n- [ ] C (after: a)\n')).toEqual([
      'todo.md:1:20: item 1 refers to item 9, but the checklist has 4 items [unknown-ref]',
      'todo.md:2:17: item 2 refers to "zz", which is no item\'s text (nor the start of one) [unknown-ref]',
      'todo.md:4:17: ambiguous reference "a" in item 4: it matches items 1 ("Alpha"), 3 ("Apple"); refer by number, or quote more of the text [ambiguous-ref]',
    ]);
  });

  it('prints a cycle whole', () => {
    expect(errors('- [ ] A (after 3)\n- [ ] B (after 1)\n- [ ] C (after 2)\n')).toEqual([
      'todo.md:1:7: dependency cycle: T-01 -> T-03 -> T-02 -> T-01 (each waits for the next; a parent item waits for the items nested under it) [cycle]',
    ]);
  });

  it('refuses a request with no items, or with every item checked', () => {
    expect(errors('Just prose.\n')).toEqual([
      'todo.md:1:1: the request has no checklist items: write one task a line as `- [ ] text` [no-items]',
    ]);
    expect(errors('- [x] done\n')).toEqual([
      'todo.md:1:1: every item is checked: nothing is left to do [no-items]',
    ]);
  });

  it('does not take a markdown link in a bullet for a malformed item', () => {
    expect(tasks('- [ ] A\n  - [docs](https://example.com)\n')[0]!.prompt).toBe(
      '- [docs](https://example.com)\n',
    );
  });

  it('tells a checklist from prose', () => {
    expect(isChecklist('# Plan\n\n- [ ] a\n  details\n- [x] b\n<!-- note -->\n')).toBe(true);
    expect(isChecklist('Please refactor the auth module.\n\n- [ ] a\n')).toBe(false);
    expect(isChecklist('Refactor the auth module and add tests')).toBe(false);
    expect(isChecklist('- plain bullet\n')).toBe(false);
  });

  it('keeps hostile text as data: expressions stay in titles and commands, never evaluated', () => {
    const list = tasks('- [ ] Print ${{ secrets.X }}\n- [ ] `echo "${{ secrets.X }}"`\n');
    expect(list[0]!.title).toBe('Print ${{ secrets.X }}');
    expect(list[1]!.run).toBe('echo "${{ secrets.X }}"');
  });
});
