import { describe, expect, it } from 'vitest';
import { extractAnswer, structuredOutput } from '../../src/decompose/answer.js';

const plan = { version: 1, tasks: [{ id: 'T-01' }] };

describe('finding the plan in an answer', () => {
  it("takes the Claude CLI's structured output, from a result object or a verbose array", () => {
    const result = {
      type: 'result',
      subtype: 'success',
      result: '',
      structured_output: { plan, notes: 'n' },
    };
    expect(structuredOutput(`warning: something\n${JSON.stringify(result)}\n`)).toEqual({ plan, notes: 'n' });
    expect(structuredOutput(JSON.stringify([{ type: 'system' }, result]))).toEqual({ plan, notes: 'n' });
    expect(structuredOutput(JSON.stringify({ ...result, structured_output: null }))).toBeUndefined();
    expect(extractAnswer('', { plan, notes: 'n' })).toEqual({
      ok: true,
      plan,
      notes: 'n',
      source: 'structured output',
    });
  });

  it('finds JSON alone, in a fenced block among prose (the last block), or as YAML', () => {
    expect(extractAnswer(JSON.stringify({ plan, notes: '' }), undefined)).toMatchObject({
      ok: true,
      plan,
      source: 'JSON',
    });
    const prose = `Here:\n\n\`\`\`json\n{"plan": {"version": 1}}\n\`\`\`\n\nFixed:\n\n\`\`\`json\n${JSON.stringify({ plan })}\n\`\`\`\nDone.`;
    expect(extractAnswer(prose, undefined)).toMatchObject({ ok: true, plan });
    expect(
      extractAnswer('```yaml\nplan:\n  version: 1\n  tasks: [{id: T-01}]\nnotes: hi\n```', undefined),
    ).toEqual({
      ok: true,
      plan,
      notes: 'hi',
      source: 'YAML',
    });
  });

  it('takes a bare plan as the plan', () => {
    expect(extractAnswer(JSON.stringify(plan), undefined)).toMatchObject({ ok: true, plan, notes: '' });
  });

  it('says when there is no JSON object', () => {
    expect(extractAnswer('First write the parser. Note: then test it.', undefined)).toEqual({
      ok: false,
      message:
        'the answer holds no JSON object: expected one JSON object {"plan": ..., "notes": ...} and nothing else',
    });
    expect(extractAnswer('  ', undefined)).toMatchObject({ ok: false });
  });
});
