# Every script answers --help with a usage text and exit 0, and refuses
# an unknown option with a non-zero exit; run-tests fails when its NAME
# matches no test (a typo must not pass as an empty run).
. "$(dirname "$0")/../lib.sh"
for s in "$PROJ"/scripts/*; do
	[ -f "$s" ] && [ -x "$s" ] || continue
	n=$(basename "$s")
	if "$s" --help 2>&1 | grep -q '^Usage:'; then pass "$n --help"; else fail "$n --help"; fi
	if "$s" --no-such-option >/dev/null 2>&1; then fail "$n accepts a bogus option"; else pass "$n rejects a bogus option"; fi
done
if "$PROJ/scripts/run-tests" --host no-such-test-name >/dev/null 2>&1; then
	fail "run-tests passes a NAME that matches no test"
else
	pass "run-tests fails a NAME that matches no test"
fi
finish
