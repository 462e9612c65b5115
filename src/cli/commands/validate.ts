import type { Diagnostic } from '../../core/diagnostics.js';
import { hasErrors } from '../../core/diagnostics.js';
import { EXIT } from '../../errors.js';
import { readPlan } from '../../workspace/read-plan.js';
import { formatDiagnosticStyled, sanitize, style, type Output } from '../terminal.js';
import { UserError } from '../../errors.js';

export function validateCommand(files: readonly string[], opts: { json: boolean }, io: Output): number {
  const results: { file: string; valid: boolean; tasks: number | null; diagnostics: Diagnostic[] }[] = [];
  for (const file of files) {
    try {
      const { plan, diagnostics } = readPlan(file);
      results.push({ file, valid: !hasErrors(diagnostics), tasks: plan?.tasks.length ?? null, diagnostics });
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      const diagnostic: Diagnostic = {
        rule: 'file',
        severity: 'error',
        message: error.message.replace(`${file}: `, ''),
        file,
        line: 1,
        column: 1,
      };
      results.push({ file, valid: false, tasks: null, diagnostics: [diagnostic] });
    }
  }
  const failed = results.some((r) => !r.valid);
  if (opts.json) {
    io.out.write(`${JSON.stringify({ valid: !failed, files: results }, null, 2)}\n`);
    return failed ? EXIT.badInput : EXIT.ok;
  }
  const s = style(io.out, io.env);
  for (const result of results) {
    for (const d of result.diagnostics) io.out.write(`${formatDiagnosticStyled(d, s)}\n`);
  }
  const e = style(io.err, io.env);
  for (const result of results) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = result.diagnostics.length - errors;
    const counts = [plural(errors, 'error'), plural(warnings, 'warning')]
      .filter((t) => !t.startsWith('0 '))
      .join(', ');
    const verdict = result.valid
      ? e.green(`valid, ${plural(result.tasks ?? 0, 'task')}`) + (warnings > 0 ? ` (${counts})` : '')
      : e.red(`invalid: ${counts}`);
    io.err.write(`${sanitize(result.file)}: ${verdict}\n`);
  }
  return failed ? EXIT.badInput : EXIT.ok;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
