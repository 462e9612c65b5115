/**
 * The AI decomposer: prompt the agent, find the plan in its answer, validate it with the project's own rules and
 * the stricter ones of a plan nobody committed (core/validate/untrusted.ts: no env that redirects the agent's key
 * or injects code, no custom agents), and when it is refused, ask again with exactly what was wrong (at most
 * `repairs` times).
 *
 * Every exchange is kept in `<dir>/decompose/` (`prompt-N.md`, `answer-N.txt` the agent's raw output, `plan-N.json`
 * the plan found in it, which the diagnostics point into), so a refused answer can be read and fixed by hand.
 */
import fs from 'node:fs';
import path from 'node:path';
import { compareDiagnostics, type Diagnostic } from '../core/diagnostics.js';
import { isRecord } from '../agents/json.js';
import { parsePlan } from '../core/plan-file.js';
import { untrustedDiagnostics } from '../core/validate/untrusted.js';
import { writeFileAtomic } from '../workspace/atomic.js';
import { askAgent, type DecomposeAgent } from './agent.js';
import { extractAnswer } from './answer.js';
import { buildDecomposePrompt } from './prompt.js';
import { requestBlock } from './request.js';

export interface AiOptions {
  request: string;
  agent: DecomposeAgent;
  model?: string;
  timeoutMs: number;
  /** Repair rounds after the first answer. */
  repairs: number;
  /** The workspace folder (`.orchestrator`); the exchange goes to its `decompose/`. */
  dir: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  layout: string | null;
  signal?: AbortSignal;
  /** Progress, one line at a time. */
  progress(line: string): void;
}

export type AiResult =
  | { ok: true; document: Record<string, unknown>; notes: string; rounds: number }
  | {
      ok: false;
      reason: 'agent' | 'interrupted' | 'invalid';
      message: string;
      diagnostics: Diagnostic[];
      /** Where the last answer was saved. */
      answerFile: string | null;
    };

export async function decomposeWithAgent(opts: AiOptions): Promise<AiResult> {
  const folder = path.join(opts.dir, 'decompose');
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(folder, { recursive: true });
  // Diagnostics name files as the user would type them, relative to the working directory.
  const shown = (file: string): string => path.relative(opts.cwd, file) || file;
  let repair: { answer: string; answerFile: string; diagnostics: Diagnostic[] } | undefined;
  let lastFile: string | null = null;

  for (let round = 1; round <= 1 + opts.repairs; round++) {
    const prompt = buildDecomposePrompt({
      request: opts.request,
      layout: opts.layout,
      ...(repair !== undefined ? { repair } : {}),
    });
    const promptFile = path.join(folder, `prompt-${round}.md`);
    writeFileAtomic(promptFile, prompt);
    opts.progress(
      round === 1
        ? `Asking ${opts.agent} for a plan...`
        : `Asking ${opts.agent} to repair its plan (round ${round - 1} of ${opts.repairs})...`,
    );
    const asked = await askAgent(prompt, {
      agent: opts.agent,
      ...(opts.model !== undefined ? { model: opts.model } : {}),
      timeoutMs: opts.timeoutMs,
      cwd: opts.cwd,
      env: opts.env,
      ...(opts.signal !== undefined ? { signal: opts.signal } : {}),
      promptFile,
      dir: folder,
    });
    const answerFile = path.join(folder, `answer-${round}.txt`);
    writeFileAtomic(answerFile, asked.stdout);
    lastFile = shown(answerFile);
    if (!asked.ok) {
      return {
        ok: false,
        reason: asked.interrupted ? 'interrupted' : 'agent',
        message: asked.error,
        diagnostics: [],
        answerFile: lastFile,
      };
    }

    const found = extractAnswer(asked.text, asked.structured);
    if (!found.ok) {
      const diagnostic: Diagnostic = {
        rule: 'answer-format',
        severity: 'error',
        message: found.message,
        file: shown(answerFile),
        line: 1,
        column: 1,
      };
      repair = { answer: asked.text, answerFile: shown(answerFile), diagnostics: [diagnostic] };
      continue;
    }
    // The request is the user's, verbatim: whatever the agent wrote there is dropped, and the user's is added
    // once the plan is accepted (it is checked for size up front, so it cannot make a plan invalid). Keeping it
    // out of the checked plan also keeps it out of the repair prompt but for its data block.
    const candidate = isRecord(found.plan) ? withoutRequest(found.plan) : found.plan;
    const planFile = path.join(folder, `plan-${round}.json`);
    const json = `${JSON.stringify(candidate, null, 2)}\n`;
    writeFileAtomic(planFile, json);
    lastFile = shown(planFile);
    const source = { file: shown(planFile), bytes: Buffer.from(json), format: 'json' } as const;
    const checked = parsePlan(source);
    // The planner's plan is untrusted (its request may be anyone's): held to the stricter rules too, and what
    // breaks them goes back to the agent like any other error, so it can drop that env or agent and try again.
    const refused = untrustedDiagnostics(source);
    if (checked.plan !== null && refused.length === 0 && isRecord(candidate)) {
      const document = { ...candidate, request: requestBlock(opts.request) };
      return { ok: true, document, notes: found.notes.trim(), rounds: round };
    }
    const errors = [...checked.diagnostics.filter((d) => d.severity === 'error'), ...refused].sort(
      compareDiagnostics,
    );
    repair = { answer: json, answerFile: shown(planFile), diagnostics: errors };
  }
  return {
    ok: false,
    reason: 'invalid',
    message: `${opts.agent}'s plan is still invalid after ${opts.repairs} repair round${opts.repairs === 1 ? '' : 's'}`,
    diagnostics: repair?.diagnostics ?? [],
    answerFile: lastFile,
  };
}

function withoutRequest(plan: Record<string, unknown>): Record<string, unknown> {
  const rest = { ...plan };
  delete rest.request;
  return rest;
}
