/**
 * `orchestrator audit`: the security audit of GitHub workflows (github/audit.ts), one finding a line, as
 * `file:line:col: message [rule]`. Exit 0 when clean, 1 with findings, 2 when a file cannot be read or is not YAML.
 */
import fs from 'node:fs';
import type { Diagnostic } from '../../core/diagnostics.js';
import { EXIT } from '../../errors.js';
import {
  auditWorkflow,
  parseWorkflowText,
  WorkflowSyntaxError,
  type AuditFinding,
} from '../../github/audit.js';
import { formatDiagnosticStyled, sanitize, style, type Output } from '../terminal.js';
import { plural } from './validate.js';

export interface AuditCommandOptions {
  /** What a release ships: first-party actions pinned by commit too. */
  shipped: boolean;
}

/** The findings, or the one line saying why the file could not be audited (`file:line:col: ...` or `file: ...`). */
type FileResult = { findings: AuditFinding[] } | { error: string };

export function auditCommand(files: readonly string[], opts: AuditCommandOptions, io: Output): number {
  const results = files.map((file) => ({ file, result: auditFile(file, opts) }));
  const s = style(io.out, io.env);
  for (const { file, result } of results) {
    if (!('findings' in result)) continue;
    for (const f of result.findings) io.out.write(`${formatDiagnosticStyled(diagnosticOf(file, f), s)}\n`);
  }
  const e = style(io.err, io.env);
  for (const { file, result } of results) {
    if ('error' in result) {
      io.err.write(`${e.red(sanitize(result.error))}\n`);
      continue;
    }
    const verdict =
      result.findings.length === 0
        ? e.green('no findings')
        : e.red(plural(result.findings.length, 'finding'));
    io.err.write(`${sanitize(file)}: ${verdict}\n`);
  }
  if (results.some(({ result }) => 'error' in result)) return EXIT.badInput;
  return results.some(({ result }) => 'findings' in result && result.findings.length > 0)
    ? EXIT.failed
    : EXIT.ok;
}

function auditFile(file: string, opts: AuditCommandOptions): FileResult {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a directory, not a file' : String(code);
    return {
      error: `${file}: cannot read it (${why}): give the path of a workflow file (.github/workflows/<name>.yml)`,
    };
  }
  try {
    return { findings: auditWorkflow(parseWorkflowText(text), { shipped: opts.shipped }) };
  } catch (error) {
    if (!(error instanceof WorkflowSyntaxError)) throw error;
    const { line, column } = error.position;
    return {
      error: `${file}:${line}:${column}: ${error.message}: nothing was audited; fix the file and run it again`,
    };
  }
}

function diagnosticOf(file: string, f: AuditFinding): Diagnostic {
  return { rule: f.rule, severity: 'error', message: f.message, file, line: f.line, column: f.column };
}
