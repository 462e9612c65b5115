/**
 * The command line: parses argv with commander, runs one command, maps every outcome to an exit code.
 */
import { Command, CommanderError, Option } from 'commander';
import { VERSION } from '../version.js';
import { graphCommand } from './commands/graph.js';
import { initCommand } from './commands/init.js';
import { planCommand } from './commands/plan.js';
import { schemaCommand } from './commands/schema.js';
import { validateCommand } from './commands/validate.js';
import { EXIT, UserError } from '../errors.js';
import { sanitize, type Output } from './terminal.js';

const EXAMPLES = `
Examples:
  $ orchestrator init                       write a starter plan to plan.yml
  $ orchestrator validate plan.yml          check a plan: file:line:col: message [rule]
  $ orchestrator plan plan.yml              write .orchestrator/ (master plan, agent tasks) and show the batches
  $ orchestrator graph plan.yml --format dot | dot -Tsvg > plan.svg
  $ orchestrator plan .orchestrator/master_plan.md   a seed-format master plan works as input too

Exit codes: 0 ok, 1 the work failed, 2 bad input or usage.
Docs: README.md; plan format: schema/plan.schema.json`;

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
