import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze.js';
import { renderSimulated } from '../../src/render/simulated.js';
import { chain, plan, task } from './fixtures.js';

describe('renderSimulated', () => {
  it('prints no control character from plan text', () => {
    const p = plan([
      task('T-01', {
        title: 'evil\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202etitle\nsecond line',
        prompt: '\u001b[1mbold\r\nmore',
      }),
    ]);
    const text = renderSimulated(p, analyze(p));
    // eslint-disable-next-line no-control-regex -- looking for control characters
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(text).toContain('🤖 Agent-01 [T-01: eviltitle second line]');
    expect(text).toContain('   ⚙️ claude: bold …');
  });

  it('truncates the step and shortens a long critical path', () => {
    const p = chain(10);
    p.tasks[0]!.prompt = 'y'.repeat(100);
    const text = renderSimulated(p, analyze(p));
    expect(text).toContain(`   ⚙️ claude: ${'y'.repeat(69)}…\n`);
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      '10 tasks in 10 batches · critical path T-1 → T-2 → T-3 → T-4 → … → T-10 (10 tasks, 10m) · simulated: nothing was run',
    );
  });

  it('summarises an empty plan', () => {
    const p = plan([]);
    expect(renderSimulated(p, analyze(p))).toBe('0 tasks in 0 batches · simulated: nothing was run\n');
  });

  it('says 1 task in 1 batch', () => {
    const p = plan([task('A', { agent: 'shell', run: '' })]);
    expect(renderSimulated(p, analyze(p))).toBe(
      [
        '═══ Batch #1 (No Dependencies) ═══',
        '🤖 Agent-01 [A: A]',
        '   ⚙️ bash: (no command)',
        '   🟡 Pending',
        '',
        '1 task in 1 batch · critical path A (1m) · simulated: nothing was run',
        '',
      ].join('\n'),
    );
  });
});
