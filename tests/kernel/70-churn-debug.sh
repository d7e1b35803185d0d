# Churn under reclaim on the fixed debug kernel (lockdep, PROVE_RCU, SLUB
# poisoning, DEBUG_PAGEALLOC, kmemleak), memcg_iter_stress at 2%:
# hierarchical, non-hierarchical and hierarchical-root variants under
# global pressure, then the hierarchical one under limit reclaim (-L) with
# a kmemleak scan.  Each variant must race during the churn (-c: a
# position on a dying memcg found by a walk or cleared at its free before
# the teardown starts; what the teardown clears never counts), complete
# rounds, leak no memcg, keep kmemleak clean where it stayed on (it must
# in -L) and the console clean (SLUB caches are validated at the end so
# that poison damage is reported).
#
# All four variants run the race workload of scripts/soak (RACE_GROUPS,
# RACE_CHURN in scripts/lib/common.sh), 60 s each.
. "$(dirname "$0")/../lib.sh"
need_tree
kbuild debug fixed || { ktap_test_fail "build"; ktap_finished; }
N=${CHURN_GROUPS:-$RACE_GROUPS}
W=$RACE_CHURN
T=${CHURN_SECONDS:-60}
# run_churn WHAT GUEST-RUN-OPTION...: one guest; its output (with the
# RESULT lines) is kept for the summary.
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT
run_churn() {
	what=$1
	shift
	rc=0
	"$PROJ/scripts/guest-run" "$@" >> "$OUT" 2>&1 || rc=$?
	[ "$rc" = 0 ] && ktap_test_pass "$what" || ktap_test_fail "$what (status $rc)"
}
# The guest side: scripts/guest/workload, which make mutants runs too.
run_churn "churn tests on debug/fixed" -f debug -v fixed -n churn-debug -t 2400 -- \
	"./workload churn $T 1 $N $W"
# Limit reclaim in a guest with room to spare: kmemleak stays on (under the
# global hog it switches itself off) and its scan must come back clean.
run_churn "churn with limit reclaim and a kmemleak scan on debug/fixed" \
	-f debug -v fixed -n churn-debug-limit -m 1024 -t 1200 -- \
	"./workload churn-limit $T 1 $N $W"
sed 's/^/# /' "$OUT"
sed -n 's/^\(# \)*RESULT: /RESULT: debug\/fixed /p' "$OUT"
ktap_finished
