# On a kernel without the test-only hook the module refuses to load and
# says which patch is missing (not a bare "Unknown symbol").
. "$(dirname "$0")/../lib.sh"
need_tree
kbuild release fixed || { fail "build fixed"; finish; }
t0=$(date +%s)
"$PROJ/scripts/build" -f release -v none >/dev/null || { fail "build none"; finish; }
echo "RESULT: build release/none: $(($(date +%s) - t0)) s"
KO=$("$PROJ/scripts/build" -f release -v fixed --print-dir)/ext/module/memcg_iter_stress.ko
rc=0
out=$("$PROJ/scripts/vm-test" -f release -v none -n module-unpatched -t 300 --ko "$KO" -- \
	'if insmod ./memcg_iter_stress.ko; then echo LOADED; exit 1; fi; exit 0' 2>&1) || rc=$?
echo "$out"
[ "$rc" = 0 ] && pass "insmod refused on the stock kernel" || fail "guest status $rc"
LOG=$CACHE/logs/module-unpatched.log
grep 'memcg_iter_stress' "$LOG"
grep -q 'has no memcg reclaim iterator test hook.*TEST-ONLY' "$LOG" &&
	pass "message names the missing patch" || fail "no explanatory message"
grep -q 'Unknown symbol' "$LOG" && fail "bare Unknown symbol error" || pass "no Unknown symbol error"
finish
