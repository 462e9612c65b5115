import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  batches,
  buildGraph,
  criticalPath,
  findCycles,
  levels,
  longestRemaining,
  planGraph,
  topologicalOrder,
  transitiveReduction,
  type Graph,
} from '../../src/core/graph.js';
import { BUILTIN_DEFAULTS, type Plan, type Task } from '../../src/core/model.js';
import { rng } from '../../bench/generate.js';

// ---------------------------------------------------------------------------------------------------------
// Helpers: reading a Graph back, and brute-force references that are obviously right on small graphs.
// ---------------------------------------------------------------------------------------------------------

function depsOf(g: Graph, v: number): number[] {
  return Array.from(g.pred.subarray(g.predStart[v]!, g.predStart[v + 1]!));
}

function dependentsOf(g: Graph, v: number): number[] {
  return Array.from(g.succ.subarray(g.succStart[v]!, g.succStart[v + 1]!));
}

/** All edges as [dep, dependent], from the pred side. */
function edgesOf(g: Graph): [number, number][] {
  const out: [number, number][] = [];
  for (let v = 0; v < g.n; v++) for (const u of depsOf(g, v)) out.push([u, v]);
  return out;
}

/** reach[u][v]: a path of one or more edges runs from u to v (Floyd–Warshall style closure). */
function closure(n: number, edges: readonly (readonly [number, number])[]): boolean[][] {
  const reach = Array.from({ length: n }, () => new Array<boolean>(n).fill(false));
  for (const [u, v] of edges) reach[u]![v] = true;
  for (let k = 0; k < n; k++)
    for (let i = 0; i < n; i++)
      if (reach[i]![k]) for (let j = 0; j < n; j++) if (reach[k]![j]) reach[i]![j] = true;
  return reach;
}

/** Every path (as node lists, following dep -> dependent) of a small DAG. */
function allPaths(g: Graph): number[][] {
  const out: number[][] = [];
  const stack: number[][] = [];
  for (let v = 0; v < g.n; v++) stack.push([v]);
  while (stack.length > 0) {
    const path = stack.pop()!;
    out.push(path);
    for (const s of dependentsOf(g, path[path.length - 1]!)) stack.push([...path, s]);
  }
  return out;
}

function weightOf(path: readonly number[], weights: readonly number[]): number {
  return path.reduce((sum, v) => sum + weights[v]!, 0);
}

function compareLex(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

function task(id: string, deps: string[]): Task {
  return {
    id,
    title: id,
    inputs: {},
    deps,
    agent: 'shell',
    retries: 0,
    backoff: { ...BUILTIN_DEFAULTS.backoff },
    timeoutMs: 60_000,
    retryOn: [],
    onFailure: 'fail-fast',
    estimateMs: null,
    env: {},
    runsOn: ['ubuntu-latest'],
    outputs: [],
    edit: false,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Arbitraries.
// ---------------------------------------------------------------------------------------------------------

interface Case {
  n: number;
  deps: number[][];
}

/**
 * A random DAG: edges only run from a lower to a higher position of a random permutation, so it is acyclic
 * whatever the indexes look like. Duplicate pairs are left in on purpose.
 */
function dagArb(maxN: number): fc.Arbitrary<Case> {
  return fc.integer({ min: 0, max: maxN }).chain((n) =>
    fc
      .record({
        perm: fc.shuffledSubarray(
          Array.from({ length: n }, (_, i) => i),
          { minLength: n, maxLength: n },
        ),
        pairs: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 * n }),
      })
      .map(({ perm, pairs }) => {
        const deps: number[][] = Array.from({ length: n }, () => []);
        for (const [a, b] of pairs) {
          const i = a % n;
          const j = b % n;
          if (i === j) continue;
          deps[perm[Math.max(i, j)]!]!.push(perm[Math.min(i, j)]!);
        }
        return { n, deps };
      }),
  );
}

/** Any digraph, self-loops and duplicates included. */
function digraphArb(maxN: number): fc.Arbitrary<Case> {
  return fc.integer({ min: 1, max: maxN }).chain((n) =>
    fc.array(fc.tuple(fc.nat({ max: n - 1 }), fc.nat({ max: n - 1 })), { maxLength: 3 * n }).map((pairs) => {
      const deps: number[][] = Array.from({ length: n }, () => []);
      for (const [u, v] of pairs) deps[v]!.push(u);
      return { n, deps };
    }),
  );
}

const RUNS = { numRuns: 200 };

// ---------------------------------------------------------------------------------------------------------
// Examples.
// ---------------------------------------------------------------------------------------------------------

describe('buildGraph', () => {
  it('lays out a diamond in CSR, both directions ascending', () => {
    const g = buildGraph(4, [[], [0], [0], [2, 1]]);
    expect(g.n).toBe(4);
    expect(Array.from(g.predStart)).toEqual([0, 0, 1, 2, 4]);
    expect(Array.from(g.pred)).toEqual([0, 0, 1, 2]);
    expect(Array.from(g.succStart)).toEqual([0, 2, 3, 4, 4]);
    expect(Array.from(g.succ)).toEqual([1, 2, 3, 3]);
  });

  it('keeps a duplicate dep once', () => {
    const g = buildGraph(3, [[], [0, 0, 0], [1, 0, 1]]);
    expect(depsOf(g, 1)).toEqual([0]);
    expect(depsOf(g, 2)).toEqual([0, 1]);
    expect(dependentsOf(g, 0)).toEqual([1, 2]);
    expect(g.pred.length).toBe(3);
    expect(g.succ.length).toBe(3);
  });

  it('keeps a self-loop as an edge', () => {
    const g = buildGraph(2, [[0], [0, 1, 1]]);
    expect(depsOf(g, 0)).toEqual([0]);
    expect(depsOf(g, 1)).toEqual([0, 1]);
    expect(dependentsOf(g, 0)).toEqual([0, 1]);
    expect(dependentsOf(g, 1)).toEqual([1]);
  });

  it('handles the empty graph', () => {
    const g = buildGraph(0, []);
    expect(g.n).toBe(0);
    expect(Array.from(g.predStart)).toEqual([0]);
    expect(Array.from(g.succStart)).toEqual([0]);
    expect(Array.from(levels(g)!)).toEqual([]);
    expect(Array.from(topologicalOrder(g)!)).toEqual([]);
    expect(batches(g, levels(g)!)).toEqual([]);
    expect(criticalPath(g, new Int32Array(0), [])).toEqual({ nodes: [], total: 0 });
    expect(findCycles(g)).toEqual([]);
    expect(transitiveReduction(g, new Int32Array(0)).n).toBe(0);
  });

  it('rejects a dep that is not a node', () => {
    expect(() => buildGraph(2, [[], [2]])).toThrow(RangeError);
    expect(() => buildGraph(2, [[-1], []])).toThrow(RangeError);
    expect(() => buildGraph(2, [[0.5], []])).toThrow(RangeError);
    expect(() => buildGraph(2, [[]])).toThrow(RangeError);
  });
});

describe('planGraph', () => {
  it('maps dep ids to task indexes in file order, exact-match', () => {
    const plan: Plan = {
      version: 1,
      name: 'p',
      agents: {},
      tasks: [
        task('build', ['fetch']),
        task('fetch', []),
        task('test', ['build', 'fetch']),
        task('Build', []),
      ],
    };
    const g = planGraph(plan);
    expect(g.n).toBe(4);
    expect(depsOf(g, 0)).toEqual([1]);
    expect(depsOf(g, 1)).toEqual([]);
    expect(depsOf(g, 2)).toEqual([0, 1]);
    expect(depsOf(g, 3)).toEqual([]);
    expect(Array.from(topologicalOrder(g)!)).toEqual([1, 3, 0, 2]);
  });
});

describe('levels, topologicalOrder, batches', () => {
  it('diamond', () => {
    const g = buildGraph(4, [[], [0], [0], [1, 2]]);
    const level = levels(g)!;
    expect(Array.from(level)).toEqual([0, 1, 1, 2]);
    expect(Array.from(topologicalOrder(g)!)).toEqual([0, 1, 2, 3]);
    expect(batches(g, level)).toEqual([[0], [1, 2], [3]]);
  });

  it('chain written backwards: order by level, not index', () => {
    const g = buildGraph(4, [[1], [2], [3], []]);
    expect(Array.from(levels(g)!)).toEqual([3, 2, 1, 0]);
    expect(Array.from(topologicalOrder(g)!)).toEqual([3, 2, 1, 0]);
  });

  it('a node goes to 1 + its highest dep level', () => {
    // 0 -> 1 -> 2 -> 4, and 0 -> 4 directly: 4 still waits for 2.
    const g = buildGraph(5, [[], [0], [1], [], [0, 2]]);
    const level = levels(g)!;
    expect(Array.from(level)).toEqual([0, 1, 2, 0, 3]);
    expect(Array.from(topologicalOrder(g)!)).toEqual([0, 3, 1, 2, 4]);
    expect(batches(g, level)).toEqual([[0, 3], [1], [2], [4]]);
  });

  it('disconnected pieces interleave by level, then index', () => {
    const g = buildGraph(6, [[], [], [0], [1], [3], []]);
    const level = levels(g)!;
    expect(Array.from(level)).toEqual([0, 0, 1, 1, 2, 0]);
    expect(Array.from(topologicalOrder(g)!)).toEqual([0, 1, 5, 2, 3, 4]);
    expect(batches(g, level)).toEqual([[0, 1, 5], [2, 3], [4]]);
  });

  it('a cycle, or a self-loop, gives null', () => {
    expect(levels(buildGraph(3, [[2], [0], [1]]))).toBeNull();
    expect(topologicalOrder(buildGraph(3, [[2], [0], [1]]))).toBeNull();
    expect(levels(buildGraph(3, [[], [1], [1]]))).toBeNull();
    expect(topologicalOrder(buildGraph(3, [[], [1], [1]]))).toBeNull();
  });
});

describe('longestRemaining and criticalPath', () => {
  it('diamond: takes the heavier branch', () => {
    const g = buildGraph(4, [[], [0], [0], [1, 2]]);
    const order = topologicalOrder(g)!;
    const w = [1, 2, 5, 1];
    expect(Array.from(longestRemaining(g, order, w))).toEqual([7, 3, 6, 1]);
    expect(criticalPath(g, order, w)).toEqual({ nodes: [0, 2, 3], total: 7 });
  });

  it('ties go to lower indexes, at the start and at each step', () => {
    // Two equal chains 2 -> 3 and 0 -> 1, and node 4 depending on both 3 and 1.
    const g = buildGraph(5, [[], [0], [], [2], [3, 1]]);
    const order = topologicalOrder(g)!;
    expect(criticalPath(g, order, [1, 1, 1, 1, 1])).toEqual({ nodes: [0, 1, 4], total: 3 });
    const diamond = buildGraph(4, [[], [0], [0], [2, 1]]);
    expect(criticalPath(diamond, topologicalOrder(diamond)!, [1, 1, 1, 1])).toEqual({
      nodes: [0, 1, 3],
      total: 3,
    });
  });

  it('disconnected: the heaviest piece wins', () => {
    const g = buildGraph(4, [[], [0], [], []]);
    const order = topologicalOrder(g)!;
    expect(criticalPath(g, order, [1, 1, 1, 5])).toEqual({ nodes: [3], total: 5 });
    expect(criticalPath(g, order, [1, 1, 2, 1])).toEqual({ nodes: [0, 1], total: 2 });
  });

  it('zero weights still give a source-to-sink path', () => {
    const g = buildGraph(3, [[], [0], [1]]);
    expect(criticalPath(g, topologicalOrder(g)!, [0, 0, 0])).toEqual({ nodes: [0, 1, 2], total: 0 });
  });
});

describe('transitiveReduction', () => {
  it('drops the shortcut edges', () => {
    // 0 -> 1 -> 2 -> 3, plus shortcuts 0 -> 2, 0 -> 3, 1 -> 3; and 4 -> 3 which is needed.
    const g = buildGraph(5, [[], [0], [0, 1], [0, 1, 2, 4], []]);
    const r = transitiveReduction(g, topologicalOrder(g)!);
    expect(edgesOf(r)).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
      [4, 3],
    ]);
    expect(dependentsOf(r, 0)).toEqual([1]);
  });

  it('keeps a diamond whole', () => {
    const g = buildGraph(4, [[], [0], [0], [1, 2]]);
    expect(edgesOf(transitiveReduction(g, topologicalOrder(g)!))).toEqual(edgesOf(g));
  });
});

describe('findCycles', () => {
  it('finds nothing in a DAG', () => {
    expect(findCycles(buildGraph(4, [[], [0], [0], [1, 2]]))).toEqual([]);
  });

  it('ignores self-loops', () => {
    expect(findCycles(buildGraph(3, [[0], [0, 1], [2]]))).toEqual([]);
  });

  it('reports each cycle from its lowest node, along the deps', () => {
    // 1 depends on 3, 3 on 2, 2 on 1; and 0 <-> 4; and 5 depends on 1 (not in a cycle).
    const g = buildGraph(6, [[4], [3], [1], [2], [0], [1]]);
    expect(findCycles(g)).toEqual([
      [0, 4],
      [1, 3, 2],
    ]);
  });

  it('picks a shortest cycle through the lowest node of a component', () => {
    // 0 -> deps 1; 1 -> deps 2, 0; 2 -> deps 0. Cycles through 0: [0,1] and [0,1,2].
    const g = buildGraph(3, [[1], [2, 0], [0]]);
    expect(findCycles(g)).toEqual([[0, 1]]);
  });

  it('a self-loop inside a larger component does not hide the real cycle', () => {
    const g = buildGraph(2, [[0, 1], [0]]);
    expect(findCycles(g)).toEqual([[0, 1]]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Large graphs: no stack overflow, right answers.
// ---------------------------------------------------------------------------------------------------------

describe('100,000 nodes', () => {
  const N = 100_000;

  it('a chain', () => {
    const g = buildGraph(
      N,
      Array.from({ length: N }, (_, v) => (v === 0 ? [] : [v - 1])),
    );
    const level = levels(g)!;
    const order = topologicalOrder(g)!;
    let bad = 0;
    for (let v = 0; v < N; v++) if (level[v] !== v || order[v] !== v) bad++;
    expect(bad).toBe(0);
    const cp = criticalPath(g, order, new Float64Array(N).fill(1));
    expect(cp.total).toBe(N);
    expect(cp.nodes.length).toBe(N);
    expect(cp.nodes[0]).toBe(0);
    expect(cp.nodes[N - 1]).toBe(N - 1);
    expect(findCycles(g)).toEqual([]);
    expect(batches(g, level).length).toBe(N);
  });

  it('a chain closed into one big cycle', () => {
    const g = buildGraph(
      N,
      Array.from({ length: N }, (_, v) => (v === 0 ? [N - 1] : [v - 1])),
    );
    expect(levels(g)).toBeNull();
    expect(topologicalOrder(g)).toBeNull();
    const cycles = findCycles(g);
    expect(cycles.length).toBe(1);
    const c = cycles[0]!;
    expect(c.length).toBe(N);
    // 0 depends on N - 1, which depends on N - 2, ...
    expect(c[0]).toBe(0);
    expect(c[1]).toBe(N - 1);
    expect(c[N - 1]).toBe(1);
  });

  it('a random DAG with about 3 deps each', () => {
    const rand = rng(42);
    const deps = Array.from({ length: N }, (_, v) =>
      v === 0 ? [] : Array.from({ length: 3 }, () => Math.floor(rand() * v)),
    );
    const weights = Float64Array.from({ length: N }, () => 1 + Math.floor(rand() * 100));
    const g = buildGraph(N, deps);
    const level = levels(g)!;
    const order = topologicalOrder(g)!;
    expect(level).not.toBeNull();
    expect(order.length).toBe(N);

    const pos = new Int32Array(N);
    const seen = new Uint8Array(N);
    for (let i = 0; i < N; i++) {
      pos[order[i]!] = i;
      seen[order[i]!] = 1;
    }
    let bad = 0;
    for (let v = 0; v < N; v++) {
      if (seen[v] !== 1) bad++;
      let expected = 0;
      for (const u of deps[v]!) {
        if (pos[u]! >= pos[v]!) bad++;
        expected = Math.max(expected, level[u]! + 1);
      }
      if (level[v] !== expected) bad++;
    }
    expect(bad).toBe(0);

    const lr = longestRemaining(g, order, weights);
    const cp = criticalPath(g, order, weights);
    expect(cp.total).toBe(Math.max(...lr));
    expect(cp.total).toBe(cp.nodes.reduce((s, v) => s + weights[v]!, 0));
    for (let i = 1; i < cp.nodes.length; i++) expect(deps[cp.nodes[i]!]).toContain(cp.nodes[i - 1]);
    expect(dependentsOf(g, cp.nodes[cp.nodes.length - 1]!)).toEqual([]);
    expect(findCycles(g)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Properties.
// ---------------------------------------------------------------------------------------------------------

describe('properties', () => {
  it('buildGraph: CSR holds exactly the deduped edges, ascending, pred and succ mirrored', () => {
    fc.assert(
      fc.property(digraphArb(20), ({ n, deps }) => {
        const g = buildGraph(n, deps);
        const expected = new Set<string>();
        for (let v = 0; v < n; v++) for (const u of deps[v]!) expected.add(`${u}>${v}`);
        const fromPred = edgesOf(g).map(([u, v]) => `${u}>${v}`);
        const fromSucc: string[] = [];
        for (let u = 0; u < n; u++) {
          const ds = dependentsOf(g, u);
          expect(ds).toEqual([...ds].sort((a, b) => a - b));
          expect(new Set(ds).size).toBe(ds.length);
          for (const v of ds) fromSucc.push(`${u}>${v}`);
        }
        for (let v = 0; v < n; v++) {
          const ps = depsOf(g, v);
          expect(ps).toEqual([...new Set(deps[v])].sort((a, b) => a - b));
        }
        expect(new Set(fromPred)).toEqual(expected);
        expect(new Set(fromSucc)).toEqual(expected);
        expect(fromPred.length).toBe(expected.size);
        expect(fromSucc.length).toBe(expected.size);
      }),
      RUNS,
    );
  });

  it('topologicalOrder is a permutation that respects every edge, sorted by (level, index)', () => {
    fc.assert(
      fc.property(dagArb(40), ({ n, deps }) => {
        const g = buildGraph(n, deps);
        const level = levels(g)!;
        const order = topologicalOrder(g)!;
        expect(order).not.toBeNull();
        expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
        const pos = new Array<number>(n);
        order.forEach((v, i) => (pos[v] = i));
        for (let v = 0; v < n; v++) for (const u of deps[v]!) expect(pos[u]!).toBeLessThan(pos[v]!);
        for (let i = 1; i < n; i++) {
          const a = order[i - 1]!;
          const b = order[i]!;
          expect(level[a]! < level[b]! || (level[a] === level[b] && a < b)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('levels are minimal; batches group them ascending', () => {
    fc.assert(
      fc.property(dagArb(40), ({ n, deps }) => {
        const g = buildGraph(n, deps);
        const level = levels(g)!;
        expect(level).not.toBeNull();
        for (let v = 0; v < n; v++) {
          const ds = deps[v]!;
          const k = level[v]!;
          if (ds.length === 0) {
            expect(k).toBe(0);
          } else {
            expect(k).toBeGreaterThan(0);
            for (const u of ds) expect(level[u]!).toBeLessThan(k);
            expect(ds.some((u) => level[u] === k - 1)).toBe(true);
          }
        }
        const bs = batches(g, level);
        expect(bs.flat().length).toBe(n);
        bs.forEach((b, k) => {
          expect(b.length).toBeGreaterThan(0);
          expect(b).toEqual([...b].sort((x, y) => x - y));
          for (const v of b) expect(level[v]).toBe(k);
        });
      }),
      RUNS,
    );
  });

  it('findCycles and levels agree with a brute-force closure', () => {
    fc.assert(
      fc.property(digraphArb(12), ({ n, deps }) => {
        const g = buildGraph(n, deps);
        const edges: [number, number][] = [];
        let selfLoop = false;
        for (let v = 0; v < n; v++)
          for (const u of deps[v]!) {
            if (u === v) selfLoop = true;
            else edges.push([u, v]);
          }
        const reach = closure(n, edges);
        const onCycle = (v: number): boolean => reach[v]![v]!;
        const hasCycle = Array.from({ length: n }, (_, v) => v).some(onCycle);

        expect(levels(g) === null).toBe(hasCycle || selfLoop);
        expect(topologicalOrder(g) === null).toBe(hasCycle || selfLoop);

        // One cycle per non-trivial component, starting at its lowest node.
        const sameComponent = (a: number, b: number): boolean => a === b || (reach[a]![b]! && reach[b]![a]!);
        const expectedFirsts: number[] = [];
        for (let v = 0; v < n; v++) {
          if (!onCycle(v)) continue;
          let lowest = true;
          for (let u = 0; u < v; u++) if (sameComponent(u, v)) lowest = false;
          if (lowest) expectedFirsts.push(v);
        }
        const cycles = findCycles(g);
        expect(cycles.map((c) => c[0])).toEqual(expectedFirsts);
        for (const c of cycles) {
          expect(c.length).toBeGreaterThanOrEqual(2);
          expect(new Set(c).size).toBe(c.length);
          for (let i = 0; i < c.length; i++) {
            const v = c[i]!;
            const next = c[(i + 1) % c.length]!;
            expect(deps[v]).toContain(next);
            expect(sameComponent(c[0]!, v)).toBe(true);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('transitiveReduction keeps reachability exactly, with no removable edge', () => {
    fc.assert(
      fc.property(dagArb(20), ({ n, deps }) => {
        const g = buildGraph(n, deps);
        const r = transitiveReduction(g, topologicalOrder(g)!);
        const original = edgesOf(g);
        const kept = edgesOf(r);
        const originalKeys = new Set(original.map(([u, v]) => `${u}>${v}`));
        for (const [u, v] of kept) expect(originalKeys.has(`${u}>${v}`)).toBe(true);
        const full = closure(n, original);
        expect(closure(n, kept)).toEqual(full);
        for (let i = 0; i < kept.length; i++) {
          const without = kept.filter((_, j) => j !== i);
          expect(closure(n, without)).not.toEqual(full);
        }
      }),
      RUNS,
    );
  });

  it('longestRemaining and criticalPath agree with enumerating every path', () => {
    fc.assert(
      fc.property(
        dagArb(12).chain((c) =>
          fc.record({
            c: fc.constant(c),
            weights: fc.array(fc.integer({ min: 1, max: 10 }), { minLength: c.n, maxLength: c.n }),
          }),
        ),
        ({ c: { n, deps }, weights }) => {
          const g = buildGraph(n, deps);
          const order = topologicalOrder(g)!;
          const paths = allPaths(g);
          const lr = longestRemaining(g, order, weights);
          for (let v = 0; v < n; v++) {
            const best = Math.max(...paths.filter((p) => p[0] === v).map((p) => weightOf(p, weights)));
            expect(lr[v]).toBe(best);
          }
          const cp = criticalPath(g, order, weights);
          if (n === 0) {
            expect(cp).toEqual({ nodes: [], total: 0 });
            return;
          }
          const total = Math.max(...paths.map((p) => weightOf(p, weights)));
          // With positive weights every heaviest path runs source to sink; ties go to the lowest node list.
          const heaviest = paths.filter((p) => weightOf(p, weights) === total).sort(compareLex);
          expect(cp.total).toBe(total);
          expect(cp.nodes).toEqual(heaviest[0]);
        },
      ),
      RUNS,
    );
  });
});
