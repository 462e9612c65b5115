/**
 * A finding about a plan. One place (formatDiagnostic) turns findings into text, so every command prints
 * them the same way: `plan.yml:12:7: task "T-04" depends on unknown task "T-09" [unknown-dep]`.
 */

export type Severity = 'error' | 'warning';

/** A key or index path into the plan document, e.g. ['tasks', 3, 'deps', 0]. */
export type Path = readonly (string | number)[];

export interface Diagnostic {
  rule: string;
  severity: Severity;
  message: string;
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, in characters. */
  column: number;
}

/** A finding before it is placed in the file: rules speak in document paths, the loader knows positions. */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  path: Path;
  /** Point at the key of the last path element rather than at its value (unknown keys, duplicates). */
  at?: 'key' | 'value';
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    cmp(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    cmp(a.rule, b.rule) ||
    cmp(a.message, b.message)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function formatDiagnostic(d: Diagnostic): string {
  const level = d.severity === 'warning' ? 'warning: ' : '';
  return `${d.file}:${d.line}:${d.column}: ${level}${d.message} [${d.rule}]`;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** A readable rendering of a path for messages: tasks[3].deps[0]. */
export function formatPath(path: Path): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out === '' ? '(document)' : out;
}
