// Markdown made inert for GitHub (src/render/github-text.ts): mentions, issue references, bare URLs and HTML
// outside code become text; code (fences, spans) and our own markup are left as they are.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutralizeGithubText } from '../../src/render/github-text.js';
import { escapeInline, fence } from '../../src/render/markdown.js';

const inert = neutralizeGithubText;

/**
 * What GitHub would read as text in `markdown`, roughly (CommonMark's fences, code spans and backslash escapes):
 * code and fences dropped, escapes resolved. Written apart from the implementation, to check it.
 */
function renderedText(markdown: string): string {
  const text: string[] = [];
  let fenceOpen: string | null = null;
  for (const line of markdown.split('\n')) {
    const marks = /^(?: {0,3}>)* {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (fenceOpen !== null) {
      if (
        marks !== null &&
        marks[1]![0] === fenceOpen[0] &&
        marks[1]!.length >= fenceOpen.length &&
        marks[2]!.trim() === ''
      )
        fenceOpen = null;
      continue;
    }
    if (marks !== null && !(marks[1]![0] === '`' && marks[2]!.includes('`'))) {
      fenceOpen = marks[1]!;
      continue;
    }
    let out = '';
    for (let i = 0; i < line.length;) {
      if (line[i] === '\\' && /[!-/:-@[-`{-~]/.test(line[i + 1] ?? '')) {
        // An escaped `<` is text, never a tag.
        out += line[i + 1] === '<' ? '\u2039' : line[i + 1];
        i += 2;
      } else if (line[i] === '`') {
        const run = /^`+/.exec(line.slice(i))![0].length;
        const rest = line.slice(i + run);
        const close = new RegExp(`(?<!\`)\`{${run}}(?!\`)`).exec(rest);
        if (close === null) {
          out += '`'.repeat(run);
          i += run;
        } else {
          out += ' '; // a code element: a text node ends here
          i += run + close.index + run;
        }
      } else {
        out += line[i];
        i++;
      }
    }
    text.push(out);
  }
  return text.join('\n').replace(/\u200b/g, ' ');
}

describe('neutralizeGithubText', () => {
  it('puts mentions and team mentions in code spans', () => {
    expect(inert('ask @octocat and @org/team-a now')).toBe('ask `@octocat` and `@org/team-a` now');
    expect(inert('@start of a line')).toBe('`@start` of a line');
    // An address is not a mention.
    expect(inert('mail user@example.com')).toBe('mail user@example.com');
    // Escaped or not, GitHub reads `@org` in the rendered text.
    expect(inert('\\@org')).toBe('`@org`');
  });

  it('puts issue references in code spans: #N, owner/repo#N, GH-N, closing keywords included', () => {
    expect(inert('fixes #1, see o/r#22 and GH-3.')).toBe('fixes `#1`, see `o/r#22` and `GH-3`.');
    // Not a reference: a heading, an entity, an anchor, a word.
    expect(inert('# Task Plan')).toBe('# Task Plan');
    expect(inert('&#35;1 page#2 x#3')).toBe('&#35;1 page#2 x#3');
    // escapeInline's `\#` keeps a heading from opening: kept.
    expect(inert('\\# not a heading')).toBe('\\# not a heading');
  });

  it('puts bare URLs in code spans, keeps a link destination of our own', () => {
    expect(inert('see https://github.com/o/r/issues/1.')).toBe('see `https://github.com/o/r/issues/1`.');
    expect(inert('[The workflow run](https://github.example/o/r/actions/runs/1)')).toBe(
      '[The workflow run](https://github.example/o/r/actions/runs/1)',
    );
    // A link that escapeInline broke up is no link: its URL is bare.
    expect(inert(escapeInline('[x](https://evil.example/)'))).toBe('\\[x\\](`https://evil.example/`)');
  });

  it('turns every `<` outside code into text', () => {
    expect(inert('<img src=x onerror=alert(1)> <details>')).toBe(
      '&lt;img src=x onerror=alert(1)> &lt;details>',
    );
    expect(inert('a \\<b> c')).toBe('a \\<b> c');
  });

  it('leaves fenced blocks and code spans alone, however they are nested or quoted', () => {
    const block = fence('@org #1 <img src=x>\n```\ninner\n```\nhttps://x.example', 'text');
    expect(inert(`before @a\n\n${block}\n\nafter @b`)).toBe(`before \`@a\`\n\n${block}\n\nafter \`@b\``);
    expect(inert('> ```text\n> @org #1\n> ```\n> @org')).toBe('> ```text\n> @org #1\n> ```\n> `@org`');
    expect(inert('~~~\n@org\n~~~\n@org')).toBe('~~~\n@org\n~~~\n`@org`');
    expect(inert('run `echo @org #1 <b>` then @org')).toBe('run `echo @org #1 <b>` then `@org`');
    expect(inert('``a ` @org`` @b')).toBe('``a ` @org`` `@b`');
    // A run of backticks never closed is literal, and does not hide what follows.
    expect(inert('a `b @org')).toBe('a \\`b `@org`');
  });

  it('is idempotent, and leaves no mention, reference or tag outside code, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            '@org',
            '@org/team',
            '#1',
            'o/r#2',
            'GH-3',
            'https://o.example/i/1',
            '<img>',
            '`',
            '```',
            '\n',
            ' ',
            'x',
            '\\',
            '>',
            '](',
          ),
          { maxLength: 30 },
        ),
        (parts) => {
          const once = inert(parts.join(''));
          expect(inert(once)).toBe(once);
          const text = renderedText(once);
          expect(text).not.toMatch(/(^|\W)@org|(^|[^\w&/#])#\d+(?!\w)|(^|\W)o\/r#\d+(?!\w)|</);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
