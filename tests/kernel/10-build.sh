# The fixed kernel (fix series + test-only instrumentation) builds in the
# release and debug flavours, with the stress module warning-free (W=1).
# Every kernel test calls scripts/build: a build of an unchanged variant
# must not run make (it once cost 87-140 s of make walking the tree), and
# a changed file of the scratch tree must be built; --status says which
# of the two a build would do.
. "$(dirname "$0")/../lib.sh"
need_tree
for f in release debug; do
	kbuild "$f" fixed && ktap_test_pass "$f/fixed builds" || ktap_test_fail "$f/fixed build failed"
done

B=$PROJ/scripts/build
OUT=$("$B" -f release -v fixed --print-dir)
img=$OUT/arch/x86/boot/bzImage
before=$(stat -c %Y "$img" 2>/dev/null || echo none)
t0=$(date +%s)
out=$("$B" -f release -v fixed 2>&1 >/dev/null) || ktap_test_fail "second build failed: $out"
dt=$(($(date +%s) - t0))
if echo "$out" | grep -q "release/fixed kernel up to date" && [ "$(stat -c %Y "$img")" = "$before" ]; then
	ktap_test_pass "a second build of release/fixed runs no make ($dt s)"
	echo "RESULT: no-op build: $dt s"
else
	ktap_test_fail "a second build of release/fixed was not a no-op ($dt s): $out"
fi
# --status (what scripts/check reports before a run) agrees: up to date
# now, to build once a file changed, up to date after that build.
st=$("$B" -f release -v fixed --status 2>&1) && echo "$st" | grep -q "up to date" &&
	ktap_test_pass "--status: release/fixed up to date" ||
	ktap_test_fail "--status after a build: '$st'"
SRC=$("$B" -v fixed --print-src)
touch "$SRC/mm/memcontrol.c"
st=$("$B" -f release -v fixed --status 2>&1) && ktap_test_fail "--status missed the touched file: '$st'" ||
	{ echo "$st" | grep -q "files of $SRC changed" &&
		ktap_test_pass "--status: to build after a touched file" ||
		ktap_test_fail "--status after a touched file: '$st'"; }
out=$("$B" -f release -v fixed 2>&1 >/dev/null) || ktap_test_fail "build after a touched file failed: $out"
if echo "$out" | grep -q "building release/fixed kernel"; then
	ktap_test_pass "a touched file of the scratch tree is built"
else
	ktap_test_fail "a touched mm/memcontrol.c did not start make: $out"
fi
"$B" -f release -v fixed --status >/dev/null 2>&1 && ktap_test_pass "--status: up to date after that build" ||
	ktap_test_fail "--status: not up to date after the rebuild"
ktap_finished
