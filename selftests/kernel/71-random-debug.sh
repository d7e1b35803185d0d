# Randomized memcg operations (seeded) during reclaim on the fixed debug
# kernel with memcg_iter_stress at 2%; clean console, nothing leaked.
. "$(dirname "$0")/../lib.sh"
need_tree
kbuild debug fixed || { fail "build"; finish; }
SEED=${RANDOM_SEED:-$(date +%s)}
echo "seed $SEED (rerun with RANDOM_SEED=$SEED)"
"$PROJ/scripts/vm-test" -f debug -v fixed -n random-debug -t 1200 -- \
	"insmod ./memcg_iter_stress.ko probability=2 && ./run_tests.sh 'test_random -s $SEED -t 60'" &&
	pass "random operations on debug/fixed (seed $SEED)" || fail "random operations (seed $SEED)"
tr -d '\r' < "$CACHE/logs/random-debug.log" | sed -n 's/^\(# \)*RESULT: /RESULT: /p'
finish
