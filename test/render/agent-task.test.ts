import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze.js';
import { agentFileName, agentLabel, renderAgentTask } from '../../src/render/agent-task.js';
import { plan, task } from './fixtures.js';

describe('agent file names', () => {
  it.each([
    [1, 1, 'agent-01.md'],
    [9, 9, 'agent-09.md'],
    [99, 99, 'agent-99.md'],
    [1, 100, 'agent-001.md'],
    [100, 100, 'agent-100.md'],
    [7, 1000, 'agent-0007.md'],
    [1000, 1000, 'agent-1000.md'],
  ])('agent %i of %i is %s', (number, total, name) => {
    expect(agentFileName(number, total)).toBe(name);
    expect(agentLabel(number, total)).toBe(name.replace('agent', 'Agent').replace('.md', ''));
  });
});

function render(...tasks: Parameters<typeof task>[]): string {
  const p = plan(tasks.map((args) => task(...args)));
  return renderAgentTask(p, 0, analyze(p));
}

describe('renderAgentTask', () => {
  it('follows the seed template', () => {
    const text = render(['T-01', { title: 'Audit <auth>', prompt: 'Look.', output: 'A report', retries: 0 }]);
    expect(text).toBe(
      [
        '# Agent-01: Audit &lt;auth&gt;',
        '',
        '**Task:** T-01 · **Agent:** claude · **Deps:** none · **Batch:** 1',
        '',
        '**Timeout:** 30m',
        '',
        '**Input:** none',
        '',
        '**Do:**',
        '',
        'Look.',
        '',
        '**Output:** A report',
        '',
      ].join('\n'),
    );
  });

  it('keeps a prompt with an open fence from swallowing the Output', () => {
    const text = render(['T-01', { prompt: 'Run:\n````\nls\n```' }]);
    expect(text).toContain('**Do:**\n\n`````text\nRun:\n````\nls\n```\n`````\n\n**Output:**');
  });

  it('fences a shell command beyond its own backticks', () => {
    const text = render(['T-01', { agent: 'shell', run: 'cat <<EOF\n```\nEOF' }]);
    expect(text).toContain('**Do:**\n\n````bash\ncat <<EOF\n```\nEOF\n````\n\n');
    expect(text).toContain("**Output:** the command's output");
  });

  it('shows input values as code that their backticks cannot break', () => {
    const text = render([
      'T-01',
      { inputs: { 'a|b': 'x `y`', n: 3, multi: 'l1\nl2', pad: ' p ', empty: '' } },
    ]);
    expect(text).toContain(
      [
        '**Input:**',
        '',
        '- a\\|b: `` x `y` ``',
        '- n: `3`',
        '- multi: `"l1\\nl2"`',
        '- pad: `" p "`',
        '- empty: `""`',
      ].join('\n'),
    );
  });

  it('escapes invisible controls in JSON values', () => {
    expect(render(['T-01', { inputs: { k: 'a\u202eb\u009b' } }])).toContain(
      '**Input:** k: `"a\\u202eb\\u009b"`',
    );
  });

  it('lists deps and a non-default policy', () => {
    const p = plan([
      task('A'),
      task('B'),
      task('C', { deps: ['A', 'B'], onFailure: 'continue', estimateMs: 90_000, outputs: ['out/*.json'] }),
    ]);
    const text = renderAgentTask(p, 2, analyze(p));
    expect(text).toContain('# Agent-03: C');
    expect(text).toContain('**Task:** C · **Agent:** claude · **Deps:** A, B · **Batch:** 2');
    expect(text).toContain(
      '**Retries:** 3 · **Timeout:** 30m · **On failure:** continue · **Estimate:** 1m30s',
    );
    expect(text).toContain('**Files:** `out/*.json`');
  });
});
