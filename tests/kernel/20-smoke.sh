# Guest smoke test on the fixed release and debug (lockdep, PROVE_RCU,
# SLUB poisoning, DEBUG_PAGEALLOC, kmemleak) kernels: 1000 memcgs charged
# with page cache and anon, global pressure with swap, all removed, the
# memory row of /proc/cgroups back to its start; clean console.
. "$(dirname "$0")/../lib.sh"
need_tree
for f in release debug; do
	kbuild "$f" fixed || { ktap_test_fail "$f build"; continue; }
	t0=$(date +%s)
	"$PROJ/scripts/guest-run" -f "$f" -v fixed -n "smoke-$f" -- ./workload smoke &&
		ktap_test_pass "smoke on $f/fixed" || ktap_test_fail "smoke on $f/fixed"
	echo "RESULT: smoke $f/fixed (boot, 1000 memcgs, pressure, teardown): $(($(date +%s) - t0)) s"
done
ktap_finished
