/**
 * The layering of src/, checked rather than hoped for: each folder may import only the folders listed for it
 * below. A new edge fails this test; adding it to the table is a decision, made in review, with its reason.
 *
 * The layers, bottom up: `core` (pure: the plan, its validation and analysis), `render` (pure text from a plan),
 * `workspace` (the .orchestrator/ folder), `agents` (one adapter per CLI), `runner` (processes), `report`
 * (final_output.md from an outputs folder), `decompose` (a request to a plan), `github` (the compiler, the reusable
 * workflow, the audit), and the two front ends, `cli` and `action`, which nothing imports.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.join(import.meta.dirname, '..', 'src');

/** Top-level files of src/ shared by every layer. */
const SHARED = ['errors', 'version'];

const ALLOWED: Record<string, readonly string[]> = {
  core: [],
  render: ['core'],
  workspace: ['core', 'render'],
  agents: ['core', 'render', 'runner'],
  runner: ['core', 'render', 'workspace', 'agents', 'report', 'cli'],
  report: ['core', 'render', 'workspace', 'runner'],
  decompose: ['core', 'render', 'workspace', 'agents', 'runner'],
  github: ['core'],
  cli: ['core', 'render', 'workspace', 'runner', 'report', 'decompose', 'github', 'examples'],
  action: ['core', 'render', 'workspace', 'runner', 'report', 'decompose', 'github'],
  examples: [],
};

/**
 * The edges across layers that point down-then-up, each limited to what it needs (a type, or one helper), with
 * the files it may reach: anything else in those folders stays out of bounds.
 */
const NARROW: Record<string, Record<string, readonly string[]>> = {
  // A type of the status file the runner writes, read back by a prompt of a dependent task.
  agents: { runner: ['runner/status.ts'] },
  // The progress views style text as the CLI's terminal does; the rest of the CLI stays out of the runner.
  runner: { cli: ['cli/terminal.ts'], report: ['report/status-file.ts'] },
  // The status file's type and the tampering found on import, both defined beside the code that makes them.
  report: { runner: ['runner/status.ts', 'runner/downloads.ts'] },
  // The planner runs its agent through the runner's process spawning, and its leak guard takes the secrets of the
  // job as the task job's redaction does (the same names, the same shortest value): nothing else of the runner.
  decompose: { runner: ['runner/spawn.ts', 'runner/redact.ts'] },
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

function layerOf(relative: string): string {
  const first = relative.split('/')[0]!;
  return first.replace(/\.ts$/, '');
}

interface Edge {
  from: string;
  to: string;
  line: number;
}

function importsOf(root: string, file: string): Edge[] {
  const from = path.relative(root, file).split(path.sep).join('/');
  const edges: Edge[] = [];
  fs.readFileSync(file, 'utf8')
    .split('\n')
    .forEach((text, index) => {
      for (const m of text.matchAll(/\b(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
        const target = path
          .relative(root, path.resolve(path.dirname(file), m[1]!))
          .split(path.sep)
          .join('/');
        edges.push({ from, to: target.replace(/\.js$/, '.ts'), line: index + 1 });
      }
    });
  return edges;
}

/** Each import of a source file under `root` that the table does not allow, as `src/<file>:<line>: ...`. */
function violations(root: string): string[] {
  const broken: string[] = [];
  for (const file of sourceFiles(root)) {
    for (const edge of importsOf(root, file)) {
      const from = layerOf(edge.from);
      const to = layerOf(edge.to);
      // A file outside src/ (examples/repo-health.yml, bundled as text) is data, not a layer.
      if (edge.to.startsWith('../')) continue;
      if (from === to || SHARED.includes(to) || !(from in ALLOWED)) continue;
      const narrow = NARROW[from]?.[to];
      const ok = ALLOWED[from]!.includes(to) && (narrow === undefined || narrow.includes(edge.to));
      if (!ok) broken.push(`src/${edge.from}:${edge.line}: ${from} may not import ${edge.to}`);
    }
  }
  return broken.sort();
}

describe('the layering of src/', () => {
  it('has every folder of src/ in the table', () => {
    const folders = fs
      .readdirSync(SRC, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    expect(folders).toEqual(Object.keys(ALLOWED).sort());
  });

  it('imports only what each layer may', () => {
    expect(violations(SRC)).toEqual([]);
  });

  it('reports an import across layers the table does not allow, and one past a narrow edge', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'layers-'));
    const write = (file: string, text: string): void => {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    };
    write('core/plan.ts', "import { run } from '../runner/run.js';\nimport { x } from './model.js';\n");
    write(
      'decompose/ai.ts',
      "import { spawn } from '../runner/spawn.js';\nimport { run } from '../runner/run.js';\n",
    );
    write(
      'render/text.ts',
      "import type { Plan } from '../core/model.js';\nimport { UserError } from '../errors.js';\n",
    );
    expect(violations(root)).toEqual([
      'src/core/plan.ts:1: core may not import runner/run.ts',
      'src/decompose/ai.ts:2: decompose may not import runner/run.ts',
    ]);
  });
});
