# The process launcher (see launcher.ts): a small perl process that starts the runner's task processes, because
# forking from a Node process costs about 1.5 ms at 70 MB and 4 ms at 280 MB (the whole address space is copied
# into the child's page tables), while perl forks in a tenth of that. Node keeps every decision: when to start,
# timeouts, signals (it kills process groups itself); this only forks, execs, relays output and reports exits.
#
# Protocol (both ways): a header line of space-separated tokens, the last ones the byte lengths of the fields
# that follow it raw, back to back.
#   in:  B <len>...                         the base environment of the processes that follow ("K=V" each)
#        S <id> <capture> <argc> <len>...   fields: cwd, log file, argv (argc), env entries added to the base
#        D <id>                             drop: stop reading a process's pipes (a straggler holds them)
#   out: P <id> <pid>                       started, in its own process group (pgid = pid)
#        E <id> <len>                       could not start (after P, in place of X): "<what> <ERRNO>"
#        X <id> <code|-> <signal|->         exited
#        C <id> <truncated> <len> <len>     pipes closed: the kept tails of stdout and stderr
use strict;
use warnings;
use POSIX ();

$SIG{INT} = $SIG{QUIT} = $SIG{HUP} = 'IGNORE';    # the runner decides; it stops us by closing our stdin
$SIG{PIPE} = 'IGNORE';
binmode STDIN;
binmode STDOUT;

my ($wake_r, $wake_w);
pipe($wake_r, $wake_w) or die "pipe: $!";
nonblocking($wake_r);
nonblocking($wake_w);
$SIG{CHLD} = sub { syswrite($wake_w, 'x') };

my %kids;     # id => { pid, log, out, err, tails, open fds }
my %by_pid;   # pid => id
my %by_fd;    # fileno => [id, stream]
my @base_env;
my $in = '';
my $in_open = 1;

sub nonblocking {
    my ($fh) = @_;
    my $flags = fcntl($fh, POSIX::F_GETFL(), 0) or die "fcntl: $!";
    fcntl($fh, POSIX::F_SETFL(), $flags | POSIX::O_NONBLOCK()) or die "fcntl: $!";
}

sub send_frame {
    my ($head, @fields) = @_;
    my $frame = join(' ', $head, map { length } @fields) . "\n" . join('', @fields);
    my $off = 0;
    while ($off < length $frame) {
        my $n = syswrite(STDOUT, $frame, length($frame) - $off, $off);
        if (!defined $n) {
            next if $!{EINTR} || $!{EAGAIN};
            exit 0;    # the runner is gone
        }
        $off += $n;
    }
}

sub errno_name {
    for my $name (keys %!) { return $name if $!{$name} }
    return 'E' . ($! + 0);
}

sub start {
    my ($id, $capture, $argc, @fields) = @_;
    my ($cwd, $log, @rest) = @fields;
    my @argv = @rest[0 .. $argc - 1];
    my @env = @rest[$argc .. $#rest];
    pipe(my $out_r, my $out_w) or return send_frame("E $id", "pipe " . errno_name());
    pipe(my $err_r, my $err_w) or return send_frame("E $id", "pipe " . errno_name());
    pipe(my $fail_r, my $fail_w) or return send_frame("E $id", "pipe " . errno_name());
    my $pid = fork();
    if (!defined $pid) { return send_frame("E $id", "fork " . errno_name()) }
    if ($pid == 0) {
        # The child: its own process group, the signals the runner expects, the output into our pipes.
        $SIG{$_} = 'DEFAULT' for qw(INT QUIT HUP PIPE CHLD);
        POSIX::setpgid(0, 0);
        open(STDIN, '<', '/dev/null');
        open(STDOUT, '>&', $out_w);
        open(STDERR, '>&', $err_w);
        my $what = 'chdir';
        if (chdir $cwd) {
            %ENV = ();
            for my $entry (@base_env, @env) {
                my $eq = index($entry, '=');
                $ENV{ substr($entry, 0, $eq) } = substr($entry, $eq + 1) if $eq > 0;
            }
            $what = "spawn $argv[0]";
            { no warnings 'exec'; exec { $argv[0] } @argv; }
        }
        syswrite($fail_w, "$what " . errno_name());    # $fail_w closes on exec: EOF means it ran
        POSIX::_exit(127);
    }
    POSIX::setpgid($pid, $pid);    # also from here, so the group exists before the runner can signal it
    close $out_w;
    close $err_w;
    close $fail_w;
    nonblocking($out_r);
    nonblocking($err_r);
    # Not waited for here: what the child says about a failed exec is read when it is reaped.
    nonblocking($fail_r);
    my $kid = {
        pid => $pid, capture => $capture, out_r => $out_r, err_r => $err_r, fail_r => $fail_r, open => 2,
        out => '', err => '', truncated => 0, exited => 0,
    };
    if ($log ne '' && open(my $lfh, '>>', $log)) { binmode $lfh; $kid->{log} = $lfh }
    $kids{$id} = $kid;
    $by_pid{$pid} = $id;
    $by_fd{ fileno $out_r } = [ $id, 'out' ];
    $by_fd{ fileno $err_r } = [ $id, 'err' ];
    send_frame("P $id $pid");
}

# Why the child could not exec, if it could not: it wrote that before exiting, so it is in the pipe by now.
sub exec_failure {
    my ($kid) = @_;
    my $fh = delete $kid->{fail_r} or return '';
    my $failure = '';
    while (1) {
        my $n = sysread($fh, my $chunk, 4096);
        if (!defined $n) { next if $!{EINTR}; last }
        last if $n == 0;
        $failure .= $chunk;
    }
    close $fh;
    return $failure;
}

sub close_stream {
    my ($id, $stream) = @_;
    my $kid = $kids{$id} or return;
    my $fh = $kid->{"${stream}_r"} or return;
    delete $by_fd{ fileno $fh };
    close $fh;
    delete $kid->{"${stream}_r"};
    $kid->{open}--;
    finish($id);
}

sub finish {
    my ($id) = @_;
    my $kid = $kids{$id};
    return unless $kid->{open} == 0 && $kid->{exited};
    close $kid->{log} if $kid->{log};
    send_frame("C $id $kid->{truncated}", $kid->{out}, $kid->{err});
    delete $kids{$id};
}

sub drop {
    my ($id) = @_;
    my $kid = $kids{$id} or return;
    $kid->{exited} = 1;    # a drop comes after the exit, or for a process the runner gave up on
    close_stream($id, 'out');
    close_stream($id, 'err');
}

sub read_stream {
    my ($id, $stream) = @_;
    my $kid = $kids{$id};
    my $n = sysread($kid->{"${stream}_r"}, my $chunk, 65536);
    if (!defined $n) { return if $!{EINTR} || $!{EAGAIN}; return close_stream($id, $stream) }
    return close_stream($id, $stream) if $n == 0;
    syswrite($kid->{log}, $chunk) if $kid->{log};
    $kid->{$stream} .= $chunk;
    my $over = length($kid->{$stream}) - $kid->{capture};
    if ($over > 0) { substr($kid->{$stream}, 0, $over, ''); $kid->{truncated} = 1 }
}

sub reap {
    while ((my $pid = waitpid(-1, POSIX::WNOHANG())) > 0) {
        my $id = delete $by_pid{$pid};
        next unless defined $id && $kids{$id};
        my $status = $?;
        my $failure = exec_failure($kids{$id});
        my ($code, $signal) = ('-', '-');
        if ($status & 127) { $signal = signal_name($status & 127) }
        else { $code = $status >> 8 }
        if ($failure ne '') { send_frame("E $id", $failure) }
        else { send_frame("X $id $code $signal") }
        $kids{$id}{exited} = 1;
        finish($id);
    }
}

my %signal_names;
{
    require Config;
    my @names = split ' ', $Config::Config{sig_name};
    my @nums = split ' ', $Config::Config{sig_num};
    @signal_names{@nums} = map { "SIG$_" } @names;
}
sub signal_name { $signal_names{ $_[0] } // "SIG$_[0]" }

sub handle_input {
    while (1) {
        my $nl = index($in, "\n");
        return if $nl < 0;
        my @head = split / /, substr($in, 0, $nl);
        my $type = $head[0];
        if ($type eq 'D') { substr($in, 0, $nl + 1, ''); drop($head[1]); next }
        # B <len>... | S <id> <capture> <argc> <len>...
        my @lens = $type eq 'B' ? @head[1 .. $#head] : @head[4 .. $#head];
        my $total = 0;
        $total += $_ for @lens;
        return if length($in) < $nl + 1 + $total;
        my $off = $nl + 1;
        my @fields;
        for my $len (@lens) { push @fields, substr($in, $off, $len); $off += $len }
        substr($in, 0, $off, '');
        if ($type eq 'B') { @base_env = @fields }
        else { start($head[1], $head[2], $head[3], @fields) }
    }
}

while ($in_open || %kids) {
    my $rin = '';
    vec($rin, fileno(STDIN), 1) = 1 if $in_open;
    vec($rin, fileno($wake_r), 1) = 1;
    vec($rin, $_, 1) = 1 for keys %by_fd;
    my $ready = select(my $rout = $rin, undef, undef, undef);
    if ($ready < 0) { reap(); next }
    if (vec($rout, fileno($wake_r), 1)) { 1 while sysread($wake_r, my $drain, 512); }
    reap();
    for my $fd (keys %by_fd) {
        next unless vec($rout, $fd, 1);
        my $entry = $by_fd{$fd} or next;
        read_stream(@$entry);
    }
    if ($in_open && vec($rout, fileno(STDIN), 1)) {
        my $n = sysread(STDIN, my $chunk, 1 << 20);
        if (!defined $n) { next if $!{EINTR} || $!{EAGAIN}; $in_open = 0 }
        elsif ($n == 0) { $in_open = 0 }
        else { $in .= $chunk; handle_input() }
        last unless $in_open;    # the runner is gone or done: it handles (or reaps) what is left running
    }
}
