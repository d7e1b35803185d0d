# LTP 20240129's cgroup v1 memcg tests on the fixed debug kernel, with
# memcg_iter_stress loaded (2%, global reclaim): every test that is not
# excluded (selftests/ltp/skip, each with its reason) passes, and the
# console is clean.  Needs an LTP build: scripts/get-ltp SOURCE.
. "$(dirname "$0")/../lib.sh"
need_tree
[ -f "$CACHE/ltp/root/.memcg-iter-ltp" ] ||
	skip "no LTP build in $CACHE/ltp (run: make ltp [LTP=<ltp-full-20240129.tar.xz|LTP git dir|source dir>])"
kbuild debug fixed || { fail "build"; finish; }
STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
cp -a "$CACHE/ltp/root" "$STAGE/ltp"
cp -R "$PROJ/selftests/ltp/run-memcg" "$PROJ/selftests/ltp/skip" \
	"$PROJ/selftests/ltp/shims.sh" "$PROJ/selftests/ltp/shim" "$STAGE/ltp/"
rc=0
"$PROJ/scripts/vm-test" -f debug -v fixed -n ltp-memcg-debug -t 3600 -p "$STAGE/ltp" -- \
	"insmod ./memcg_iter_stress.ko probability=2 && ltp/run-memcg" > "$STAGE/out" 2>&1 || rc=$?
grep '^ok \|^not ok \|^1\.\.\|^run-vm:' "$STAGE/out" | sed 's/^/# /'
sed -n 's/^RESULT: /RESULT: debug\/fixed /p' "$STAGE/out"
case $rc in
0) pass "LTP memcg tests on debug/fixed, console clean" ;;
2) "$PROJ/scripts/scan-console" "$CACHE/logs/ltp-memcg-debug.log" | head -30
   fail "kernel splat during the LTP memcg tests" ;;
*) grep -B30 '^not ok' "$STAGE/out" | tail -60
   fail "LTP memcg tests on debug/fixed (status $rc)" ;;
esac
finish
