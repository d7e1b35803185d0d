# Every script answers --help with a usage text and exit 0, and refuses
# an unknown option with a non-zero exit; check fails when its NAME
# matches no test (a typo must not pass as an empty run).
. "$(dirname "$0")/../lib.sh"
for s in "$PROJ"/scripts/*; do
	[ -f "$s" ] && [ -x "$s" ] || continue
	n=$(basename "$s")
	if "$s" --help 2>&1 | grep -q '^Usage:'; then ktap_test_pass "$n --help"; else ktap_test_fail "$n --help"; fi
	if "$s" --no-such-option >/dev/null 2>&1; then ktap_test_fail "$n accepts a bogus option"; else ktap_test_pass "$n rejects a bogus option"; fi
done
if "$PROJ/scripts/check" --host no-such-test-name >/dev/null 2>&1; then
	ktap_test_fail "check passes a NAME that matches no test"
else
	ktap_test_pass "check fails a NAME that matches no test"
fi
ktap_finished
