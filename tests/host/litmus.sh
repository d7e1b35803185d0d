# The ordering arguments, checked by herd7 with the LKMM (scripts/litmus),
# modelled on the code as written (docs/litmus.md): the clear at
# ->css_free() forbids a memcg freed with a position on it, a reader
# never reads the freed memcg, the cmpxchg() keeps a live position,
# clearing at ->css_offline() on RHEL7 allows the use-after-free, vz7's
# kill + grace period + offline forbids it.  Every test that argues a
# Never has a mutant that turns Sometimes (or flagged).  A header that
# states the opposite verdict, or omits a flag herd7 raises, must fail.
. "$(dirname "$0")/../lib.sh"
L=$PROJ/scripts/litmus
rc=0
out=$("$L") || rc=$?
echo "$out" | sed 's/^/# /'
case $rc in
4) ktap_skip_all "$(echo "$out" | sed -n 's/^1\.\.0 # SKIP //p')" ;;
0) ktap_test_pass "every litmus verdict and flag is the one its header states" ;;
*) ktap_test_fail "scripts/litmus exit $rc" ;;
esac
for t in iter-clear-at-css-free:Never iter-reader-vs-free:Never iter-clear-keeps-live-position:Never \
	iter-clear-at-css-offline:Sometimes iter-clear-at-offline-vz7:Never; do
	echo "$out" | grep -q "^ok [0-9]* ${t%%:*}.litmus: ${t#*:}, as" &&
		ktap_test_pass "${t%%:*}: ${t#*:}, no flag" || ktap_test_fail "${t%%:*}: not ${t#*:} without a flag"
done
# Every Never has a mutant in mutants/ that herd7 allows.
for f in "$PROJ"/tests/litmus/*.litmus; do
	grep -q '^ \* Result: Never' "$f" || continue
	n=$(basename "$f" .litmus)
	if echo "$out" | grep -q "^ok [0-9]* mutants/$n\.[a-z-]*\.litmus: Sometimes"; then
		ktap_test_pass "$n: a mutant of it is allowed (Sometimes)"
	else
		ktap_test_fail "$n: no mutant in tests/litmus/mutants/ turned Sometimes"
	fi
done
echo "$out" | grep -q '^ok [0-9]* mutants/iter-reader-vs-free.no-grace-period.litmus: Sometimes, flagged data-race,' &&
	ktap_test_pass "the free without a grace period is flagged as a data race" ||
	ktap_test_fail "the free without a grace period is not flagged"
# The comparison itself can fail: an expected verdict turned round, and
# a flag herd7 raises that the header does not expect.
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
sed 's/^ \* Result: Never/ * Result: Sometimes/' "$PROJ/tests/litmus/iter-clear-keeps-live-position.litmus" > "$T/flipped.litmus"
rc=0
"$L" "$T/flipped.litmus" > "$T/out" 2>&1 || rc=$?
[ "$rc" = 1 ] && grep -q "herd7 says Never, the header says Sometimes" "$T/out" &&
	ktap_test_pass "a wrong expected verdict fails" || ktap_test_fail "a wrong expected verdict gave exit $rc: $(cat "$T/out")"
sed '/^ \* Flags: /d' "$PROJ/tests/litmus/mutants/iter-reader-vs-free.no-grace-period.litmus" > "$T/unflagged.litmus"
rc=0
"$L" "$T/unflagged.litmus" > "$T/out" 2>&1 || rc=$?
[ "$rc" = 1 ] && grep -q "herd7 flags 'data-race', the header expects 'none'" "$T/out" &&
	ktap_test_pass "an unexpected data-race flag fails" || ktap_test_fail "an unexpected flag gave exit $rc: $(cat "$T/out")"
ktap_finished
