# Runs a command and prints the CPU time of its whole process tree on stderr, as
# `bench-tree-cpu-ms=<user+sys> user=<ms> sys=<ms>`, after the command's own output.
#
#   perl bench/tree-cpu.pl node bin/profile-report.js build
#
# Chromium's helper processes outlive the processes that started them and are reparented, so
# the CPU time a parent sees in its waited-for children misses about a second of a build's
# (measured: 0.9 s counted of a floor's 2.2 s). This script makes itself a child subreaper
# (prctl PR_SET_CHILD_SUBREAPER, Linux 3.4+): every orphan of the tree is reparented here and
# reaped here, so times() counts every process the command started. Perl because it is on
# every Debian system (perl-base is essential) and can make the system call; Node cannot.
use strict;
use warnings;
use POSIX ();

my %prctl = (x86_64 => 157, aarch64 => 167, i686 => 172, armv7l => 172);
my $call = $prctl{ (POSIX::uname())[4] } or die "tree-cpu: no prctl number known for this machine\n";
syscall($call, 36, 1, 0, 0, 0) == 0 or die "tree-cpu: prctl(PR_SET_CHILD_SUBREAPER): $!\n";

my $pid = fork() // die "tree-cpu: fork: $!\n";
if ($pid == 0) {
  exec { $ARGV[0] } @ARGV or die "tree-cpu: cannot run $ARGV[0]: $!\n";
}
# Forward a stop request to the command; the tree's orphans are still reaped below.
$SIG{$_} = sub { kill $_[0], $pid } for qw(INT TERM);
my $status = 0;
while ((my $done = wait()) != -1) {
  $status = $? if $done == $pid;
}
my (undef, undef, $user, $sys) = times;
printf STDERR "\nbench-tree-cpu-ms=%d user=%d sys=%d\n", ($user + $sys) * 1000, $user * 1000, $sys * 1000;
exit($status & 127 ? 128 + ($status & 127) : $status >> 8);
