# cache_install (scripts/lib/common.sh), the one way get-tree, get-ltp
# and get-herd put a new copy into the cache: the old copy is removed
# only once the new one is in place (read-only trees too), a failed move
# puts the old one back, and a replacement interrupted between its two
# renames (DEST gone, DEST.old there) is undone by the next run of any of
# the three scripts, --status included.  Before it, get-ltp and get-herd
# left no build at all in that state.
. "$(dirname "$0")/../lib.sh"
T=$(mktemp -d)
trap 'chmod -R u+w "$T" 2>/dev/null; rm -rf "$T"' EXIT

# dir PATH WORD: a directory holding the file 'v' with WORD.
dir() { mkdir -p "$1" && echo "$2" > "$1/v"; }

dir "$T/new1" one
if cache_install "$T/new1" "$T/dest" && [ "$(cat "$T/dest/v")" = one ] && [ ! -e "$T/new1" ]; then
	ktap_test_pass "into an empty place: the new copy moved there"
else
	ktap_test_fail "into an empty place"
fi

dir "$T/new2" two
chmod -R a-w "$T/dest"
if cache_install "$T/new2" "$T/dest" && [ "$(cat "$T/dest/v")" = two ] && [ ! -e "$T/dest.old" ]; then
	ktap_test_pass "over a read-only copy: replaced, the old copy removed"
else
	ktap_test_fail "over a read-only copy: $(cat "$T/dest/v" 2>&1), $(ls -d "$T/dest.old" 2>&1)"
fi

if cache_install "$T/missing" "$T/dest" 2>/dev/null; then
	ktap_test_fail "a new copy that cannot be moved: reported success"
elif [ "$(cat "$T/dest/v")" = two ] && [ ! -e "$T/dest.old" ]; then
	ktap_test_pass "a new copy that cannot be moved: fails, the old copy back in place"
else
	ktap_test_fail "a new copy that cannot be moved: the cache holds $(cd "$T" && echo *)"
fi

# The state an interrupt between the two renames leaves, for each script:
# its --status must find the previous copy (put back), as must a rerun.
mkdir -p "$T/c/ltp" "$T/c/herd.old/bin" "$T/c/herd.old/lkmm"
dir "$T/c/ltp/root.old" ltp
echo "LTP test" > "$T/c/ltp/root.old/.memcg-iter-ltp"
printf '#!/bin/sh\n' > "$T/c/herd.old/bin/herd7"
chmod +x "$T/c/herd.old/bin/herd7"
: > "$T/c/herd.old/lkmm/linux-kernel.cfg"
echo "herdtools7 test" > "$T/c/herd.old/.memcg-iter-herd"
dir "$T/c/pristine.old" tree
: > "$T/c/pristine.old/Makefile"
echo "version: test" > "$T/c/pristine.old/.memcg-iter-pristine"
chmod -R a-w "$T/c/pristine.old"
for s in get-ltp:ltp/root get-herd:herd get-tree:pristine; do
	name=${s%%:*} d=${s#*:}
	if out=$(MEMCG_ITER_CACHE=$T/c "$PROJ/scripts/$name" --status 2>&1) &&
	   [ -d "$T/c/$d" ] && [ ! -e "$T/c/$d.old" ]; then
		ktap_test_pass "$name --status after an interrupted replacement: the previous copy put back"
	else
		echo "$out" | sed 's/^/# /'
		ktap_test_fail "$name --status after an interrupted replacement: $(echo "$T/c/$d"*)"
	fi
done
ktap_finished
