# SPDX-License-Identifier: GPL-2.0
# KTAP output for shell tests (POSIX sh; busybox sh too).  Sourced.
#
# One result format for every layer: this collection's shell tests and
# its runner, the LTP runner in the guests and the project's own host and
# kernel tests all report through these functions.  The names are those of
# mainline's selftests/kselftest/ktap_helpers.sh; the closing line
# "N passed, N failed, N skipped" is this project's.
#
#   ktap_print_header            "TAP version 13"
#   ktap_set_plan N              "1..N" (else ktap_finished prints it last)
#   ktap_print_msg TEXT          "# TEXT"
#   ktap_test_pass DESC          "ok N DESC"
#   ktap_test_fail DESC          "not ok N DESC"
#   ktap_test_skip DESC [REASON] "ok N DESC # SKIP REASON"
#   ktap_test_result DESC CMD... pass when CMD exits 0, else fail
#   ktap_expect_error DESC PATTERN CMD...
#                                pass when CMD ran and refused: exits
#                                non-zero, not 126/127 (not run at all),
#                                and its output (stdout and stderr)
#                                matches the grep PATTERN; else fail,
#                                quoting both
#   ktap_skip_all REASON         "1..0 # SKIP REASON", exit 4
#   ktap_print_totals            "N passed, N failed, N skipped"
#   ktap_finished                plan if none yet, totals, exit 1 on a
#                                failure or when no result was reported
#                                (a test that checked nothing), 4 when
#                                everything skipped, else 0

KSFT_PASS=0
KSFT_FAIL=1
KSFT_SKIP=4

KTAP_TESTNO=0
KTAP_CNT_PASS=0
KTAP_CNT_FAIL=0
KTAP_CNT_SKIP=0
KTAP_PLAN=

ktap_print_header() {
	echo "TAP version 13"
}

ktap_set_plan() {
	KTAP_PLAN=$1
	echo "1..$1"
}

ktap_print_msg() {
	echo "# $*"
}

ktap_test_pass() {
	KTAP_TESTNO=$((KTAP_TESTNO + 1))
	KTAP_CNT_PASS=$((KTAP_CNT_PASS + 1))
	echo "ok $KTAP_TESTNO $*"
}

ktap_test_fail() {
	KTAP_TESTNO=$((KTAP_TESTNO + 1))
	KTAP_CNT_FAIL=$((KTAP_CNT_FAIL + 1))
	echo "not ok $KTAP_TESTNO $*"
}

ktap_test_skip() {
	KTAP_TESTNO=$((KTAP_TESTNO + 1))
	KTAP_CNT_SKIP=$((KTAP_CNT_SKIP + 1))
	echo "ok $KTAP_TESTNO $1 # SKIP${2:+ $2}"
}

ktap_test_result() {
	_ktap_desc=$1
	shift
	if "$@"; then
		ktap_test_pass "$_ktap_desc"
	else
		ktap_test_fail "$_ktap_desc"
	fi
}

ktap_expect_error() {
	_ktap_desc=$1 _ktap_pat=$2
	shift 2
	_ktap_rc=0
	_ktap_out=$("$@" 2>&1) || _ktap_rc=$?
	if [ "$_ktap_rc" != 0 ] && [ "$_ktap_rc" != 126 ] && [ "$_ktap_rc" != 127 ] &&
	   printf '%s\n' "$_ktap_out" | grep -q -- "$_ktap_pat"; then
		ktap_test_pass "$_ktap_desc (exit $_ktap_rc)"
	else
		printf '%s\n' "exit $_ktap_rc, want a refusal (non-zero, not 126/127) and output matching '$_ktap_pat':" \
			"$_ktap_out" | sed 's/^/# /'
		ktap_test_fail "$_ktap_desc"
	fi
}

ktap_skip_all() {
	echo "1..0 # SKIP $*"
	exit "$KSFT_SKIP"
}

ktap_print_totals() {
	echo "$KTAP_CNT_PASS passed, $KTAP_CNT_FAIL failed, $KTAP_CNT_SKIP skipped"
}

ktap_finished() {
	[ -n "$KTAP_PLAN" ] || echo "1..$KTAP_TESTNO"
	ktap_print_totals
	[ "$KTAP_CNT_FAIL" = 0 ] || exit "$KSFT_FAIL"
	if [ "$KTAP_TESTNO" = 0 ]; then
		echo "# no result reported"
		exit "$KSFT_FAIL"
	fi
	[ "$KTAP_CNT_SKIP" != "$KTAP_TESTNO" ] || exit "$KSFT_SKIP"
	exit "$KSFT_PASS"
}
