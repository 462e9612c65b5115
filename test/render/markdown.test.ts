import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unescapeMarkdown } from '../../src/core/load/seed-markdown.js';
import {
  escapeInline,
  fence,
  inlineCode,
  markdownBlock,
  table,
  truncate,
} from '../../src/render/markdown.js';
import { oneLine } from '../../src/render/text.js';

/** Cells of a table row, split on pipes that are not escaped. */
function cells(row: string): string[] {
  return row
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

describe('escapeInline', () => {
  it('escapes pipes so a cell stays one cell', () => {
    expect(escapeInline('a | b')).toBe('a \\| b');
    const rendered = table(['ID', 'Task'], [['T-01', 'x | y\n| z |']]);
    const row = rendered.split('\n')[2]!;
    expect(cells(row)).toEqual(['T-01', 'x \\| y \\| z \\|']);
  });

  it('turns HTML into text', () => {
    expect(escapeInline('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(escapeInline('a & b &amp; c')).toBe('a &amp; b &amp;amp; c');
  });

  it('escapes backticks, emphasis, links and strikethrough', () => {
    expect(escapeInline('`code` *a* _b_ [c](d) ~e~ \\f')).toBe(
      '\\`code\\` \\*a\\* \\_b\\_ \\[c\\](d) \\~e\\~ \\\\f',
    );
  });

  it('makes one line of newlines and tabs', () => {
    expect(escapeInline('  first\r\n\n  second\tthird \u2028 fourth  ')).toBe('first second third fourth');
  });

  it('leaves ${{ }} literal', () => {
    expect(escapeInline('${{ secrets.TOKEN }}')).toBe('${{ secrets.TOKEN }}');
  });

  it('keeps a leading heading or list marker from opening a block', () => {
    expect(escapeInline('# not a heading')).toBe('\\# not a heading');
    expect(escapeInline('- not an item')).toBe('\\- not an item');
    expect(escapeInline('+ not an item')).toBe('\\+ not an item');
    expect(escapeInline('1. not an item')).toBe('1\\. not an item');
    expect(escapeInline('T-01 - fine')).toBe('T-01 - fine');
  });

  it('drops control characters', () => {
    expect(escapeInline('a\u001b[31mb\u0007\u009bc\u202ed')).toBe('abd');
  });

  it('reads back through the seed loader as the one-line text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const escaped = escapeInline(text);
        expect(escaped).not.toMatch(/[\n\r<>]/);
        expect(escaped).not.toMatch(/(?<!\\)(?:\\\\)*\|/);
        expect(unescapeMarkdown(escaped)).toBe(oneLine(text));
      }),
    );
  });
});

describe('truncate', () => {
  it('cuts with an ellipsis, counting code points', () => {
    expect(truncate('abcdef', 6)).toBe('abcdef');
    expect(truncate('abcdefg', 6)).toBe('abcde…');
    expect(truncate('abcd efg', 6)).toBe('abcd…');
    expect(truncate('😀😀😀😀', 3)).toBe('😀😀…');
    expect(truncate('😀😀😀', 3)).toBe('😀😀😀');
  });
});

describe('table', () => {
  it('is shaped like the seed', () => {
    expect(table(['ID', 'Task', 'Deps', 'Status'], [['T-01', 'Do it', 'None', '🟡']])).toBe(
      ['| ID | Task | Deps | Status |', '|----|------|------|--------|', '| T-01 | Do it | None | 🟡 |'].join(
        '\n',
      ),
    );
  });
});

describe('code', () => {
  it('picks a fence longer than any backtick run inside', () => {
    expect(fence('a\n```\nb', 'bash')).toBe('````bash\na\n```\nb\n````');
    expect(fence('x `````` y')).toBe('```````\nx `````` y\n```````');
    expect(fence('plain')).toBe('```\nplain\n```');
  });

  it('picks inline code delimiters that the value cannot close', () => {
    expect(inlineCode('src/auth')).toBe('`src/auth`');
    expect(inlineCode('a `b` c')).toBe('``a `b` c``');
    expect(inlineCode('`edge`')).toBe('`` `edge` ``');
    expect(inlineCode(' spaced ')).toBe('`  spaced  `');
  });
});

describe('markdownBlock', () => {
  it('keeps markdown that closes what it opens', () => {
    const text = 'Intro\n\n```ts\nconst a = 1;\n```\n\n<!-- note -->\n<details>\n\nmore\n\n</details>';
    expect(markdownBlock(`\n\n${text}\n\n`)).toBe(text);
  });

  it('fences markdown that would swallow what follows', () => {
    expect(markdownBlock('a\n```\nb')).toBe('````text\na\n```\nb\n````');
    expect(markdownBlock('a\n~~~\nb\n```')).toBe('````text\na\n~~~\nb\n```\n````');
    expect(markdownBlock('````\nb\n```')).toBe('`````text\n````\nb\n```\n`````');
    expect(markdownBlock('a\n<!-- open')).toMatch(/^```text\n/);
    expect(markdownBlock('<script>\nalert(1)')).toMatch(/^```text\n/);
    expect(markdownBlock('<pre>\nx')).toMatch(/^```text\n/);
  });

  it('does not count a backtick line with backticks after it as a fence', () => {
    expect(markdownBlock('```inline` code')).toBe('```inline` code');
  });
});
