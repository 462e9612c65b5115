/**
 * Validation: the schema check, then every semantic rule, all findings placed in the file and sorted.
 */
import { compareDiagnostics, hasErrors, type Diagnostic, type Finding } from '../diagnostics.js';
import type { Locator } from '../load/locator.js';
import type { Plan } from '../model.js';
import { checkSchema, isMapping, show } from '../schema/check.js';
import { PLAN_SCHEMA } from '../schema/plan-schema.js';
import { buildContext, describePath, type Rule } from './context.js';
import { resolvePlan } from './resolve.js';
import { agentFields } from './rules/agent-fields.js';
import { customAgent } from './rules/custom-agent.js';
import { cycle } from './rules/cycle.js';
import { duplicateId } from './rules/duplicate-id.js';
import { granularity } from './rules/granularity.js';
import { selfDep } from './rules/self-dep.js';
import { unknownAgent } from './rules/unknown-agent.js';
import { unknownDep } from './rules/unknown-dep.js';
import { worthOrchestrating } from './rules/worth-orchestrating.js';

export const RULES: readonly Rule[] = [
  duplicateId,
  unknownDep,
  selfDep,
  cycle,
  unknownAgent,
  agentFields,
  customAgent,
  granularity,
  worthOrchestrating,
];

/** Rule ids the schema check reports (see schema/check.ts). */
export const SCHEMA_RULE_IDS = [
  'unknown-key',
  'required',
  'type',
  'enum',
  'range',
  'version',
  'duration',
  'id-format',
  'runs-on',
  'env-name',
  'string-size',
] as const;

export interface ValidationResult {
  /** The resolved plan, when there is no error (warnings allowed). */
  plan: Plan | null;
  diagnostics: Diagnostic[];
}

/**
 * Validates a loaded document. `file` names it in diagnostics; `defaultName` is the plan name when it gives none.
 */
export function validateDocument(
  data: unknown,
  file: string,
  locator: Locator,
  defaultName: string,
): ValidationResult {
  const place = (f: Finding): Diagnostic => {
    const { line, column } = locator.locate(f.path, f.at ?? 'value');
    return { rule: f.rule, severity: f.severity, message: f.message, file, line, column };
  };
  if (data === undefined || data === null) {
    const message =
      'the plan is empty: a plan needs `version: 1` and a list of `tasks` (`orchestrator init` writes a starter plan)';
    return { plan: null, diagnostics: [place({ rule: 'syntax', severity: 'error', message, path: [] })] };
  }
  if (!isMapping(data)) {
    const message = `a plan is a mapping with \`version: 1\` and \`tasks:\`; this file holds ${show(data)}`;
    return { plan: null, diagnostics: [place({ rule: 'type', severity: 'error', message, path: [] })] };
  }
  const findings = checkSchema(data, PLAN_SCHEMA, [], (path) => describePath(data, path));
  const ctx = buildContext(data);
  for (const rule of RULES) findings.push(...rule.check(ctx));
  const diagnostics = findings.map(place).sort(compareDiagnostics);
  const plan = hasErrors(diagnostics) ? null : resolvePlan(data, defaultName);
  return { plan, diagnostics };
}
