# Helpers for tests/host/*.sh and tests/kernel/*.sh (sourced).
# PROJ, CACHE, PRISTINE and has_pristine come from scripts/lib/common.sh.
MEMCG_ITER_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$MEMCG_ITER_ROOT/scripts/lib/common.sh"

# Guest command tail: validate every SLUB cache (poison or red-zone damage
# is reported on the console) and exit with the status of what ran before.
SLAB_VALIDATE='rc=$?; for f in /sys/kernel/slab/*/validate; do echo 1 > $f; done 2>/dev/null; exit $rc'

# Console evidence that a mutant was caught (extended regexps): the
# freed-memcg check of the test instrumentation, and a use of freed
# memory.  A bare "BUG" is not evidence (it also matches soft lockups).
FREED_CHECK_RE='freed while an iterator of'
FREED_USE_RE='general protection fault|BUG: unable to handle|Oops:|kernel BUG at|Poison overwritten|Redzone'

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
