# The detector can fail: the vz7 scheme ported literally (clearing at
# css_offline, no grace period; patches/test/mutant/) must be caught by the
# churn test on the debug kernel, with memcg_iter_stress widening the window
# between tryget and position store (window_us) and breaking every walk
# after one memcg (probability=100), with few groups alive, so that rmdir
# often hits a group that a reclaimer is about to store and the stored
# position stays behind.  The same run on the fixed kernel must not be
# flagged.  Reports how often and how fast the mutant was caught.
#
# A run counts as a catch only on memory-safety evidence: the freed-memcg
# check's WARN ("freed while an iterator of"), a general protection fault,
# an Oops or paging request, kernel BUG at, SLUB poison or red zone.
#
# oops=panic: the guest stops at the first oops instead of hanging in the
# teardown (a crashed kswapd or rmdir holds locks); the timeout covers a
# hang that is not an oops.
. "$(dirname "$0")/../lib.sh"
need_tree
kbuild debug mutant || { ktap_test_fail "build mutant"; ktap_finished; }
kbuild debug fixed || { ktap_test_fail "build fixed"; ktap_finished; }
# A stored position survives until the memcg is freed only when no other
# reclaimer reuses that iterator slot first, so not every run catches it
# (catch rates per setting: docs/mutant.md).  When none of the RUNS
# runs catches it, up to EXTRA more are made, and all are counted.
RUNS=${MUTANT_RUNS:-2}
EXTRA=${MUTANT_EXTRA_RUNS:-2}
T=${MUTANT_SECONDS:-60}
TMO=$((T * 2 + 180))
CMD="insmod ./memcg_iter_stress.ko probability=100 window_us=5000 window_probability=100 &&
	echo 'memcg-iter: mutant churn starts' > /dev/kmsg &&
	./ksft_runner.sh 'test_churn -n 0 -r 1 -t $T -H 1';
	$SLAB_VALIDATE"
# churn_vm VARIANT NAME: the churn run above on the debug kernel of
# VARIANT; the mutant runs and the fixed-kernel control share it.  The
# console goes to $W/NAME.console, the runner's splat report to
# $W/NAME.err.
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
churn_vm() {
	"$PROJ/scripts/guest-run" -f debug -v "$1" -n "$2" -t $TMO -a oops=panic \
		--console "$W/$2.console" -- "$CMD" > /dev/null 2> "$W/$2.err"
}
caught=0
inv=0
i=1
while [ $i -le "$RUNS" ]; do
	rc=0
	churn_vm mutant mutant-$i || rc=$?
	log=$W/mutant-$i.console
	# Seconds from the start of the churn run to the first splat (guest
	# clock; the marker goes through /dev/kmsg).  Only memory-safety
	# splats count: a run that fails for another reason is not a catch.
	after=$(sed -n 's/^\[ *\([0-9.]*\)\] \(.*\)/\1 \2/p' "$log" |
		awk -v re="$FREED_CHECK_RE|$FREED_USE_RE" '
		/memcg-iter: mutant churn starts/ { s = $1; next }
		s && $0 ~ re { printf "%.0f", $1 - s; exit }')
	grep -qE "$FREED_CHECK_RE" "$log" && inv=$((inv + 1))
	if [ "$rc" = 0 ]; then
		echo "run $i: not caught in $T s"
	else
		if [ -n "$after" ]; then
			caught=$((caught + 1))
			echo "run $i: caught (status $rc) $after s into the churn run:"
		else
			echo "run $i: failed (status $rc) without a memory-safety splat, not counted:"
		fi
		first_splat "$W/mutant-$i.err"
		[ -z "$after" ] || echo "RESULT: mutant run $i caught $after s into the churn run"
	fi
	[ $i -lt "$RUNS" ] || [ "$caught" -gt 0 ] || [ "$EXTRA" -le 0 ] ||
		{ RUNS=$((RUNS + 1)); EXTRA=$((EXTRA - 1)); echo "not caught yet: one more run"; }
	i=$((i + 1))
done
echo "RESULT: mutant (vz7 scheme on RHEL7) caught in $caught of $RUNS runs of $T s, by the freed-memcg check in $inv"
[ "$caught" -gt 0 ] && ktap_test_pass "mutant caught ($caught/$RUNS)" || ktap_test_fail "mutant never caught"
[ "$inv" -gt 0 ] && ktap_test_pass "the freed-memcg check fired ($inv/$RUNS)" || ktap_test_fail "the freed-memcg check never fired"
# The same run on the fixed kernel, CONTROLS times: never flagged.
CONTROLS=${MUTANT_CONTROL_RUNS:-3}
i=1
while [ $i -le "$CONTROLS" ]; do
	rc=0
	churn_vm fixed mutant-control-$i || rc=$?
	[ "$rc" = 0 ] && ktap_test_pass "control run $i on the fixed kernel is clean" ||
		{ first_splat "$W/mutant-control-$i.err"
		  ktap_test_fail "control run $i: fixed kernel flagged (status $rc)"; }
	i=$((i + 1))
done
ktap_finished
