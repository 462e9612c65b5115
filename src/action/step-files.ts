/**
 * The step's command files as they were before its agents ran. GITHUB_ENV, GITHUB_PATH, GITHUB_OUTPUT and
 * GITHUB_STATE are read by the runner after the step: a line an agent appends to GITHUB_ENV (`NODE_OPTIONS=
 * --require /tmp/evil.js`) or to GITHUB_PATH (a folder of its own binaries) would run in every later step of the
 * job, the upload step included. agent-env.ts keeps their names out of the agents' environment, but an agent can
 * still find them: /proc/<its parent>/environ holds them, and the runner keeps them all in one folder under
 * RUNNER_TEMP (`_runner_file_commands/set_env_<guid>`, ...), beside those of the composite action's own step,
 * which the runner reads when the composite ends and which this process is never told about.
 *
 * So the task step remembers its command files when it starts and, once its tasks and everything they started
 * are gone, puts them back as they were: each file's content, a regular file again where something replaced it (a
 * link, a folder). The runner's folder (RUNNER_TEMP/_runner_file_commands) is put back whole: every file in it,
 * and nothing added. Any other folder (a test's, a developer's GITHUB_OUTPUT=/tmp/out) is not this step's to
 * clean, so there only the named files are. Only then does the step write its own outputs and summary.
 * GITHUB_STEP_SUMMARY is treated the same way, so the job summary shows what the step wrote.
 */
import fs from 'node:fs';
import path from 'node:path';

export const STEP_FILE_VARIABLES = [
  'GITHUB_ENV',
  'GITHUB_PATH',
  'GITHUB_OUTPUT',
  'GITHUB_STATE',
  'GITHUB_STEP_SUMMARY',
] as const;

/** The folder where the GitHub runner keeps every step's command files (`set_env_<guid>`, `add_path_<guid>`, ...). */
export const RUNNER_FILE_COMMANDS = '_runner_file_commands';

/** A file over this is not remembered (nor put back): the runner's own command files are far smaller. */
const MAX_FILE_BYTES = 16 * 1024 * 1024;

export interface StepFiles {
  /**
   * Puts the folders back as they were. Returns what had been changed: the variable's name for a file the
   * environment names, else the file's name in its folder.
   */
  restore(): string[];
}

/** What an entry of the folders was at the start. */
type Remembered = { kind: 'file'; content: Buffer } | { kind: 'absent' } | { kind: 'other' };

/** Remembers the files the environment names, and the runner's folder of them (none named: nothing to do). */
export function rememberStepFiles(env: NodeJS.ProcessEnv): StepFiles {
  const names = new Map<string, string>();
  for (const variable of STEP_FILE_VARIABLES) {
    const file = env[variable];
    if (file !== undefined && file !== '') names.set(path.resolve(file), variable);
  }
  const folders = [...new Set([...names.keys()].map((file) => path.dirname(file)))].filter(
    (folder) => path.basename(folder) === RUNNER_FILE_COMMANDS,
  );
  const remembered = new Map<string, Remembered>();
  for (const folder of folders) for (const entry of list(folder)) remembered.set(entry, inspect(entry));
  for (const file of names.keys()) if (!remembered.has(file)) remembered.set(file, inspect(file));
  return {
    restore: () => {
      const changed: string[] = [];
      const note = (entry: string): void => void changed.push(names.get(entry) ?? path.basename(entry));
      // Whatever was added is removed: the runner puts nothing there while the step runs.
      for (const entry of folders.flatMap(list)) if (!remembered.has(entry) && remove(entry)) note(entry);
      for (const [entry, was] of remembered) if (restoreOne(entry, was)) note(entry);
      const order = (name: string): number => {
        const i = (STEP_FILE_VARIABLES as readonly string[]).indexOf(name);
        return i < 0 ? STEP_FILE_VARIABLES.length : i;
      };
      return [...new Set(changed)].sort((a, b) => order(a) - order(b) || a.localeCompare(b));
    },
  };
}

/** The entries of a folder, as absolute paths; none when it cannot be read. */
function list(folder: string): string[] {
  try {
    return fs.readdirSync(folder).map((name) => path.join(folder, name));
  } catch {
    return [];
  }
}

/** A regular file's content; anything else (a link, a folder, a file too big to keep) is left as it is. */
function inspect(entry: string): Remembered {
  try {
    const stat = fs.lstatSync(entry);
    if (!stat.isFile() || stat.size > MAX_FILE_BYTES) return { kind: 'other' };
    return { kind: 'file', content: fs.readFileSync(entry) };
  } catch {
    return { kind: 'absent' };
  }
}

/** Whether the entry had changed (and was put back). */
function restoreOne(entry: string, was: Remembered): boolean {
  switch (was.kind) {
    case 'other':
      return false;
    case 'absent':
      return exists(entry) && remove(entry);
    case 'file': {
      const now = inspect(entry);
      if (now.kind === 'file' && now.content.equals(was.content)) return false;
      // Removed first, never written through: a link planted in its place must not point the write elsewhere.
      remove(entry);
      fs.writeFileSync(entry, was.content, { flag: 'wx' });
      return true;
    }
  }
}

function remove(entry: string): boolean {
  try {
    fs.rmSync(entry, { recursive: true, force: true });
    return true;
  } catch {
    return false;
  }
}

function exists(entry: string): boolean {
  try {
    fs.lstatSync(entry);
    return true;
  } catch {
    return false;
  }
}
