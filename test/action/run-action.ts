// Runs the bundled action (dist/action.js) as GitHub runs it: inputs as INPUT_* variables, outputs and the job
// summary in the files GITHUB_OUTPUT and GITHUB_STEP_SUMMARY name. Without ACTIONS_RUNTIME_TOKEN, as the `run:`
// step of the composite task/action.yml starts it (a test of the node action's refusal of mode task sets it).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../support/cli.js';
import { FAKE_BIN } from '../support/run.js';

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The outputs set, parsed from the GITHUB_OUTPUT file. */
  outputs: Record<string, string>;
  /** The GITHUB_STEP_SUMMARY file. */
  summary: string;
}

interface Prepared {
  vars: NodeJS.ProcessEnv;
  files: string;
  output: string;
  summary: string;
}

function prepare(cwd: string, inputs: Record<string, string>, env: NodeJS.ProcessEnv): Prepared {
  const files = fs.mkdtempSync(path.join(cwd, '.runner-'));
  const output = path.join(files, 'github_output');
  const summary = path.join(files, 'step_summary');
  fs.writeFileSync(output, '');
  fs.writeFileSync(summary, '');
  const vars: NodeJS.ProcessEnv = {
    PATH: `${FAKE_BIN}:${process.env.PATH}`,
    // Mode task kills the processes its tasks left, here only its own runs' (src/runner/sweep.ts): the other
    // test files run beside this one as the same user.
    ORCHESTRATOR_SWEEP: 'run',
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    ...env,
  };
  // As GitHub does: the name upper-cased, spaces as underscores, hyphens kept.
  for (const [k, v] of Object.entries(inputs)) vars[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v;
  return { vars, files, output, summary };
}

function finish(
  prepared: Prepared,
  result: { code: number | null; stdout: string; stderr: string },
): ActionRun {
  const run: ActionRun = {
    ...result,
    outputs: parseOutputs(fs.readFileSync(prepared.output, 'utf8')),
    summary: fs.readFileSync(prepared.summary, 'utf8'),
  };
  fs.rmSync(prepared.files, { recursive: true, force: true });
  return run;
}

/** `cwd` is the job's workspace; the fake agents come first on PATH. */
export function runAction(
  cwd: string,
  inputs: Record<string, string>,
  env: NodeJS.ProcessEnv = {},
): ActionRun {
  const prepared = prepare(cwd, inputs, env);
  const result = spawnSync(process.execPath, [path.join(ROOT, 'dist/action.js')], {
    cwd,
    env: prepared.vars,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return finish(prepared, { code: result.status, stdout: result.stdout, stderr: result.stderr });
}

/**
 * runAction without blocking this process: for tests whose local GitHub server (test/support/github-server.ts)
 * runs in this process and must answer the action while it runs.
 */
export async function runActionAsync(
  cwd: string,
  inputs: Record<string, string>,
  env: NodeJS.ProcessEnv = {},
): Promise<ActionRun> {
  const prepared = prepare(cwd, inputs, env);
  const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist/action.js')], { cwd, env: prepared.vars });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  return finish(prepared, result);
}

/** `name<<delimiter\nvalue\ndelimiter\n`, as @actions/core writes it. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const re = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) outputs[m[1]!] = m[3]!;
  return outputs;
}

/**
 * The workflow commands a runner would obey in `stdout`: `::name args::value` lines, except between
 * `::stop-commands::<token>` and `::<token>::`.
 */
export function workflowCommands(stdout: string): string[] {
  const commands: string[] = [];
  let stopped: string | null = null;
  for (const line of stdout.split('\n')) {
    if (stopped !== null) {
      if (line === `::${stopped}::`) stopped = null;
      continue;
    }
    const m = /^::([A-Za-z-]+)( [^:]*)?::(.*)$/.exec(line);
    if (m === null) continue;
    if (m[1] === 'stop-commands') stopped = m[3]!;
    commands.push(line);
  }
  return commands;
}

/** Markdown without its fenced code blocks, in a block quote too (what renders as text, not markdown or HTML). */
export function outsideFences(markdown: string): string {
  const kept: string[] = [];
  let fence: string | null = null;
  for (const full of markdown.split('\n')) {
    const line = full.replace(/^(?:> ?)+/, '');
    const m = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence === null && m !== null) fence = m[1]!;
    else if (
      fence !== null &&
      m !== null &&
      m[1]![0] === fence[0] &&
      m[1]!.length >= fence.length &&
      line.trim() === m[1]
    )
      fence = null;
    else if (fence === null) kept.push(full);
  }
  return kept.join('\n');
}
