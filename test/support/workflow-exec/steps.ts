/**
 * The kinds of step: `run:` scripts, the node action of this repository, and the few actions/* the workflows
 * use (checkout, upload-artifact, download-artifact, setup-node), emulated. Any other `uses:` is unsupported.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import type { ArtifactStore } from './artifacts.js';
import { parseCompositeSteps, type CompositeAction } from './composite.js';
import { tokenPermissions } from './permissions.js';
import { checkArtifactName, copyTree, findFilesToUpload, matchArtifactName } from './artifacts.js';
import {
  interpolateString,
  unsupported,
  valueToString,
  type EvalContext,
  type StatusFunctions,
  type Value,
} from './expressions.js';

export interface StepIo {
  /** The step's process environment. */
  env: Record<string, string>;
  workspace: string;
  runnerTemp: string;
  ctx: EvalContext;
  /** The job's status functions, for the `if:`s of a composite action's steps (its success(), cancelled()). */
  status?: StatusFunctions;
}

export interface StepOutcome {
  ok: boolean;
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** Messages of the emulated actions (warnings, errors), as their log would show them. */
  log: string[];
}

export async function runProcess(
  command: string,
  args: string[],
  options: { cwd: string; env: Record<string, string>; timeoutMs?: number },
): Promise<{ code: number | null; stdout: string; stderr: string; timedOut: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            try {
              if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
            } catch {
              // already gone
            }
          }, options.timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: timedOut ? null : code, stdout, stderr, timedOut });
    });
  });
}

/** `name=value` lines and `name<<DELIM … DELIM` blocks, as @actions/core writes GITHUB_OUTPUT and GITHUB_ENV. */
export function parseCommandFile(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === '') continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc !== null) {
      const delimiter = heredoc[2] as string;
      const value: string[] = [];
      i++;
      while (i < lines.length && lines[i] !== delimiter) value.push(lines[i++] as string);
      if (i >= lines.length) throw new Error(`unterminated ${delimiter} block for ${heredoc[1]}`);
      result[heredoc[1] as string] = value.join('\n');
      continue;
    }
    const eq = line.indexOf('=');
    if (eq <= 0) throw new Error(`invalid line in a command file: ${JSON.stringify(line)}`);
    result[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return result;
}

/**
 * A step's command files, empty, where and as the GitHub runner makes them: all steps' in one folder,
 * RUNNER_TEMP/_runner_file_commands, each named by its kind and a fresh id (a step cannot guess another's; it can
 * list the folder).
 */
export function commandFiles(
  runnerTemp: string,
): Record<'GITHUB_OUTPUT' | 'GITHUB_ENV' | 'GITHUB_PATH' | 'GITHUB_STEP_SUMMARY' | 'GITHUB_STATE', string> {
  const folder = path.join(runnerTemp, '_runner_file_commands');
  fs.mkdirSync(folder, { recursive: true });
  const id = randomUUID();
  const files = {
    GITHUB_OUTPUT: path.join(folder, `set_output_${id}`),
    GITHUB_ENV: path.join(folder, `set_env_${id}`),
    GITHUB_PATH: path.join(folder, `add_path_${id}`),
    GITHUB_STEP_SUMMARY: path.join(folder, `step_summary_${id}`),
    GITHUB_STATE: path.join(folder, `save_state_${id}`),
  };
  for (const f of Object.values(files)) fs.writeFileSync(f, '');
  return files;
}

let scripts = 0;

/** A `run:` step through its shell, as the runner does: the script in a file under RUNNER_TEMP. */
export async function runScript(
  script: string,
  shell: string | undefined,
  cwd: string,
  io: StepIo,
  timeoutMs: number | undefined,
): Promise<StepOutcome> {
  let command: string[];
  let ext = '.sh';
  switch (shell) {
    case undefined:
      command = ['bash', '-e', '{0}'];
      break;
    case 'bash':
      command = ['bash', '--noprofile', '--norc', '-eo', 'pipefail', '{0}'];
      break;
    case 'sh':
      command = ['sh', '-e', '{0}'];
      break;
    case 'python':
      command = ['python3', '{0}'];
      ext = '.py';
      break;
    default:
      if (!shell.includes('{0}')) throw unsupported(`shell: ${shell}`);
      command = shell.split(/\s+/);
  }
  const file = path.join(io.runnerTemp, `script-${++scripts}${ext}`);
  fs.writeFileSync(file, script);
  const [bin, ...args] = command.map((a) => (a === '{0}' ? file : a)) as [string, ...string[]];
  if (!fs.existsSync(cwd)) {
    return { ok: false, exitCode: null, stdout: '', stderr: '', log: [`Error: no such directory ${cwd}`] };
  }
  const r = await runProcess(bin, args, { cwd, env: io.env, ...(timeoutMs ? { timeoutMs } : {}) });
  const log = r.timedOut ? [`Error: the step timed out after ${timeoutMs} ms`] : [];
  if (!r.timedOut && r.code !== 0) log.push(`Error: Process completed with exit code ${r.code}.`);
  return { ok: r.code === 0, exitCode: r.code, stdout: r.stdout, stderr: r.stderr, log };
}

function withString(io: StepIo, inputs: Record<string, unknown>, key: string): string | undefined {
  const v = inputs[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return interpolateString(v, io.ctx);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new Error(`with.${key} must be a scalar`);
}

function withBool(io: StepIo, inputs: Record<string, unknown>, key: string, fallback: boolean): boolean {
  const v = withString(io, inputs, key);
  if (v === undefined || v === '') return fallback;
  if (/^true$/i.test(v)) return true;
  if (/^false$/i.test(v)) return false;
  throw new Error(`Input does not meet YAML 1.2 "Core Schema" specification: ${key}`);
}

function onlyInputs(action: string, inputs: Record<string, unknown>, allowed: string[]): void {
  for (const key of Object.keys(inputs)) {
    if (!allowed.includes(key)) throw unsupported(`${action} input '${key}'`);
  }
}

function done(log: string[]): StepOutcome {
  return { ok: true, exitCode: 0, stdout: '', stderr: '', log };
}
function failed(message: string, log: string[] = []): StepOutcome {
  return { ok: false, exitCode: 1, stdout: '', stderr: '', log: [...log, `Error: ${message}`] };
}

export interface Builtins {
  /** The source tree that checkout copies. */
  repo: string;
  /** Trees of the run's repository by the `ref` a checkout asks for (ExecuteWorkflowOptions.refs). */
  refs: Record<string, string>;
  /** `owner/name` of the run's repository (`github.repository`): a checkout of it copies `repo`. */
  repository: string;
  /** `owner/name` of this project's action and the folder holding it: a checkout of it copies that folder. */
  actionRepository: string;
  actionRoot: string;
  store: ArtifactStore;
  /** The artifacts of runs by run id (download-artifact's `run-id`), this run's included. */
  runs: Map<string, ArtifactStore>;
  /** Sets an output of the step (the emulated actions' own outputs). */
  setOutput: (name: string, value: string) => void;
}

/** What a release of this project holds that its actions run: checked out, nothing else is (no tests, no src). */
const RELEASE_ENTRIES = ['action.yml', 'dist', 'task'];

/**
 * What a checkout of this project's repository copies from `actionRoot`: the release entries when it is this
 * project (a few MB, not the whole tree with its tests for every job), the whole folder for a test's own action.
 */
function releaseTree(actionRoot: string): string[] {
  const entries = RELEASE_ENTRIES.map((e) => path.join(actionRoot, e));
  return fs.existsSync(path.join(actionRoot, 'dist')) && fs.existsSync(path.join(actionRoot, 'task'))
    ? entries.filter((e) => fs.existsSync(e))
    : [actionRoot];
}

/** The actions/* emulations, by `owner/repo` in lower case. */
export const BUILTIN_ACTIONS = [
  'actions/checkout',
  'actions/upload-artifact',
  'actions/download-artifact',
  'actions/setup-node',
];

export function runBuiltin(
  action: string,
  inputs: Record<string, unknown>,
  io: StepIo,
  builtins: Builtins,
): StepOutcome {
  const resolve = (p: string | undefined): string => path.resolve(io.workspace, p ?? '');
  switch (action) {
    case 'actions/setup-node':
      return done(['setup-node: nothing to do (the node running the tests is used)']);
    case 'actions/checkout': {
      onlyInputs(action, inputs, [
        'persist-credentials',
        'fetch-depth',
        'path',
        'allow-unsafe-pr-checkout',
        'repository',
        'ref',
      ]);
      // The run's repository is `repo`, or the tree `refs` gives for the `ref` asked (a pull request's base and
      // head commits); this project's is `actionRoot`, whatever the ref (a workflow that pins the project at a
      // commit gets the tree under test). `path` must stay inside the workspace, as actions/checkout requires.
      const repository = withString(io, inputs, 'repository') || builtins.repository;
      const ref = withString(io, inputs, 'ref');
      const target = resolve(withString(io, inputs, 'path'));
      const rel = path.relative(io.workspace, target);
      if (rel.startsWith('..') || path.isAbsolute(rel)) {
        return failed(`Repository path '${target}' is not under '${io.workspace}'`);
      }
      let copies: [from: string, to: string][];
      if (repository.toLowerCase() === builtins.repository.toLowerCase()) {
        copies = [[(ref ? builtins.refs[ref] : undefined) ?? builtins.repo, target]];
      } else if (repository.toLowerCase() === builtins.actionRepository.toLowerCase()) {
        copies = releaseTree(builtins.actionRoot).map((from) => [
          from,
          path.join(target, path.relative(builtins.actionRoot, from)),
        ]);
      } else throw unsupported(`checkout of repository ${repository}`);
      fs.mkdirSync(target, { recursive: true });
      for (const [from, to] of copies) {
        fs.cpSync(from, to, {
          recursive: true,
          filter: (src) => path.basename(src) !== '.git' && path.basename(src) !== 'node_modules',
        });
      }
      const copied = copies.map(([from]) => from).join(', ');
      return done([`checkout: copied ${copied} (${repository}${ref ? `@${ref}` : ''}) into ${target}`]);
    }
    case 'actions/upload-artifact': {
      onlyInputs(action, inputs, [
        'name',
        'path',
        'if-no-files-found',
        'include-hidden-files',
        'overwrite',
        'retention-days',
        'compression-level',
        'archive',
      ]);
      const name = withString(io, inputs, 'name') || 'artifact';
      const pathInput = withString(io, inputs, 'path');
      if (!pathInput) return failed('Input required and not supplied: path');
      if (!withBool(io, inputs, 'archive', true)) throw unsupported('upload-artifact archive: false');
      const ifNone = withString(io, inputs, 'if-no-files-found') || 'warn';
      if (!['warn', 'error', 'ignore'].includes(ifNone)) {
        return failed(
          `Unrecognized if-no-files-found input. Provided: ${ifNone}. Available options: warn, error, ignore`,
        );
      }
      try {
        checkArtifactName(name);
      } catch (e) {
        return failed((e as Error).message);
      }
      const search = findFilesToUpload(
        pathInput,
        io.workspace,
        withBool(io, inputs, 'include-hidden-files', false),
      );
      if (search.files.length === 0) {
        const message = `No files were found with the provided path: ${pathInput}. No artifacts will be uploaded.`;
        if (ifNone === 'error') return failed(message);
        return done(ifNone === 'warn' ? [`Warning: ${message}`] : [message]);
      }
      try {
        const id = builtins.store.store(
          name,
          search.files,
          search.rootDirectory,
          withBool(io, inputs, 'overwrite', false),
        );
        builtins.setOutput('artifact-id', String(id));
        return done([
          `With the provided path, there will be ${search.files.length} files uploaded as ${name}`,
        ]);
      } catch (e) {
        return failed((e as Error).message);
      }
    }
    case 'actions/download-artifact': {
      onlyInputs(action, inputs, [
        'name',
        'path',
        'pattern',
        'merge-multiple',
        'digest-mismatch',
        'run-id',
        'github-token',
        'repository',
      ]);
      const name = withString(io, inputs, 'name');
      const target = resolve(withString(io, inputs, 'path'));
      const merge = withBool(io, inputs, 'merge-multiple', false);
      let store = builtins.store;
      const runId = withString(io, inputs, 'run-id');
      if (runId) {
        // Another run's artifacts go through the REST API with a token that may read Actions (`actions: read`).
        const repository = withString(io, inputs, 'repository') || builtins.repository;
        if (repository.toLowerCase() !== builtins.repository.toLowerCase()) {
          throw unsupported(`download-artifact from repository ${repository}`);
        }
        const token = withString(io, inputs, 'github-token');
        if (!token) return failed('Inputs `github-token` and `run-id` must be given together');
        const scoped = tokenPermissions(token);
        if (scoped !== null && scoped.permissions.actions === 'none') {
          return failed(
            `Unable to download artifact(s): Resource not accessible by integration (HTTP 403): the token of ${scoped.job} has no actions: read`,
          );
        }
        const other = builtins.runs.get(runId);
        if (other === undefined) return failed(`Unable to download artifact(s): no workflow run ${runId}`);
        store = other;
      }
      let chosen: [string, string][];
      if (name) {
        const folder = store.artifacts.get(name);
        if (folder === undefined)
          return failed(`Unable to download artifact(s): Artifact '${name}' not found`);
        chosen = [[name, folder]];
      } else {
        const pattern = withString(io, inputs, 'pattern');
        chosen = [...store.artifacts].filter(([n]) => !pattern || matchArtifactName(pattern, n));
      }
      for (const [n, folder] of chosen) copyTree(folder, name || merge ? target : path.join(target, n));
      builtins.setOutput('download-path', target);
      return done([`Total of ${chosen.length} artifact(s) downloaded: ${chosen.map(([n]) => n).join(', ')}`]);
    }
    default:
      throw unsupported(`uses: ${action}`);
  }
}

/** action.yml of an action: a node action's entry, or a composite's steps and outputs; its inputs either way. */
export type ActionMetadata =
  | { using: 'node'; root: string; main: string; inputs: CompositeAction['inputs'] }
  | ({ using: 'composite' } & CompositeAction);

const metadataCache = new Map<string, ActionMetadata>();

export function readActionMetadata(root: string): ActionMetadata {
  const cached = metadataCache.get(root);
  if (cached !== undefined) return cached;
  const doc: unknown = load(fs.readFileSync(path.join(root, 'action.yml'), 'utf8'));
  if (typeof doc !== 'object' || doc === null) throw new Error(`${root}/action.yml is not a mapping`);
  const { runs, inputs, outputs } = doc as { runs?: unknown; inputs?: unknown; outputs?: unknown };
  if (typeof runs !== 'object' || runs === null) throw new Error(`${root}/action.yml: no runs`);
  const r = runs as Record<string, unknown>;
  const declared: CompositeAction['inputs'] = {};
  if (typeof inputs === 'object' && inputs !== null) {
    for (const [name, spec] of Object.entries(inputs)) {
      const s = typeof spec === 'object' && spec !== null ? (spec as Record<string, unknown>) : {};
      const d = s.default;
      declared[name] = {
        required: s.required === true,
        ...(d === undefined || d === null ? {} : { default: valueToString(d as Value) }),
      };
    }
  }
  let result: ActionMetadata;
  if (r.using === 'composite') {
    const values: Record<string, string> = {};
    if (typeof outputs === 'object' && outputs !== null) {
      for (const [name, spec] of Object.entries(outputs)) {
        const value =
          typeof spec === 'object' && spec !== null ? (spec as Record<string, unknown>).value : undefined;
        if (typeof value !== 'string') throw new Error(`${root}/action.yml: output ${name} needs a value`);
        values[name] = value;
      }
    }
    result = {
      using: 'composite',
      root,
      inputs: declared,
      outputs: values,
      steps: parseCompositeSteps(root, r.steps),
    };
  } else {
    if (typeof r.using !== 'string' || !r.using.startsWith('node') || typeof r.main !== 'string') {
      throw unsupported(`action runs.using ${String(r.using)}`);
    }
    if (r.pre !== undefined || r.post !== undefined) throw unsupported('action pre/post scripts');
    result = { using: 'node', root, main: path.join(root, r.main), inputs: declared };
  }
  metadataCache.set(root, result);
  return result;
}

/**
 * What GitHub gives the process of a JavaScript action and of no `run:` step: the runtime token and the results
 * service's address (artifacts, caches), and with `id-token: write` the OIDC token request. Fake values that only
 * the executor hands out, so a test can look for them anywhere (an ancestor's /proc/<pid>/environ included).
 */
export const FAKE_RUNTIME_TOKEN = 'fake-actions-runtime-token-for-node-actions-only';
export const FAKE_ID_TOKEN_REQUEST_TOKEN = 'fake-id-token-request-token-for-node-actions-only';

export function nodeActionTokens(idToken: boolean): Record<string, string> {
  return {
    ACTIONS_RUNTIME_TOKEN: FAKE_RUNTIME_TOKEN,
    ACTIONS_RUNTIME_URL: 'http://127.0.0.1:9/runtime/',
    ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/results/',
    ...(idToken
      ? {
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: FAKE_ID_TOKEN_REQUEST_TOKEN,
          ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:9/id-token?api-version=2.0',
        }
      : {}),
  };
}

/**
 * A node action as the runner starts it: INPUT_<NAME> variables, cwd the workspace, and the tokens GitHub gives a
 * JavaScript action's process (`tokens`, nodeActionTokens).
 */
export async function runNodeAction(
  root: string,
  inputs: Record<string, unknown>,
  io: StepIo,
  timeoutMs: number | undefined,
  tokens: Record<string, string> = {},
): Promise<StepOutcome> {
  const meta = readActionMetadata(root);
  if (meta.using !== 'node') throw new Error(`${root}/action.yml is not a node action`);
  const env = { ...io.env, ...tokens };
  const given = new Set<string>();
  for (const key of Object.keys(inputs)) {
    env[`INPUT_${key.replace(/ /g, '_').toUpperCase()}`] = withString(io, inputs, key) ?? '';
    given.add(key);
  }
  for (const [name, spec] of Object.entries(meta.inputs)) {
    if (given.has(name) || spec.default === undefined) continue;
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = interpolateString(spec.default, io.ctx);
  }
  const r = await runProcess(process.execPath, [meta.main], {
    cwd: io.workspace,
    env,
    ...(timeoutMs ? { timeoutMs } : {}),
  });
  return { ok: r.code === 0, exitCode: r.code, stdout: r.stdout, stderr: r.stderr, log: [] };
}
