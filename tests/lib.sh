# Helpers for tests/host/*.sh and tests/kernel/*.sh (sourced).
# shellcheck disable=SC2034 # its variables are for the files that source it
# PROJ, CACHE, PRISTINE and has_pristine come from scripts/lib/common.sh.
MEMCG_ITER_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$MEMCG_ITER_ROOT/scripts/lib/common.sh"

# Guest command tail: validate every SLUB cache (poison or red-zone damage
# is reported on the console) and exit with the status of what ran before.
# shellcheck disable=SC2016 # guest shell text, expanded in the guest
SLAB_VALIDATE='rc=$?; for f in /sys/kernel/slab/*/validate; do echo 1 > $f; done 2>/dev/null; exit $rc'

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

# Results in KTAP (selftests/memcg_iter/ktap_helpers.sh, the one helper
# of every layer): ktap_test_pass/fail, ktap_expect_error, ktap_skip_all
# (the whole test skips, exit 4, its reason on the "1..0 # SKIP" line),
# ktap_finished (exit 0 passed, 1 failed).
. "$MEMCG_ITER_ROOT/selftests/memcg_iter/ktap_helpers.sh"
ktap_print_header

# first_splat FILE: from guest-run's stderr in FILE, the scanner's report
# of the first splat, or qemu-boot's report of a crash.
first_splat() {
	sed -n '/^--- splat 1 /,/^--- splat 2 /p; /guest crashed/,/^[^ ]/p' "$1" | head -14
}

# need_tree: skip the test when no pristine tree is cached.
need_tree() {
	has_pristine ||
		ktap_skip_all "no kernel tree in $PRISTINE (run: make tree SOURCE=<srpm|tarball|git dir>)"
}

# kbuild FLAVOUR VARIANT: build a kernel with the test modules; prints
# a RESULT line with the time it took.
kbuild() {
	t0=$(date +%s)
	if "$PROJ/scripts/build" -f "$1" -v "$2" --test-modules >/dev/null; then
		echo "RESULT: build $1/$2: $(($(date +%s) - t0)) s"
		return 0
	fi
	return 1
}
