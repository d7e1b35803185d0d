# SPDX-License-Identifier: GPL-2.0
# Helpers for the shell selftests (busybox sh), with ktap_helpers.sh.
# Sourced from the collection's directory.
. ./ktap_helpers.sh
MEMCG=$(awk '$3 == "cgroup" && $4 ~ /(^|,)memory(,|$)/ { print $2; exit }' /proc/mounts)
STRESS=/sys/module/memcg_iter_stress
DBG=/sys/kernel/debug/memcg_iter_stress

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
