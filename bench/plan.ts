/**
 * Load + validate + plan, on random, layered and chain DAGs of 1k, 10k and 100k tasks: in-process phase times,
 * and the whole `orchestrator plan` command as a user runs it. Targets (2-core machine): 10k under 1 s, 100k
 * under 10 s, time growing near-linearly.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyze } from '../src/core/analyze.js';
import { parsePlan } from '../src/core/plan-file.js';
import { writePlanOutputs } from '../src/workspace/plan-outputs.js';
import { runCli } from './cli.js';
import { generateDeps, planYaml, type Shape } from './generate.js';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const SHAPES: Shape[] = ['random', 'layered', 'chain'];

function time<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const result = fn();
  return [result, performance.now() - start];
}

export function benchPlan(cli: string): void {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'orchestrator-bench-'));
  try {
    console.log('\n## load + validate + plan\n');
    console.log(
      'Process: `orchestrator plan --quiet` into a fresh folder, node start-up included, and its peak RSS. In process: load+validate (parse, schema, rules, resolve), analyze (levels, order, critical path), write (render and write plan.json, master_plan.md and one agent file a task) into a fresh folder; "again" is the same write over the first (re-planning). Nothing is deleted until the end: deleting 100k files slows the next writes for a while.\n',
    );
    console.log(
      '| shape | tasks | file | `orchestrator plan` | peak RSS | load+validate | analyze | write | total | per task | write again |',
    );
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    const floors = new Map(SIZES.map((n) => [n, createFloor(work, n)]));
    for (const shape of SHAPES) {
      for (const n of SIZES) {
        const file = path.join(work, `${shape}-${n}.yml`);
        fs.writeFileSync(file, planYaml(generateDeps(shape, n, n), { name: `${shape}-${n}` }));
        const bytes = fs.readFileSync(file);
        const [rss, tProcess] = time(
          () =>
            runCli(cli, ['plan', file, '--quiet', '--dir', path.join(work, `cli-${shape}-${n}`)], work).rss,
        );
        const [result, tLoad] = time(() => parsePlan({ file, bytes }));
        if (result.plan === null)
          throw new Error(`generated plan is invalid: ${result.diagnostics[0]?.message}`);
        const plan = result.plan;
        const [analysis, tAnalyze] = time(() => analyze(plan));
        const out = path.join(work, `out-${shape}-${n}`);
        const [, tWrite] = time(() => writePlanOutputs(out, plan, analysis));
        const [, tAgain] = time(() => writePlanOutputs(out, plan, analysis));
        const total = tLoad + tAnalyze + tWrite;
        console.log(
          `| ${shape} | ${n} | ${(bytes.length / 1e6).toFixed(1)} MB | ${ms(tProcess)} | ${(rss / 1e6).toFixed(0)} MB | ${ms(tLoad)} | ${ms(tAnalyze)} | ${ms(tWrite)} | ${ms(total)} | ${((total * 1000) / n).toFixed(0)} µs | ${ms(tAgain)} |`,
        );
      }
    }
    console.log(
      `\nFile-system floor: creating N small files in a fresh folder here takes ${SIZES.map((n) => `${ms(floors.get(n)!)} for ${n}`).join(', ')}; "write" cannot go below it (rewriting existing files, as "write again" does, costs about a fifth).`,
    );
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** The time to create `n` files of 600 bytes in a fresh folder: what writing one agent file a task costs at least. */
function createFloor(work: string, n: number): number {
  const dir = path.join(work, `floor-${n}`);
  fs.mkdirSync(dir);
  const body = 'x'.repeat(600);
  const [, t] = time(() => {
    for (let i = 0; i < n; i++) fs.writeFileSync(path.join(dir, `agent-${i}.md`), body);
  });
  fs.rmSync(dir, { recursive: true, force: true });
  return t;
}

function ms(t: number): string {
  return t >= 1000 ? `${(t / 1000).toFixed(2)} s` : `${t.toFixed(0)} ms`;
}
