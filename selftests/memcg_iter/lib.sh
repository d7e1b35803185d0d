# SPDX-License-Identifier: GPL-2.0
# TAP helpers for the shell selftests (busybox sh).  Sourced.
ksft_n=0
ksft_fail=0
ksft_skip=0
MEMCG=$(awk '$3 == "cgroup" && $4 ~ /(^|,)memory(,|$)/ { print $2; exit }' /proc/mounts)
STRESS=/sys/module/memcg_iter_stress
DBG=/sys/kernel/debug/memcg_iter_stress

ok() { ksft_n=$((ksft_n + 1)); echo "ok $ksft_n $*"; }
not_ok() { ksft_n=$((ksft_n + 1)); ksft_fail=$((ksft_fail + 1)); echo "not ok $ksft_n $*"; }
skip_test() { ksft_n=$((ksft_n + 1)); ksft_skip=$((ksft_skip + 1)); echo "ok $ksft_n # SKIP $*"; }
check() { # DESCRIPTION COMMAND...
	d=$1; shift
	if "$@"; then ok "$d"; else not_ok "$d"; fi
}
diag() { echo "# $*"; }
ksft_done() {
	echo "1..$ksft_n"
	[ "$ksft_fail" = 0 ] || exit 1
	[ "$ksft_skip" = 0 ] || [ "$ksft_n" -gt "$ksft_skip" ] || exit 4
	exit 0
}
# stat KEY: a value of the module's stats file.
stat() { awk -v k="$1" '$1 == k { print $2 }' "$DBG/stats"; }
# memcg_rows: the memory row of /proc/cgroups (number of memcgs).
memcg_rows() { awk '$1 == "memory" { print $3 }' /proc/cgroups; }
# settle_memcgs N: wait up to 60 s for the memcg count to drop to N.
settle_memcgs() {
	i=0
	while [ "$(memcg_rows)" -gt "$1" ] && [ $i -lt 600 ]; do
		usleep 100000; i=$((i + 1))
	done
	memcg_rows
}
