#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A memcg whose ->css_online() never ran must not be freed with a reclaim
# iterator position on it.
#
# cgroup_create() links a new cgroup into its parent P and then onlines
# its controllers; with memory co-mounted with net_prio, net_prio's online
# runs first.  memcg_online_fail.ko holds RTNL, so the mkdir sleeps in
# net_prio's online with the new cgroup visible to P's walks; meanwhile P's
# limit reclaim (a task in its child over P's limit, each walk broken after
# one memcg by memcg_iter_stress.ko) stores the new memcg as a position.
# Then RTNL is released, net_prio's online returns -ENOMEM (a kretprobe),
# the mkdir fails and the memcg is freed without memory's online ever
# running.  No reclaim of P runs between the failure and the free; after
# it, P's limit reclaim runs again and would call css_tryget() on the
# freed memcg.
#
# Usage: test_online_fail.sh [ROUNDS [RACES]]: up to ROUNDS rounds (default
# 30), stopping after RACES rounds left the new memcg in a position of P
# (default 3).  A race is counted by the kernel: a position cleared when
# the memcg was freed (the fix), or a position still on it when its memory
# went to call_rcu() (freed_in_use: the bug).  Passes when every mkdir
# failed as injected, at least one race happened and freed_in_use is 0.
cd "$(dirname "$0")" || exit 1
. ./lib.sh
ROUNDS=${1:-30}
RACES=${2:-3}
OF=/sys/kernel/debug/memcg_online_fail
ktap_print_header
[ -f ./memcg_online_fail.ko ] || ktap_skip_all "no memcg_online_fail.ko"
[ -n "$STRESS_KO" ] && [ -f "$STRESS_KO" ] ||
	ktap_skip_all "no memcg_iter_stress.ko (here or installed for $(uname -r))"
[ -n "$MEMCG" ] || ktap_skip_all "no memory cgroup hierarchy"

ktap_test_result "insmod memcg_online_fail.ko" insmod ./memcg_online_fail.ko
ktap_test_result "insmod memcg_iter_stress.ko probability=50 global_only=0" \
	insmod "$STRESS_KO" probability=50 global_only=0
[ "$KTAP_CNT_FAIL" = 0 ] || ktap_finished
echo 1 > "$DBG/reset"

# memory and net_prio in one hierarchy (memory alone is mounted at boot).
MN=/tmp/memcg_netprio
mkdir -p $MN
if ! umount "$MEMCG" || ! mount -t cgroup -o memory,net_prio memcg_netprio $MN; then
	ktap_test_fail "mount memory with net_prio"
	ktap_finished
fi
ktap_test_pass "memory and net_prio mounted together"
echo 1 > $MN/memory.use_hierarchy
# P's limit reclaim comes from a task in P's child A that keeps touching
# 24 MiB of anonymous memory under P's 16 MiB limit: swapped-in pages stay
# clean in the swap cache, so a reclaim pass often ends at a middle
# priority and the positions of P's priorities stop in different places
# (P, A, the new memcg).  The task is stopped before the failed memcg is
# freed and continued after it.
P=$MN/P
mkdir $P $P/A
base=$(memcg_rows)
echo 16M > $P/memory.limit_in_bytes
sh -c "echo \$\$ > $P/A/tasks; exec ./memhog -m 24 -t 100000" &
hog=$!
state() { awk '{ print $3 }' /proc/$hog/stat 2>/dev/null; }

races() { echo $(($(stat cleared) + $(stat freed_in_use))); }

# The freed-memcg check is a writable parameter: off, freed_in_use stays 0
# and the last result below would pass without having looked.
CHECK_PARAM=/sys/module/kernel/parameters/memcg_iter_test_check
ktap_test_result "the freed-memcg check is on ($CHECK_PARAM)" [ "$(cat $CHECK_PARAM 2>/dev/null)" = Y ]

r=0 failed_ok=0 visible=0 stopped=0
while [ $r -lt "$ROUNDS" ] && [ "$(races)" -lt "$RACES" ]; do
	r=$((r + 1))
	echo 1 > $OF/rtnl_hold
	echo 1 > $OF/fail_times
	mkdir $P/c$r 2>/dev/null &
	mpid=$!
	i=0
	while [ ! -d $P/c$r ] && [ $i -lt 500 ]; do usleep 10000; i=$((i + 1)); done
	[ -d $P/c$r ] && visible=$((visible + 1))
	# The mkdir holds cgroup_mutex and P's i_mutex: nothing here may
	# need them (no attach, no /proc/cgroups, no open(O_CREAT) in P).
	w0=$(stat limit_walks)
	# shellcheck disable=SC3028 # the guests' busybox sh (and bash) have RANDOM
	usleep $((200000 + RANDOM % 800000))
	kill -STOP $hog
	i=0
	while [ "$(state)" != T ] && [ $i -lt 500 ]; do usleep 10000; i=$((i + 1)); done
	[ "$(state)" = T ] && stopped=$((stopped + 1))
	w1=$(stat limit_walks)
	echo 0 > $OF/rtnl_hold
	if wait $mpid; then rmdir $P/c$r; else failed_ok=$((failed_ok + 1)); fi
	# The failed memcg is freed with no reclaim of P in between.
	settle_memcgs "$base" > /dev/null
	sleep 1
	# P's walks now start from whatever position was left.
	kill -CONT $hog
	sleep 1
	ktap_print_msg "round $r: $((w1 - w0)) limit reclaim walks of P while the mkdir waited; races so far $(races) (cleared $(stat cleared), freed_in_use $(stat freed_in_use))"
done
kill $hog
wait $hog

injected=$(cat $OF/failed)
ktap_test_result "the new cgroup was visible during each of $r rounds ($visible)" [ "$visible" = "$r" ]
ktap_test_result "the reclaiming task was stopped before each free ($stopped of $r)" [ "$stopped" = "$r" ]
ktap_test_result "each mkdir failed as injected ($failed_ok of $r, $injected injected)" \
	[ "$failed_ok" = "$r" -a "$injected" = "$r" ]
cleared=$(stat cleared)
freed=$(stat freed_in_use)
echo "RESULT: online-fail: $r rounds, races $((cleared + freed)) ($cleared cleared at free + $freed freed in use)"
ktap_test_result "the race was provoked: the failed memcg was in a position of P ($((cleared + freed)) times)" \
	[ $((cleared + freed)) -gt 0 ]
ktap_test_result "no memcg was freed with a position on it (freed_in_use $freed)" [ "$freed" = 0 ]

# Teardown: back to memory alone at $MEMCG.
rmdir $P/A $P
ktap_test_result "no memcg left behind" [ "$(settle_memcgs "$((base - 2))")" = $((base - 2)) ]
umount $MN && mount -t cgroup -o memory memory "$MEMCG"
rmmod memcg_iter_stress
ktap_test_result "rmmod memcg_online_fail" rmmod memcg_online_fail
ktap_finished
