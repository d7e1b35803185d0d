# The test-only hook with the memory controller disabled at boot
# (cgroup_disable=memory): shrink_zone() then runs its memcg loop once with
# no memcg, and the hook must not hand that NULL to the module (it did:
# NULL dereference).  Global reclaim with the module loaded at 100%
# breaks, then a clean console (guest-run fails on any splat).
. "$(dirname "$0")/../lib.sh"
need_tree
kbuild debug fixed || { ktap_test_fail "build"; ktap_finished; }
rc=0
# shellcheck disable=SC2016 # guest shell text, expanded in the guest
out=$("$PROJ/scripts/guest-run" -f debug -v fixed -n memcg-disabled -t 900 -a cgroup_disable=memory -- '
	awk '"'"'$1 == "memory" { print "memory controller enabled:", $4; exit !($4 == 0) }'"'"' /proc/cgroups || exit 5
	insmod ./memcg_iter_stress.ko probability=100 || exit 6
	scanned() { awk '"'"'/^pgscan_(kswapd|direct)_/ { n += $2 } END { print n }'"'"' /proc/vmstat; }
	s0=$(scanned)
	./memhog -m 0 -t 15 || exit 7
	s1=$(scanned)
	echo "pages scanned under the hog: $((s1 - s0))"
	[ $((s1 - s0)) -gt 0 ] || exit 8
	rmmod memcg_iter_stress || exit 9' 2>&1) || rc=$?
echo "$out"
case $rc in
0) ktap_test_pass "global reclaim with the module loaded and memcg disabled, clean console" ;;
5) ktap_test_fail "the memory controller was not disabled by cgroup_disable=memory" ;;
6) ktap_test_fail "insmod failed" ;;
8) ktap_test_fail "no reclaim happened: the hook was not exercised" ;;
*) ktap_test_fail "guest status $rc (log: $CACHE/logs/memcg-disabled.log)" ;;
esac
ktap_finished
