/**
 * The plan's DAG and the algorithms on it. Nodes are task indexes in file order; an edge runs from a dep to
 * its dependent. Every algorithm here is iterative (explicit stacks and queues, no recursion), so a chain
 * of 100,000 tasks is as safe as a wide plan, and linear in nodes + edges unless said otherwise.
 */
import type { Plan } from './model.js';

export interface Graph {
  /** Number of nodes. */
  n: number;
  /** Deps of node v: pred[predStart[v] .. predStart[v + 1]), ascending. */
  predStart: Int32Array;
  pred: Int32Array;
  /** Dependents of node v: succ[succStart[v] .. succStart[v + 1]), ascending. */
  succStart: Int32Array;
  succ: Int32Array;
}

/** Builds the graph from each node's deps (node indexes); duplicate edges are kept once. */
export function buildGraph(n: number, deps: readonly (readonly number[])[]): Graph {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`buildGraph: bad node count ${n}`);
  if (deps.length !== n) throw new RangeError(`buildGraph: ${deps.length} dep lists for ${n} nodes`);
  // mark[u] === v means the edge u -> v was already seen while scanning deps[v]: dedupes in linear time,
  // without sorting each list.
  const mark = new Int32Array(n).fill(-1);
  const succStart = new Int32Array(n + 1);
  let m = 0;
  for (let v = 0; v < n; v++) {
    for (const u of deps[v]!) {
      if (!Number.isInteger(u) || u < 0 || u >= n) throw new RangeError(`buildGraph: node ${v} has dep ${u}`);
      if (mark[u] === v) continue;
      mark[u] = v;
      succStart[u + 1]!++;
      m++;
    }
  }
  for (let u = 0; u < n; u++) succStart[u + 1]! += succStart[u]!;

  // Scanning v upwards appends v to each dep's list, so every succ list comes out ascending; doing the same
  // from succ gives ascending pred lists. Two counting passes instead of n sorts.
  const succ = new Int32Array(m);
  const fill = succStart.slice(0, n);
  mark.fill(-1);
  for (let v = 0; v < n; v++) {
    for (const u of deps[v]!) {
      if (mark[u] === v) continue;
      mark[u] = v;
      succ[fill[u]!++] = v;
    }
  }

  const predStart = new Int32Array(n + 1);
  for (let i = 0; i < m; i++) predStart[succ[i]! + 1]!++;
  for (let v = 0; v < n; v++) predStart[v + 1]! += predStart[v]!;
  const pred = new Int32Array(m);
  const pfill = predStart.slice(0, n);
  for (let u = 0; u < n; u++) {
    for (let i = succStart[u]!; i < succStart[u + 1]!; i++) pred[pfill[succ[i]!]!++] = u;
  }
  return { n, predStart, pred, succStart, succ };
}

/** The graph of a validated plan (every dep names an existing task). */
export function planGraph(plan: Plan): Graph {
  const index = new Map<string, number>();
  plan.tasks.forEach((t, i) => {
    if (!index.has(t.id)) index.set(t.id, i);
  });
  // Unknown deps are dropped rather than thrown on, so validation can still look for cycles among the rest.
  const deps = plan.tasks.map((t) => {
    const out: number[] = [];
    for (const id of t.deps) {
      const u = index.get(id);
      if (u !== undefined) out.push(u);
    }
    return out;
  });
  return buildGraph(plan.tasks.length, deps);
}

/**
 * Level of each node: 0 without deps, else 1 + the highest level of its deps (the seed's batches, each task at
 * the earliest batch it can run in). Returns null when the graph has a cycle.
 */
export function levels(g: Graph): Int32Array | null {
  const { n, predStart, succStart, succ } = g;
  const level = new Int32Array(n);
  const remaining = new Int32Array(n);
  const queue = new Int32Array(n);
  let tail = 0;
  for (let v = 0; v < n; v++) {
    remaining[v] = predStart[v + 1]! - predStart[v]!;
    if (remaining[v] === 0) queue[tail++] = v;
  }
  for (let head = 0; head < tail; head++) {
    const u = queue[head]!;
    const next = level[u]! + 1;
    for (let i = succStart[u]!; i < succStart[u + 1]!; i++) {
      const v = succ[i]!;
      if (next > level[v]!) level[v] = next;
      if (--remaining[v]! === 0) queue[tail++] = v;
    }
  }
  // Nodes on or behind a cycle (self-loops included) never reach zero remaining deps.
  return tail === n ? level : null;
}

/** Topological order: by level, then by index (file order). Null when the graph has a cycle. */
export function topologicalOrder(g: Graph): Int32Array | null {
  const level = levels(g);
  if (level === null) return null;
  return orderByLevel(level);
}

/** Counting sort by level; stable, so ties stay in index order. */
function orderByLevel(level: Int32Array): Int32Array {
  const n = level.length;
  let maxLevel = -1;
  for (let v = 0; v < n; v++) if (level[v]! > maxLevel) maxLevel = level[v]!;
  const start = new Int32Array(maxLevel + 2);
  for (let v = 0; v < n; v++) start[level[v]! + 1]!++;
  for (let k = 0; k <= maxLevel; k++) start[k + 1]! += start[k]!;
  const order = new Int32Array(n);
  for (let v = 0; v < n; v++) order[start[level[v]!]!++] = v;
  return order;
}

/** The nodes of each level, each list ascending. */
export function batches(g: Graph, level: Int32Array): number[][] {
  const out: number[][] = [];
  for (let v = 0; v < g.n; v++) {
    const k = level[v]!;
    while (out.length <= k) out.push([]);
    out[k]!.push(v);
  }
  return out;
}

/**
 * For each node, the heaviest path starting at it (its own weight included): the priority of a ready task in
 * the local runner (critical path first).
 */
export function longestRemaining(g: Graph, order: Int32Array, weights: ArrayLike<number>): Float64Array {
  const { succStart, succ } = g;
  const out = new Float64Array(g.n);
  for (let i = order.length - 1; i >= 0; i--) {
    const v = order[i]!;
    let best = 0;
    let any = false;
    for (let j = succStart[v]!; j < succStart[v + 1]!; j++) {
      const r = out[succ[j]!]!;
      if (!any || r > best) best = r;
      any = true;
    }
    out[v] = weights[v]! + best;
  }
  return out;
}

/** The heaviest path through the DAG (ties broken towards lower indexes), and its total weight. */
export function criticalPath(
  g: Graph,
  order: Int32Array,
  weights: ArrayLike<number>,
): { nodes: number[]; total: number } {
  if (g.n === 0) return { nodes: [], total: 0 };
  const { succStart, succ } = g;
  const lr = longestRemaining(g, order, weights);
  let v = 0;
  for (let u = 1; u < g.n; u++) if (lr[u]! > lr[v]!) v = u;
  const total = lr[v]!;
  const nodes = [v];
  while (succStart[v + 1]! > succStart[v]!) {
    // succ lists are ascending, so a strict > keeps the lowest index among ties.
    let next = succ[succStart[v]!]!;
    for (let j = succStart[v]! + 1; j < succStart[v + 1]!; j++) {
      const s = succ[j]!;
      if (lr[s]! > lr[next]!) next = s;
    }
    v = next;
    nodes.push(v);
  }
  return { nodes, total };
}

/**
 * The transitive reduction: the fewest edges with the same reachability. O(n * e / 32) time and n² / 8 bytes;
 * meant for display-sized graphs.
 */
export function transitiveReduction(g: Graph, order: Int32Array): Graph {
  const { n, succStart, succ } = g;
  const words = (n + 31) >>> 5;
  // reach[v * words ..] is the set of nodes reachable from v (v itself excluded).
  const reach = new Uint32Array(n * words);
  const pos = new Int32Array(n);
  for (let i = 0; i < order.length; i++) pos[order[i]!] = i;
  const keptDeps: number[][] = Array.from({ length: n }, () => []);
  const dependents: number[] = [];
  for (let i = order.length - 1; i >= 0; i--) {
    const v = order[i]!;
    dependents.length = 0;
    for (let j = succStart[v]!; j < succStart[v + 1]!; j++) dependents.push(succ[j]!);
    // Any other path v -> ... -> s leaves v through a dependent that comes before s in the order, so by the
    // time s is looked at, reach[v] already holds it if the edge v -> s is redundant.
    dependents.sort((a, b) => pos[a]! - pos[b]!);
    const base = v * words;
    for (const s of dependents) {
      if ((reach[base + (s >>> 5)]! & (1 << (s & 31))) !== 0) continue;
      keptDeps[s]!.push(v);
      const sBase = s * words;
      for (let w = 0; w < words; w++) reach[base + w]! |= reach[sBase + w]!;
      reach[base + (s >>> 5)]! |= 1 << (s & 31);
    }
  }
  return buildGraph(n, keptDeps);
}

/**
 * One cycle for each strongly connected component that has one (self-loops excluded), as the list of nodes
 * where each node depends on the next and the last depends on the first, starting at the lowest index of the
 * component. Sorted by that first node.
 */
export function findCycles(g: Graph): number[][] {
  const { n, predStart, pred } = g;
  const comp = strongComponents(g);
  const size = new Int32Array(n);
  for (let v = 0; v < n; v++) size[comp[v]!]!++;
  const done = new Uint8Array(n);

  const cycles: number[][] = [];
  const seen = new Int32Array(n).fill(-1);
  const parent = new Int32Array(n);
  const queue = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    const c = comp[r]!;
    // Scanning r upwards, the first node met of each component is its lowest.
    if (size[c]! < 2 || done[c] === 1) continue;
    done[c] = 1;
    // Shortest cycle through r, by BFS along deps inside the component; it exists since |component| >= 2.
    let head = 0;
    let tail = 0;
    queue[tail++] = r;
    seen[r] = r;
    let last = -1;
    search: while (head < tail) {
      const x = queue[head++]!;
      for (let i = predStart[x]!; i < predStart[x + 1]!; i++) {
        const u = pred[i]!;
        if (u === r) {
          if (x === r) continue;
          last = x;
          break search;
        }
        if (comp[u] !== c || seen[u] === r) continue;
        seen[u] = r;
        parent[u] = x;
        queue[tail++] = u;
      }
    }
    const cycle: number[] = [];
    for (let x = last; x !== r; x = parent[x]!) cycle.push(x);
    cycle.push(r);
    cycle.reverse();
    cycles.push(cycle);
  }
  return cycles;
}

/** Component id of each node (Tarjan's algorithm, with an explicit call stack). */
function strongComponents(g: Graph): Int32Array {
  const { n, succStart, succ } = g;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const comp = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  const calls = new Int32Array(n);
  // Next edge to look at for each node on the call stack: where its "recursive call" resumes.
  const edge = new Int32Array(n);
  let sp = 0;
  let csp = 0;
  let counter = 0;
  let comps = 0;
  for (let s = 0; s < n; s++) {
    if (index[s] !== -1) continue;
    index[s] = low[s] = counter++;
    stack[sp++] = s;
    onStack[s] = 1;
    edge[s] = succStart[s]!;
    calls[csp++] = s;
    while (csp > 0) {
      const v = calls[csp - 1]!;
      if (edge[v]! < succStart[v + 1]!) {
        const w = succ[edge[v]!++]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack[sp++] = w;
          onStack[w] = 1;
          edge[w] = succStart[w]!;
          calls[csp++] = w;
        } else if (onStack[w] === 1 && index[w]! < low[v]!) {
          low[v] = index[w]!;
        }
        continue;
      }
      csp--;
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack[--sp]!;
          onStack[w] = 0;
          comp[w] = comps;
        } while (w !== v);
        comps++;
      }
      if (csp > 0) {
        const p = calls[csp - 1]!;
        if (low[v]! < low[p]!) low[p] = low[v]!;
      }
    }
  }
  return comp;
}
