# The process launcher in Python (see launcher.ts), the same protocol as launcher.pl. It starts each process
# with posix_spawn, which glibc implements with clone(CLONE_VM | CLONE_VFORK): the child borrows this process's
# memory until it execs, so nothing is copied. fork() (Node's spawn, perl's fork) copies the page tables and then
# takes a copy-on-write fault for every page either side writes, which is what a process start mostly costs on a
# virtual machine, where a page fault is expensive. Node keeps every decision: when to start, timeouts, signals
# (it kills process groups itself); this only spawns, relays output and reports exits.
#
# Python before 3.8 has no os.posix_spawn: there (and with `fork` as the script's argument, for the tests) it
# forks, as launcher.pl does.
#
# The protocol is launcher.pl's (its header describes the frames), with one difference: a process that cannot
# start gets its E in place of the P, as posix_spawn reports exec's error itself (launcher.pl sends P, then E).
import errno
import os
import select
import signal
import sys

USE_FORK = not hasattr(os, 'posix_spawn') or sys.argv[1:] == ['fork']

# The runner decides: it stops us by closing our stdin, and a Ctrl-C at the terminal is for it alone.
for _sig in (signal.SIGINT, signal.SIGQUIT, signal.SIGHUP, signal.SIGPIPE):
    signal.signal(_sig, signal.SIG_IGN)
# Ignored signals stay ignored across exec: the processes started get them back at their defaults.
CHILD_DEFAULTS = (signal.SIGINT, signal.SIGQUIT, signal.SIGHUP, signal.SIGPIPE)

wake_r, wake_w = os.pipe()
os.set_blocking(wake_r, False)
os.set_blocking(wake_w, False)
signal.signal(signal.SIGCHLD, lambda *_: None)
signal.set_wakeup_fd(wake_w)

STDIN, STDOUT = 0, 1
kids = {}      # id => Kid
by_pid = {}    # pid => id
by_fd = {}     # fd => (id, stream)
base_env = {}
resolved = {}  # (PATH, name) => the program's path
poller = select.poll()
READABLE = select.POLLIN | select.POLLHUP | select.POLLERR


class Kid:
    __slots__ = ('capture', 'fds', 'out', 'err', 'truncated', 'exited', 'log')

    def __init__(self, capture, out_r, err_r, log):
        self.capture = capture
        self.fds = {'out': out_r, 'err': err_r}
        self.out = bytearray()
        self.err = bytearray()
        self.truncated = False
        self.exited = False
        self.log = log


def send_frame(head, *fields):
    frame = b' '.join([head] + [str(len(f)).encode() for f in fields]) + b'\n' + b''.join(fields)
    view = memoryview(frame)
    while view:
        try:
            n = os.write(STDOUT, view)
        except InterruptedError:
            continue
        except BlockingIOError:
            select.select([], [STDOUT], [])
            continue
        except OSError:
            os._exit(0)  # the runner is gone
        view = view[n:]


def errno_name(error):
    return errno.errorcode.get(error.errno, 'E%d' % (error.errno or 0))


def which(name, path):
    """The program's path as execvp would find it in the process's PATH (not ours)."""
    if b'/' in name:
        return name
    key = (path, name)
    found = resolved.get(key)
    if found is not None:
        return found
    for folder in (path if path is not None else b'/bin:/usr/bin').split(b':'):
        candidate = os.path.join(folder or b'.', name)
        if os.access(candidate, os.X_OK) and not os.path.isdir(candidate):
            resolved[key] = candidate
            return candidate
    raise FileNotFoundError(errno.ENOENT, 'not found')


def posix_spawn(program, argv, env, out_w, err_w):
    """Starts the program in its own process group; an OSError when it cannot (exec's errno included)."""
    return os.posix_spawn(
        program, argv, env,
        file_actions=[
            (os.POSIX_SPAWN_OPEN, 0, '/dev/null', os.O_RDONLY, 0),
            (os.POSIX_SPAWN_DUP2, out_w, 1),
            (os.POSIX_SPAWN_DUP2, err_w, 2),
        ],
        setpgroup=0,
        setsigdef=CHILD_DEFAULTS,
    )


def fork_exec(program, argv, env, out_w, err_w):
    """posix_spawn's contract with fork and exec: the exec's errno comes back through a pipe closed on exec."""
    fail_r, fail_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.setpgid(0, 0)
            for sig in CHILD_DEFAULTS:
                signal.signal(sig, signal.SIG_DFL)
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            null = os.open('/dev/null', os.O_RDONLY)
            os.dup2(null, 0)
            os.dup2(out_w, 1)
            os.dup2(err_w, 2)
            os.execve(program, argv, env)
        except OSError as error:
            os.write(fail_w, str(error.errno).encode())
        finally:
            os._exit(127)
    os.close(fail_w)
    try:
        os.setpgid(pid, pid)  # also from here, so the group exists before the runner can signal it
    except OSError:
        pass  # it already ran and exited, or it already exec'ed (setpgid then fails, having been done)
    failure = b''
    while True:
        try:
            chunk = os.read(fail_r, 64)
        except InterruptedError:
            continue
        if not chunk:
            break
        failure += chunk
    os.close(fail_r)
    if failure:
        os.waitpid(pid, 0)
        raise OSError(int(failure), os.strerror(int(failure)))
    return pid


def start(id_, capture, argc, fields):
    cwd, log_path = fields[0], fields[1]
    argv = fields[2:2 + argc]
    env = dict(base_env)
    for entry in fields[2 + argc:]:
        eq = entry.find(b'=')
        if eq > 0:
            env[entry[:eq]] = entry[eq + 1:]
    what = b'chdir'
    try:
        # posix_spawn has no portable chdir: the child inherits ours, set for it (we run nothing else). Every
        # time: the folder may have been removed and made again since the last start.
        os.chdir(cwd)
        what = b'spawn ' + argv[0]
        program = which(argv[0], env.get(b'PATH'))
        out_r, out_w = os.pipe()
        err_r, err_w = os.pipe()
        try:
            pid = (fork_exec if USE_FORK else posix_spawn)(program, argv, env, out_w, err_w)
        except OSError:
            os.close(out_r)
            os.close(err_r)
            raise
        finally:
            os.close(out_w)
            os.close(err_w)
    except OSError as error:
        return send_frame(b'E ' + id_, what + b' ' + errno_name(error).encode())
    except ValueError:  # a NUL byte in an argument or a variable
        return send_frame(b'E ' + id_, what + b' EINVAL')
    os.set_blocking(out_r, False)
    os.set_blocking(err_r, False)
    log = None
    if log_path:
        try:
            log = os.open(log_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        except OSError:
            log = None
    kids[id_] = Kid(capture, out_r, err_r, log)
    by_pid[pid] = id_
    by_fd[out_r] = (id_, 'out')
    by_fd[err_r] = (id_, 'err')
    poller.register(out_r, READABLE)
    poller.register(err_r, READABLE)
    send_frame(b'P ' + id_ + b' ' + str(pid).encode())


def close_stream(id_, stream):
    kid = kids.get(id_)
    if kid is None:
        return
    fd = kid.fds.pop(stream, None)
    if fd is None:
        return
    del by_fd[fd]
    poller.unregister(fd)
    os.close(fd)
    finish(id_)


def finish(id_):
    kid = kids[id_]
    if kid.fds or not kid.exited:
        return
    if kid.log is not None:
        os.close(kid.log)
    send_frame(b'C ' + id_ + (b' 1' if kid.truncated else b' 0'), bytes(kid.out), bytes(kid.err))
    del kids[id_]


def drop(id_):
    kid = kids.get(id_)
    if kid is None:
        return
    kid.exited = True  # a drop comes after the exit, or for a process the runner gave up on
    close_stream(id_, 'out')
    close_stream(id_, 'err')


def read_stream(id_, stream):
    kid = kids[id_]
    try:
        chunk = os.read(kid.fds[stream], 65536)
    except (BlockingIOError, InterruptedError):
        return
    except OSError:
        return close_stream(id_, stream)
    if not chunk:
        return close_stream(id_, stream)
    if kid.log is not None:
        try:
            os.write(kid.log, chunk)
        except OSError:
            pass
    kept = kid.out if stream == 'out' else kid.err
    kept += chunk
    over = len(kept) - kid.capture
    if over > 0:
        del kept[:over]
        kid.truncated = True


def reap():
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        except InterruptedError:
            continue
        if pid == 0:
            return
        id_ = by_pid.pop(pid, None)
        if id_ is None or id_ not in kids:
            continue
        if os.WIFSIGNALED(status):
            number = os.WTERMSIG(status)
            try:
                name = signal.Signals(number).name
            except ValueError:
                name = 'SIG%d' % number
            send_frame(b'X ' + id_ + b' - ' + name.encode())
        else:
            send_frame(b'X ' + id_ + b' ' + str(os.WEXITSTATUS(status)).encode() + b' -')
        kids[id_].exited = True
        finish(id_)


pending = bytearray()


def handle_input():
    while True:
        nl = pending.find(b'\n')
        if nl < 0:
            return
        head = bytes(pending[:nl]).split(b' ')
        kind = head[0]
        if kind == b'D':
            del pending[:nl + 1]
            drop(head[1])
            continue
        # B <len>... | S <id> <capture> <argc> <len>...
        lengths = [int(x) for x in (head[1:] if kind == b'B' else head[4:])]
        if len(pending) < nl + 1 + sum(lengths):
            return
        fields = []
        offset = nl + 1
        for length in lengths:
            fields.append(bytes(pending[offset:offset + length]))
            offset += length
        del pending[:offset]
        if kind == b'B':
            base_env.clear()
            for entry in fields:
                eq = entry.find(b'=')
                if eq > 0:
                    base_env[entry[:eq]] = entry[eq + 1:]
        else:
            start(head[1], int(head[2]), int(head[3]), fields)


def main():
    in_open = True
    poller.register(STDIN, READABLE)
    poller.register(wake_r, select.POLLIN)
    while in_open or kids:
        try:
            events = poller.poll()
        except InterruptedError:
            events = []
        reap()
        for fd, _ in events:
            if fd == wake_r:
                try:
                    while os.read(wake_r, 512):
                        pass
                except (BlockingIOError, InterruptedError):
                    pass
            elif fd == STDIN:
                try:
                    chunk = os.read(STDIN, 1 << 20)
                except (BlockingIOError, InterruptedError):
                    continue
                except OSError:
                    chunk = b''
                if not chunk:
                    # The runner is gone or done: it handles (or reaps) what is left running.
                    return
                pending.extend(chunk)
                handle_input()
            else:
                entry = by_fd.get(fd)
                if entry is not None:
                    read_stream(*entry)


main()
