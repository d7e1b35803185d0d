# The detector can fail: the vz7 scheme ported literally (clearing at
# css_offline, no grace period) must be caught by the churn test on the
# debug kernel, with the race window widened by the module; the same run
# on the fixed kernel must not be flagged.
. "$(dirname "$0")/../lib.sh"
need_tree
kbuild debug mutant || { fail "build mutant"; finish; }
kbuild debug fixed || { fail "build fixed"; finish; }
RUNS=${MUTANT_RUNS:-3}
T=${MUTANT_SECONDS:-120}
CMD="insmod ./memcg_iter_stress.ko probability=50 window_us=2000 window_probability=50 &&
	./run_tests.sh 'test_churn -n 20 -t $T -H 1';
	rc=\$?; for f in /sys/kernel/slab/*/validate; do echo 1 > \$f; done 2>/dev/null; exit \$rc"
caught=0
i=1
while [ $i -le "$RUNS" ]; do
	t0=$(date +%s)
	rc=0
	"$PROJ/scripts/vm-test" -f debug -v mutant -n mutant-$i -t 900 -- "$CMD" > /dev/null 2>&1 || rc=$?
	dt=$(($(date +%s) - t0))
	if [ "$rc" != 0 ]; then
		caught=$((caught + 1))
		echo "run $i: caught after ${dt} s (status $rc):"
		"$PROJ/scripts/scan-console" -A 6 "$CACHE/logs/mutant-$i.log" | head -20
	else
		echo "run $i: not caught in ${dt} s"
	fi
	i=$((i + 1))
done
echo "RESULT: mutant (vz7 scheme on RHEL7) caught in $caught of $RUNS runs of ${T} s"
[ "$caught" -gt 0 ] && pass "mutant caught ($caught/$RUNS)" || fail "mutant never caught"
rc=0
"$PROJ/scripts/vm-test" -f debug -v fixed -n mutant-control -t 900 -- "$CMD" > /dev/null 2>&1 || rc=$?
[ "$rc" = 0 ] && pass "same run on the fixed kernel is clean" ||
	{ "$PROJ/scripts/scan-console" "$CACHE/logs/mutant-control.log" | head -30; fail "fixed kernel flagged (status $rc)"; }
finish
