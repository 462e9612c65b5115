/**
 * Reading a workflow for the audit (audit.ts): the `yaml` library's document, so every node keeps its place in the
 * file, and the few questions the rules ask of it (a mapping's entry, a scalar's text, the expressions in a value
 * and where each one is). Pure: text in, nodes and positions out.
 */
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
} from 'yaml';

/** A parsed workflow: the document, and what turns an offset into a line and column. */
export interface ParsedWorkflow {
  text: string;
  document: Document.Parsed;
  lineCounter: LineCounter;
}

/** A place in the file, both 1-based. */
export interface Position {
  line: number;
  column: number;
}

/** The file is not YAML, or not a mapping at the top: nothing can be audited. */
export class WorkflowSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: Position,
  ) {
    super(message);
    this.name = 'WorkflowSyntaxError';
  }
}

export function parseWorkflowText(text: string): ParsedWorkflow {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const error = document.errors[0];
  if (error !== undefined) {
    const at = lineCounter.linePos(error.pos[0]);
    // The library's message ends with " at line L, column C" and, when pretty, a code frame: the position is ours.
    const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new WorkflowSyntaxError(`invalid YAML: ${message}`, { line: at.line, column: at.col });
  }
  if (!isMap(document.contents)) {
    throw new WorkflowSyntaxError('not a workflow: the top level must be a mapping (name:, on:, jobs:)', {
      line: 1,
      column: 1,
    });
  }
  return { text, document, lineCounter };
}

export class WorkflowReader {
  constructor(readonly parsed: ParsedWorkflow) {}

  get root(): Node {
    return this.parsed.document.contents as Node;
  }

  /** An alias stands for the node it names (GitHub reads anchors too). */
  deref(node: unknown): Node | undefined {
    if (isAlias(node)) return this.deref(node.resolve(this.parsed.document));
    return isMap(node) || isSeq(node) || isScalar(node) ? node : undefined;
  }

  /** The entries of a mapping, in file order, keys as text. */
  entries(node: unknown): { key: string; keyNode: Node; value: Node | undefined }[] {
    const map = this.deref(node);
    if (!isMap(map)) return [];
    const out: { key: string; keyNode: Node; value: Node | undefined }[] = [];
    for (const pair of map.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      out.push({ key: String(pair.key.value), keyNode: pair.key, value: this.deref(pair.value) });
    }
    return out;
  }

  entry(node: unknown, key: string): { keyNode: Node; value: Node | undefined } | undefined {
    return this.entries(node).find((e) => e.key === key);
  }

  get(node: unknown, key: string): Node | undefined {
    return this.entry(node, key)?.value;
  }

  items(node: unknown): Node[] {
    const seq = this.deref(node);
    if (!isSeq(seq)) return [];
    return seq.items.map((item) => this.deref(item)).filter((item): item is Node => item !== undefined);
  }

  /** A scalar's value as text (`false` -> "false"); undefined for a mapping, a sequence or null. */
  text(node: unknown): string | undefined {
    const scalar = this.deref(node);
    if (!isScalar(scalar) || scalar.value === null || scalar.value === undefined) return undefined;
    return String(scalar.value as string | number | boolean);
  }

  position(node: Node | undefined): Position {
    const offset = node?.range?.[0] ?? 0;
    const at = this.parsed.lineCounter.linePos(offset);
    return { line: at.line, column: at.col };
  }

  /**
   * Where `needle` is inside the scalar `node` as written (plain, quoted or block): its first occurrence in the
   * node's source, else the node's start (an escape sequence can hide it).
   */
  positionIn(node: Node, needle: string): Position {
    const [start, end] = node.range ?? [0, 0];
    const index = this.parsed.text.slice(start, end).indexOf(needle);
    if (index < 0) return this.position(node);
    const at = this.parsed.lineCounter.linePos(start + index);
    return { line: at.line, column: at.col };
  }

  /** Every scalar below `node` (itself included), with the key it is the value of. */
  scalars(node: unknown, key?: string): { node: Node; key: string | undefined; value: string }[] {
    const n = this.deref(node);
    if (n === undefined) return [];
    if (isScalar(n)) {
      const value = this.text(n);
      return value === undefined ? [] : [{ node: n, key, value }];
    }
    if (isSeq(n)) return this.items(n).flatMap((item) => this.scalars(item, key));
    return this.entries(n).flatMap((e) => this.scalars(e.value, e.key));
  }
}

/**
 * The expressions in a value: each `${{ ... }}`, or the whole value for an `if:` (GitHub reads those as an
 * expression without the braces).
 */
export function expressionsOf(value: string, key: string | undefined): string[] {
  const found = [...value.matchAll(/\$\{\{([\s\S]*?)\}\}/g)].map((m) => m[1]!);
  if (found.length === 0 && key === 'if') return [value];
  return found;
}

/** A secret an expression reads: its name, and the text as written (to find it in the file). */
export interface SecretRef {
  name: string;
  written: string;
}

/**
 * The secrets an expression reads. A presence test (`secrets.X != ''`, `secrets.X == ''`) is not a read: it
 * gives the job a boolean, never the value.
 */
export function secretsRead(expression: string): SecretRef[] {
  const refs: SecretRef[] = [];
  for (const m of expression.matchAll(/\bsecrets(?:\.([A-Za-z_][A-Za-z0-9_-]*)|\[\s*'([^']*)'\s*\])/g)) {
    const before = expression.slice(0, m.index);
    const after = expression.slice(m.index + m[0].length);
    if (/^\s*[!=]=\s*''/.test(after) || /''\s*[!=]=\s*$/.test(before)) continue;
    refs.push({ name: (m[1] ?? m[2]!).toUpperCase(), written: m[0] });
  }
  return refs;
}

/** Whether an expression reads the job's token (`github.token`, `github['token']`). */
export function readsGithubToken(expression: string): string | undefined {
  return /\bgithub(?:\.token\b|\[\s*'token'\s*\])/.exec(expression)?.[0];
}
