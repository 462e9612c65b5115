/**
 * Load + validate + plan, on random, layered and chain DAGs of 1k, 10k and 100k tasks: in-process phase times,
 * and the whole `orchestrator plan` command as a user runs it. Targets (2-core machine): 10k under 1 s, 100k
 * under 10 s, time growing near-linearly.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyze } from '../src/core/analyze.js';
import { parsePlan } from '../src/core/plan-file.js';
import { writePlanOutputs } from '../src/workspace/plan-outputs.js';
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
      '| shape | tasks | file | load+validate | analyze | write outputs | in-process total | per task | `orchestrator plan` (process) |',
    );
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const shape of SHAPES) {
      for (const n of SIZES) {
        const file = path.join(work, `${shape}-${n}.yml`);
        fs.writeFileSync(file, planYaml(generateDeps(shape, n, n), { name: `${shape}-${n}` }));
        const bytes = fs.readFileSync(file);
        const [result, tLoad] = time(() => parsePlan({ file, bytes }));
        if (result.plan === null)
          throw new Error(`generated plan is invalid: ${result.diagnostics[0]?.message}`);
        const plan = result.plan;
        const [analysis, tAnalyze] = time(() => analyze(plan));
        const [, tWrite] = time(() => writePlanOutputs(path.join(work, 'out'), plan, analysis));
        const total = tLoad + tAnalyze + tWrite;
        const [, tProcess] = time(() =>
          execFileSync(
            process.execPath,
            [cli, 'plan', file, '--quiet', '--dir', path.join(work, 'cli-out')],
            { stdio: 'ignore' },
          ),
        );
        console.log(
          `| ${shape} | ${n} | ${(bytes.length / 1e6).toFixed(1)} MB | ${ms(tLoad)} | ${ms(tAnalyze)} | ${ms(tWrite)} | ${ms(total)} | ${((total * 1000) / n).toFixed(0)} µs | ${ms(tProcess)} |`,
        );
      }
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function ms(t: number): string {
  return t >= 1000 ? `${(t / 1000).toFixed(2)} s` : `${t.toFixed(0)} ms`;
}
