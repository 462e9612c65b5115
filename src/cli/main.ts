/**
 * The command line: parses argv with commander, runs one command, maps every outcome to an exit code.
 */
import { Command, CommanderError, Option } from 'commander';
import { VERSION } from '../version.js';
import type { ProgressMode } from '../runner/progress/choose.js';
import type { Schedule } from '../runner/run.js';
import { aggregateCommand } from './commands/aggregate.js';
import { auditCommand } from './commands/audit.js';
import { generateCommand } from './commands/generate.js';
import { graphCommand } from './commands/graph.js';
import { decomposeCommand } from './commands/decompose.js';
import { initCommand } from './commands/init.js';
import { planCommand } from './commands/plan.js';
import { runCommand } from './commands/run.js';
import { schemaCommand } from './commands/schema.js';
import { taskCommand } from './commands/task.js';
import { validateCommand } from './commands/validate.js';
import { EXIT, UserError } from '../errors.js';
import { sanitize, type Output } from './terminal.js';

const EXAMPLES = `
Examples:
  $ orchestrator init                       write a starter plan to plan.yml
  $ orchestrator decompose -f request.md    ask claude to break a request into plan.yml (a checklist needs no AI)
  $ orchestrator validate plan.yml          check a plan: file:line:col: message [rule]
  $ orchestrator plan plan.yml              write .orchestrator/ (master plan, agent tasks) and show the batches
  $ orchestrator run plan.yml -j 4          run it, 4 tasks at a time; the report is .orchestrator/final_output.md
  $ orchestrator run plan.yml --resume      after a crash or a fix: skip what is done and unchanged
  $ orchestrator task plan.yml T-03         run one task, its deps' results read from .orchestrator/outputs/
  $ orchestrator generate plan.yml          compile it to .github/workflows/<name>.yml (GitHub Actions)
  $ orchestrator generate plan.yml --check  exit 1 and a diff when the committed workflow is stale
  $ orchestrator audit .github/workflows/*.yml   the security audit of workflows: file:line:col: message [rule]
  $ orchestrator graph plan.yml --format dot | dot -Tsvg > plan.svg
  $ orchestrator plan .orchestrator/master_plan.md   a seed-format master plan works as input too

Exit codes: 0 ok, 1 the work failed, 2 bad input or usage, 130 interrupted.
Docs: README.md; plan format: schema/plan.schema.json`;

// `task` and `aggregate`: the artifacts in <dir>/downloads/ that hold several tasks, and which (runner/downloads.ts).
const SOURCES = new Option(
  '--sources <entries>',
  'which task ids each downloaded tasks-<job> artifact holds: <artifact>=<id>,<id> entries, space-separated',
);

// The options `run` and `task` share: how progress shows, and how a stopped task is stopped.
const PROGRESS = new Option('--progress <mode>', 'how progress shows')
  .choices(['auto', 'tty', 'lines', 'github', 'none'])
  .default('auto');
const QUIET = new Option('-q, --quiet', 'no progress output (same as --progress none)');
const GRACE = new Option('--grace <duration>', 'between SIGTERM and SIGKILL when a task is stopped').default(
  '5s',
);

function progressOf(opts: { progress: ProgressMode; quiet?: boolean }): ProgressMode {
  return opts.quiet === true ? 'none' : opts.progress;
}

export function defaultOutput(): Output {
  return { out: process.stdout, err: process.stderr, env: process.env };
}

export async function main(argv: readonly string[], io: Output = defaultOutput()): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command('orchestrator')
    .description('Validate, show and run a DAG of agent tasks, locally or on GitHub Actions.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out.write(s),
      writeErr: (s) => io.err.write(s),
    })
    .addHelpText('after', EXAMPLES);

  program
    .command('validate')
    .description('check plan files and report every finding')
    .argument('<plan...>', 'plan files (.yml, .yaml, .json, or a seed master_plan.md)')
    .option('--json', 'print the findings as JSON')
    .action((files: string[], opts: { json?: boolean }) => {
      code = validateCommand(files, { json: opts.json === true }, io);
    });

  program
    .command('plan')
    .description('write the planning outputs (plan.json, master_plan.md, agent_tasks/) and show the batches')
    .argument('<plan>', 'the plan file')
    .option('-d, --dir <dir>', 'the output folder', '.orchestrator')
    .option('-q, --quiet', 'do not print the simulated batches')
    .option('--json', 'print a JSON summary instead of the batches')
    .action((file: string, opts: { dir: string; quiet?: boolean; json?: boolean }) => {
      code = planCommand(file, { dir: opts.dir, quiet: opts.quiet === true, json: opts.json === true }, io);
    });

  program
    .command('run')
    .description('run the plan: tasks in parallel, retries, timeouts, failure policies; then final_output.md')
    .argument('<plan>', 'the plan file')
    .option('-j, --jobs <n>', 'tasks at a time (default: the number of CPUs)')
    .addOption(
      new Option('--schedule <order>', 'which ready task goes first')
        .choices(['critical-path', 'level'])
        .default('critical-path'),
    )
    .option('--resume', 'keep tasks done in the last run whose definition and inputs did not change')
    .option('-d, --dir <dir>', 'the workspace folder', '.orchestrator')
    .addOption(PROGRESS)
    .addOption(QUIET)
    .addOption(GRACE)
    .action(
      async (
        file: string,
        opts: {
          jobs?: string;
          schedule: Schedule;
          resume?: boolean;
          dir: string;
          progress: ProgressMode;
          quiet?: boolean;
          grace: string;
        },
      ) => {
        code = await runCommand(
          file,
          {
            dir: opts.dir,
            ...(opts.jobs !== undefined ? { jobs: opts.jobs } : {}),
            schedule: opts.schedule,
            resume: opts.resume === true,
            progress: progressOf(opts),
            grace: opts.grace,
          },
          io,
        );
      },
    );

  program
    .command('task')
    .description('run some tasks of a plan, their deps read from <dir>/outputs/ (as a GitHub task job does)')
    .argument('<plan>', 'the plan file')
    .argument('<id...>', 'task ids (also comma-separated)')
    .option('-d, --dir <dir>', 'the workspace folder', '.orchestrator')
    .option('-j, --jobs <n>', 'tasks at a time (default: the number of CPUs)')
    .addOption(PROGRESS)
    .addOption(QUIET)
    .addOption(GRACE)
    .option('--no-stage', "do not copy the tasks' folders to <dir>/artifact/<id>/ for upload")
    .addOption(SOURCES)
    .action(
      async (
        file: string,
        ids: string[],
        opts: {
          dir: string;
          jobs?: string;
          progress: ProgressMode;
          quiet?: boolean;
          grace: string;
          stage: boolean;
          sources?: string;
        },
      ) => {
        code = await taskCommand(
          file,
          ids,
          {
            dir: opts.dir,
            ...(opts.jobs !== undefined ? { jobs: opts.jobs } : {}),
            progress: progressOf(opts),
            grace: opts.grace,
            stage: opts.stage,
            ...(opts.sources !== undefined ? { sources: opts.sources } : {}),
          },
          io,
        );
      },
    );

  program
    .command('aggregate')
    .description("write final_output.md from a workspace's outputs/ (as the GitHub aggregate job does)")
    .option('-d, --dir <dir>', 'the workspace folder', '.orchestrator')
    .option('--plan <file>', 'the plan (default: <dir>/plan.json)')
    .option('-o, --output <file>', 'where to write the report (default: <dir>/final_output.md)')
    .option('--json', 'print the summary as JSON')
    .addOption(SOURCES)
    .action((opts: { dir: string; plan?: string; output?: string; json?: boolean; sources?: string }) => {
      code = aggregateCommand(
        {
          dir: opts.dir,
          ...(opts.sources !== undefined ? { sources: opts.sources } : {}),
          ...(opts.plan !== undefined ? { plan: opts.plan } : {}),
          ...(opts.output !== undefined ? { output: opts.output } : {}),
          json: opts.json === true,
        },
        io,
      );
    });

  program
    .command('graph')
    .description('print the task graph')
    .argument('<plan>', 'the plan file')
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['mermaid', 'dot', 'json'])
        .default('mermaid'),
    )
    .option('--reduce', 'drop edges implied by others (transitive reduction)')
    .action((file: string, opts: { format: 'mermaid' | 'dot' | 'json'; reduce?: boolean }) => {
      code = graphCommand(file, { format: opts.format, reduce: opts.reduce === true }, io);
    });

  program
    .command('generate')
    .description('compile the plan to a GitHub Actions workflow whose jobs mirror the DAG')
    .argument('<plan>', 'the plan file, inside the repository')
    .option('-o, --output <file>', 'the workflow file (default: .github/workflows/<plan name>.yml)')
    .addOption(
      new Option('--group <mode>', 'tasks per job: auto (same deps and dependents: a matrix), task, level')
        .choices(['auto', 'task', 'level'])
        .default('auto'),
    )
    .option('--fuse-chains', 'run each linear chain of tasks in one job')
    .option('--max-jobs <n>', 'at most n jobs: pack the tasks when the grouping gives more')
    .option('--action-ref <ref>', 'the orchestrator action the jobs use', 'org/orchestrator@v1')
    .option(
      '--on <events>',
      'triggers besides workflow_dispatch: pull_request (comma-separated, repeatable)',
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option('--check', 'write nothing; exit 1 with a diff when the file differs from what the plan gives')
    .option('--estimate', 'print jobs, makespan and billed minutes for this and the other groupings')
    .option('--json', 'print a JSON summary (estimates included)')
    .option('--stdout', 'print the workflow instead of writing it')
    .action(
      (
        file: string,
        opts: {
          output?: string;
          group: string;
          fuseChains?: boolean;
          maxJobs?: string;
          actionRef: string;
          on: string[];
          check?: boolean;
          estimate?: boolean;
          json?: boolean;
          stdout?: boolean;
        },
      ) => {
        code = generateCommand(
          file,
          {
            ...(opts.output !== undefined ? { output: opts.output } : {}),
            group: opts.group,
            fuseChains: opts.fuseChains === true,
            ...(opts.maxJobs !== undefined ? { maxJobs: opts.maxJobs } : {}),
            actionRef: opts.actionRef,
            on: opts.on,
            check: opts.check === true,
            estimate: opts.estimate === true,
            json: opts.json === true,
            stdout: opts.stdout === true,
          },
          io,
        );
      },
    );

  program
    .command('audit')
    .description(
      'audit GitHub workflows: agent jobs read-only with only their keys, no token after a task, pinned actions',
    )
    .argument('<workflow...>', 'workflow files (.github/workflows/*.yml)')
    .option('--shipped', 'what a release ships: first-party actions pinned by commit SHA too')
    .action((files: string[], opts: { shipped?: boolean }) => {
      code = auditCommand(files, { shipped: opts.shipped === true }, io);
    });

  program
    .command('decompose')
    .description(
      'break a request into a validated plan: by an AI agent, or from a markdown checklist without one',
    )
    .argument(
      '[request...]',
      'the request (or - for stdin); default: --file, else stdin when it is not a terminal',
    )
    .option('-f, --file <path>', 'read the request from a file (- for stdin)')
    .option('--agent <name>', 'claude (default), codex, gemini, or none: the checklist decomposer, no AI')
    .option('--checklist', 'decompose a markdown checklist without AI (same as --agent none)')
    .option('-m, --model <model>', 'the model the agent uses')
    .option('-o, --output <file>', 'the plan file to write (- for stdout)', 'plan.yml')
    .option('--force', 'overwrite an existing output file')
    .option('--dry-run', 'show the plan and its batches; write no plan file')
    .option(
      '-d, --dir <dir>',
      'the workspace folder; the exchange with the agent is kept in <dir>/decompose/',
      '.orchestrator',
    )
    .option('--timeout <duration>', 'limit of one agent call', '10m')
    .option('--repairs <n>', 'times an invalid plan is sent back to the agent with what was wrong', '2')
    .action(
      async (
        words: string[],
        opts: {
          file?: string;
          agent?: string;
          checklist?: boolean;
          model?: string;
          output: string;
          force?: boolean;
          dryRun?: boolean;
          dir: string;
          timeout: string;
          repairs: string;
        },
      ) => {
        code = await decomposeCommand(
          words,
          {
            ...(opts.file !== undefined ? { file: opts.file } : {}),
            ...(opts.agent !== undefined ? { agent: opts.agent } : {}),
            checklist: opts.checklist === true,
            ...(opts.model !== undefined ? { model: opts.model } : {}),
            output: opts.output,
            force: opts.force === true,
            dryRun: opts.dryRun === true,
            dir: opts.dir,
            timeout: opts.timeout,
            repairs: opts.repairs,
          },
          io,
        );
      },
    );

  program
    .command('init')
    .description('write a starter plan')
    .argument('[file]', 'where to write it', 'plan.yml')
    .option('--force', 'overwrite an existing file')
    .action((file: string, opts: { force?: boolean }) => {
      code = initCommand(file, { force: opts.force === true }, io);
    });

  program
    .command('schema')
    .description('print the JSON Schema of the plan format (as in schema/plan.schema.json)')
    .action(() => {
      code = schemaCommand(io);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    return exitCodeOf(error, io);
  }
}

function exitCodeOf(error: unknown, io: Output): number {
  if (error instanceof CommanderError) {
    // --help and --version end here with exit code 0; usage errors were already printed by commander.
    return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
  }
  if (error instanceof UserError) {
    if (error.message !== '') io.err.write(`orchestrator: ${sanitize(error.message)}\n`);
    return error.exitCode;
  }
  // A bug, not a user's mistake: say so, with the stack, and exit 1.
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.err.write(`orchestrator: internal error (please report it): ${detail}\n`);
  return EXIT.failed;
}
