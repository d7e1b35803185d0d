# The pipeline fails a run whose console holds a splat: a guest that loads
# splat.ko (one deliberate WARN) must end with status 2 and the WARN quoted;
# on the debug kernel, splat.ko leak=8 (8 blocks leaked, no WARN) must be
# reported by kmemleak (within 3 scans: a stale copy of a pointer can hide
# a block for one) and fail the run the same way.
. "$(dirname "$0")/../lib.sh"
need_tree
kbuild release fixed || { fail "build"; finish; }
rc=0
out=$("$PROJ/scripts/vm-test" -f release -v fixed -n splat -t 300 -- insmod ./splat.ko 2>&1) || rc=$?
echo "$out"
[ "$rc" = 2 ] && pass "run with a WARN reported as failed (status 2)" ||
	fail "run with a WARN ended with status $rc"
echo "$out" | grep -q 'deliberate WARN' && pass "splat quoted" || fail "splat not quoted"

kbuild debug fixed || { fail "build debug"; finish; }
rc=0
out=$("$PROJ/scripts/vm-test" -f debug -v fixed -n leak -t 300 -- \
	"insmod ./splat.ko leak=8 && sleep 6 && for i in 1 2 3; do
		echo scan > /sys/kernel/debug/kmemleak
		dmesg | grep -q 'new suspected' && break
		sleep 2
	 done" 2>&1) || rc=$?
n=$(echo "$out" | sed -n 's/.*kmemleak: \([0-9]*\) new suspected memory leaks.*/\1/p' | head -1)
echo "RESULT: kmemleak reported ${n:-no} leaks for 8 leaked blocks"
[ "$rc" = 2 ] && [ -n "$n" ] && pass "deliberate leak reported by kmemleak, run failed (status 2)" ||
	{ echo "$out" | tail -20; fail "deliberate leak: status $rc, kmemleak report: ${n:-none}"; }
finish
