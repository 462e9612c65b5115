/**
 * Reads a plan file for a command: size checked before reading, a seed master plan with its agent files,
 * every problem as diagnostics or a UserError.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../core/diagnostics.js';
import type { AgentFile } from '../core/load/seed-markdown.js';
import type { Plan } from '../core/model.js';
import { MAX_PLAN_BYTES, formatOf, parsePlan } from '../core/plan-file.js';
import { UserError } from '../errors.js';

export interface LoadedPlan {
  file: string;
  plan: Plan | null;
  diagnostics: Diagnostic[];
  /** The bytes the plan was parsed from (what a digest of the plan is taken of). */
  bytes: Uint8Array;
}

export function readPlan(file: string): LoadedPlan {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new UserError(`${file}: no such file (give the path of a plan; \`orchestrator init\` writes one)`);
  }
  if (stat.isDirectory()) {
    const inside = ['plan.yml', 'plan.yaml', 'plan.json', 'master_plan.md']
      .map((f) => path.join(file, f))
      .find((f) => fs.existsSync(f));
    if (inside === undefined) throw new UserError(`${file}: is a folder, not a plan file`);
    return readPlan(inside);
  }
  if (stat.size > MAX_PLAN_BYTES) {
    throw new UserError(
      `${file}: the file is ${stat.size} bytes, over the ${MAX_PLAN_BYTES}-byte limit for a plan`,
    );
  }
  const bytes = fs.readFileSync(file);
  const agentFiles =
    formatOf(file) === 'markdown' ? readAgentFiles(path.join(path.dirname(file), 'agent_tasks')) : [];
  const { plan, diagnostics } = parsePlan({ file, bytes, agentFiles });
  return { file, plan, diagnostics, bytes };
}

function readAgentFiles(dir: string): AgentFile[] {
  let names: string[];
  try {
    names = fs
      .readdirSync(dir)
      .filter((n) => /^agent-\d+\.md$/.test(n))
      .sort();
  } catch {
    return [];
  }
  return names.map((name) => ({ name, text: fs.readFileSync(path.join(dir, name), 'utf8') }));
}
