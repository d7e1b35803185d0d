# The ordering arguments, checked by herd7 with the LKMM (scripts/litmus):
# clearing positions at ->css_free() forbids a memcg freed with a
# position on it; clearing at ->css_offline() on RHEL7's destroy path
# (bias, then offline, no grace period) allows it; vz7's kill + grace
# period + offline forbids it.  Each verdict must be the one its test's
# header states, and a header that states the opposite must fail.
. "$(dirname "$0")/../lib.sh"
L=$PROJ/scripts/litmus
rc=0
out=$("$L") || rc=$?
echo "$out" | sed 's/^/# /'
case $rc in
4) ktap_skip_all "$(echo "$out" | sed -n 's/^1\.\.0 # SKIP //p')" ;;
0) ktap_test_pass "every litmus verdict is the one its header states" ;;
*) ktap_test_fail "scripts/litmus exit $rc" ;;
esac
for t in iter-clear-at-css-free:Never iter-clear-at-css-offline:Sometimes iter-clear-at-offline-vz7:Never; do
	echo "$out" | grep -q "^ok [0-9]* ${t%%:*}.litmus: ${t#*:}," &&
		ktap_test_pass "${t%%:*}: ${t#*:}" || ktap_test_fail "${t%%:*}: not ${t#*:}"
done
# The comparison itself can fail: the css_free test with its expected
# result turned round.
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
sed 's/^ \* Result: Never/ * Result: Sometimes/' "$PROJ/tests/litmus/iter-clear-at-css-free.litmus" > "$T/flipped.litmus"
rc=0
"$L" "$T/flipped.litmus" > "$T/out" 2>&1 || rc=$?
[ "$rc" = 1 ] && grep -q "herd7 says Never, the header says Sometimes" "$T/out" &&
	ktap_test_pass "a wrong expected verdict fails" || ktap_test_fail "a wrong expected verdict gave exit $rc: $(cat "$T/out")"
ktap_finished
