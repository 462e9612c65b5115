/**
 * `orchestrator aggregate`: the seed's Phase 4 on its own. It needs only the run's folder (the plan.json written
 * by `plan` or `run`, and `outputs/`), which is all the GitHub aggregate job has after downloading the artifacts
 * (there, `--plan` names the plan: the folder holds only `outputs/<id>/`). When `<dir>/downloads/` exists (the
 * artifacts downloaded without merging), `outputs/` is imported from it first, as the action's aggregate mode
 * does (runner/downloads.ts); what an artifact may not hold is refused, named on stderr and in the report, and
 * makes the exit code 1. A task with no folder shows as not run, and makes the exit code 1, as a failure would.
 * The action's `aggregate` mode is the same report/aggregate.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { analyze } from '../../core/analyze.js';
import { EXIT, UserError } from '../../errors.js';
import { aggregate } from '../../report/aggregate.js';
import { summaryLine } from '../../report/summary.js';
import { importDownloads } from '../../runner/downloads.js';
import { layout } from '../../workspace/layout.js';
import { sanitize, style, type Output } from '../terminal.js';
import { loadValidPlan } from '../load-plan.js';
import { parseSourcesOption, printTampering } from './task.js';

export interface AggregateOptions {
  /** The run's folder: `plan.json` and `outputs/` are read from it. */
  dir: string;
  /** The plan, when not `<dir>/plan.json`. */
  plan?: string;
  /** Where to write the report; default `<dir>/final_output.md`. */
  output?: string;
  json: boolean;
  /** `--sources`: which ids each `tasks-<job>` artifact in `<dir>/downloads/` speaks for. */
  sources?: string;
}

export function aggregateCommand(opts: AggregateOptions, io: Output): number {
  const files = layout(opts.dir);
  const sources = parseSourcesOption(opts.sources);
  const planFile = opts.plan ?? files.planJson;
  if (opts.plan === undefined && !fs.existsSync(planFile)) {
    throw new UserError(
      `${planFile}: no such file (aggregate reads the plan that \`orchestrator plan\` or \`run\` writes there; give --plan <file> to use another)`,
    );
  }
  const { plan } = loadValidPlan(planFile, io);
  const target = opts.output ?? files.finalOutput;
  const { tampering } = importDownloads(plan, files.root, sources);
  printTampering(tampering, io);
  const { summary } = aggregate(plan, analyze(plan), files.outputs, target, tampering);
  const code = summary.status === 'success' && tampering.length === 0 ? EXIT.ok : EXIT.failed;
  if (opts.json) {
    io.out.write(`${JSON.stringify({ ...summary, file: target }, null, 2)}\n`);
    return code;
  }
  const s = style(io.out, io.env);
  const line = summaryLine(summary);
  io.out.write(
    `${code === EXIT.ok ? s.green(line) : s.red(line)}\n${s.dim(`Wrote ${sanitize(where(target))}`)}\n`,
  );
  return code;
}

/** A path relative to the working directory when it is below it, as the user would type it. */
function where(p: string): string {
  const relative = path.relative(process.cwd(), p);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? p : relative;
}
