/** [cycle] Deps form a DAG; a cycle is printed as its whole path, `T-01 -> T-04 -> T-01`. */
import { buildGraph, findCycles } from '../../graph.js';
import { error, type Rule } from '../context.js';

export const cycle: Rule = {
  ids: ['cycle'],
  check({ tasks }) {
    const named = tasks.filter((t) => t.id !== undefined);
    const index = new Map<string, number>();
    named.forEach((t, i) => {
      if (!index.has(t.id!)) index.set(t.id!, i);
    });
    const deps = named.map((t) => t.deps.flatMap((d) => (index.has(d.id) ? [index.get(d.id)!] : [])));
    return findCycles(buildGraph(named.length, deps)).map((nodes) => {
      const first = named[nodes[0]!]!;
      const next = named[nodes[1 % nodes.length]!]!;
      const path = [...nodes, nodes[0]!].map((n) => named[n]!.id).join(' -> ');
      const depIndex = first.deps.find((d) => d.id === next.id)?.index ?? 0;
      return error(
        'cycle',
        `dependency cycle: ${path} (each task depends on the next); remove one of these deps`,
        [...first.path, 'deps', depIndex],
      );
    });
  },
};
