import type { Diagnostic } from '../core/diagnostics.js';
import { formatDiagnosticStyled, style, type Output } from './terminal.js';
import { readPlan, type LoadedPlan } from '../workspace/read-plan.js';
import { UserError } from '../errors.js';

/**
 * Loads a plan for a command that needs a valid one: diagnostics go to stderr (warnings too), and an invalid
 * plan ends the command with exit 2 before anything is written.
 */
export function loadValidPlan(
  file: string,
  io: Output,
): LoadedPlan & { plan: NonNullable<LoadedPlan['plan']> } {
  const loaded = readPlan(file);
  printDiagnostics(loaded.diagnostics, io);
  if (loaded.plan === null) {
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error').length;
    throw new UserError(
      `${file}: the plan has ${errors} error${errors === 1 ? '' : 's'}; nothing was written`,
    );
  }
  return { ...loaded, plan: loaded.plan };
}

export function printDiagnostics(diagnostics: readonly Diagnostic[], io: Output): void {
  const s = style(io.err, io.env);
  for (const d of diagnostics) io.err.write(`${formatDiagnosticStyled(d, s)}\n`);
}
