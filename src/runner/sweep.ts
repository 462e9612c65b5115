/**
 * Nothing a task started outlives the step that ran it. The runner stops each task's process group when the task
 * ends, but a process can leave its group (`setsid`, a double fork): such a leftover could write into the staged
 * artifact before the upload step runs, or into the step's command files after they were put back. So the task
 * step takes a census of the processes when it starts and, once its tasks have ended, kills every process of this
 * user that was not in it, detached ones included, until none is left. Spared are the step's own process and its
 * children: once the tasks have ended, that is the process launcher (launcher.ts) alone, since a process whose
 * parent ends goes to init (or a subreaper), never to its grandparent.
 *
 * Linux only (/proc): a process is its pid with its start time (field 22 of /proc/<pid>/stat), so a reused pid is
 * not taken for the process of the census. Kernel threads and zombies are left out (neither runs code of a task).
 * The kill first stops every such process (SIGSTOP), round after round until a round finds none it has not
 * stopped, so that one forking in a loop cannot outrun it, then kills them all (SIGKILL).
 *
 * The scope: on a GitHub-hosted runner (RUNNER_ENVIRONMENT=github-hosted), a fresh machine for the one job,
 * every new process of the user. Elsewhere that would be too wide: in this project's tests many test files run
 * side by side as one user, a self-hosted machine may run several runners as one user, and a developer trying the
 * action on a laptop runs everything else as that user too. There, and with `ORCHESTRATOR_SWEEP=run` (which the
 * tests and the workflow executor set), only the new processes whose /proc/<pid>/environ carries an
 * ORCHESTRATOR_RUN_ID of a run of this process are killed: the runner sets that variable for every task process
 * and names a run `<time>-<runner pid>` (run.ts), and a process keeps the environment it was started with. A
 * process that clears its environment escapes that narrower scope. `ORCHESTRATOR_SWEEP=user` asks for the wide
 * one anywhere (a self-hosted runner with a user of its own).
 */
import fs from 'node:fs';
import { UserError } from '../errors.js';

/** `user`: every new process of this user. `run`: only those started by a run of the runner `runnerPid`. */
export type SweepScope = { kind: 'user' } | { kind: 'run'; runnerPid: number };

export interface SweepResult {
  /** The processes killed, as `<pid> <command>`. */
  killed: string[];
  /** Those still alive after the last round (another user's now, e.g. through sudo). */
  survivors: string[];
}

interface ProcessEntry {
  pid: number;
  /** `<pid>:<start time>`. */
  key: string;
  comm: string;
  ppid: number;
  uids: number[];
  kernel: boolean;
  zombie: boolean;
}

/** PF_KTHREAD in the flags of /proc/<pid>/stat. */
const KERNEL_THREAD = 0x00200000;
const ROUNDS = 20;

/**
 * The scope for this environment: ORCHESTRATOR_SWEEP (`user` or `run`) when set, else `user` on a GitHub-hosted
 * runner and `run` anywhere else.
 */
export function sweepScope(env: NodeJS.ProcessEnv, runnerPid = process.pid): SweepScope {
  const asked = env.ORCHESTRATOR_SWEEP ?? '';
  if (asked !== '' && asked !== 'user' && asked !== 'run') {
    throw new UserError(
      `ORCHESTRATOR_SWEEP must be user (every new process of this user) or run (only this run's); got ${JSON.stringify(asked)}`,
    );
  }
  const wide = asked === 'user' || (asked === '' && env.RUNNER_ENVIRONMENT === 'github-hosted');
  return wide ? { kind: 'user' } : { kind: 'run', runnerPid };
}

export class ProcessSweep {
  private constructor(
    private readonly census: ReadonlySet<string>,
    private readonly scope: SweepScope,
    private readonly uid: number,
    private readonly self: number,
  ) {}

  /** The census at the step's start; null where there is no /proc to take it from. */
  static start(scope: SweepScope): ProcessSweep | null {
    if (process.getuid === undefined || !fs.existsSync('/proc/self/stat')) return null;
    const census = new Set(listProcesses().map((p) => p.key));
    return new ProcessSweep(census, scope, process.getuid(), process.pid);
  }

  /** Stops, then kills, every process in scope that was not in the census; waits until they are gone. */
  async sweep(): Promise<SweepResult> {
    const stopped = new Map<string, ProcessEntry>();
    for (let round = 0; round < ROUNDS; round++) {
      const fresh = this.candidates().filter((p) => !stopped.has(p.key));
      if (fresh.length === 0) break;
      for (const p of fresh) {
        signal(p.pid, 'SIGSTOP');
        stopped.set(p.key, p);
      }
    }
    for (const p of stopped.values()) signal(p.pid, 'SIGKILL');
    const deadline = Date.now() + 2_000;
    let alive = [...stopped.values()];
    while (alive.length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      const now = new Map(listProcesses().map((p) => [p.key, p]));
      alive = alive.filter((p) => {
        const entry = now.get(p.key);
        return entry !== undefined && !entry.zombie;
      });
    }
    // Whatever a last fork made between the rounds and the kill is caught here, or named.
    const left = [...alive, ...this.candidates().filter((p) => !stopped.has(p.key))];
    for (const p of left) signal(p.pid, 'SIGKILL');
    return {
      killed: [...stopped.values()].filter((p) => !alive.includes(p)).map(describe),
      survivors: left.map(describe),
    };
  }

  private candidates(): ProcessEntry[] {
    return listProcesses().filter(
      (p) =>
        !p.kernel &&
        !p.zombie &&
        p.pid !== this.self &&
        p.ppid !== this.self &&
        !this.census.has(p.key) &&
        p.uids.includes(this.uid) &&
        this.inScope(p.pid),
    );
  }

  private inScope(pid: number): boolean {
    if (this.scope.kind === 'user') return true;
    const suffix = `-${this.scope.runnerPid}`;
    return readEnviron(pid).some((e) => e.startsWith('ORCHESTRATOR_RUN_ID=') && e.endsWith(suffix));
  }
}

function describe(p: ProcessEntry): string {
  return `${p.pid} ${p.comm}`;
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Gone already, or not ours to signal (reported as a survivor if it stays).
  }
}

/** Every process /proc shows; one that ends while it is read is left out. */
function listProcesses(): ProcessEntry[] {
  const entries: ProcessEntry[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const entry = readProcess(Number(name));
    if (entry !== null) entries.push(entry);
  }
  return entries;
}

function readProcess(pid: number): ProcessEntry | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'latin1');
    // `pid (comm) state ...`: the command may hold spaces and parentheses, so the fields start after the last ')'.
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat.slice(close + 2).split(' ');
    const status = fs.readFileSync(`/proc/${pid}/status`, 'latin1');
    const uidLine = /^Uid:\s+(.*)$/m.exec(status)?.[1] ?? '';
    return {
      pid,
      key: `${pid}:${fields[19] ?? ''}`,
      comm,
      ppid: Number(fields[1]),
      // Real, effective, saved and filesystem uid: any of them being ours makes it a process this user runs.
      uids: uidLine.split(/\s+/).map(Number),
      kernel: (Number(fields[6]) & KERNEL_THREAD) !== 0,
      zombie: fields[0] === 'Z' || fields[0] === 'X',
    };
  } catch {
    return null;
  }
}

function readEnviron(pid: number): string[] {
  try {
    return fs.readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0');
  } catch {
    return [];
  }
}
