import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonLines, lastJsonValue } from '../../src/agents/json.js';

describe('lastJsonValue', () => {
  it('reads a whole JSON text, whatever its layout', () => {
    expect(lastJsonValue('  {"a": 1}\n')).toEqual({ a: 1 });
    expect(lastJsonValue('[1, 2]')).toEqual([1, 2]);
  });

  it('skips lines before and after that are not JSON', () => {
    expect(lastJsonValue('Warning: something\n{"a":1}\nbye\n')).toEqual({ a: 1 });
  });

  it('takes the last of several values', () => {
    expect(lastJsonValue('{"a":1}\n{"b":2}\n')).toEqual({ b: 2 });
  });

  it('reads a pretty-printed value whole, not an object nested in it', () => {
    const text = `log line\n${JSON.stringify({ list: [{ x: 1 }, { y: 2 }], s: '{ not a start' }, null, 2)}\n`;
    expect(lastJsonValue(text)).toEqual({ list: [{ x: 1 }, { y: 2 }], s: '{ not a start' });
  });

  it('is not fooled by brackets and quotes inside strings', () => {
    expect(lastJsonValue('x\n{"s":"}]\\"{[","t":"\\\\"}\n')).toEqual({ s: '}]"{[', t: '\\' });
  });

  it('passes over lines that look like JSON but are not', () => {
    expect(lastJsonValue('{"a":1}\n[INFO] done\n{ broken\n')).toEqual({ a: 1 });
  });

  it('returns the last value the predicate accepts', () => {
    const isB = (v: unknown) => typeof v === 'object' && v !== null && 'b' in v;
    expect(lastJsonValue('{"b":1}\n{"c":2}\n', isB)).toEqual({ b: 1 });
    expect(lastJsonValue('{"c":2}', isB)).toBeUndefined();
  });

  it('is undefined without JSON', () => {
    expect(lastJsonValue('')).toBeUndefined();
    expect(lastJsonValue('plain text\n  {"indented": true}\n')).toBeUndefined();
  });

  it('stays fast on a long run of unclosed brackets', () => {
    const text = `${'{\n'.repeat(200_000)}{"a":1}\n${'{\n'.repeat(200_000)}`;
    const started = performance.now();
    lastJsonValue(text);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('finds any object after any lines that do not start with a bracket', () => {
    const noise = fc.array(
      fc.string().filter((s) => !s.includes('\n') && !/^[{[]/.test(s)),
      { maxLength: 5 },
    );
    fc.assert(
      fc.property(
        noise,
        fc.dictionary(fc.string(), fc.jsonValue()),
        fc.boolean(),
        noise,
        (before, value, pretty, after) => {
          // After the value, a line could be a JSON value itself only if it started with a bracket.
          const json = pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value);
          const text = [...before, json, ...after].join('\n');
          expect(lastJsonValue(text)).toEqual(JSON.parse(json));
        },
      ),
    );
  });
});

describe('jsonLines', () => {
  it('parses each line that is a JSON object, in order, and skips the rest', () => {
    expect(jsonLines('{"a":1}\nnoise\n[1]\n  {"b":2}  \n{"broken"\n')).toEqual([{ a: 1 }, { b: 2 }]);
  });
});
