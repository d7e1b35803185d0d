# A memcg whose ->css_online() never ran (a controller mounted with memory
# failed its online after the cgroup was linked into its parent) must not
# be freed with a reclaim iterator position on it.  test_online_fail.sh
# (selftests/memcg_iter) makes that happen on purpose: memory co-mounted
# with net_prio, RTNL held while the parent's limit reclaim stores the new
# memcg, net_prio's online failed with -ENOMEM, no reclaim of the parent
# until the memcg is freed, then the parent's reclaim again.
#
# The series as it was (clearing along parent_mem_cgroup(), kept as
# patches/test/mutant/0002-*) must be caught twice over: by the freed-memcg
# check of the test instrumentation (its WARN and its freed_in_use count)
# and by the use of the freed memcg (GPF, Oops, paging request, poison).
# The fixed kernel must pass the same run: the race happened (positions
# cleared at free) and nothing was flagged.
. "$(dirname "$0")/../lib.sh"
need_tree
kbuild debug mutant-online || { ktap_test_fail "build mutant-online"; ktap_finished; }
kbuild debug fixed || { ktap_test_fail "build fixed"; ktap_finished; }
# scripts/guest/workload online: test_online_fail.sh 30 3, SLUB validated.
CMD="./workload online"

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
rc=0
"$PROJ/scripts/guest-run" -f debug -v mutant-online -n online-mutant -t 900 -a oops=panic \
	--console "$T/console" -- "$CMD" > /dev/null 2> "$T/err" || rc=$?
log=$T/console
first_splat "$T/err"
grep -qE "$FREED_CHECK_RE" "$log" && inv=yes || inv=no
freed_use "$log" > /dev/null && use=yes || use=no
echo "RESULT: online-failure mutant: status $rc, freed-memcg check fired: $inv, use of the freed memcg: $use"
[ "$rc" != 0 ] && [ "$inv" = yes ] && ktap_test_pass "mutant caught by the freed-memcg check (status $rc)" ||
	ktap_test_fail "mutant not caught by the freed-memcg check (status $rc)"
[ "$use" = yes ] && ktap_test_pass "mutant caught by the use of the freed memcg" ||
	ktap_test_fail "mutant: no use of the freed memcg in memcg code seen"

rc=0
out=$("$PROJ/scripts/guest-run" -f debug -v fixed -n online-fixed -t 900 -- "$CMD" 2>&1) || rc=$?
echo "$out" | grep 'RESULT: online-fail\|^# round\|not ok' | tail -12
if [ "$rc" != 0 ]; then
	echo "$out" | tail -30
	ktap_test_fail "fixed kernel: status $rc"
elif echo "$out" | grep -q '# SKIP' || ! echo "$out" | grep -q 'RESULT: online-fail'; then
	echo "$out" | tail -30
	ktap_test_fail "fixed kernel: the test did not run (skipped or no result)"
else
	ktap_test_pass "fixed kernel: the same run passes (race provoked, none freed in use), console clean"
fi
ktap_finished
