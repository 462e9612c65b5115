// End to end: the built CLI, run as a process, on real files.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateDeps, planYaml } from '../../bench/generate.js';
import { cli, listFiles, ROOT, tempDir } from '../support/cli.js';

const EXAMPLE = path.join(ROOT, 'examples/repo-health.yml');
let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('orchestrator --version / --help / usage', () => {
  it('prints the package version', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(cli(['--version'])).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });
  it('shows examples and exit codes in --help', () => {
    const { code, stdout } = cli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Examples:');
    expect(stdout).toContain('Exit codes: 0 ok, 1 the work failed, 2 bad input or usage, 130 interrupted.');
  });
  it('exits 2 on an unknown command or option, without a stack trace', () => {
    for (const args of [['bogus'], ['plan'], ['graph', EXAMPLE, '--format', 'png']]) {
      const { code, stderr } = cli(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('orchestrator validate', () => {
  it('accepts the example', () => {
    expect(cli(['validate', EXAMPLE])).toMatchObject({
      code: 0,
      stdout: '',
      stderr: expect.stringContaining('valid, 5 tasks'),
    });
  });
  it('prints every finding sorted, exits 2', () => {
    const file = path.join(dir, 'bad.yml');
    fs.writeFileSync(
      file,
      'version: 1\ntasks:\n  - {id: B, run: b, deps: [Z]}\n  - {id: A, run: a, deps: [A]}\n  - {id: C, promt: x}\n',
    );
    const { code, stdout } = cli(['validate', file]);
    expect(code).toBe(2);
    expect(stdout.split('\n').filter(Boolean)).toEqual([
      `${file}:3:28: task "B" depends on unknown task "Z" [unknown-dep]`,
      `${file}:4:28: task "A" depends on itself [self-dep]`,
      `${file}:5:5: task "C" runs the claude agent but has neither \`prompt\` nor \`title\`: say what the agent should do [missing-prompt]`,
      `${file}:5:13: unknown key "promt" in task "C" (did you mean "prompt"?) [unknown-key]`,
    ]);
  });
  it('reports as JSON with --json', () => {
    const { code, stdout } = cli(['validate', '--json', EXAMPLE, path.join(dir, 'missing.yml')]);
    expect(code).toBe(2);
    const json = JSON.parse(stdout) as { valid: boolean; files: { file: string; valid: boolean }[] };
    expect(json.valid).toBe(false);
    expect(json.files.map((f) => f.valid)).toEqual([true, false]);
  });
});

describe('orchestrator plan', () => {
  it('writes plan.json, master_plan.md and the agent files, and shows the batches', () => {
    const out = path.join(dir, 'o');
    const { code, stdout } = cli(['plan', EXAMPLE, '--dir', out]);
    expect(code).toBe(0);
    expect(stdout).toContain(
      '═══ Batch #1 (No Dependencies) ═══\n🤖 Agent-01 [inventory: List the files of the repository]',
    );
    expect(stdout).toContain('═══ Batch #2 (After Batch #1) ═══');
    expect(listFiles(out)).toEqual([
      'agent_tasks/agent-01.md',
      'agent_tasks/agent-02.md',
      'agent_tasks/agent-03.md',
      'agent_tasks/agent-04.md',
      'agent_tasks/agent-05.md',
      'master_plan.md',
      'plan.json',
    ]);
    expect(fs.readFileSync(path.join(out, 'master_plan.md'), 'utf8')).toContain(
      '| ID | Task | Deps | Status |',
    );
  });
  it('writes a plan.json that is itself a valid plan, and a master plan that loads back', () => {
    const out = path.join(dir, 'o');
    cli(['plan', EXAMPLE, '--dir', out, '--quiet']);
    expect(cli(['validate', path.join(out, 'plan.json')]).code).toBe(0);
    const again = cli(['plan', path.join(out, 'master_plan.md'), '--dir', path.join(dir, 'o2'), '--json']);
    expect(again.code).toBe(0);
    const summary = JSON.parse(again.stdout) as { batches: string[][] };
    expect(summary.batches).toEqual([['inventory'], ['size', 'todos', 'dependencies'], ['summary']]);
  });
  it('replaces agent files left by a larger plan', () => {
    const out = path.join(dir, 'o');
    const big = path.join(dir, 'big.yml');
    fs.writeFileSync(big, planYaml(generateDeps('random', 12, 3)));
    cli(['plan', big, '--dir', out, '--quiet']);
    expect(listFiles(path.join(out, 'agent_tasks'))).toHaveLength(12);
    cli(['plan', EXAMPLE, '--dir', out, '--quiet']);
    expect(listFiles(path.join(out, 'agent_tasks'))).toHaveLength(5);
  });

  const BAD: Record<string, string | Uint8Array> = {
    'invalid YAML': 'version: 1\ntasks:\n  - id: A\n   run: x\n',
    'alias bomb': `version: 1\na: &a [x,x,x,x,x,x,x,x,x]\n${Array.from(
      { length: 9 },
      (_, i) =>
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(',')}]`,
    ).join('\n')}\ntasks: []\n`,
    'wrong types': 'version: 1\ntasks:\n  - {id: A, run: a, retries: many}\n',
    cycle: 'version: 1\ntasks:\n  - {id: A, run: a, deps: [B]}\n  - {id: B, run: b, deps: [A]}\n',
    'non-UTF-8': Uint8Array.from([
      ...new TextEncoder().encode('version: 1\ntasks:\n  - id: caf'),
      0xe9,
      0x0a,
    ]),
    'empty file': '',
    'duplicate key': 'version: 1\ntasks:\n  - id: A\n    run: a\n    run: b\n',
  };
  for (const [name, content] of Object.entries(BAD)) {
    it(`${name}: exit 2, the file and line named, nothing written`, () => {
      const file = path.join(dir, 'plan.yml');
      fs.writeFileSync(file, content);
      const out = path.join(dir, 'o');
      const { code, stderr, stdout } = cli(['plan', file, '--dir', out]);
      expect(code).toBe(2);
      expect(stderr).toMatch(
        new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: .+ \\[[a-z-]+\\]$`, 'm'),
      );
      expect(stderr).not.toMatch(/\n\s+at /);
      expect(stdout).toBe('');
      expect(fs.existsSync(out)).toBe(false);
    });
  }
  it('a file over the size limit: exit 2 before reading it', () => {
    const file = path.join(dir, 'huge.yml');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, 64 * 1024 * 1024 + 1);
    const { code, stderr } = cli(['plan', file, '--dir', path.join(dir, 'o')]);
    expect(code).toBe(2);
    expect(stderr).toContain('over the 67108864-byte limit');
  });
  it('an invalid plan leaves earlier outputs untouched', () => {
    const out = path.join(dir, 'o');
    cli(['plan', EXAMPLE, '--dir', out, '--quiet']);
    const before = fs.readFileSync(path.join(out, 'master_plan.md'), 'utf8');
    const file = path.join(dir, 'bad.yml');
    fs.writeFileSync(file, 'version: 1\ntasks:\n  - {id: A, run: a, deps: [A]}\n');
    expect(cli(['plan', file, '--dir', out]).code).toBe(2);
    expect(fs.readFileSync(path.join(out, 'master_plan.md'), 'utf8')).toBe(before);
  });
  it('handles a 100,000-task chain (no stack overflow)', () => {
    const file = path.join(dir, 'chain.yml');
    fs.writeFileSync(file, planYaml(generateDeps('chain', 100_000)));
    const { code, stdout, stderr } = cli(['plan', file, '--dir', path.join(dir, 'o'), '--json']);
    expect(stderr).toContain('every task waits for the one before (a chain of 100000)');
    expect(code).toBe(0);
    const summary = JSON.parse(stdout) as { batches: string[][]; criticalPath: { tasks: string[] } };
    expect(summary.batches).toHaveLength(100_000);
    expect(summary.criticalPath.tasks).toHaveLength(100_000);
  }, 120_000);
});

describe('orchestrator graph', () => {
  it('prints mermaid, dot and json', () => {
    expect(cli(['graph', EXAMPLE]).stdout).toMatch(/^flowchart TD\n/);
    expect(cli(['graph', EXAMPLE, '--format', 'dot']).stdout).toMatch(/^digraph "repo-health" \{/);
    const json = JSON.parse(cli(['graph', EXAMPLE, '--format', 'json']).stdout) as { edges: string[][] };
    expect(json.edges).toContainEqual(['inventory', 'size']);
    expect(json.edges).toHaveLength(7);
  });
  it('--reduce drops implied edges', () => {
    const file = path.join(dir, 'p.yml');
    fs.writeFileSync(
      file,
      'version: 1\ntasks:\n  - {id: A, run: a}\n  - {id: B, run: b, deps: [A]}\n  - {id: C, run: c, deps: [A, B]}\n',
    );
    const json = JSON.parse(cli(['graph', file, '--format', 'json', '--reduce']).stdout) as {
      edges: string[][];
    };
    expect(json.edges).toEqual([
      ['A', 'B'],
      ['B', 'C'],
    ]);
  });
});

describe('orchestrator init', () => {
  it('writes the starter plan, which is the example, and refuses to overwrite', () => {
    expect(cli(['init'], { cwd: dir }).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'plan.yml'), 'utf8')).toBe(fs.readFileSync(EXAMPLE, 'utf8'));
    const again = cli(['init'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists; pass --force');
    expect(cli(['init', '--force'], { cwd: dir }).code).toBe(0);
  });
});

describe('orchestrator schema', () => {
  it('prints the checked-in JSON Schema', () => {
    expect(cli(['schema']).stdout).toBe(fs.readFileSync(path.join(ROOT, 'schema/plan.schema.json'), 'utf8'));
  });
});

describe('colour', () => {
  const file = (): string => {
    const f = path.join(dir, 'p.yml');
    fs.writeFileSync(f, 'version: 1\ntasks:\n  - {id: A, run: a, deps: [Z]}\n');
    return f;
  };
  it('is used when forced, and NO_COLOR wins', () => {
    expect(cli(['validate', file()], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout).toContain(
      '\u001b[',
    );
    expect(cli(['validate', file()], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } }).stdout).not.toContain(
      '\u001b[',
    );
  });
  it('never lets plan text put control characters on the terminal', () => {
    const f = path.join(dir, 'p.yml');
    fs.writeFileSync(
      f,
      'version: 1\ntasks:\n  - {id: A, run: a, title: "evil \\e]0;pwned\\a"}\n  - {id: B, run: b}\n  - {id: C, run: c}\n',
    );
    const { stdout } = cli(['plan', f, '--dir', path.join(dir, 'o')]);
    expect(stdout).toContain('evil');
    expect(stdout).not.toContain('\u001b');
    expect(stdout).not.toContain('\u0007');
  });
});
