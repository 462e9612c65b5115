// Reading plan files: every kind of bad input is one clear diagnostic with a line, never an exception.
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/core/plan-file.js';
import { formatDiagnostic } from '../../src/core/diagnostics.js';
import { check, diagnose, load } from '../support/plans.js';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const VALID =
  'version: 1\ntasks:\n  - {id: A, run: a}\n  - {id: B, run: b}\n  - {id: C, run: c, deps: [A, B]}\n';

describe('YAML', () => {
  it('loads a valid plan', () => {
    expect(load(VALID).tasks.map((t) => t.id)).toEqual(['A', 'B', 'C']);
  });
  it('reports invalid YAML with its line', () => {
    expect(diagnose('version: 1\ntasks:\n  - id: A\n   run: x\n')).toEqual([
      expect.stringMatching(/^plan\.yml:4:\d+: invalid YAML: .+ \[syntax\]$/),
    ]);
  });
  it('refuses a key given twice (a lenient parser would drop a dependency)', () => {
    expect(diagnose('version: 1\ntasks:\n  - id: A\n    deps: [B]\n    deps: [C]\n')).toEqual([
      'plan.yml:5:5: this key is given twice in the same mapping; keep one (a lenient parser would silently drop the other) [syntax]',
    ]);
  });
  it('refuses a second document', () => {
    expect(diagnose(`${VALID}---\nversion: 1\n`)).toEqual([
      'plan.yml:7:1: a plan file holds one YAML document; this one has a second (after a `---` line) [syntax]',
    ]);
  });
  it('refuses an alias bomb quickly, pointing at the alias', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const started = performance.now();
    const [line] = diagnose(`version: 1\n${levels.join('\n')}\ntasks: []\n`);
    expect(performance.now() - started).toBeLessThan(5_000); // generous: the point is "not exponential"
    expect(line).toMatch(
      /^plan\.yml:\d+:\d+: aliases expand this document past \d+ values \(an alias bomb\?\)/,
    );
  });
  it('refuses a recursive alias', () => {
    expect(diagnose('version: 1\ntasks: &t [*t]\n')[0]).toContain(
      'alias *t refers to a node that contains it',
    );
  });
  it('accepts ordinary anchors and aliases', () => {
    const plan = load(
      'version: 1\ntasks:\n  - {id: A, run: a, env: &e {X: "1"}}\n  - {id: B, run: b, env: *e}\n  - {id: C, run: c}\n',
    );
    expect(plan.tasks[1]!.env).toEqual({ X: '1' });
  });
  it('refuses nesting too deep to be a plan', () => {
    expect(diagnose(`version: 1\nx: ${'['.repeat(200)}${']'.repeat(200)}\n`)[0]).toMatch(
      /invalid YAML: nesting exceeded/,
    );
  });
  it('reads YAML 1.2: yes/no and dates stay strings', () => {
    const plan = load(
      'version: 1\ntasks:\n  - {id: A, run: a, env: {X: yes, D: 2024-01-01}}\n  - {id: B, run: b}\n  - {id: C, run: c}\n',
    );
    expect(plan.tasks[0]!.env).toEqual({ X: 'yes', D: '2024-01-01' });
  });
});

describe('empty, huge and undecodable files', () => {
  it('an empty file', () => {
    for (const text of ['', '\n\n', '# only a comment\n']) {
      expect(diagnose(text)).toEqual([
        'plan.yml:1:1: the plan is empty: a plan needs `version: 1` and a list of `tasks` (`orchestrator init` writes a starter plan) [syntax]',
      ]);
    }
  });
  it('a file over the size limit is refused before parsing', () => {
    const result = parsePlan({ file: 'big.yml', bytes: new Uint8Array(64 * 1024 * 1024 + 1) });
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'big.yml:1:1: the file is 67108865 bytes, over the 67108864-byte limit for a plan [syntax]',
    ]);
  });
  it('non-UTF-8 bytes, with the line and column of the first bad byte', () => {
    const latin1 = Uint8Array.from([...bytes('version: 1\ntasks:\n  - id: caf'), 0xe9, ...bytes('\n')]);
    expect(parsePlan({ file: 'p.yml', bytes: latin1 }).diagnostics.map(formatDiagnostic)).toEqual([
      'p.yml:3:12: the file is not valid UTF-8 (byte 0xe9 at offset 29); save it as UTF-8 [syntax]',
    ]);
  });
  it('UTF-16 is named as such', () => {
    const utf16 = Uint8Array.from([0xff, 0xfe, 0x76, 0x00, 0xd8]);
    expect(parsePlan({ file: 'p.yml', bytes: utf16 }).diagnostics[0]!.message).toBe(
      'the file is UTF-16; save it as UTF-8',
    );
  });
  it('a UTF-8 byte order mark is fine', () => {
    expect(check(`\uFEFF${VALID}`).plan).not.toBeNull();
  });
});

describe('JSON', () => {
  const json = JSON.stringify(
    {
      version: 1,
      tasks: [
        { id: 'A', run: 'a' },
        { id: 'B', run: 'b' },
        { id: 'C', run: 'c' },
      ],
    },
    null,
    2,
  );
  it('loads strict JSON', () => {
    expect(check(json, 'plan.json').plan?.tasks).toHaveLength(3);
  });
  it('refuses trailing commas and comments with a position', () => {
    expect(diagnose('{\n  "version": 1,\n  "tasks": [],\n}\n', 'plan.json')).toEqual([
      expect.stringMatching(/^plan\.json:4:1: invalid JSON: .+ \[syntax\]$/),
    ]);
  });
  it('refuses duplicate keys, which JSON.parse would silently merge', () => {
    expect(diagnose('{"version": 1, "version": 1, "tasks": []}', 'plan.json')[0]).toMatch(
      /^plan\.json:1:17: this key is given twice/,
    );
  });
  it('places findings in JSON files too', () => {
    const text = '{\n  "version": 1,\n  "tasks": [\n    {"id": "A", "run": "a", "deps": ["Z"]}\n  ]\n}\n';
    expect(diagnose(text, 'plan.json')).toContain(
      'plan.json:4:38: task "A" depends on unknown task "Z" [unknown-dep]',
    );
  });
});

describe('seed master_plan.md', () => {
  const seed = [
    '# Task Plan',
    '',
    '## Request',
    '> Refactor the auth module',
    '> and add tests',
    '',
    '## Tasks',
    '| ID | Task | Deps | Status |',
    '|----|------|------|--------|',
    '| T-01 | Audit the auth module | None | 🟡 |',
    '| T-02 | Write tests \\| carefully | T-01 | ⏸️ |',
    '| T-03 | Refactor | T-01, T-02 | ⏸️ |',
    '',
  ].join('\n');
  it('reads the task table and the request', () => {
    const { plan } = check(seed, 'master_plan.md');
    expect(plan?.request).toBe('Refactor the auth module\nand add tests');
    expect(plan?.tasks.map((t) => [t.id, t.title, t.deps, t.agent])).toEqual([
      ['T-01', 'Audit the auth module', [], 'claude'],
      ['T-02', 'Write tests | carefully', ['T-01'], 'claude'],
      ['T-03', 'Refactor', ['T-01', 'T-02'], 'claude'],
    ]);
  });
  it('points at the table cell of a bad dep', () => {
    expect(diagnose(seed.replace('| T-01, T-02 |', '| T-01, T-09 |'), 'master_plan.md')).toEqual([
      'master_plan.md:12:27: task "T-03" depends on unknown task "T-09" [unknown-dep]',
    ]);
  });
  it('says what is missing when there is no table', () => {
    expect(diagnose('# Task Plan\n\nnothing here\n', 'master_plan.md')[0]).toMatch(
      /^master_plan\.md:1:1: no task table found/,
    );
  });
  it('takes Do and Output from the agent files', () => {
    const agentFiles = [
      {
        name: 'agent-01.md',
        text: '# Agent-01: Audit the auth module\n**Input:** none\n**Do:** List every cookie read.\n**Output:** A report\n',
      },
    ];
    const { plan } = parsePlan({ file: 'master_plan.md', bytes: bytes(seed), agentFiles });
    expect(plan?.tasks[0]).toMatchObject({ prompt: 'List every cookie read.', output: 'A report' });
  });
});

describe('line endings', () => {
  it('reads CRLF files and still points at the right line', () => {
    const crlf = 'version: 1\r\ntasks:\r\n  - {id: A, run: a}\r\n  - {id: B, run: b, deps: [Z]}\r\n';
    expect(diagnose(crlf)).toContain('plan.yml:4:28: task "B" depends on unknown task "Z" [unknown-dep]');
  });
  it('reads a CRLF seed master plan', () => {
    const md =
      '## Request\r\n> Do it\r\n\r\n| ID | Task | Deps | Status |\r\n|---|---|---|---|\r\n| A | One | None | 🟡 |\r\n| B | Two | A | ⏸️ |\r\n| C | Three | A, B | ⏸️ |\r\n';
    const { plan } = check(md, 'master_plan.md');
    expect(plan?.request).toBe('Do it');
    expect(plan?.tasks.map((t) => [t.id, t.title, t.deps])).toEqual([
      ['A', 'One', []],
      ['B', 'Two', ['A']],
      ['C', 'Three', ['A', 'B']],
    ]);
  });
});
