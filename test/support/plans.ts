import { formatDiagnostic, type Diagnostic } from '../../src/core/diagnostics.js';
import { parsePlan, type PlanFormat } from '../../src/core/plan-file.js';
import type { Plan } from '../../src/core/model.js';

/** Validates plan text; returns the diagnostics as printed lines. */
export function diagnose(text: string, file = 'plan.yml', format?: PlanFormat): string[] {
  return check(text, file, format).diagnostics.map(formatDiagnostic);
}

export function check(
  text: string,
  file = 'plan.yml',
  format?: PlanFormat,
): { plan: Plan | null; diagnostics: Diagnostic[] } {
  return parsePlan({ file, bytes: new TextEncoder().encode(text), ...(format ? { format } : {}) });
}

/** Only the findings of one rule. */
export function findings(text: string, rule: string): string[] {
  return check(text)
    .diagnostics.filter((d) => d.rule === rule)
    .map(formatDiagnostic);
}

/** A valid plan of three independent shell tasks plus `extra` YAML appended under `tasks:`. */
export function withTasks(tasks: string, head = ''): string {
  return `version: 1\n${head}tasks:\n${tasks}`;
}

/** Loads text that must be valid. */
export function load(text: string): Plan {
  const { plan, diagnostics } = check(text);
  if (plan === null)
    throw new Error(`expected a valid plan:\n${diagnostics.map(formatDiagnostic).join('\n')}`);
  return plan;
}
