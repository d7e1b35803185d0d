# Helpers for tests/host/*.sh and tests/kernel/*.sh (sourced).
# shellcheck disable=SC2034 # its variables are for the files that source it
# PROJ, CACHE, PRISTINE and has_pristine come from scripts/lib/common.sh.
MEMCG_ITER_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$MEMCG_ITER_ROOT/scripts/lib/common.sh"

# The evidence that a mutant was caught (FREED_CHECK_RE, FREED_USE_RE,
# MEMCG_CODE_RE, freed_use).
. "$MEMCG_ITER_ROOT/scripts/lib/evidence.sh"

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
