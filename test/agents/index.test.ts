import { describe, expect, it } from 'vitest';
import { claudeAdapter } from '../../src/agents/claude.js';
import { codexAdapter } from '../../src/agents/codex.js';
import { geminiAdapter } from '../../src/agents/gemini.js';
import { adapterFor } from '../../src/agents/index.js';
import { shellAdapter } from '../../src/agents/shell.js';
import { contextOf, oneTask } from './helpers.js';

const { plan, task } = oneTask(
  '    agent: my-bot\n    prompt: go\n',
  'agents:\n  my-bot: { command: [bot, "{task_id}"] }\n',
);

describe('adapterFor', () => {
  it('gives the built-in adapters', () => {
    expect(adapterFor(plan, 'shell')).toBe(shellAdapter);
    expect(adapterFor(plan, 'claude')).toBe(claudeAdapter);
    expect(adapterFor(plan, 'codex')).toBe(codexAdapter);
    expect(adapterFor(plan, 'gemini')).toBe(geminiAdapter);
  });

  it("gives a custom agent from the plan's agents", () => {
    const adapter = adapterFor(plan, 'my-bot');
    expect(adapter.name).toBe('my-bot');
    expect(adapter.invocation(contextOf(plan, task)).argv).toEqual(['bot', 'T-01']);
  });

  it('refuses an unknown agent, prototype names included', () => {
    expect(() => adapterFor(plan, 'nope')).toThrow('unknown agent "nope"');
    expect(() => adapterFor(plan, 'constructor')).toThrow('unknown agent "constructor"');
    expect(() => adapterFor(plan, '__proto__')).toThrow('unknown agent "__proto__"');
  });
});
