# The pipeline fails a run whose console holds a splat: a guest that loads
# splat.ko (one deliberate WARN) must end with status 2 and the WARN quoted;
# on the debug kernel, splat.ko leak=8 (8 blocks leaked, no WARN) must be
# reported by kmemleak (within 8 scans), as those blocks (7 or 8: a stale
# copy of one pointer commonly hides it) and nothing else, and fail the
# run the same way.
. "$(dirname "$0")/../lib.sh"
need_tree
kbuild release fixed || { ktap_test_fail "build"; ktap_finished; }
rc=0
out=$("$PROJ/scripts/guest-run" -f release -v fixed -n splat -t 300 -- insmod ./splat.ko 2>&1) || rc=$?
echo "$out"
[ "$rc" = 2 ] && ktap_test_pass "run with a WARN reported as failed (status 2)" ||
	ktap_test_fail "run with a WARN ended with status $rc"
echo "$out" | grep -q 'deliberate WARN' && ktap_test_pass "splat quoted" || ktap_test_fail "splat not quoted"

kbuild debug fixed || { ktap_test_fail "build debug"; ktap_finished; }
rc=0
out=$("$PROJ/scripts/guest-run" -f debug -v fixed -n leak -t 300 -- \
	"insmod ./splat.ko leak=8 && sleep 6 && for i in 1 2 3 4 5 6 7 8; do
		echo scan > /sys/kernel/debug/kmemleak
		[ \$(grep -c '^unreferenced object' /sys/kernel/debug/kmemleak) -ge 8 ] && break
		sleep 2
	 done
	 echo KMEMLEAK-REPORT; cat /sys/kernel/debug/kmemleak; echo KMEMLEAK-END" 2>&1) || rc=$?
# Every object kmemleak reports, and those whose allocation backtrace is in
# splat.ko: the report must be the module's 8 blocks and nothing else.
report=$(echo "$out" | sed -n '/^KMEMLEAK-REPORT$/,/^KMEMLEAK-END$/p')
total=$(echo "$report" | grep -c '^unreferenced object' || true)
ours=$(echo "$report" | awk '/^unreferenced object/ { if (obj && hit) n++; obj = 1; hit = 0 }
	/\[splat\]/ { hit = 1 } END { if (obj && hit) n++; print n + 0 }')
echo "RESULT: kmemleak reported $total objects, $ours of them allocated by splat.ko, for 8 leaked blocks"
[ "$rc" = 2 ] && ktap_test_pass "deliberate leak failed the run (status 2)" ||
	{ echo "$out" | tail -20; ktap_test_fail "deliberate leak: status $rc"; }
# One block's address often survives in a stale copy that kmemleak scans
# (docs/results/2026-12-03.md): 7 or 8 of ours, and no object of anyone
# else.
[ "$total" = "$ours" ] && [ "$ours" -ge 7 ] && [ "$ours" -le 8 ] &&
	ktap_test_pass "kmemleak reported $ours of the 8 blocks of splat.ko and nothing else" ||
	{ echo "$report" | head -60; ktap_test_fail "kmemleak reported $total objects, $ours from splat.ko (expected 7-8, all from splat.ko)"; }
ktap_finished
