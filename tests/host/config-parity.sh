# scripts/config-parity: the test kernel's mm/memcg/RCU/preemption/NUMA/
# HZ/CPU options against a distro config.  On synthetic configs: every
# difference with its reason passes; a difference without a reason fails
# (UNEXPLAINED), and so does a reason for an option that no longer
# differs (STALE); a missing config is exit 4, not a pass.  Then the real
# comparison, when a distro config is in the cache and the release/fixed
# kernel is built: it must pass, and its table is printed.
. "$(dirname "$0")/../lib.sh"
C=$PROJ/scripts/config-parity
L=$PROJ/scripts/lib/config-parity.txt
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
# A synthetic list: the real list's options, the first two with a reason
# (the real list may have none).  Distro: every option =y; ours: =y too,
# except those with a reason.
awk '$1 ~ /^CONFIG_/ { n++; print $1 (n <= 2 ? "  synthetic reason" : "") }' "$L" > "$T/list"
while read -r opt reason; do
	echo "$opt=y" >> "$T/distro"
	[ -n "$reason" ] && echo "# $opt is not set" >> "$T/ours" || echo "$opt=y" >> "$T/ours"
done < "$T/list"
"$C" -d "$T/distro" -o "$T/ours" -l "$T/list" > "$T/out" 2>&1 && grep -q " 2 differ, 0 unexplained" "$T/out" &&
	ktap_test_pass "every difference explained: exit 0" ||
	{ sed 's/^/# /' "$T/out"; ktap_test_fail "every difference explained"; }
# One reason removed: that difference is unexplained.
first=$(awk 'NF > 1 { print $1; exit }' "$T/list")
sed "s/^$first .*/$first/" "$T/list" > "$T/list-noreason"
ktap_expect_error "a difference without a reason fails ($first)" "^$first .*UNEXPLAINED" \
	"$C" -d "$T/distro" -o "$T/ours" -l "$T/list-noreason"
# The option made equal again: its reason is stale.
sed "s/^# $first is not set/$first=y/" "$T/ours" > "$T/ours-same"
ktap_expect_error "a reason for an option that no longer differs fails" "^$first .*STALE" \
	"$C" -d "$T/distro" -o "$T/ours-same" -l "$T/list"
rc=0
"$C" -d "$T/nonexistent" -o "$T/ours" > /dev/null 2>&1 || rc=$?
[ "$rc" = 4 ] && ktap_test_pass "a missing distro config: exit 4 (nothing compared)" ||
	ktap_test_fail "a missing distro config gave exit $rc"
rc=0
"$C" > "$T/real" 2>&1 || rc=$?
case $rc in
0) sed 's/^/# /' "$T/real"; ktap_test_pass "the release/fixed kernel against the cached distro config" ;;
4) ktap_test_skip "the real comparison" "$(sed -n 's/^config-parity: //p' "$T/real")" ;;
*) sed 's/^/# /' "$T/real"; ktap_test_fail "the release/fixed kernel against the cached distro config" ;;
esac
ktap_finished
