# scripts/build refuses bad input with a clear message and a non-zero
# exit before it touches a tree: an unknown flavour or variant, a series
# file that lists a missing patch (once built without it and every patch
# after it, exit 0), a missing series file.  Runs on an empty cache.
. "$(dirname "$0")/../lib.sh"
B=$PROJ/scripts/build
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export MEMCG_ITER_CACHE=$T/cache

. "$(dirname "$0")/refuse.inc"
expect_error() { refuse "$B" "$@"; } # WHAT PATTERN ARGS...

expect_error "flavour 'fast'" "flavour must be release or debug" -f fast
expect_error "variant 'nosuch'" "neither none/baseline/fixed" -v nosuch
printf '%s\n' "$PROJ/patches/0001-memcg-annotate-the-reclaim-iterator-position-with-__.patch" \
	missing.patch "$PROJ/patches/0002-memcg-clear-reclaim-iterator-positions-that-point-at.patch" > "$T/series"
expect_error "a series listing a missing patch" "listed patch '$T/missing.patch' does not exist" -v "$T/series"
[ ! -e "$T/cache/src" ] && pass "nothing created for the refused series" || fail "build created $T/cache/src"
finish
