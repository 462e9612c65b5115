import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkJsonSyntax } from '../../src/core/load/json-syntax.js';

const accepts = (s: string): boolean => {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
};

describe('checkJsonSyntax', () => {
  it('agrees with JSON.parse on valid JSON of any shape', () => {
    fc.assert(
      fc.property(fc.json(), (s) => {
        expect(checkJsonSyntax(s)).toBeNull();
      }),
      { numRuns: 500 },
    );
  });
  it('agrees with JSON.parse on mangled JSON', () => {
    const mangled = fc
      .tuple(
        fc.json(),
        fc.nat(),
        fc.constantFrom(',', ']', '}', '"', "'", ':', '\n', 'x', '-', '.', '\\', '/*', '[', '{', ''),
      )
      .map(([s, at, insert]) => {
        const k = at % (s.length + 1);
        return s.slice(0, k) + insert + s.slice(k + (insert === '' ? 1 : 0));
      });
    fc.assert(
      fc.property(mangled, (s) => {
        expect(checkJsonSyntax(s) === null, s).toBe(accepts(s));
      }),
      { numRuns: 3000 },
    );
  });
  it('names the problem and where it is', () => {
    expect(checkJsonSyntax('{"a": [1, 2,]}')).toEqual({
      offset: 12,
      message: 'trailing comma before "]": JSON allows none',
    });
    expect(checkJsonSyntax("{'a': 1}")).toEqual({
      offset: 1,
      message: 'expected a key in double quotes, got "\'"',
    });
    expect(checkJsonSyntax('{"a": 1} x')).toEqual({
      offset: 9,
      message: 'unexpected "x" after the end of the document',
    });
    expect(checkJsonSyntax('{"a": "b\nc"}')?.message).toMatch(/raw control character or line break/);
    expect(checkJsonSyntax('[1, 2')?.message).toBe('expected "," or "]", got the end of the file');
  });
  it('handles deep nesting without recursion', () => {
    expect(checkJsonSyntax(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toBeNull();
  });
});
