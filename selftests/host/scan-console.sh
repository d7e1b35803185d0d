# The console scanner passes clean logs (a boot; an LTP run with its TINFO
# lines and a memcg OOM kill) and flags every splat kind.
. "$(dirname "$0")/../lib.sh"
S=$PROJ/scripts/scan-console
D=$PROJ/selftests/host/samples

for f in "$D"/clean*.log; do
	if "$S" -q "$f"; then pass "$(basename "$f") passes"; else fail "$(basename "$f") flagged"; fi
done
for f in "$D"/*.log; do
	case $f in */clean*.log) continue ;; esac
	rc=0
	out=$("$S" "$f") || rc=$?
	if [ "$rc" = 1 ] && echo "$out" | grep -q -- '--- splat 1'; then
		pass "$(basename "$f") flagged"
	else
		fail "$(basename "$f") not flagged (exit $rc)"
	fi
done
# The splat is quoted, not just counted.
"$S" "$D/warn.log" | grep -q 'deliberate WARN' && pass "WARN quoted" || fail "WARN text not quoted"
rc=0; "$S" /nonexistent.log >/dev/null 2>&1 || rc=$?
[ "$rc" = 2 ] && pass "unreadable log is an error" || fail "unreadable log gave $rc"
finish
