# scripts/get-ltp refuses bad input with a clear message and leaves the
# cache as it was: no source, a missing path, a tree that is not LTP, an
# LTP of another version, a bad git ref.
. "$(dirname "$0")/../lib.sh"
G=$PROJ/scripts/get-ltp
. "$(dirname "$0")/refuse.inc"
scratch_cache
expect_error() { refuse "$G" "$@"; } # WHAT PATTERN ARGS...

expect_error "no SOURCE" "Usage:"
expect_error "missing path" "no such file" "$T/nonexistent"
mkdir -p "$T/notltp"
expect_error "a tree that is not LTP" "not an LTP source tree" "$T/notltp"
mkdir -p "$T/ltp-new/testcases/kernel/controllers/memcg"
touch "$T/ltp-new/configure.ac"
echo 20250130 > "$T/ltp-new/VERSION"
expect_error "LTP 20250130" "runs LTP 20240129" "$T/ltp-new"
echo "not a tarball" > "$T/x.tar.xz"
expect_error "a file that is not a tarball" "not a tar archive" "$T/x.tar.xz"
git init -q "$T/repo" && git -C "$T/repo" -c user.name=t -c user.email=t@t commit -q --allow-empty -m x
expect_error "a missing git ref" "no ref 'nosuch'" --ref nosuch "$T/repo"
[ "$(snapshot "$T/cache")" = "$before" ] && pass "cache untouched by every refusal" ||
	fail "a refused source changed the cache: $(cd "$T/cache" && find . -mindepth 1 | head)"
rc=0
out=$("$G" --status 2>&1) || rc=$?
[ "$rc" != 0 ] && echo "$out" | grep -q "^no LTP build in $T/cache/ltp" &&
	pass "--status: fails saying nothing is cached" ||
	fail "--status: exit $rc, output: $out"
finish
