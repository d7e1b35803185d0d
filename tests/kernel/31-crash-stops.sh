# A crashed guest ends its run at once, reported as a crash (status 123)
# with the console excerpt: a panic that does not reset the machine
# (panic=0 after the runner's panic=-1) is stopped within seconds, and an
# oops that kills the payload's insmod and leaves it sleeping is stopped
# after the runner's grace period (30 s), not at the host-side timeout.
. "$(dirname "$0")/../lib.sh"
need_tree
kbuild release fixed || { ktap_test_fail "build"; ktap_finished; }
# crash_run NAME APPEND COMMAND LIMIT WHAT: one guest; pass when it ends
# with status 123 within LIMIT s and the excerpt names WHAT.
crash_run() {
	t0=$(date +%s)
	rc=0
	out=$("$PROJ/scripts/guest-run" -f release -v fixed -n "$1" -t 600 -a "$2" -- "$3" 2>&1) || rc=$?
	t=$(($(date +%s) - t0))
	echo "RESULT: $1: status $rc after $t s"
	echo "$out" | grep -A 3 'guest crashed' | head -8
	if [ "$rc" = 123 ] && [ "$t" -le "$4" ] && echo "$out" | grep -q "guest crashed.*$5"; then
		ktap_test_pass "$1: stopped as a crash ($5) after $t s"
	else
		echo "$out" | tail -15
		ktap_test_fail "$1: status $rc after $t s (want 123, '$5', within $4 s)"
	fi
}
crash_run crash-panic panic=0 'echo c > /proc/sysrq-trigger; sleep 600' 60 "kernel panic"
crash_run crash-oops '' 'insmod ./splat.ko oops=1; sleep 600' 90 "oops"
ktap_finished
