# The one KTAP helper (selftests/memcg_iter/ktap_helpers.sh) can fail:
# ktap_expect_error fails a command that succeeds, one that was not run
# (exit 127) and one that fails with the wrong message; ktap_finished
# fails a test with a failed result or with no result at all, and exits
# 4 only when every result is a skip.
. "$(dirname "$0")/../lib.sh"
H=$PROJ/selftests/memcg_iter/ktap_helpers.sh

# in_shell WANT_RC PATTERN WHAT SCRIPT: SCRIPT, run by sh after sourcing
# the helper, must exit WANT_RC and print a line matching PATTERN.
in_shell() {
	rc=0
	out=$(sh -c ". '$H'; $4" 2>&1) || rc=$?
	if [ "$rc" = "$1" ] && echo "$out" | grep -q -- "$2"; then
		ktap_test_pass "$3"
	else
		echo "$out" | sed 's/^/# /'
		ktap_test_fail "$3: exit $rc, want $1 and a line matching '$2'"
	fi
}

in_shell 0 '^ok 1 refusal (exit 3)$' "expect_error passes a refusal with its message" \
	"ktap_expect_error refusal 'bad value' sh -c 'echo bad value; exit 3'; ktap_finished"
in_shell 1 '^not ok 1 success$' "expect_error fails a command that succeeds" \
	"ktap_expect_error success 'bad value' sh -c 'echo bad value'; ktap_finished"
in_shell 1 '^not ok 1 not run$' "expect_error fails a command that was not run (127)" \
	"ktap_expect_error 'not run' 'not found' /nonexistent/command; ktap_finished"
in_shell 1 '^not ok 1 other message$' "expect_error fails a refusal with another message" \
	"ktap_expect_error 'other message' 'bad value' sh -c 'echo no space left; exit 1'; ktap_finished"
in_shell 1 '^# no result reported$' "a test that reports nothing fails" "ktap_finished"
in_shell 1 '^0 passed, 1 failed, 1 skipped$' "one failure fails the test" \
	"ktap_test_skip a why; ktap_test_fail b; ktap_finished"
in_shell 4 '^ok 1 a # SKIP why$' "only skips: the test skips" "ktap_test_skip a why; ktap_finished"
in_shell 0 '^1\.\.2$' "a pass and a skip: the test passes, late plan" \
	"ktap_test_skip a why; ktap_test_pass b; ktap_finished"
in_shell 4 '^1\.\.0 # SKIP no swap$' "skip_all: plan 1..0 with the reason, exit 4" \
	"ktap_skip_all no swap; ktap_test_pass never"
in_shell 1 '^not ok 1 false$' "test_result fails a false command" "ktap_test_result false false; ktap_finished"
ktap_finished
