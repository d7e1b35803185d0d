# Randomized memcg operations (seeded) during reclaim on the fixed debug
# kernel with memcg_iter_stress at 2%; clean console, nothing leaked.
. "$(dirname "$0")/../lib.sh"
need_tree
kbuild debug fixed || { ktap_test_fail "build"; ktap_finished; }
SEED=${RANDOM_SEED:-$(date +%s)}
echo "seed $SEED (rerun with RANDOM_SEED=$SEED)"
rc=0
out=$("$PROJ/scripts/guest-run" -f debug -v fixed -n random-debug -t 1200 -- \
	"./workload random 60 $SEED $RACE_GROUPS $RACE_CHURN" 2>&1) || rc=$?
echo "$out" | sed 's/^/# /'
[ "$rc" = 0 ] && ktap_test_pass "random operations on debug/fixed (seed $SEED)" ||
	ktap_test_fail "random operations (seed $SEED), status $rc"
echo "$out" | sed -n 's/^\(# \)*RESULT: /RESULT: /p'
ktap_finished
