import fs from 'node:fs';
import path from 'node:path';
import { analyze, type Analysis } from '../../core/analyze.js';
import type { Plan } from '../../core/model.js';
import { EXIT, UserError } from '../../errors.js';
import {
  MAX_WORKFLOW_BYTES,
  chooseJobs,
  compileWorkflow,
  kb,
  regenerateCommand,
  suggestFit,
  type CompileOptions,
} from '../../github/compile.js';
import { lineDiff } from '../../github/diff.js';
import { failFastTasks } from '../../github/cancel.js';
import { estimateJobs, formatEstimates, type Estimate } from '../../github/estimate.js';
import { GROUP_MODES, type GroupMode } from '../../github/group.js';
import { checkActionRef, checkRepoPath } from '../../github/inputs.js';
import type { JobGraph } from '../../github/jobs.js';
import { hostedLimitWarnings } from '../../github/timeout.js';
import { writeFileAtomic } from '../../workspace/atomic.js';
import { loadValidPlan } from '../load-plan.js';
import { sanitize, type Output } from '../terminal.js';

export const TRIGGERS = ['workflow_dispatch', 'pull_request'] as const;

export interface GenerateOptions {
  output?: string;
  group: string;
  fuseChains: boolean;
  maxJobs?: string;
  actionRef: string;
  on: string[];
  check: boolean;
  estimate: boolean;
  json: boolean;
  stdout: boolean;
}

export function generateCommand(file: string, opts: GenerateOptions, io: Output): number {
  const group = parseGroup(opts.group);
  const maxJobs = opts.maxJobs === undefined ? undefined : parseMaxJobs(opts.maxJobs);
  const pullRequest = parseTriggers(opts.on);
  const actionRef = checkActionRef(opts.actionRef);
  if (opts.stdout && (opts.check || opts.json)) {
    throw new UserError('--stdout prints the workflow alone: it does not go with --check or --json');
  }
  const { plan } = loadValidPlan(file, io);
  const root = repositoryRoot(process.cwd());
  const planPath = checkRepoPath(insideRoot(root, path.resolve(file), 'the plan'), 'the plan path');
  const target =
    opts.output !== undefined
      ? path.resolve(opts.output)
      : path.join(root, '.github', 'workflows', `${fileName(plan.name)}.yml`);
  const relativeTarget = posix(path.relative(root, target));
  const outputPath = checkRepoPath(
    relativeTarget.startsWith('..') ? `.github/workflows/${path.basename(target)}` : relativeTarget,
    'the output path',
  );
  const options: CompileOptions = {
    group,
    fuseChains: opts.fuseChains,
    ...(maxJobs !== undefined ? { maxJobs } : {}),
    actionRef,
    pullRequest,
    planPath,
    outputPath,
  };

  const analysis = analyze(plan);
  const compiled = compileWorkflow(plan, analysis, options);
  const shown = where(target);
  const tooBig = (jobs: number, size: string, bytes: number): UserError =>
    new UserError(
      `${shown}: the workflow would be ${size} (${jobs} jobs), over GitHub's 500 KB limit for a workflow file ` +
        `(GitHub would not start it); nothing was written. ` +
        `${capitalize(suggestFit(plan, analysis, options, jobs, bytes))}.`,
    );
  if (!compiled.ok) {
    if (compiled.failure === 'size') {
      throw tooBig(compiled.jobs, `over ${kb(compiled.atLeastBytes)}`, compiled.atLeastBytes);
    }
    const hint = compiled.minJobs !== undefined ? ` (at least --max-jobs ${compiled.minJobs})` : '';
    throw new UserError(
      `cannot pack ${file} into ${maxJobs ?? '?'} jobs: ${compiled.reason}${hint}; nothing was written`,
    );
  }
  if (compiled.bytes > MAX_WORKFLOW_BYTES) {
    throw tooBig(compiled.graph.jobs.length, kb(compiled.bytes), compiled.bytes);
  }
  const warnings = hostedLimitWarnings(
    compiled.graph.jobs.map((job) => ({
      id: job.id,
      kind: job.kind,
      tasks: job.tasks.map((t) => plan.tasks[t]!),
    })),
  );
  if (!opts.json) for (const w of warnings) io.err.write(`warning: ${w}\n`);
  const estimates =
    opts.estimate || opts.json ? compareEstimates(plan, analysis, options, compiled.graph) : [];

  if (opts.stdout) {
    io.out.write(compiled.text);
    if (opts.estimate) io.err.write(formatEstimates(estimates));
    return EXIT.ok;
  }

  let code: number = EXIT.ok;
  let status: 'written' | 'current' | 'stale' | 'missing';
  if (opts.check) {
    const committed = readIfExists(target);
    if (committed === null) {
      status = 'missing';
      code = EXIT.failed;
      if (!opts.json) io.err.write(`${shown}: no such file; write it with: ${regenerateCommand(options)}\n`);
    } else if (committed === compiled.text) {
      status = 'current';
      if (!opts.json) io.err.write(`${shown} is current (${compiled.hash})\n`);
    } else {
      status = 'stale';
      code = EXIT.failed;
      if (!opts.json) {
        io.out.write(
          lineDiff(committed, compiled.text, `${outputPath} (committed)`, `${outputPath} (from ${planPath})`),
        );
        io.err.write(
          `${shown} does not match the plan's structure; regenerate it with: ${regenerateCommand(options)}\n`,
        );
      }
    }
  } else {
    writeFileAtomic(target, compiled.text);
    status = 'written';
  }

  const jobs = compiled.graph.jobs;
  // Skipped unless a fail-fast task fails, so not counted as jobs (nor billed by the estimate).
  const cancelJobs = jobs.filter((job) => failFastTasks(plan, job) > 0).length;
  if (opts.json) {
    const summary = {
      plan: planPath,
      output: outputPath,
      status,
      hash: compiled.hash,
      bytes: compiled.bytes,
      jobs: jobs.length,
      packed: compiled.packed,
      kinds: countKinds(compiled.graph),
      cancelJobs,
      warnings,
      estimates,
    };
    io.out.write(`${JSON.stringify(summary, null, 2)}\n`);
    return code;
  }
  if (status === 'written') {
    const kinds = countKinds(compiled.graph);
    const detail = Object.entries(kinds)
      .filter(([, count]) => count > 0)
      .map(([kind, count]) => `${count} ${kind}`)
      .join(', ');
    const cancels =
      cancelJobs > 0 ? ` + ${cancelJobs} fail-fast cancel job${cancelJobs === 1 ? '' : 's'}` : '';
    io.out.write(
      `Wrote ${shown}: ${jobs.length} job${jobs.length === 1 ? '' : 's'} (${detail}) + aggregate${cancels}, ` +
        `${kb(compiled.bytes)} for ${plan.tasks.length} task${plan.tasks.length === 1 ? '' : 's'}.\n`,
    );
  }
  if (opts.estimate) io.out.write(`\n${formatEstimates(estimates)}`);
  return code;
}

function parseGroup(value: string): GroupMode {
  if ((GROUP_MODES as readonly string[]).includes(value)) return value as GroupMode;
  throw new UserError(
    `--group must be one of ${GROUP_MODES.join(', ')}, got ${JSON.stringify(sanitize(value))}`,
  );
}

function parseMaxJobs(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1) {
    throw new UserError(
      `Expected --max-jobs to be a whole number from 1 and up, got ${JSON.stringify(sanitize(value))}`,
    );
  }
  return n;
}

/** workflow_dispatch is always there; pull_request on request. */
function parseTriggers(values: readonly string[]): boolean {
  let pullRequest = false;
  for (const value of values.flatMap((v) => v.split(',')).map((v) => v.trim())) {
    if (value === 'pull_request') pullRequest = true;
    else if (value !== 'workflow_dispatch') {
      throw new UserError(
        `--on takes ${TRIGGERS.join(' and ')} (never pull_request_target: it would give a fork's code the repository's secrets), got ${JSON.stringify(sanitize(value))}`,
      );
    }
  }
  return pullRequest;
}

/** The repository root: the nearest folder up from `start` with a `.git`; `start` itself when there is none. */
function repositoryRoot(start: string): string {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(start);
  }
}

function insideRoot(root: string, absolute: string, what: string): string {
  const relative = posix(path.relative(root, absolute));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new UserError(
      `${what} must be inside the repository (${root}): the workflow reads it from a checkout`,
    );
  }
  return relative;
}

function posix(p: string): string {
  return p.split(path.sep).join('/');
}

/** A file name from the plan's name (plan text: only plain characters survive). */
function fileName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '');
  return cleaned === '' ? 'orchestrator' : cleaned;
}

function where(p: string): string {
  const relative = path.relative(process.cwd(), p);
  return relative === '' || relative.startsWith('..') ? p : relative;
}

function readIfExists(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function countKinds(graph: JobGraph): Record<'task' | 'matrix' | 'sequence', number> {
  const kinds = { task: 0, matrix: 0, sequence: 0 };
  for (const job of graph.jobs) kinds[job.kind]++;
  return kinds;
}

/** The chosen jobs first, then the other groupings, so a user sees what grouping and fusion buy. */
function compareEstimates(
  plan: Plan,
  analysis: Analysis,
  options: CompileOptions,
  chosen: JobGraph,
): Estimate[] {
  const name = (o: CompileOptions): string =>
    o.maxJobs !== undefined
      ? `${o.group}${o.fuseChains ? '+fuse' : ''} max ${o.maxJobs}`
      : `${o.group}${o.fuseChains ? '+fuse-chains' : ''}`;
  const chosenName = name(options);
  const out: Estimate[] = [estimateJobs(plan, analysis, chosen, {}, `${chosenName} (chosen)`)];
  // The other groupings as they are, unpacked: what packing costs shows beside them.
  const base: CompileOptions = { ...options };
  delete base.maxJobs;
  const others: CompileOptions[] = [
    { ...base, group: 'task', fuseChains: false },
    { ...base, group: 'auto', fuseChains: false },
    { ...base, group: 'auto', fuseChains: true },
    { ...base, group: 'level', fuseChains: false },
  ];
  for (const other of others) {
    if (name(other) === chosenName) continue;
    const choice = chooseJobs(plan, analysis, other);
    if (choice.ok) out.push(estimateJobs(plan, analysis, choice.graph, {}, name(other)));
  }
  return out;
}
