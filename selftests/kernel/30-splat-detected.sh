# The pipeline fails a run whose console holds a splat: a guest that loads
# splat.ko (one deliberate WARN) must end with status 2 and the WARN quoted.
. "$(dirname "$0")/../lib.sh"
need_tree
kbuild release fixed || { fail "build"; finish; }
rc=0
out=$("$PROJ/scripts/vm-test" -f release -v fixed -n splat -t 300 -- insmod ./splat.ko 2>&1) || rc=$?
echo "$out"
[ "$rc" = 2 ] && pass "run with a WARN reported as failed (status 2)" ||
	fail "run with a WARN ended with status $rc"
echo "$out" | grep -q 'deliberate WARN' && pass "splat quoted" || fail "splat not quoted"
finish
