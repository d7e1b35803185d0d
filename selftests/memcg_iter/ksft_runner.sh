#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Run memcg_iter selftests.  Each program prints TAP and exits 0 (pass),
# 1 (fail) or 4 (skip); a timeout counts as a failure: coreutils' timeout(1)
# exits 124, busybox's (the guests') 143, killed by SIGTERM.  Honours
# the 'timeout=' line of ./settings and closes with
# "N passed, N failed, N skipped".
#
# Usage: ksft_runner.sh [TEST [ARGS...]]...   (ARGS quoted as one word)
# Environment: MEMCG_ITER_TIMEOUT=SECONDS overrides the per-test timeout.
# MEMCG_ITER_STRICT=1 (the project's guests set it): a SKIP, of a whole
# test or of one of its results, fails the run unless the test's name is
# listed in MEMCG_ITER_EXPECT_SKIP as "name: reason" (several separated
# by ";"); the reason is printed.
cd "$(dirname "$0")" || exit 1
. ./ktap_helpers.sh
timeout_s=$(sed -n 's/^timeout=//p' settings 2>/dev/null)
timeout_s=${timeout_s:-600}
# Long runs (scripts/soak) raise it, as kselftest's --override-timeout does.
timeout_s=${MEMCG_ITER_TIMEOUT:-$timeout_s}
[ $# -gt 0 ] || set -- test_smoke
rcfile=/tmp/.memcg_iter_rc.$$
outfile=/tmp/.memcg_iter_out.$$
# expected_skip NAME: the reason NAME may skip for, if it is listed.
expected_skip() {
	echo "${MEMCG_ITER_EXPECT_SKIP:-}" | tr ';' '\n' |
		sed -n "s/^ *$1: *//p" | head -1
}
ktap_print_header
ktap_set_plan $#
for t in "$@"; do
	desc="selftests: memcg_iter: $t"
	ktap_print_msg "$desc"
	# $t may carry arguments: split on purpose.
	# shellcheck disable=SC2086
	{ timeout "$timeout_s" ./$t 2>&1; echo $? > "$rcfile"; } | tee "$outfile" | sed 's/^/# /'
	rc=$(cat "$rcfile")
	# Strict: a program that passes with skipped results skipped too.
	if [ "$rc" = 0 ] && [ "${MEMCG_ITER_STRICT:-0}" = 1 ] &&
	   grep -q '^ok [0-9]* .*# SKIP' "$outfile"; then
		rc=4
	fi
	if [ "$rc" = 4 ] && [ "${MEMCG_ITER_STRICT:-0}" = 1 ]; then
		name=${t%% *}
		why=$(expected_skip "$name")
		if [ -z "$why" ]; then
			ktap_test_fail "$desc # SKIP not allowed here (MEMCG_ITER_STRICT=1)"
			continue
		fi
		ktap_print_msg "$name: skip expected: $why"
	fi
	case $rc in
	0) ktap_test_pass "$desc" ;;
	4) ktap_test_skip "$desc" ;;
	124|143) ktap_test_fail "$desc # TIMEOUT ${timeout_s}s" ;;
	*) ktap_test_fail "$desc # exit=$rc" ;;
	esac
done
rm -f "$rcfile" "$outfile"
ktap_print_totals
[ "$KTAP_CNT_FAIL" = 0 ]
