/**
 * The local runner against the tools it is judged by:
 * - overhead: 2,000 no-op tasks in a random DAG at -j 2, orchestrator against ninja and make on the same DAG
 *   (target: at most 1.5x ninja's wall time);
 * - makespan: sleep tasks with lognormal durations at -j 8, against the lower bound max(critical path,
 *   work / 8) and against `--schedule level` (target: within 5% of the bound, clearly ahead of level order);
 * - memory: the peak RSS of a 10,000-task run (target: under 200 MB).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from './cli.js';
import { generateDeps, planYaml, rng, taskId } from './generate.js';

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

function ms(t: number): string {
  return t >= 1000 ? `${(t / 1000).toFixed(2)} s` : `${t.toFixed(0)} ms`;
}

function have(tool: string): boolean {
  return spawnSync(tool, ['--version'], { stdio: 'ignore' }).status === 0;
}

function ninjaFile(deps: readonly (readonly number[])[], command: string): string {
  const lines = [`rule run\n  command = ${command}\n`];
  deps.forEach((ds, i) =>
    lines.push(`build ${taskId(i)}: run${ds.length > 0 ? ` || ${ds.map(taskId).join(' ')}` : ''}`),
  );
  return `${lines.join('\n')}\ndefault ${deps.map((_, i) => taskId(i)).join(' ')}\n`;
}

function makefile(deps: readonly (readonly number[])[], command: string): string {
  const ids = deps.map((_, i) => taskId(i));
  const lines = [`SHELL := /bin/bash`, `.PHONY: all ${ids.join(' ')}`, `all: ${ids.join(' ')}`];
  deps.forEach((ds, i) =>
    lines.push(`${taskId(i)}:${ds.map((d) => ` ${taskId(d)}`).join('')}\n\t@${command}`),
  );
  return `${lines.join('\n')}\n`;
}

export function benchOverhead(cli: string): void {
  const n = 2000;
  const rounds = 3;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'orchestrator-bench-run-'));
  try {
    const deps = generateDeps('random', n, 7);
    fs.writeFileSync(path.join(work, 'plan.yml'), planYaml(deps, { name: 'overhead' }));
    console.log(`\n## overhead: ${n} no-op tasks, random DAG, -j 2\n`);
    // Each contender once a round, the rounds one after the other, the median kept: a machine whose speed drifts
    // (a virtual machine's neighbours) then weighs on every contender alike.
    interface Contender {
      tool: string;
      command: string;
      run: () => number;
      times: number[];
    }
    const ours =
      (launcher: string | undefined): (() => number) =>
      () => {
        fs.rmSync(path.join(work, '.orchestrator'), { recursive: true, force: true });
        const env = { ...process.env };
        if (launcher === undefined) delete env.ORCHESTRATOR_LAUNCHER;
        else env.ORCHESTRATOR_LAUNCHER = launcher;
        return runCli(cli, ['run', 'plan.yml', '-j', '2', '--quiet'], work, env).ms;
      };
    const contenders: Contender[] = [
      {
        tool: 'orchestrator run',
        command:
          'shell task `true`: `bash -euo pipefail -c true` started by launcher.py (posix_spawn), the default',
        run: ours(undefined),
        times: [],
      },
      {
        tool: 'orchestrator run',
        command: 'the same, started by launcher.pl (fork; `ORCHESTRATOR_LAUNCHER=perl`)',
        run: ours('perl'),
        times: [],
      },
      {
        tool: 'orchestrator run',
        command: "the same, started by Node's spawn (`ORCHESTRATOR_LAUNCHER=node`)",
        run: ours('node'),
        times: [],
      },
    ];
    if (have('ninja')) {
      const version = spawnSync('ninja', ['--version'], { encoding: 'utf8' }).stdout.trim();
      for (const [file, label, command] of [
        [
          'same.ninja',
          '`bash -euo pipefail -c true` (what the shell agent runs), through /bin/sh',
          'bash -euo pipefail -c true',
        ],
        ['true.ninja', '`true` through /bin/sh (no bash)', 'true'],
      ] as const) {
        fs.writeFileSync(path.join(work, file), ninjaFile(deps, command));
        contenders.push({
          tool: `ninja ${version}`,
          command: label,
          run: () => {
            fs.rmSync(path.join(work, '.ninja_log'), { force: true });
            return time(() =>
              execFileSync('ninja', ['-j', '2', '-C', work, '-f', file], { stdio: 'ignore' }),
            );
          },
          times: [],
        });
      }
    }
    if (have('make')) {
      fs.writeFileSync(path.join(work, 'Makefile'), makefile(deps, 'bash -euo pipefail -c true'));
      contenders.push({
        tool: 'GNU make',
        command: '`bash -euo pipefail -c true`',
        run: () => time(() => execFileSync('make', ['-j', '2', '-s', '-C', work], { stdio: 'ignore' })),
        times: [],
      });
    }
    for (let round = 0; round < rounds; round++) for (const c of contenders) c.times.push(c.run());
    const med = (c: Contender): number => [...c.times].sort((a, b) => a - b)[Math.floor(rounds / 2)]!;
    const reference = contenders.find((c) => c.tool.startsWith('ninja'));
    const ninjaSame = reference === undefined ? undefined : med(reference);
    const ratio = (t: number): string => (ninjaSame === undefined ? 'n/a' : `${(t / ninjaSame).toFixed(2)}x`);
    console.log(
      `| tool | command per task | wall time (median of ${rounds}) | each run | ratio to ninja (same command) |`,
    );
    console.log('|---|---|---:|---|---:|');
    for (const c of contenders) {
      console.log(
        `| ${c.tool} | ${c.command} | ${ms(med(c))} | ${c.times.map(ms).join(', ')} | ${ratio(med(c))} |`,
      );
    }
    if (!have('ninja')) console.log('\n(ninja is not installed: `apt-get install ninja-build`)');
    // What the files a run must leave cost on this disk alone, with nothing run: a folder and three files per
    // task (log.txt, result.md, status.json) and one agent file per task.
    const floor = median(3, () => {
      const root = fs.mkdtempSync(path.join(work, 'floor-'));
      const t = time(() => {
        for (let i = 0; i < n; i++) {
          const d = path.join(root, taskId(i));
          fs.mkdirSync(d);
          for (const f of ['log.txt', 'result.md', 'status.json']) fs.writeFileSync(path.join(d, f), 'x');
          fs.writeFileSync(path.join(root, `agent-${i}.md`), 'x');
        }
      });
      fs.rmSync(root, { recursive: true, force: true });
      return t;
    });
    console.log(
      `\nFile-system floor: creating the ${n * 5} files and folders a run leaves takes ${ms(floor)} on this disk (nothing run).`,
    );
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export function benchMakespan(cli: string): void {
  const n = 160;
  const jobs = 8;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'orchestrator-bench-span-'));
  try {
    const random = rng(11);
    // Lognormal durations: median 150 ms, sigma 0.9 (a few tasks several times longer than most).
    const durations = Array.from({ length: n }, () => {
      const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      return Math.round(150 * Math.exp(0.9 * z));
    });
    const deps = generateDeps('random', n, 5);
    const text = planYaml(deps, {
      name: 'makespan',
      run: (i) => `sleep ${(durations[i]! / 1000).toFixed(3)}`,
      estimate: (i) => `${durations[i]!}ms`,
    });
    fs.writeFileSync(path.join(work, 'plan.yml'), text);
    // The lower bound: no schedule beats the heaviest chain, nor the total work spread over every slot.
    const finish = new Array<number>(n).fill(0);
    deps.forEach((ds, i) => (finish[i] = Math.max(0, ...ds.map((d) => finish[d]!)) + durations[i]!));
    const critical = Math.max(...finish);
    const workMs = durations.reduce((a, b) => a + b, 0);
    const bound = Math.max(critical, workMs / jobs);
    console.log(`\n## makespan: ${n} sleep tasks (lognormal, median 150 ms), random DAG, -j ${jobs}\n`);
    console.log(
      `Lower bound max(critical path ${ms(critical)}, work ${ms(workMs)} / ${jobs}) = ${ms(bound)}.\n`,
    );
    console.log(
      '| schedule | makespan: first start to last end (median of 3) | over the bound | whole command |',
    );
    console.log('|---|---:|---:|---:|');
    for (const schedule of ['critical-path', 'level']) {
      const runs = Array.from({ length: 3 }, () => {
        fs.rmSync(path.join(work, '.orchestrator'), { recursive: true, force: true });
        const wall = runCli(
          cli,
          ['run', 'plan.yml', '-j', String(jobs), '--quiet', '--schedule', schedule],
          work,
        ).ms;
        return { span: span(path.join(work, '.orchestrator/outputs')), wall };
      }).sort((a, b) => a.span - b.span);
      const { span: t, wall } = runs[1]!;
      console.log(`| ${schedule} | ${ms(t)} | +${(((t - bound) / bound) * 100).toFixed(1)}% | ${ms(wall)} |`);
    }
    if (have('ninja')) {
      // The same DAG and commands under ninja, which has no notion of remaining path: what a build tool's
      // scheduler achieves on this machine, where each task's process start (two execs: bash, then sleep) is
      // not free, as the bound assumes.
      const edges = deps.map(
        (ds, i) =>
          `build ${taskId(i)}: run${ds.length > 0 ? ` || ${ds.map(taskId).join(' ')}` : ''}\n  cmd = bash -euo pipefail -c 'sleep ${(durations[i]! / 1000).toFixed(3)}'`,
      );
      fs.writeFileSync(path.join(work, 'build.ninja'), `rule run\n  command = $cmd\n\n${edges.join('\n')}\n`);
      const t = median(3, () => {
        fs.rmSync(path.join(work, '.ninja_log'), { force: true });
        return time(() => execFileSync('ninja', ['-j', String(jobs), '-C', work], { stdio: 'ignore' }));
      });
      console.log(
        `| ninja (its own order; whole command) | ${ms(t)} | +${(((t - bound) / bound) * 100).toFixed(1)}% | ${ms(t)} |`,
      );
    }
    console.log('\n"Whole command" adds node start-up, planning and writing the report.');
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export function benchMemory(cli: string): void {
  const n = 10_000;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'orchestrator-bench-mem-'));
  try {
    fs.writeFileSync(path.join(work, 'plan.yml'), planYaml(generateDeps('random', n, 3), { name: 'memory' }));
    const { ms: t, rss } = runCli(cli, ['run', 'plan.yml', '-j', '2', '--quiet'], work);
    console.log(`\n## memory: a ${n}-task run (no-op tasks, -j 2)\n`);
    console.log(`Peak RSS ${(rss / 1e6).toFixed(0)} MB, wall time ${ms(t)}.`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** From the first task's start to the last task's end, read from the status files the run wrote. */
function span(outputsDir: string): number {
  let first = Infinity;
  let last = -Infinity;
  for (const id of fs.readdirSync(outputsDir)) {
    const status = JSON.parse(fs.readFileSync(path.join(outputsDir, id, 'status.json'), 'utf8')) as {
      started_at: string;
      ended_at: string;
    };
    first = Math.min(first, Date.parse(status.started_at));
    last = Math.max(last, Date.parse(status.ended_at));
  }
  return last - first;
}

function median(runs: number, fn: () => number): number {
  const times = Array.from({ length: runs }, fn).sort((a, b) => a - b);
  return times[Math.floor(runs / 2)]!;
}
