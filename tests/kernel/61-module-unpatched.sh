# On a kernel without the test-only hook the module refuses to load and
# says which patch is missing (not a bare "Unknown symbol").
. "$(dirname "$0")/../lib.sh"
need_tree
kbuild release fixed || { ktap_test_fail "build fixed"; ktap_finished; }
t0=$(date +%s)
"$PROJ/scripts/build" -f release -v none >/dev/null || { ktap_test_fail "build none"; ktap_finished; }
echo "RESULT: build release/none: $(($(date +%s) - t0)) s"
KO=$("$PROJ/scripts/build" -f release -v fixed --print-dir)/ext/module/memcg_iter_stress.ko
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
rc=0
out=$("$PROJ/scripts/guest-run" -f release -v none -n module-unpatched -t 300 --ko "$KO" --console "$T/console" -- \
	'if insmod ./memcg_iter_stress.ko; then echo LOADED; exit 1; fi; exit 0' 2>&1) || rc=$?
echo "$out"
[ "$rc" = 0 ] && ktap_test_pass "insmod refused on the stock kernel" || ktap_test_fail "guest status $rc"
LOG=$T/console
grep 'memcg_iter_stress' "$LOG"
grep -q 'has no memcg reclaim iterator test hook.*TEST-ONLY' "$LOG" &&
	ktap_test_pass "message names the missing patch" || ktap_test_fail "no explanatory message"
grep -q 'Unknown symbol' "$LOG" && ktap_test_fail "bare Unknown symbol error" || ktap_test_pass "no Unknown symbol error"
ktap_finished
