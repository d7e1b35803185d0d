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

ktap_expect_error "flavour 'fast' refused" "flavour must be release or debug" "$B" -f fast
ktap_expect_error "variant 'nosuch' refused" "neither none/baseline/fixed" "$B" -v nosuch
printf '%s\n' "$PROJ/patches/0001-memcg-annotate-the-reclaim-iterator-position-with-__.patch" \
	missing.patch "$PROJ/patches/0002-memcg-clear-reclaim-iterator-positions-that-point-at.patch" > "$T/series"
ktap_expect_error "a series listing a missing patch refused" "listed patch '$T/missing.patch' does not exist" "$B" -v "$T/series"
[ ! -e "$T/cache/src" ] && ktap_test_pass "nothing created for the refused series" || ktap_test_fail "build created $T/cache/src"
ktap_finished
