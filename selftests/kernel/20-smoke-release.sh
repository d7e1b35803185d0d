# Guest smoke test on the fixed release kernel: 1000 memcgs charged with
# page cache and anon, global pressure with swap, all removed, the memory
# row of /proc/cgroups back to its start; clean console.
. "$(dirname "$0")/../lib.sh"
need_tree
kbuild release fixed || { fail "build"; finish; }
t0=$(date +%s)
"$PROJ/scripts/vm-test" -f release -v fixed -n smoke-release -- ./run_tests.sh test_smoke &&
	pass "smoke on release/fixed" || fail "smoke on release/fixed"
echo "RESULT: smoke release/fixed (boot, 1000 memcgs, pressure, teardown): $(($(date +%s) - t0)) s"
finish
