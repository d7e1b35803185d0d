# The console evidence that a mutant was caught (POSIX sh; sourced by
# scripts/lib/common.sh): the kernel tests and scripts/mutants use it.
# shellcheck shell=sh
# shellcheck disable=SC2034 # its variables are for the files that source it

# Console evidence that a mutant was caught (extended regexps): the
# freed-memcg check of the test instrumentation, and a use of freed
# memory.  A bare "BUG" is not evidence (it also matches soft lockups).
FREED_CHECK_RE='freed while an iterator of'
# The faults and SLUB damage reports are the splat scanner's own patterns
# (scripts/lib/console-splats.txt); the last one: a work item queued on
# freed memory (css_put() of a freed css queues its dput work), which
# __queue_work() WARNs about.
FREED_USE_RE="$(splat_re 'general protection fault' 'bad address' Oops 'kernel BUG' \
	'SLUB poison' 'SLUB red zone')|at [^ ]*kernel/workqueue\\.c:[0-9]+ __queue_work"
# The code a freed memcg is used in when a stale iterator position is
# followed: the faulting RIP or a call-trace entry of the report, or the
# allocation or free site in a SLUB report, must be memcg code: the
# memcg functions (mem_cgroup_*, memcg_*), the css reference counting
# (css_*), the cgroup walk of mem_cgroup_iter().
MEMCG_CODE_RE='[] ](__)?(mem_cgroup_[a-z_]+|memcg_[a-z_]+|css_[a-z_]+|cgroup_next_descendant_pre)\+0x'

# freed_use LOG: a use of freed memory in memcg code in the console LOG: a
# report matching FREED_USE_RE whose next 80 lines (RIP, call trace, SLUB
# allocation and free sites) name MEMCG_CODE_RE.  Prints the guest time
# (seconds) of the report and succeeds; fails when there is none.  A
# fault anywhere else in the kernel (a NULL pointer in a driver, a BUG in
# an unrelated subsystem) is not this evidence.
freed_use() {
	awk -v use="$FREED_USE_RE" -v code="$MEMCG_CODE_RE" '
		$0 ~ use && !left { t = $0; sub(/^\[ */, "", t); sub(/\].*/, "", t); left = 80; next }
		left { if ($0 ~ code) { print t; found = 1; exit } left-- }
		END { exit !found }' "$1"
}
