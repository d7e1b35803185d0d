# On a kernel without the test-only hook the module says which patch is
# missing: building it against such a tree stops with that message (not a
# missing header), and the fixed kernel's module, loaded into the stock
# kernel of the same release (scripts/build gives none the fixed release
# for this), refuses with it (not a bare "Unknown symbol").
. "$(dirname "$0")/../lib.sh"
need_tree
kbuild release fixed || { ktap_test_fail "build fixed"; ktap_finished; }
t0=$(date +%s)
NONE=$("$PROJ/scripts/build" -f release -v none) || { ktap_test_fail "build none"; ktap_finished; }
echo "RESULT: build release/none: $(($(date +%s) - t0)) s"
KO=$("$PROJ/scripts/build" -f release -v fixed --print-dir)/ext/module/memcg_iter_stress.ko
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

cp -r "$PROJ/module" "$T/module"
if make -C "$T/module" KDIR="$NONE" CC="gcc -fno-PIE" HOSTCFLAGS="-fcommon -O2" >"$T/make.log" 2>&1; then
	ktap_test_fail "the module built against the stock kernel"
elif grep -q 'no memcg reclaim iterator test hook.*TEST-ONLY.*CONFIG_MEMCG_ITER_TEST=y' "$T/make.log"; then
	ktap_test_pass "the build against the stock kernel stops naming the patch and option"
else
	sed 's/^/# /' "$T/make.log" | tail -5
	ktap_test_fail "the build against the stock kernel failed without naming the patch"
fi

rc=0
out=$("$PROJ/scripts/guest-run" -f release -v none -n module-unpatched -t 300 --ko "$KO" --console "$T/console" -- \
	'if insmod ./memcg_iter_stress.ko; then echo LOADED; exit 1; fi; exit 0' 2>&1) || rc=$?
echo "$out"
[ "$rc" = 0 ] && ktap_test_pass "insmod refused on the stock kernel" || ktap_test_fail "guest status $rc"
LOG=$T/console
grep 'memcg_iter_stress' "$LOG"
grep -q 'has no memcg reclaim iterator test hook.*TEST-ONLY' "$LOG" &&
	ktap_test_pass "message names the missing patch" || ktap_test_fail "no explanatory message"
grep -q 'version magic' "$LOG" && ktap_test_fail "refused by version magic, the module's check never ran" ||
	ktap_test_pass "the module's own check ran (no version magic mismatch)"
grep -q 'Unknown symbol' "$LOG" && ktap_test_fail "bare Unknown symbol error" || ktap_test_pass "no Unknown symbol error"
ktap_finished
