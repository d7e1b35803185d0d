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
echo "$out"
case $rc in
4) skip "${out#*SKIP: }" ;;
0) pass "every litmus verdict is the one its header states" ;;
*) fail "scripts/litmus exit $rc" ;;
esac
for t in iter-clear-at-css-free:Never iter-clear-at-css-offline:Sometimes iter-clear-at-offline-vz7:Never; do
	echo "$out" | grep -q "^PASS: ${t%%:*}.litmus: ${t#*:}," &&
		pass "${t%%:*}: ${t#*:}" || fail "${t%%:*}: not ${t#*:}"
done
# The comparison itself can fail: the css_free test with its expected
# result turned round.
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
sed 's/^ \* Result: Never/ * Result: Sometimes/' "$PROJ/selftests/litmus/iter-clear-at-css-free.litmus" > "$T/flipped.litmus"
rc=0
"$L" "$T/flipped.litmus" > "$T/out" 2>&1 || rc=$?
[ "$rc" = 1 ] && grep -q "herd7 says Never, the header says Sometimes" "$T/out" &&
	pass "a wrong expected verdict fails" || fail "a wrong expected verdict gave exit $rc: $(cat "$T/out")"
finish
