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
# check's WARN ("freed while an iterator of"), or a use of the freed
# memcg in memcg code (freed_use: a general protection fault, an Oops or
# paging request, kernel BUG at, SLUB poison or red zone, a work item
# queued on freed memory, whose RIP, call trace or SLUB sites are memcg
# code, tests/lib.sh).  At least one caught run
# must show that use, not only the test-only check's WARN: the check
# shares the test patch with the counters, the crash does not.  The
# fixed-kernel control runs with -c: it passes only if positions on a
# dying memcg were really found or cleared during its churn.
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
# churn_cmd [-c]: the churn run (scripts/guest/workload race-window:
# test_churn -n 0 -r 1 -H 1, every walk broken, the window widened), with
# more of test_churn's options.
churn_cmd() {
	echo "./workload race-window $T 1 0 -r 1 $*"
}
# churn_vm VARIANT NAME [-c]: the churn run above on the debug kernel of
# VARIANT; the mutant runs and the fixed-kernel control share it (the
# control requires the race, -c).  The console goes to $W/NAME.console,
# the runner's splat report to $W/NAME.err.
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
churn_vm() {
	"$PROJ/scripts/guest-run" -f debug -v "$1" -n "$2" -t $TMO -a oops=panic \
		--console "$W/$2.console" -- "$(churn_cmd "${3:-}")" > /dev/null 2> "$W/$2.err"
}
caught=0
inv=0
used=0
i=1
while [ $i -le "$RUNS" ]; do
	rc=0
	churn_vm mutant mutant-$i || rc=$?
	log=$W/mutant-$i.console
	# Seconds from the start of the churn run to the first evidence
	# (guest clock; the marker goes through /dev/kmsg): the check's WARN
	# or a use of the freed memcg in memcg code.  A run that fails for
	# another reason is not a catch.
	start=$(sed -n 's/^\[ *\([0-9.]*\)\] memcg-iter: mutant churn starts.*/\1/p' "$log" | head -1)
	t_check=$(sed -n "s/^\[ *\([0-9.]*\)\] .*$FREED_CHECK_RE.*/\1/p" "$log" | head -1)
	t_use=$(freed_use "$log") || t_use=
	after=$(printf '%s\n' "$t_check" "$t_use" | grep . | sort -n | head -1)
	[ -z "$after" ] || [ -z "$start" ] || after=$(awk -v a="$after" -v s="$start" 'BEGIN { printf "%.0f", a - s }')
	[ -z "$t_check" ] || inv=$((inv + 1))
	[ -z "$t_use" ] || used=$((used + 1))
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
		[ -z "$after" ] || echo "RESULT: mutant run $i caught $after s into the churn run (check: ${t_check:-no}, use in memcg code: ${t_use:-no})"
	fi
	[ $i -lt "$RUNS" ] || { [ "$caught" -gt 0 ] && [ "$used" -gt 0 ]; } || [ "$EXTRA" -le 0 ] ||
		{ RUNS=$((RUNS + 1)); EXTRA=$((EXTRA - 1)); echo "not caught, or no use of the freed memcg seen, yet: one more run"; }
	i=$((i + 1))
done
echo "RESULT: mutant (vz7 scheme on RHEL7) caught in $caught of $RUNS runs of $T s, by the freed-memcg check in $inv, by a use of the freed memcg in memcg code in $used"
[ "$caught" -gt 0 ] && ktap_test_pass "mutant caught ($caught/$RUNS)" || ktap_test_fail "mutant never caught"
[ "$inv" -gt 0 ] && ktap_test_pass "the freed-memcg check fired ($inv/$RUNS)" || ktap_test_fail "the freed-memcg check never fired"
[ "$used" -gt 0 ] && ktap_test_pass "the freed memcg was used in memcg code ($used/$RUNS)" ||
	ktap_test_fail "no run showed the freed memcg used in memcg code (only the test-only check's word)"
# The same run on the fixed kernel, CONTROLS times: never flagged, and
# the race provoked (-c: positions on a dying memcg found or cleared
# during the churn), or a clean control would prove nothing.
CONTROLS=${MUTANT_CONTROL_RUNS:-3}
i=1
while [ $i -le "$CONTROLS" ]; do
	rc=0
	churn_vm fixed mutant-control-$i -c || rc=$?
	[ "$rc" = 0 ] && ktap_test_pass "control run $i on the fixed kernel is clean, race provoked" ||
		{ first_splat "$W/mutant-control-$i.err"
		  ktap_test_fail "control run $i: fixed kernel flagged, or no race provoked (status $rc)"; }
	i=$((i + 1))
done
ktap_finished
