/**
 * Plan generators for benchmarks and tests: random DAGs, layered DAGs and chains, as plan-file YAML.
 * Deterministic for a given seed.
 */

export type Shape = 'random' | 'layered' | 'chain';

/** A small, fast, seedable PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Deps of each task (indexes of earlier tasks). */
export function generateDeps(shape: Shape, n: number, seed = 1): number[][] {
  const random = rng(seed);
  const pick = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo));
  const deps: number[][] = [];
  switch (shape) {
    case 'chain':
      for (let i = 0; i < n; i++) deps.push(i === 0 ? [] : [i - 1]);
      break;
    case 'random':
      // Up to 3 deps among the previous 200 tasks: wide, irregular, and with long paths.
      for (let i = 0; i < n; i++) {
        const k = i === 0 ? 0 : pick(0, 4);
        const set = new Set<number>();
        for (let j = 0; j < k; j++) set.add(pick(Math.max(0, i - 200), i));
        deps.push([...set].sort((a, b) => a - b));
      }
      break;
    case 'layered': {
      // Layers of about sqrt(n) tasks, each task depending on 1 to 3 tasks of the layer before.
      const width = Math.max(1, Math.round(Math.sqrt(n)));
      for (let i = 0; i < n; i++) {
        const layer = Math.floor(i / width);
        if (layer === 0) {
          deps.push([]);
          continue;
        }
        const start = (layer - 1) * width;
        const set = new Set<number>();
        const k = pick(1, 4);
        for (let j = 0; j < k; j++) set.add(pick(start, start + width));
        deps.push([...set].sort((a, b) => a - b));
      }
      break;
    }
  }
  return deps;
}

export interface GenerateOptions {
  /** The command of every task (default `true`). */
  run?: (index: number) => string;
  estimate?: (index: number) => string;
  name?: string;
}

export function taskId(i: number): string {
  return `T-${String(i + 1).padStart(5, '0')}`;
}

/** A plan-file YAML text for the given deps. */
export function planYaml(deps: readonly (readonly number[])[], options: GenerateOptions = {}): string {
  const lines = [
    `version: 1`,
    `name: ${options.name ?? 'generated'}`,
    `defaults:`,
    `  agent: shell`,
    `  retries: 0`,
    'tasks:',
  ];
  deps.forEach((ds, i) => {
    lines.push(`  - id: ${taskId(i)}`);
    lines.push(`    title: Generated task ${i + 1}`);
    lines.push(`    run: ${JSON.stringify(options.run?.(i) ?? 'true')}`);
    if (options.estimate !== undefined) lines.push(`    estimate: ${options.estimate(i)}`);
    if (ds.length > 0) lines.push(`    deps: [${ds.map(taskId).join(', ')}]`);
  });
  return `${lines.join('\n')}\n`;
}
