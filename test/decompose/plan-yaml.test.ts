import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/core/load/yaml.js';
import { parsePlan } from '../../src/core/plan-file.js';
import { planToYaml } from '../../src/decompose/plan-yaml.js';

describe('planToYaml', () => {
  it('writes keys in the canonical order, text as block scalars, short lists on one line', () => {
    const yaml = planToYaml({
      tasks: [
        { prompt: 'Line one.\nLine two.\n', deps: ['T-00'], title: 'Write it', id: 'T-01', estimate: '3m' },
        { run: 'npm test', agent: 'shell', id: 'T-00' },
      ],
      request: 'Do it\nall\n',
      version: 1,
    });
    expect(yaml).toBe(
      [
        'version: 1',
        'request: |',
        '  Do it',
        '  all',
        'tasks:',
        '  - id: T-01',
        '    title: Write it',
        '    deps: [T-00]',
        '    prompt: |',
        '      Line one.',
        '      Line two.',
        '    estimate: 3m',
        '  - id: T-00',
        '    agent: shell',
        '    run: npm test',
        '',
      ].join('\n'),
    );
  });

  it('loads back (with the project loader) to the same data, whatever the strings hold', () => {
    // Strings YAML could take for something else: numbers, booleans, nulls, indicators, expressions, odd spacing.
    const tricky = fc.constantFrom(
      'yes',
      'no',
      'null',
      '~',
      '1.0',
      '0o17',
      '1e3',
      '.inf',
      '- a',
      ': b',
      '#c',
      '${{ secrets.X }}',
      '"q"',
      "'s'",
      ' lead',
      'trail ',
      '\ttab',
      'a\n\nb',
      '\n',
      'x\n  y\n',
      '|',
      '>',
      '@at',
      '`tick`',
      '[a]',
      '{b: 1}',
      '',
    );
    const text = fc.oneof(tricky, fc.string(), fc.string({ unit: 'grapheme' }));
    const task = fc.record(
      {
        id: fc.constantFrom('T-01', 'T-02'),
        title: text,
        prompt: text,
        deps: fc.array(text, { maxLength: 3 }),
      },
      { requiredKeys: ['id'] },
    );
    fc.assert(
      fc.property(fc.record({ request: text, tasks: fc.array(task, { maxLength: 3 }) }), (doc) => {
        const document = { version: 1, ...doc };
        const parsed = parseYaml(planToYaml(document));
        expect(parsed.ok && parsed.data).toEqual(document);
      }),
      { numRuns: 300 },
    );
  });

  it('writes a plan that loads to the same resolved plan', () => {
    const document = {
      version: 1,
      name: 'demo',
      request: 'Refactor auth\n',
      defaults: { retries: 1, backoff: { max: '10s', initial: '1s' }, agent: 'claude' },
      tasks: [
        {
          id: 'T-01',
          title: 'Audit',
          prompt: 'List it.\n',
          inputs: { module: 'src/auth', n: 3 },
          estimate: '2m',
        },
        { id: 'T-02', title: 'Test', agent: 'shell', run: 'npm test', deps: ['T-01'], env: { CI: '1' } },
        { id: 'T-03', title: 'Docs', deps: ['T-01'], 'runs-on': ['self-hosted', 'linux'] },
      ],
    };
    const fromJson = parsePlan({ file: 'p.json', bytes: Buffer.from(JSON.stringify(document)) });
    const fromYaml = parsePlan({ file: 'p.yml', bytes: Buffer.from(planToYaml(document)) });
    expect(fromYaml.diagnostics).toEqual([]);
    expect(fromYaml.plan).toEqual(fromJson.plan);
  });
});
