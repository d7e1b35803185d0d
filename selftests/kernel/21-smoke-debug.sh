# Guest smoke test on the fixed debug kernel (lockdep, PROVE_RCU, SLUB
# poisoning, DEBUG_PAGEALLOC, kmemleak): 1000 memcgs charged with
# page cache and anon, global pressure with swap, all removed, the memory
# row of /proc/cgroups back to its start; clean console.
. "$(dirname "$0")/../lib.sh"
need_tree
kbuild debug fixed || { fail "build"; finish; }
t0=$(date +%s)
"$PROJ/scripts/vm-test" -f debug -v fixed -n smoke-debug -- ./run_tests.sh test_smoke &&
	pass "smoke on debug/fixed" || fail "smoke on debug/fixed"
echo "RESULT: smoke debug/fixed (boot, 1000 memcgs, pressure, teardown): $(($(date +%s) - t0)) s"
finish
