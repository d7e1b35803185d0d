# Helpers for selftests/host/*.sh and selftests/kernel/*.sh (sourced).
# PROJ, CACHE, PRISTINE and has_pristine come from scripts/lib/common.sh.
MEMCG_ITER_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$MEMCG_ITER_ROOT/scripts/lib/common.sh"
failures=0

# Guest command tail: validate every SLUB cache (poison or red-zone damage
# is reported on the console) and exit with the status of what ran before.
SLAB_VALIDATE='rc=$?; for f in /sys/kernel/slab/*/validate; do echo 1 > $f; done 2>/dev/null; exit $rc'

# Console evidence that a mutant was caught (extended regexps): the
# freed-memcg check of the test instrumentation, and a use of freed
# memory.  A bare "BUG" is not evidence (it also matches soft lockups).
FREED_CHECK_RE='freed while an iterator of'
FREED_USE_RE='general protection fault|BUG: unable to handle|Oops:|kernel BUG at|Poison overwritten|Redzone'

pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
skip() { echo "SKIP: $*"; exit 4; }
finish() { [ "$failures" = 0 ] && exit 0; exit 1; }

# need_tree: skip the test when no pristine tree is cached.
need_tree() {
	has_pristine ||
		skip "no kernel tree in $PRISTINE (run: make tree SOURCE=<srpm|tarball|git dir>)"
}

# kbuild FLAVOUR VARIANT: build a kernel with the test modules; prints
# a RESULT line with the time it took.
kbuild() {
	t0=$(date +%s)
	if "$PROJ/scripts/build" -f "$1" -v "$2" -m "$PROJ/module" -m "$PROJ/selftests/splat" -m "$PROJ/selftests/onlinefail" >/dev/null; then
		echo "RESULT: build $1/$2: $(($(date +%s) - t0)) s"
		return 0
	fi
	return 1
}
