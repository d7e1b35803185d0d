# Every prefix of the fix series builds on its own (release flavour, no
# test-only patches), and the full series leaves no dead_count behind.
. "$(dirname "$0")/../lib.sh"
need_tree
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
: > "$T/bisect"
# shellcheck disable=SC2013 # patch file names have no blanks
for p in $(sed 's/#.*//' "$PROJ/patches/series"); do
	echo "$PROJ/patches/$p" >> "$T/bisect"
	t0=$(date +%s)
	if "$PROJ/scripts/build" -f release -v "$T/bisect" >/dev/null; then
		ktap_test_pass "builds with the series up to $p ($(($(date +%s) - t0)) s)"
	else
		ktap_test_fail "build fails with the series up to $p"
	fi
done
SRC=$("$PROJ/scripts/build" -v "$T/bisect" --print-src) || ktap_test_fail "no source tree for the full series"
if [ ! -f "$SRC/mm/memcontrol.c" ]; then
	ktap_test_fail "no $SRC/mm/memcontrol.c to look for dead_count in"
elif grep -n 'dead_count' "$SRC/mm/memcontrol.c"; then
	ktap_test_fail "dead_count left in mm/memcontrol.c"
else
	ktap_test_pass "no dead_count left"
fi
ktap_finished
