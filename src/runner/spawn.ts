/**
 * Runs one process the way a build tool should: in its own process group, so a timeout or an interrupt stops
 * the whole tree (SIGTERM, a grace period, then SIGKILL) and no grandchild is left behind; its output streamed
 * to a log file as it comes, and the tail of stdout kept for the adapter to read.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { processLauncher, type Launched, type LaunchHooks } from './launcher.js';

export interface SpawnRequest {
  argv: readonly string[];
  stdin?: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Stop the process tree after this long; null for no limit. */
  timeoutMs: number | null;
  /** Between SIGTERM and SIGKILL. */
  graceMs: number;
  /**
   * Output goes here as it comes: the log file, opened for appending (O_APPEND: the launcher appends to the
   * same file by its path), or null.
   */
  log: { fd: number; path: string } | null;
  /** Stops the process tree (an interrupt, or fail-fast cancelling the run). */
  signal?: AbortSignal;
  /** How much of stdout and of stderr to keep in memory (the tail). */
  captureBytes: number;
  /** Called with the pid (which is also the process group id) once the process runs. */
  onStart?: (pid: number) => void;
  /**
   * Each line of output as it comes, without its newline (an agent adapter's watcher). Returning true stops
   * the process tree as a timeout does, and the result says `stopped`. A process with a watcher starts through
   * Node (the launcher does not stream lines back); AI agents do anyway, for their stdin.
   */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => boolean;
}

export interface SpawnResult {
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  /** The start of stdout or stderr was dropped to stay within captureBytes. */
  truncated: boolean;
  timedOut: boolean;
  aborted: boolean;
  /** Stopped because `onLine` asked. */
  stopped: boolean;
  /** The program could not be started (not found, not executable): the message. */
  spawnError: string | null;
  durationMs: number;
}

/** Keeps the last `limit` bytes of a stream. */
class Tail {
  private chunks: Buffer[] = [];
  private size = 0;
  truncated = false;

  constructor(private readonly limit: number) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.size > this.limit && this.chunks.length > 1) {
      this.size -= this.chunks.shift()!.length;
      this.truncated = true;
    }
  }

  text(): string {
    let buffer = Buffer.concat(this.chunks);
    if (buffer.length > this.limit) {
      buffer = buffer.subarray(buffer.length - this.limit);
      this.truncated = true;
    }
    return buffer.toString('utf8');
  }
}

export function runProcess(request: SpawnRequest): Promise<SpawnResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    let pid: number | undefined;
    let timedOut = false;
    let aborted = false;
    let stopped = false;
    let stopping = false;
    let spawnError: string | null = null;
    let exit: { code: number | null; signal: string | null } | null = null;
    let killTimer: NodeJS.Timeout | undefined;
    let straggler: NodeJS.Timeout | undefined;

    const killGroup = (sig: NodeJS.Signals): void => {
      if (pid === undefined) return;
      try {
        process.kill(-pid, sig);
      } catch {
        // ESRCH: the group is already gone.
      }
    };
    const stop = (): void => {
      stopping = true;
      killGroup('SIGTERM');
      killTimer ??= setTimeout(() => killGroup('SIGKILL'), request.graceMs);
    };

    const timer =
      request.timeoutMs === null
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            stop();
          }, request.timeoutMs);
    const onAbort = (): void => {
      aborted = true;
      stop();
    };
    const watch = request.onLine;
    const onLine =
      watch === undefined
        ? undefined
        : (line: string, stream: 'stdout' | 'stderr'): void => {
            if (stopping || !watch(line, stream)) return;
            stopped = true;
            stop();
          };

    const hooks: LaunchHooks = {
      started(processId) {
        pid = processId;
        request.onStart?.(processId);
        // Stopped before the launcher said it runs: the signal it missed.
        if (stopping) killGroup('SIGTERM');
      },
      failed(message) {
        spawnError = message;
      },
      exited(code, signal) {
        exit = { code, signal };
        // What the task left running in its group (a background job holding the pipes) goes with it.
        killGroup('SIGTERM');
        straggler = setTimeout(() => {
          killGroup('SIGKILL');
          launched.drop();
        }, request.graceMs);
      },
      closed(stdout, stderr, truncated) {
        clearTimeout(timer);
        clearTimeout(killTimer);
        clearTimeout(straggler);
        unsubscribe();
        resolve({
          exitCode: exit?.code ?? null,
          signal: exit?.signal ?? null,
          stdout,
          stderr,
          truncated,
          timedOut,
          aborted,
          stopped,
          spawnError,
          durationMs: performance.now() - started,
        });
      },
    };

    const launcher =
      request.stdin === undefined && onLine === undefined ? processLauncher(request.env) : undefined;
    const launched =
      launcher !== undefined
        ? launcher.launch(
            {
              argv: request.argv,
              cwd: request.cwd,
              env: request.env,
              logPath: request.log?.path ?? '',
              captureBytes: request.captureBytes,
            },
            hooks,
          )
        : spawnWithNode(request, hooks, onLine);

    const unsubscribe = request.signal === undefined ? () => {} : onAbortOf(request.signal, onAbort);
  });
}

/**
 * One 'abort' listener per signal, whatever the number of processes it stops: a run starts thousands of
 * processes under one signal, and EventTarget's add/removeEventListener cost about 0.1 ms each.
 */
const abortHandlers = new WeakMap<AbortSignal, Set<() => void>>();

function onAbortOf(signal: AbortSignal, handler: () => void): () => void {
  if (signal.aborted) {
    handler();
    return () => {};
  }
  let handlers = abortHandlers.get(signal);
  if (handlers === undefined) {
    const set = new Set<() => void>();
    handlers = set;
    abortHandlers.set(signal, set);
    signal.addEventListener(
      'abort',
      () => {
        for (const h of [...set]) h();
        set.clear();
      },
      { once: true },
    );
  }
  handlers.add(handler);
  return () => handlers.delete(handler);
}

/**
 * Splits a stream into lines for a watcher. A line longer than LINE_LIMIT (a stream-json message quoting a
 * whole file) is skipped rather than kept growing: watchers look for short event lines.
 */
class Lines {
  private readonly decoder = new StringDecoder('utf8');
  private partial = '';
  private skipping = false;

  constructor(
    private readonly stream: 'stdout' | 'stderr',
    private readonly onLine: (line: string, stream: 'stdout' | 'stderr') => void,
  ) {}

  push(chunk: Buffer): void {
    this.feed(this.decoder.write(chunk));
  }

  end(): void {
    this.feed(this.decoder.end());
    if (this.partial !== '' && !this.skipping) this.onLine(this.partial.replace(/\r$/, ''), this.stream);
    this.partial = '';
  }

  private feed(text: string): void {
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      const line = this.partial + text.slice(start, nl);
      if (!this.skipping) this.onLine(line.replace(/\r$/, ''), this.stream);
      this.partial = '';
      this.skipping = false;
      start = nl + 1;
    }
    if (this.skipping) return;
    this.partial += text.slice(start);
    if (this.partial.length > LINE_LIMIT) {
      this.partial = '';
      this.skipping = true;
    }
  }
}

const LINE_LIMIT = 1024 * 1024;

/** Node's own spawn: for processes that take stdin or are watched line by line, and where perl is missing. */
function spawnWithNode(
  request: SpawnRequest,
  hooks: LaunchHooks,
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void,
): Launched {
  const [file, ...args] = request.argv;
  const stdout = new Tail(request.captureBytes);
  const stderr = new Tail(request.captureBytes);
  const lines =
    onLine === undefined
      ? undefined
      : { stdout: new Lines('stdout', onLine), stderr: new Lines('stderr', onLine) };
  let exit: { code: number | null; signal: string | null } | null = null;
  const child = spawn(file ?? '', args, {
    cwd: request.cwd,
    env: request.env,
    detached: true, // its own process group: -pid reaches every descendant that did not leave it
    stdio: [request.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  if (child.pid !== undefined) hooks.started(child.pid);

  const log = (chunk: Buffer): void => {
    if (request.log !== null) fs.writeSync(request.log.fd, chunk);
  };
  child.stdout!.on('data', (chunk: Buffer) => {
    stdout.push(chunk);
    log(chunk);
    lines?.stdout.push(chunk);
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr.push(chunk);
    log(chunk);
    lines?.stderr.push(chunk);
  });
  if (child.stdin !== null) {
    child.stdin.on('error', () => {
      // EPIPE: the program exited without reading all of its input; its exit status says what happened.
    });
    child.stdin.end(request.stdin);
  }
  child.on('error', (error) => hooks.failed(error.message));
  child.on('exit', (code, signal) => {
    exit = { code, signal };
    hooks.exited(code, signal);
  });
  child.on('close', (code, signal) => {
    lines?.stdout.end();
    lines?.stderr.end();
    if (exit === null && (code !== null || signal !== null)) hooks.exited(code, signal);
    hooks.closed(stdout.text(), stderr.text(), stdout.truncated || stderr.truncated);
  });
  return {
    drop() {
      child.stdout?.destroy();
      child.stderr?.destroy();
    },
  };
}
