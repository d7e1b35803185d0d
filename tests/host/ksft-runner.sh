# The guests' kselftest runner (selftests/memcg_iter/ksft_runner.sh):
# - a test past its timeout is a TIMEOUT and fails the run, with
#   coreutils' timeout (exit 124) and busybox's, the guests' (exit 143);
# - with MEMCG_ITER_STRICT=1 (the project's guests) a SKIP, whole or of one
#   result, fails the run unless MEMCG_ITER_EXPECT_SKIP names the test
#   with a reason, which is printed; without it a SKIP is a SKIP.
. "$(dirname "$0")/../lib.sh"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cp "$PROJ/selftests/memcg_iter/ksft_runner.sh" "$PROJ/selftests/memcg_iter/ktap_helpers.sh" "$T/"
echo timeout=1 > "$T/settings"
printf '#!/bin/sh\nexec sleep 30\n' > "$T/sleeper"
# Exits 4: skipped as a whole.
printf '#!/bin/sh\necho "1..0 # SKIP no swap"\nexit 4\n' > "$T/skipper"
# Exits 0 with one result skipped.
printf '#!/bin/sh\necho "1..2"\necho "ok 1 a"\necho "ok 2 b # SKIP setup failed"\nexit 0\n' > "$T/halfskip"
chmod +x "$T/sleeper" "$T/skipper" "$T/halfskip"
mkdir -p "$T/bin"

# run WHAT EXPECT_RC PATTERN TEST [VAR=VALUE...]: ksft_runner.sh TEST.
run() {
	what=$1 want=$2 pat=$3 t=$4
	shift 4
	rc=0
	out=$(env PATH="$T/bin:$PATH" "$@" "$T/ksft_runner.sh" "$t" 2>&1) || rc=$?
	if { [ "$want" = 0 ] && [ "$rc" = 0 ]; } || { [ "$want" != 0 ] && [ "$rc" != 0 ]; }; then
		if echo "$out" | grep -q -- "$pat"; then
			ktap_test_pass "$what"
			return
		fi
	fi
	ktap_test_fail "$what: exit $rc, output: $out"
}

run "coreutils timeout: TIMEOUT, run fails" 1 '^not ok 1 selftests: memcg_iter: sleeper # TIMEOUT 1s$' sleeper
if command -v busybox >/dev/null 2>&1; then
	ln -s "$(command -v busybox)" "$T/bin/timeout"
	run "busybox timeout: TIMEOUT, run fails" 1 '^not ok 1 selftests: memcg_iter: sleeper # TIMEOUT 1s$' sleeper
	rm "$T/bin/timeout"
else
	ktap_test_fail "busybox not installed (make deps): the guests' timeout is not checked"
fi
run "a skip without strict mode is a SKIP" 0 '^ok 1 selftests: memcg_iter: skipper # SKIP$' skipper
run "strict: a whole-test skip fails" 1 '^not ok 1 .*skipper # SKIP not allowed' skipper MEMCG_ITER_STRICT=1
run "strict: a skipped result fails" 1 '^not ok 1 .*halfskip # SKIP not allowed' halfskip MEMCG_ITER_STRICT=1
run "strict: an expected skip passes with its reason" 0 '^# skipper: skip expected: this guest has no swap disk' skipper \
	MEMCG_ITER_STRICT=1 "MEMCG_ITER_EXPECT_SKIP=halfskip: other; skipper: this guest has no swap disk"
ktap_finished
