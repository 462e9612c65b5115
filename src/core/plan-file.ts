/**
 * From a plan file's bytes to a validated plan or diagnostics: the one entry point every command uses.
 * YAML (`.yml`, `.yaml`, anything else), strict JSON (`.json`) or a seed master plan (`.md`).
 */
import { parseSeedMarkdown, type AgentFile } from './load/seed-markdown.js';
import { decodeUtf8 } from './load/source.js';
import { parseJson, parseYaml, type ParseResult } from './load/yaml.js';
import { validateDocument, type ValidationResult } from './validate/index.js';

/** Far above a 100,000-task plan (about 14 MB); a bigger file is a mistake, not a plan. */
export const MAX_PLAN_BYTES = 64 * 1024 * 1024;

export type PlanFormat = 'yaml' | 'json' | 'markdown';

export interface PlanSource {
  /** How diagnostics name the file. */
  file: string;
  bytes: Uint8Array;
  format?: PlanFormat;
  /** For a seed master plan: the agent files beside it. */
  agentFiles?: readonly AgentFile[];
}

export function formatOf(file: string): PlanFormat {
  const lower = file.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'markdown';
  return 'yaml';
}

export function parsePlan(source: PlanSource): ValidationResult {
  const { file, bytes } = source;
  const fail = (message: string, line = 1, column = 1): ValidationResult => ({
    plan: null,
    diagnostics: [{ rule: 'syntax', severity: 'error', message, file, line, column }],
  });
  if (bytes.length > MAX_PLAN_BYTES) {
    return fail(`the file is ${bytes.length} bytes, over the ${MAX_PLAN_BYTES}-byte limit for a plan`);
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return fail(decoded.message, decoded.position.line, decoded.position.column);
  const text = decoded.text;
  const format = source.format ?? formatOf(file);
  const parsed: ParseResult =
    format === 'json'
      ? parseJson(text)
      : format === 'markdown'
        ? parseSeedMarkdown(text, source.agentFiles)
        : parseYaml(text);
  if (!parsed.ok) return fail(parsed.message, parsed.position.line, parsed.position.column);
  return validateDocument(parsed.data, file, parsed.locator, defaultName(file));
}

function defaultName(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  const name = base.replace(/\.(?:ya?ml|json|md|markdown)$/i, '');
  return name === '' || name === '-' ? 'plan' : name;
}
