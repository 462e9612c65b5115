/**
 * Starts task processes through a small helper process instead of forking the runner itself: launcher.py
 * (posix_spawn) on Linux, launcher.pl (fork) elsewhere or without python3, Node's own spawn without either.
 *
 * Why: libuv starts a child with fork() + exec(), and fork() copies the parent's page tables, so its cost grows
 * with the runner's memory: about 1.5 ms at 70 MB and 4 ms at 280 MB on the 2-core machines this was measured on,
 * all of it on the runner's one thread. A run of 2,000 one-millisecond tasks then spends more time forking than
 * running them. A helper stays a few megabytes and keeps process starts off the runner's thread. The Python one
 * does not fork at all: posix_spawn is a vfork (the child borrows the helper's memory until it execs), which on a
 * virtual machine, where every page fault traps to the hypervisor, halves what a process start costs against
 * perl's fork (4.9 against 8.7 ms a `bash -c true` on the machines measured). `bench/runner.ts` measures each
 * against ninja.
 *
 * Everything else stays in Node (spawn.ts): timeouts and interrupts signal the process group directly, the log
 * header and status files are written by the runner. The helper streams the output into the task's log itself
 * (so log.txt keeps stdout and stderr interleaved as they came) and sends back the kept tails when the pipes close.
 *
 * Used for processes without stdin (shell tasks, the bulk of big plans); AI agents, which take their prompt on
 * stdin and run for minutes, start through Node's spawn. ORCHESTRATOR_LAUNCHER=python|perl|node chooses; by
 * default python3 on Linux, else perl, else Node's spawn (python3 is not the default elsewhere: on macOS it may be
 * the stub that asks to install the developer tools). The behaviour is the same whichever starts the process;
 * only the cost of a start differs.
 *
 * The helper itself is started with the environment of the run that first needs it (the action passes one without
 * the job's tokens, src/action/agent-env.ts), never with this process's own: a task's parent is the helper, and
 * any process can read its parent's /proc/<pid>/environ. Each process it starts gets the environment sent for it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import perlScript from './launcher.pl?raw';
import pythonScript from './launcher.py?raw';

/** Who starts the processes that take no stdin. */
export type LauncherKind = 'python' | 'perl' | 'node';

/**
 * Each helper: where its interpreter may be, first found first, and its arguments. The system's python3 comes
 * before the one on PATH, which may be a version manager's shim (pyenv, asdf): a shell script that takes 0.35 s to
 * start Python on the machines measured, against 0.03 s for Python itself. Any Python 3 runs launcher.py.
 */
const HELPERS = {
  python: { programs: ['/usr/bin/python3', 'python3'], args: ['-I', '-S', '-c', pythonScript] },
  perl: { programs: ['perl'], args: ['-e', perlScript] },
} as const;

/** What the launcher tells about one process. */
export interface LaunchHooks {
  started(pid: number): void;
  /** It could not start: "spawn <file> ENOENT", "chdir ENOENT", ... */
  failed(message: string): void;
  exited(code: number | null, signal: string | null): void;
  /** Its pipes closed (or were dropped): the end. */
  closed(stdout: string, stderr: string, truncated: boolean): void;
}

export interface LaunchRequest {
  argv: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Appended to as the output comes; '' for none. */
  logPath: string;
  captureBytes: number;
}

export interface Launched {
  /** Stop reading the process's pipes (something it left behind holds them): `closed` follows. */
  drop(): void;
}

interface Pending {
  hooks: LaunchHooks;
  exited: boolean;
}

class Launcher {
  private readonly child: ChildProcess;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private buffer: Buffer = Buffer.alloc(0);
  private dead: string | null = null;
  /** How many times the whole environment was sent: once per run when tasks differ by a few variables. */
  basesSent = 0;
  /** The environment the launcher starts processes with, before each one's own variables. */
  private base = new Map<string, string>();

  constructor(
    readonly kind: 'python' | 'perl',
    env: NodeJS.ProcessEnv,
  ) {
    this.child = spawn(interpreters.get(kind) ?? kind, HELPERS[kind].args, {
      // Its own process group: a Ctrl-C at the terminal reaches the runner, which stops the tasks itself.
      detached: true,
      env,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    this.child.stdout!.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child.stdin!.on('error', () => {
      // EPIPE: the launcher died; its exit handler fails what is pending.
    });
    this.child.on('error', (error) => this.die(`the process launcher failed: ${error.message}`));
    this.child.on('exit', (code, signal) =>
      this.die(`the process launcher exited (${signal ?? `code ${String(code)}`})`),
    );
    this.idle();
  }

  get alive(): boolean {
    return this.dead === null;
  }

  launch(request: LaunchRequest, hooks: LaunchHooks): Launched {
    const id = this.nextId++;
    if (this.dead !== null) {
      queueMicrotask(() => {
        hooks.failed(this.dead ?? 'the process launcher is gone');
        hooks.closed('', '', false);
      });
      return { drop: () => {} };
    }
    if (this.pending.size === 0) this.busy();
    this.pending.set(id, { hooks, exited: false });
    const env = this.envDelta(request.env);
    this.send(`S ${id} ${request.captureBytes} ${request.argv.length}`, [
      // Absolute: the Python launcher changes its own folder to start a process in another.
      path.resolve(request.cwd),
      request.logPath,
      ...request.argv,
      ...env,
    ]);
    return { drop: () => this.pending.has(id) && this.send(`D ${id}`, []) };
  }

  /**
   * The entries of `env` the launcher does not have in its base environment, after sending a new base when a
   * variable of the base is gone: tasks share almost all of their environment, so most starts send a few
   * variables rather than all of them.
   */
  private envDelta(env: NodeJS.ProcessEnv): string[] {
    const delta: string[] = [];
    /** Variables of the base that `env` also has: the launcher's base must not give a process one it lacks. */
    let present = 0;
    for (const [key, value] of Object.entries(env)) {
      if (value === undefined) continue;
      const base = this.base.get(key);
      if (base !== undefined) present++;
      // A variable of the base with another value goes in the delta, which overrides the base.
      if (base !== value) delta.push(`${key}=${value}`);
    }
    if (present === this.base.size && delta.length <= 16) return delta;
    this.base = new Map();
    const all: string[] = [];
    for (const [key, value] of Object.entries(env)) {
      if (value === undefined) continue;
      this.base.set(key, value);
      all.push(`${key}=${value}`);
    }
    this.send('B', all);
    this.basesSent++;
    return [];
  }

  /** No process running: the launcher must not keep the runner alive. */
  private idle(): void {
    this.child.unref();
    (this.child.stdout as unknown as { unref?: () => void }).unref?.();
    (this.child.stdin as unknown as { unref?: () => void }).unref?.();
  }

  private busy(): void {
    this.child.ref();
    (this.child.stdout as unknown as { ref?: () => void }).ref?.();
    (this.child.stdin as unknown as { ref?: () => void }).ref?.();
  }

  private send(head: string, fields: readonly string[]): void {
    const bodies = fields.map((f) => Buffer.from(f, 'utf8'));
    const line = `${head}${bodies.map((b) => ` ${b.length}`).join('')}\n`;
    this.child.stdin!.write(Buffer.concat([Buffer.from(line, 'latin1'), ...bodies]));
  }

  private receive(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const nl = this.buffer.indexOf(10);
      if (nl < 0) return;
      const head = this.buffer.toString('latin1', 0, nl).split(' ');
      const type = head[0];
      const id = Number(head[1]);
      const lengths =
        type === 'E' ? [Number(head[2])] : type === 'C' ? [Number(head[3]), Number(head[4])] : [];
      const total = lengths.reduce((a, b) => a + b, 0);
      if (this.buffer.length < nl + 1 + total) return;
      const fields: string[] = [];
      let offset = nl + 1;
      for (const length of lengths) {
        fields.push(this.buffer.toString('utf8', offset, offset + length));
        offset += length;
      }
      this.buffer = this.buffer.subarray(offset);
      this.dispatch(type, id, head, fields);
    }
  }

  private dispatch(type: string | undefined, id: number, head: string[], fields: string[]): void {
    const entry = this.pending.get(id);
    if (entry === undefined) return;
    switch (type) {
      case 'P':
        entry.hooks.started(Number(head[2]));
        break;
      case 'E':
        this.pending.delete(id);
        entry.hooks.failed(fields[0] ?? '');
        entry.hooks.closed('', '', false);
        break;
      case 'X':
        entry.exited = true;
        entry.hooks.exited(
          head[2] === '-' ? null : Number(head[2]),
          head[3] === '-' ? null : (head[3] ?? null),
        );
        break;
      case 'C':
        this.pending.delete(id);
        entry.hooks.closed(fields[0] ?? '', fields[1] ?? '', head[2] === '1');
        break;
      default:
        this.die(`the process launcher said something unexpected: ${JSON.stringify(head.join(' '))}`);
    }
    if (this.pending.size === 0) this.idle();
  }

  private die(reason: string): void {
    if (this.dead !== null) return;
    this.dead = reason;
    if (launchers.get(this.kind) === this) launchers.delete(this.kind);
    for (const [, entry] of this.pending) {
      if (!entry.exited) entry.hooks.failed(reason);
      entry.hooks.closed('', '', false);
    }
    this.pending.clear();
  }
}

const launchers = new Map<'python' | 'perl', Launcher>();
/** Each helper's interpreter, once looked for: its path, or null when there is none. */
const interpreters = new Map<'python' | 'perl', string | null>();

/**
 * Whether the helper's interpreter is there. Looked up rather than run: starting an interpreter only to ask takes
 * as long as starting the launcher itself. launcher.py runs on any Python 3 (it forks where os.posix_spawn is
 * missing, before 3.8).
 */
function usable(kind: 'python' | 'perl'): boolean {
  if (!interpreters.has(kind))
    interpreters.set(kind, HELPERS[kind].programs.map(find).find((p) => p !== null) ?? null);
  return interpreters.get(kind) !== null;
}

/** The program's path: as given when absolute, else the first on PATH; null when it is nowhere. */
function find(program: string): string | null {
  const candidates = path.isAbsolute(program)
    ? [program]
    : (process.env.PATH ?? '')
        .split(path.delimiter)
        .filter((folder) => folder !== '')
        .map((folder) => path.join(folder, program));
  for (const candidate of candidates) {
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // Not there.
    }
  }
  return null;
}

/**
 * Which helper starts processes, as ORCHESTRATOR_LAUNCHER asks (`python`, `perl`, `node`) or by default: python3
 * on Linux, else perl, else Node. A helper asked for but missing falls back the same way.
 */
export function launcherKind(env: NodeJS.ProcessEnv = process.env): LauncherKind {
  const choice = env.ORCHESTRATOR_LAUNCHER;
  if (choice === 'node') return 'node';
  const order: ('python' | 'perl')[] =
    choice === 'perl'
      ? ['perl', 'python']
      : choice === 'python' || process.platform === 'linux'
        ? ['python', 'perl']
        : ['perl'];
  return order.find(usable) ?? 'node';
}

/**
 * The shared launcher, started on first use with `env` as its own environment; undefined when processes should
 * start through Node.
 */
export function processLauncher(env: NodeJS.ProcessEnv): Launcher | undefined {
  const kind = launcherKind(env);
  if (kind === 'node') return undefined;
  let launcher = launchers.get(kind);
  if (launcher?.alive !== true) {
    launcher = new Launcher(kind, env);
    launchers.set(kind, launcher);
  }
  return launcher;
}
