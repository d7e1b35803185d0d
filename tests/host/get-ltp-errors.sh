# scripts/get-ltp refuses bad input with a clear message and leaves the
# cache as it was: no source, a missing path, a tree that is not LTP, an
# LTP of another version, a bad git ref.
. "$(dirname "$0")/../lib.sh"
G=$PROJ/scripts/get-ltp
. "$(dirname "$0")/refuse.inc"
scratch_cache

ktap_expect_error "no SOURCE refused" "Usage:" "$G"
ktap_expect_error "missing path refused" "no such file" "$G" "$T/nonexistent"
mkdir -p "$T/notltp"
ktap_expect_error "a tree that is not LTP refused" "not an LTP source tree" "$G" "$T/notltp"
mkdir -p "$T/ltp-new/testcases/kernel/controllers/memcg"
touch "$T/ltp-new/configure.ac"
echo 20250130 > "$T/ltp-new/VERSION"
ktap_expect_error "LTP 20250130 refused" "runs LTP 20240129" "$G" "$T/ltp-new"
echo "not a tarball" > "$T/x.tar.xz"
ktap_expect_error "a file that is not a tarball refused" "not a tar archive" "$G" "$T/x.tar.xz"
git init -q "$T/repo" && git -C "$T/repo" -c user.name=t -c user.email=t@t commit -q --allow-empty -m x
ktap_expect_error "a missing git ref refused" "no ref 'nosuch'" "$G" --ref nosuch "$T/repo"
# shellcheck disable=SC2154 # before: set by scratch_cache (refuse.inc)
[ "$(snapshot "$T/cache")" = "$before" ] && ktap_test_pass "cache untouched by every refusal" ||
	ktap_test_fail "a refused source changed the cache: $(cd "$T/cache" && find . -mindepth 1 | head)"
rc=0
out=$("$G" --status 2>&1) || rc=$?
[ "$rc" != 0 ] && echo "$out" | grep -q "^no LTP build in $T/cache/ltp" &&
	ktap_test_pass "--status: fails saying nothing is cached" ||
	ktap_test_fail "--status: exit $rc, output: $out"
ktap_finished
