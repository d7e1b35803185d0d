# The pipeline works for a user other than root: get-tree caches a tree
# and replaces it (--force) although the cached copy is read-only, and
# build imports that copy and patches a scratch tree from it.  Both once
# failed for any user but root, whom file modes do not stop.  Run as root,
# the test does this as 'nobody' (setpriv); run as another user, as that
# user.  Uses the cached tree as the source (about 2 minutes).
. "$(dirname "$0")/../lib.sh"
need_tree
T=$(mktemp -d)
# Only directories are made writable: files under $T/src* are hard links
# to the cached pristine tree and must keep their read-only mode.
trap 'find "$T" -type d -exec chmod u+w {} + 2>/dev/null; rm -rf "$T"' EXIT
chmod 755 "$T"
mkdir "$T/cache" "$T/home"
if [ "$(id -u)" = 0 ]; then
	command -v setpriv >/dev/null || ktap_skip_all "setpriv (util-linux) not found"
	chown nobody: "$T/cache" "$T/home"
	setpriv --reuid=nobody --regid=nogroup --clear-groups test -r "$PROJ/scripts/build" ||
		ktap_skip_all "user nobody cannot read $PROJ"
	as_user() { setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; }
	who=nobody
else
	as_user() { "$@"; }
	who=$(id -un)
fi
# The source: hard links to the cached tree (read-only files, directories
# the user can enter), where the cache itself may be private to its owner.
cp -al "$PRISTINE" "$T/src" 2>/dev/null || cp -a "$PRISTINE" "$T/src"
find "$T/src" -type d -exec chmod a+rx {} +
# Nothing of the caller's environment leaks into the user's run.
run() {
	as_user env -i PATH="$PATH" HOME="$T/home" MEMCG_ITER_CACHE="$T/cache" CCACHE_DISABLE=1 "$@"
}

if out=$(run "$PROJ/scripts/get-tree" "$T/src" 2>&1); then
	ktap_test_pass "get-tree as $who caches the tree"
else
	ktap_test_fail "get-tree as $who: $out"
fi
if [ -f "$T/cache/pristine/Makefile" ] && ! run test -w "$T/cache/pristine/Makefile"; then
	ktap_test_pass "the cached copy is read-only for $who"
else
	ktap_test_fail "the cached copy is missing or writable for $who"
fi
# Another source (the same tree, another path) is not "up to date":
# --force replaces the cached copy.
mv "$T/src" "$T/src2"
if out=$(run "$PROJ/scripts/get-tree" --force "$T/src2" 2>&1) &&
	grep -q "src2" "$T/cache/pristine/.memcg-iter-pristine"; then
	ktap_test_pass "get-tree --force as $who replaces the read-only copy"
else
	ktap_test_fail "get-tree --force as $who: $out"
fi
left=$(cd "$T/cache" && find . -mindepth 1 -maxdepth 1 ! -name pristine | sed 's|^\./||' | tr '\n' ' ')
[ -z "$left" ] && ktap_test_pass "nothing but the tree left in the cache" || ktap_test_fail "left in the cache: $left"

if src=$(run "$PROJ/scripts/build" -v baseline --print-src 2>"$T/build.err"); then
	ktap_test_pass "build as $who imports the tree and makes a scratch tree ($src)"
	if run git -C "$src" log --oneline | grep -q 'TEST ONLY'; then
		ktap_test_pass "the scratch tree has the baseline patches applied"
	else
		ktap_test_fail "the scratch tree lacks the test-only patch"
	fi
	if run test -w "$src/mm/memcontrol.c"; then
		ktap_test_pass "the scratch tree is writable for $who"
	else
		ktap_test_fail "$src/mm/memcontrol.c is not writable for $who"
	fi
else
	ktap_test_fail "build as $who: $(cat "$T/build.err")"
fi
# A patch whose preimage blob exists only in an older cache (generated
# on another variant's tree) applies there by a 3-way merge and fails on
# a fresh import: every variant must apply on this fresh one.
for v in none fixed mutant mutant-online; do
	if run "$PROJ/scripts/build" -v $v --print-src >/dev/null 2>"$T/build.err"; then
		ktap_test_pass "variant $v applies on a fresh import"
	else
		ktap_test_fail "variant $v on a fresh import: $(tail -3 "$T/build.err" | tr '\n' ' ')"
	fi
done
ktap_finished
