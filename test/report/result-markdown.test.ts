import { describe, expect, it } from 'vitest';
import { leavesElementOpen, resultMarkdown } from '../../src/report/result-markdown.js';

describe('resultMarkdown', () => {
  it('keeps a well-formed result as markdown', () => {
    const text =
      '## Findings\n\n- one\n- two\n\n<details><summary>More</summary>\n\nhidden\n\n</details>\n\n```ts\nx\n```\n';
    expect(resultMarkdown(text)).toBe(text.trimEnd());
  });

  it('fences a result that leaves a code fence open, with a longer fence', () => {
    expect(resultMarkdown('Example:\n\n```ts\nconst a = 1;\n')).toBe(
      '````text\nExample:\n\n```ts\nconst a = 1;\n````',
    );
  });

  it('fences a result that leaves an HTML comment open', () => {
    expect(resultMarkdown('text\n<!-- never closed')).toBe('```text\ntext\n<!-- never closed\n```');
  });

  it.each([
    ['<details><summary>x</summary>\n\nbody'],
    ['see <a href="https://example.com">this'],
    ['**bold** and <b>more'],
    ['<div>\n\ncontent\n\n</div>\n\n<div>'],
  ])('fences a result that leaves an element open: %j', (text) => {
    expect(resultMarkdown(text)).toBe(`\`\`\`text\n${text}\n\`\`\``);
  });

  it('shows an empty result as empty', () => {
    expect(resultMarkdown('\n\n  \n')).toBe('');
  });
});

describe('leavesElementOpen', () => {
  it('ignores void and self-ending elements', () => {
    expect(leavesElementOpen('a<br>b<img src="x"><hr/>\n<p>para\n- <li>item')).toBe(false);
  });

  it('ignores tags in code spans, code blocks, escaped, and autolinks', () => {
    expect(
      leavesElementOpen('use `<details>` here, \\<div> there, <https://example.com>\n\n```html\n<div>\n```'),
    ).toBe(false);
  });

  it('does not let a stray end tag cancel a later start tag', () => {
    expect(leavesElementOpen('</details>\n\n<details>')).toBe(true);
  });

  it('is case-insensitive', () => {
    expect(leavesElementOpen('<DIV>x</div>')).toBe(false);
  });
});
