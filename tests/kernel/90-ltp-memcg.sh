# LTP 20240129's cgroup v1 memcg tests on the fixed debug kernel, with
# memcg_iter_stress loaded (2%, global reclaim): every test that is not
# excluded (tests/ltp/skip, each with its reason) passes, and the
# console is clean.  Needs an LTP build: scripts/get-ltp SOURCE.
. "$(dirname "$0")/../lib.sh"
need_tree
[ -f "$CACHE/ltp/root/.memcg-iter-ltp" ] ||
	ktap_skip_all "no LTP build in $CACHE/ltp (run: make ltp [LTP=<ltp-full-20240129.tar.xz|LTP git dir|source dir>])"
kbuild debug fixed || { ktap_test_fail "build"; ktap_finished; }
STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
cp -a "$CACHE/ltp/root" "$STAGE/ltp"
cp -R "$PROJ/tests/ltp/run-memcg" "$PROJ/tests/ltp/skip" \
	"$PROJ/tests/ltp/shims.sh" "$PROJ/tests/ltp/shim" \
	"$PROJ/selftests/memcg_iter/ktap_helpers.sh" "$STAGE/ltp/"
rc=0
"$PROJ/scripts/guest-run" -f debug -v fixed -n ltp-memcg-debug -t 3600 -p "$STAGE/ltp" -- \
	"insmod ./memcg_iter_stress.ko && ltp/run-memcg" > "$STAGE/out" 2>&1 || rc=$?
grep '^ok \|^not ok \|^1\.\.\|^qemu-boot:' "$STAGE/out" | sed 's/^/# /'
sed -n 's/^RESULT: /RESULT: debug\/fixed /p' "$STAGE/out"
case $rc in
0) ktap_test_pass "LTP memcg tests on debug/fixed, console clean" ;;
2) sed -n '/^--- splat 1 /,$p' "$STAGE/out" | head -30
   ktap_test_fail "kernel splat during the LTP memcg tests" ;;
*) grep -B30 '^not ok' "$STAGE/out" | tail -60
   ktap_test_fail "LTP memcg tests on debug/fixed (status $rc)" ;;
esac
ktap_finished
