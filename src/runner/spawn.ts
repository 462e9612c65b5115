/**
 * Runs one process the way a build tool should: in its own process group, so a timeout or an interrupt stops
 * the whole tree (SIGTERM, a grace period, then SIGKILL) and no grandchild is left behind; its output streamed
 * to a log file as it comes, and the tail of stdout kept for the adapter to read.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';

export interface SpawnRequest {
  argv: readonly string[];
  stdin?: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Stop the process tree after this long; null for no limit. */
  timeoutMs: number | null;
  /** Between SIGTERM and SIGKILL. */
  graceMs: number;
  /** Output goes here as it comes (an open file descriptor, appended to). */
  logFd: number | null;
  /** Stops the process tree (an interrupt, or fail-fast cancelling the run). */
  signal?: AbortSignal;
  /** How much of stdout and of stderr to keep in memory (the tail). */
  captureBytes: number;
  /** Called with the pid (which is also the process group id) once the process runs. */
  onStart?: (pid: number) => void;
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
  const [file, ...args] = request.argv;
  return new Promise((resolve) => {
    const stdout = new Tail(request.captureBytes);
    const stderr = new Tail(request.captureBytes);
    let timedOut = false;
    let aborted = false;
    let spawnError: string | null = null;
    let exit: { code: number | null; signal: string | null } | null = null;
    let killTimer: NodeJS.Timeout | undefined;
    let straggler: NodeJS.Timeout | undefined;

    const child = spawn(file ?? '', args, {
      cwd: request.cwd,
      env: request.env,
      detached: true, // its own process group: -pid reaches every descendant that did not leave it
      stdio: [request.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });

    if (child.pid !== undefined) request.onStart?.(child.pid);

    const killGroup = (sig: NodeJS.Signals): void => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, sig);
      } catch {
        // ESRCH: the group is already gone.
      }
    };
    const stop = (): void => {
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
    if (request.signal?.aborted === true) onAbort();
    else request.signal?.addEventListener('abort', onAbort, { once: true });

    const log = (chunk: Buffer): void => {
      if (request.logFd !== null) fs.writeSync(request.logFd, chunk);
    };
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout.push(chunk);
      log(chunk);
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr.push(chunk);
      log(chunk);
    });
    if (child.stdin !== null) {
      child.stdin.on('error', () => {
        // EPIPE: the program exited without reading all of its input; its exit status says what happened.
      });
      child.stdin.end(request.stdin);
    }

    child.on('error', (error) => {
      spawnError = error.message;
    });
    child.on('exit', (code, signal) => {
      exit = { code, signal };
      // What the task left running in its group (a background job holding the pipes) goes with it.
      killGroup('SIGTERM');
      straggler = setTimeout(() => {
        killGroup('SIGKILL');
        child.stdout?.destroy();
        child.stderr?.destroy();
      }, request.graceMs);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearTimeout(killTimer);
      clearTimeout(straggler);
      request.signal?.removeEventListener('abort', onAbort);
      const end = exit ?? { code, signal };
      resolve({
        exitCode: end.code,
        signal: end.signal,
        stdout: stdout.text(),
        stderr: stderr.text(),
        truncated: stdout.truncated || stderr.truncated,
        timedOut,
        aborted,
        spawnError,
        durationMs: performance.now() - started,
      });
    });
  });
}
