// The workflow writer's one quoting function and its emitter: whatever string goes in comes back out of a YAML
// parser unchanged, and the document shapes a workflow uses read back as the same data.
import fc from 'fast-check';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { Commented, Spaced, emitYaml, quote } from '../../src/github/yaml.js';

const roundTrip = (s: string): unknown => (load(`k: ${quote(s)}\n`) as { k: unknown }).k;

describe('quote', () => {
  it('reads back as the same string, whatever it holds', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(roundTrip(s)).toBe(s);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'ab1 :#-\'"{}[],&*!|>%@`$\\\n\t.~?'.split('')) }),
        (s) => {
          expect(roundTrip(s)).toBe(s);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['true', "'true'"],
    ['on', "'on'"],
    ['No', "'No'"],
    ['null', "'null'"],
    ['~', "'~'"],
    ['', "''"],
    ['24', "'24'"],
    ['1.5', "'1.5'"],
    ['.5', "'.5'"],
    ['a: b', "'a: b'"],
    ['a #b', "'a #b'"],
    ['- x', "'- x'"],
    ['${{ !cancelled() }}', '${{ !cancelled() }}'],
    ['task-${{ matrix.task }}', 'task-${{ matrix.task }}'],
    ['gh run cancel "$GITHUB_RUN_ID"', 'gh run cancel "$GITHUB_RUN_ID"'],
    ['line\nbreak', '"line\\nbreak"'],
    ["it's", "it's"],
  ])('%j is written %s', (input, expected) => {
    expect(quote(input)).toBe(expected);
    expect(roundTrip(input)).toBe(input);
  });
});

describe('emitYaml', () => {
  it('writes a document that reads back as the same data, with its comments', () => {
    const text = emitYaml(['head line', '', 'second'], {
      name: 'x',
      on: { workflow_dispatch: null, pull_request: undefined },
      permissions: {},
      jobs: new Spaced({
        a: {
          needs: ['b', 'c-d'],
          'timeout-minutes': 5,
          strategy: { 'fail-fast': false, matrix: { task: ['t1', 't2'] } },
          steps: [
            { uses: new Commented('actions/checkout@abc', 'v1'), with: { 'persist-credentials': false } },
            { run: 'echo "a: b"' },
          ],
          list: ['has space', 'x'],
          empty: [],
        },
        b: { steps: [{}] },
      }),
    });
    expect(text.startsWith('# head line\n#\n# second\n\nname: x\n\non:\n')).toBe(true);
    expect(text).toContain('uses: actions/checkout@abc # v1\n');
    expect(text).toContain('needs: [b, c-d]\n');
    expect(load(text)).toEqual({
      name: 'x',
      on: { workflow_dispatch: null },
      permissions: {},
      jobs: {
        a: {
          needs: ['b', 'c-d'],
          'timeout-minutes': 5,
          strategy: { 'fail-fast': false, matrix: { task: ['t1', 't2'] } },
          steps: [
            { uses: 'actions/checkout@abc', with: { 'persist-credentials': false } },
            { run: 'echo "a: b"' },
          ],
          list: ['has space', 'x'],
          empty: [],
        },
        b: { steps: [{}] },
      },
    });
  });

  it('refuses keys and comments it could not write safely', () => {
    expect(() => emitYaml([], { 'a: b': 1 })).toThrow(/not a plain identifier/);
    expect(() => emitYaml(['two\nlines'], {})).toThrow(/comment/);
    expect(() => emitYaml([], { k: new Commented('v', 'x\ny') })).toThrow(/comment/);
  });
});
