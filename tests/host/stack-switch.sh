# scripts/build keeps each stack of patches as a commit and moves a
# scratch tree between stacks with git checkout: switching a tree to a
# stack that differs in one patch rewrites only the files that differ
# (so make recompiles only those), a stack built before is reused without
# applying anything, and a stack that does not apply leaves the tree as
# it was.  Before, every switch reset the tree to pristine and applied
# every patch again: the compat patch's scripts/recordmcount.h became
# newer than every object and the whole kernel was rebuilt (kernel/40's
# prefixes, the mutants).  Runs on a small tree: the files the patches
# touch, taken from the cached pristine tree.
. "$(dirname "$0")/../lib.sh"
need_tree
B=$PROJ/scripts/build
T=$(mktemp -d)
trap 'chmod -R u+w "$T" 2>/dev/null; rm -rf "$T"' EXIT
P=$PROJ/patches
mkdir -p "$T/cache/pristine"
# shellcheck disable=SC2046 # a list of paths without blanks
(cd "$PRISTINE" && sed -n 's|^diff --git a/\([^ ]*\) b/.*|\1|p' \
	$(find "$P" -name '*.patch') | sort -u |
	while read -r f; do [ ! -f "$f" ] || echo "$f"; done |
	tar -c -T - Makefile .memcg-iter-pristine) | tar -x -C "$T/cache/pristine"
b() { MEMCG_ITER_CACHE=$T/cache CCACHE_DISABLE=1 "$B" "$@" 2>>"$T/err"; }
# mtimes: every file of the scratch tree with its mtime (ns).
mtimes() { (cd "$1" && find . -path ./.git -prune -o -type f -printf '%p %T@\n' | sort); }

printf '%s\n' "$P/0001-memcg-annotate-the-reclaim-iterator-position-with-__.patch" \
	"$P/0002-memcg-clear-reclaim-iterator-positions-that-point-at.patch" \
	"$P/0003-memcg-restart-a-reclaim-walk-only-when-its-own-posit.patch" > "$T/v.series"
src=$(b -v "$T/v.series" --print-src) || { sed 's/^/# /' "$T/err"; ktap_test_fail "the series in a fresh cache"; ktap_finished; }
ktap_test_pass "compat + the series applied in $(basename "$src")"
mtimes "$src" > "$T/m1"
sleep 1

# The same tree, the series without its last patch: only memcontrol.c
# differs between the two stacks.
sed -i '3d' "$T/v.series"
: > "$T/err"
src2=$(b -v "$T/v.series" --print-src) && [ "$src2" = "$src" ] ||
	ktap_test_fail "the shorter series: $(cat "$T/err")"
mtimes "$src" > "$T/m2"
changed=$(join "$T/m1" "$T/m2" | awk '$2 != $3 { print $1 }' | tr '\n' ' ')
if [ "$changed" = "./.memcg-iter-applied ./mm/memcontrol.c " ]; then
	ktap_test_pass "switching stacks rewrote only mm/memcontrol.c (the compat patches' files kept their mtimes)"
else
	ktap_test_fail "switching stacks rewrote: $changed"
fi
git -C "$src" log --format=%s | grep -q 'restart a reclaim walk' &&
	ktap_test_fail "the tree still has the dropped patch" ||
	ktap_test_pass "the tree is the shorter stack"

# Back to the full series: the stack exists, nothing is applied again.
echo "$P/0003-memcg-restart-a-reclaim-walk-only-when-its-own-posit.patch" >> "$T/v.series"
: > "$T/err"
b -v "$T/v.series" --print-src > /dev/null
if ! grep -q 'applying patches' "$T/err" && git -C "$src" log --format=%s | grep -q 'restart a reclaim walk'; then
	ktap_test_pass "a stack made before is checked out, not applied again"
else
	ktap_test_fail "back to the full series: $(tr '\n' ' ' < "$T/err")"
fi

# A patch that does not apply: refused, the tree as it was.
head=$(git -C "$src" rev-parse HEAD)
stamp=$(cat "$src/.memcg-iter-applied")
cat > "$T/0001-bad.patch" <<'EOP'
From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001
From: Test <test@example.com>
Date: Mon, 7 Dec 2026 00:00:00 +0000
Subject: [PATCH] a patch whose context is nowhere

---
 mm/memcontrol.c | 2 +-
 1 file changed, 1 insertion(+), 1 deletion(-)

diff --git a/mm/memcontrol.c b/mm/memcontrol.c
index 1111111..2222222 100644
--- a/mm/memcontrol.c
+++ b/mm/memcontrol.c
@@ -1,3 +1,3 @@
 no such line
-in this file
+anywhere
 at all
--
2.39.5
EOP
printf '%s\n' "$P/0001-memcg-annotate-the-reclaim-iterator-position-with-__.patch" "$T/0001-bad.patch" > "$T/v.series"
: > "$T/err"
if b -v "$T/v.series" --print-src > /dev/null; then
	ktap_test_fail "a patch that does not apply was taken"
elif [ "$(git -C "$src" rev-parse HEAD)" = "$head" ] && [ "$(cat "$src/.memcg-iter-applied")" = "$stamp" ]; then
	ktap_test_pass "a patch that does not apply: refused, the scratch tree as it was"
else
	ktap_test_fail "a patch that does not apply: the scratch tree changed"
fi
ktap_finished
