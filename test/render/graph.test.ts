import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze.js';
import { dotString, renderDot } from '../../src/render/dot.js';
import { escapeMermaid, renderMermaid } from '../../src/render/mermaid.js';
import { example, plan, task } from './fixtures.js';

describe('escapeMermaid', () => {
  it('encodes what would end or change a quoted label', () => {
    expect(escapeMermaid('say "hi" <b>x</b> & #1 `md`')).toBe(
      'say #quot;hi#quot; #lt;b#gt;x#lt;/b#gt; #amp; #35;1 #96;md#96;',
    );
  });

  it('encodes `#` once, not the codes it writes', () => {
    expect(escapeMermaid('#quot;')).toBe('#35;quot;');
  });

  it('makes one line', () => {
    expect(escapeMermaid('a\nb\r\n\tc')).toBe('a b c');
  });
});

describe('renderMermaid', () => {
  it('uses index ids and quoted, truncated labels', () => {
    const p = plan([
      task('A', { title: 'x'.repeat(100) }),
      task('end', { title: 'end"]; click A call evil()' }),
    ]);
    const lines = renderMermaid(p, analyze(p)).split('\n');
    expect(lines[0]).toBe('flowchart TD');
    expect(lines[1]).toBe(`  t0["A: ${'x'.repeat(56)}…"]`);
    expect(lines[2]).toBe('  t1["end: end#quot;]; click A call evil()"]');
  });

  it('draws every dep edge, or only the reduced ones', () => {
    const analysis = analyze(example);
    const edges = (text: string): string[] => text.split('\n').filter((l) => l.includes('-->'));
    expect(edges(renderMermaid(example, analysis))).toContain('  t0 --> t3');
    const reduced = edges(renderMermaid(example, analysis, { reduce: true }));
    expect(reduced).not.toContain('  t0 --> t3');
    expect(reduced).toEqual(['  t0 --> t2', '  t1 --> t2', '  t2 --> t3', '  t1 --> t4']);
  });

  it('adds a class per status present', () => {
    const p = plan([task('A'), task('B'), task('C'), task('D')]);
    const text = renderMermaid(p, analyze(p), { statuses: ['done', 'failed', 'done', 'pending'] });
    expect(text).toContain('  class t0,t2 done;');
    expect(text).toContain('  class t1 failed;');
    expect(text).toContain('  class t3 pending;');
    expect(text).not.toContain('classDef running');
  });
});

describe('renderDot', () => {
  it('escapes quotes and backslashes, and keeps labels on one line', () => {
    expect(dotString('a "b" \\N c\nd')).toBe('"a \\"b\\" \\\\N c d"');
  });

  it('is a left-to-right digraph named after the plan', () => {
    const p = plan([task('A'), task('B', { deps: ['A'] })], { name: 'my "plan"' });
    expect(renderDot(p, analyze(p))).toBe(
      [
        'digraph "my \\"plan\\"" {',
        '  rankdir=LR;',
        '  node [shape=box, style=rounded];',
        '  t0 [label="A: A"];',
        '  t1 [label="B: B"];',
        '  t0 -> t1;',
        '}',
        '',
      ].join('\n'),
    );
  });
});
