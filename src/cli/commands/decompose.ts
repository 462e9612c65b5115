/**
 * `orchestrator decompose`: a request (arguments, a file, or stdin) to a validated plan file, by an AI agent or,
 * for a markdown checklist, without one. The plan is untrusted (the request may be anyone's): it is held to the
 * rules of core/validate/untrusted.ts and refused when it holds a secret of the environment (leak-guard.ts); the
 * planner runs without tools (decompose/agent.ts). Exit codes: 0 a plan; 1 the agent failed or its plan stayed invalid;
 * 2 bad input (no request, a malformed checklist, an existing output file without --force); 130 interrupted.
 */
import fs from 'node:fs';
import { analyze } from '../../core/analyze.js';
import { humanDuration, parseDuration } from '../../core/duration.js';
import { decodeUtf8 } from '../../core/load/source.js';
import { parsePlan } from '../../core/plan-file.js';
import { untrustedDiagnostics } from '../../core/validate/untrusted.js';
import { MAX_STRING_LENGTH } from '../../core/schema/types.js';
import { decomposeWithAgent } from '../../decompose/ai.js';
import { DECOMPOSE_AGENTS, type DecomposeAgent } from '../../decompose/agent.js';
import { checklistToPlan, isChecklist } from '../../decompose/checklist.js';
import { findLeak, namedSecrets } from '../../decompose/leak-guard.js';
import { repositoryLayout } from '../../decompose/layout.js';
import { planToYaml } from '../../decompose/plan-yaml.js';
import { renderSimulated } from '../../render/simulated.js';
import { plural } from '../../render/text.js';
import { writeFileAtomic } from '../../workspace/atomic.js';
import { EXIT, UserError } from '../../errors.js';
import { printDiagnostics } from '../load-plan.js';
import { sanitize, type Output } from '../terminal.js';
import { EXIT_INTERRUPTED } from './run.js';

export interface DecomposeOptions {
  file?: string;
  /** `claude` (the default), `codex`, `gemini`, or `none` for the checklist decomposer; undefined: not given. */
  agent?: string;
  checklist: boolean;
  model?: string;
  /** `-` for stdout. */
  output: string;
  force: boolean;
  dryRun: boolean;
  dir: string;
  timeout: string;
  repairs: string;
}

/** Where the request came from: how checklist diagnostics name it. */
interface Request {
  text: string;
  name: string;
}

export async function decomposeCommand(words: string[], opts: DecomposeOptions, io: Output): Promise<number> {
  const agent = chooseAgentOption(opts);
  const timeoutMs = parseDuration(opts.timeout);
  if (timeoutMs === null || timeoutMs <= 0) {
    throw new UserError(
      `--timeout: expected a duration such as \`10m\` or \`90s\`, got ${JSON.stringify(opts.timeout)}`,
    );
  }
  const repairs = /^\d+$/.test(opts.repairs) ? Number(opts.repairs) : NaN;
  if (!(repairs >= 0 && repairs <= 5)) {
    throw new UserError(`--repairs: expected a number from 0 to 5, got ${JSON.stringify(opts.repairs)}`);
  }
  const toStdout = opts.output === '-';
  // Before asking an agent for anything: a plan that could not be written would waste its answer.
  if (!opts.dryRun && !toStdout && !opts.force && fs.existsSync(opts.output)) {
    throw new UserError(
      `${opts.output}: already exists; pass --force to overwrite it, or name another file with -o`,
    );
  }
  const request = readRequest(words, opts.file);

  const useChecklist = agent === 'none' || (agent === undefined && isChecklist(request.text));
  let document: Record<string, unknown>;
  let notes = '';
  if (useChecklist) {
    if (agent === undefined) {
      io.err.write(
        'The request is a markdown checklist: decomposed without AI (--agent claude to ask an agent).\n',
      );
    }
    const result = checklistToPlan(request.text, request.name);
    printDiagnostics(result.diagnostics, io);
    if (result.document === null) {
      const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
      throw new UserError(
        `${request.name}: the checklist has ${plural(errors, 'error')}; nothing was written`,
      );
    }
    document = result.document;
  } else {
    ({ document, notes } = await askForPlan(request, agent ?? 'claude', { opts, timeoutMs, repairs }, io));
  }

  // What is written is checked again as the file it becomes: it must load back to a valid plan.
  const yaml = planToYaml(document);
  const shownName = toStdout || opts.dryRun ? 'plan.yml' : opts.output;
  // A planner talked into printing a key (spaced out, reversed, encoded: leak-guard.ts) publishes it with the
  // plan: refused before anything is written or shown, notes included.
  const leak = findLeak(`${yaml}\n${notes}`, namedSecrets(process.env));
  if (leak !== null) {
    throw new UserError(
      `the plan holds the value of ${leak.name} (${leak.encoding}), a secret of this environment (a request that talked the agent into reading it?); nothing was written`,
      EXIT.failed,
    );
  }
  // A decomposed plan is held to the stricter rules of a plan nobody committed (no env that redirects the
  // agent's key or injects code, no custom agents), from either decomposer; the AI one was already told why.
  const refused = untrustedDiagnostics({ file: shownName, bytes: Buffer.from(yaml), format: 'yaml' });
  if (refused.length > 0) {
    printDiagnostics(refused, io);
    throw new UserError(
      `the plan breaks ${plural(refused.length, 'rule')} for a decomposed plan; nothing was written (a maintainer may write such a plan by hand)`,
      EXIT.failed,
    );
  }
  if (notes !== '') io.err.write(`Notes from ${agent ?? 'claude'}:\n${sanitize(indent(notes))}\n`);
  const reloaded = parsePlan({ file: shownName, bytes: Buffer.from(yaml) });
  if (reloaded.plan === null) {
    printDiagnostics(reloaded.diagnostics, io);
    throw new Error('the written plan does not load back to a valid plan');
  }
  printDiagnostics(reloaded.diagnostics, io);
  const plan = reloaded.plan;
  const analysis = analyze(plan);
  const summary = `${plural(plan.tasks.length, 'task')} in ${plural(analysis.batches.length, 'batch', 'batches')} (critical path ${humanDuration(analysis.criticalPath.totalMs)})`;

  if (opts.dryRun) {
    io.out.write(sanitize(yaml));
    io.out.write(`\n${sanitize(renderSimulated(plan, analysis))}`);
    io.err.write(`Dry run: ${summary}; nothing was written.\n`);
    return EXIT.ok;
  }
  if (toStdout) {
    io.out.write(yaml);
    io.err.write(`Plan: ${summary}.\n`);
    return EXIT.ok;
  }
  writeFileAtomic(opts.output, yaml);
  io.out.write(`Wrote ${opts.output}: ${summary}. Next: orchestrator plan ${opts.output}\n`);
  return EXIT.ok;
}

function chooseAgentOption(opts: DecomposeOptions): DecomposeAgent | 'none' | undefined {
  if (opts.checklist) {
    if (opts.agent !== undefined && opts.agent !== 'none') {
      throw new UserError(
        `--checklist decomposes without an agent; it cannot be used with --agent ${opts.agent}`,
      );
    }
    return 'none';
  }
  if (opts.agent === undefined || opts.agent === 'none') return opts.agent;
  if ((DECOMPOSE_AGENTS as readonly string[]).includes(opts.agent)) return opts.agent as DecomposeAgent;
  throw new UserError(
    `--agent: expected ${DECOMPOSE_AGENTS.join(', ')} or none (the checklist decomposer), got ${JSON.stringify(opts.agent)}`,
  );
}

async function askForPlan(
  request: Request,
  agent: DecomposeAgent,
  { opts, timeoutMs, repairs }: { opts: DecomposeOptions; timeoutMs: number; repairs: number },
  io: Output,
): Promise<{ document: Record<string, unknown>; notes: string }> {
  const controller = new AbortController();
  const interrupt = (): void => controller.abort();
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    const result = await decomposeWithAgent({
      request: request.text,
      agent,
      ...(opts.model !== undefined ? { model: opts.model } : {}),
      timeoutMs,
      repairs,
      dir: opts.dir,
      cwd: process.cwd(),
      env: process.env,
      layout: repositoryLayout(process.cwd()),
      signal: controller.signal,
      progress: (line) => io.err.write(`${line}\n`),
    });
    if (result.ok) return { document: result.document, notes: result.notes };
    printDiagnostics(result.diagnostics, io);
    const saved = result.answerFile === null ? '' : `; its last answer is in ${result.answerFile}`;
    if (result.reason === 'interrupted') throw new UserError(`interrupted${saved}`, EXIT_INTERRUPTED);
    throw new UserError(`${result.message}${saved}; nothing was written`, EXIT.failed);
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  }
}

/** The request from the arguments, `-f FILE`, `-f -` or `-` (stdin), or stdin when it is not a terminal. */
function readRequest(words: readonly string[], file: string | undefined): Request {
  if (file !== undefined && words.length > 0) {
    throw new UserError('give the request either as arguments or with --file, not both');
  }
  let request: Request;
  if (file !== undefined && file !== '-') {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      throw new UserError(`${file}: cannot read the request file`);
    }
    request = { text: decode(bytes, file), name: file };
  } else if (file === '-' || (words.length === 1 && words[0] === '-')) {
    request = { text: decode(fs.readFileSync(0), 'stdin'), name: 'stdin' };
  } else if (words.length > 0) {
    request = { text: words.join(' '), name: 'request' };
  } else if (process.stdin.isTTY !== true) {
    request = { text: decode(fs.readFileSync(0), 'stdin'), name: 'stdin' };
  } else {
    throw new UserError(
      'give the request: as arguments, with --file FILE, or on stdin (orchestrator decompose --help)',
    );
  }
  if (request.text.trim() === '') throw new UserError(`${request.name}: the request is empty`);
  if (request.text.length > MAX_STRING_LENGTH) {
    throw new UserError(`${request.name}: the request is over 1 MiB; a plan quotes it whole, so shorten it`);
  }
  return request;
}

function decode(bytes: Uint8Array, name: string): string {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok)
    throw new UserError(`${name}:${decoded.position.line}:${decoded.position.column}: ${decoded.message}`);
  return decoded.text;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
