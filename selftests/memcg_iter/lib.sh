# SPDX-License-Identifier: GPL-2.0
# Helpers for the shell selftests (busybox sh), with ktap_helpers.sh.
# Sourced from the collection's directory.
# shellcheck disable=SC2034 # its variables are for the files that source it
. ./ktap_helpers.sh
MEMCG=$(awk '$3 == "cgroup" && $4 ~ /(^|,)memory(,|$)/ { print $2; exit }' /proc/mounts)
STRESS=/sys/module/memcg_iter_stress
DBG=/sys/kernel/debug/memcg_iter_stress
# The stress module: next to the tests (the project's guests), else the
# one installed for the running kernel (a node's kmod package).
STRESS_KO=./memcg_iter_stress.ko
[ -f "$STRESS_KO" ] || STRESS_KO=$(modinfo -n memcg_iter_stress 2>/dev/null) || STRESS_KO=

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
