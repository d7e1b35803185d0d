# Churn under reclaim on the fixed debug kernel (lockdep, PROVE_RCU, SLUB
# poisoning, DEBUG_PAGEALLOC, kmemleak), memcg_iter_stress at 2%:
# hierarchical, non-hierarchical and hierarchical-root variants under
# global pressure, then the hierarchical one under limit reclaim (-L) with
# a kmemleak scan.  Passes iff positions were cleared for dying memcgs,
# rounds completed, no memcg leaked, kmemleak is clean where it stayed on
# (it must in -L), and the console is clean (SLUB caches are validated at
# the end so that poison damage is reported).
. "$(dirname "$0")/../lib.sh"
need_tree
kbuild debug fixed || { fail "build"; finish; }
N=${CHURN_GROUPS:-1000}
T=${CHURN_SECONDS:-60}
"$PROJ/scripts/vm-test" -f debug -v fixed -n churn-debug -t 2400 -- \
	"insmod ./memcg_iter_stress.ko probability=2 &&
	 ./run_tests.sh 'test_churn -c -n $N -t $T -H 1' 'test_churn -c -n $N -t $T -H 0' 'test_churn -c -n $N -t $T -R';
	 $SLAB_VALIDATE" &&
	pass "churn tests on debug/fixed" || fail "churn tests on debug/fixed"
# Limit reclaim in a guest with room to spare: kmemleak stays on (under the
# global hog it switches itself off) and its scan must come back clean.
"$PROJ/scripts/vm-test" -f debug -v fixed -n churn-debug-limit -m 1024 -t 1200 -- \
	"insmod ./memcg_iter_stress.ko probability=2 &&
	 ./run_tests.sh 'test_churn -c -n $N -t $T -H 1 -L';
	 $SLAB_VALIDATE" &&
	pass "churn with limit reclaim and a kmemleak scan on debug/fixed" ||
	fail "churn with limit reclaim and a kmemleak scan on debug/fixed"
cat "$CACHE/logs/churn-debug.log" "$CACHE/logs/churn-debug-limit.log" | tr -d '\r' |
	sed -n 's/^\(# \)*RESULT: /RESULT: debug\/fixed /p'
finish
