/** The legs of a `strategy.matrix`, as GitHub expands it. */
import { looseEquals, type Value } from './expressions.js';

export function expandMatrix(value: Value): Record<string, Value>[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error('the matrix must be a mapping');
  }
  const same = (a: Value | undefined, b: Value | undefined): boolean =>
    JSON.stringify(a) === JSON.stringify(b) || (a !== undefined && b !== undefined && looseEquals(a, b));
  const list = (key: string): Record<string, Value>[] => {
    const v = value[key];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) throw new Error(`matrix.${key} must be a list`);
    return v.map((e) => {
      if (e === null || typeof e !== 'object' || Array.isArray(e))
        throw new Error(`matrix.${key}: not a mapping`);
      return e;
    });
  };
  const vectors = Object.entries(value).filter(([k]) => k !== 'include' && k !== 'exclude');
  let legs: Record<string, Value>[] = vectors.length === 0 ? [] : [{}];
  for (const [key, values] of vectors) {
    if (!Array.isArray(values)) throw new Error(`matrix vector '${key}' must be a list`);
    if (values.length === 0) throw new Error(`Matrix vector '${key}' does not contain any values`);
    legs = legs.flatMap((leg) => values.map((v) => ({ ...leg, [key]: v })));
  }
  legs = legs.filter(
    (leg) => !list('exclude').some((e) => Object.entries(e).every(([k, v]) => same(leg[k], v))),
  );
  const originals = legs.map((leg) => ({ ...leg }));
  const vectorKeys = new Set(vectors.map(([k]) => k));
  for (const inc of list('include')) {
    let added = false;
    originals.forEach((original, i) => {
      if (Object.entries(inc).every(([k, v]) => !vectorKeys.has(k) || same(original[k], v))) {
        legs[i] = { ...legs[i], ...inc };
        added = true;
      }
    });
    if (!added) legs.push({ ...inc });
  }
  return legs;
}

/** Interpolates every string in a YAML value (a matrix written with `${{ fromJSON(…) }}` values). */
