# The kselftests as a node gets them: scripts/kselftest-tar's tarball
# (mainline's run_kselftest.sh, kselftest-list.txt, memcg_iter/) unpacked
# in a release/fixed guest with the stress module beside the tests, run
# by mainline's runner: its TAP must show test_smoke and test_module.sh
# passed, not skipped.
. "$(dirname "$0")/../lib.sh"
need_tree
kbuild release fixed || { ktap_test_fail "build"; ktap_finished; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
"$PROJ/scripts/kselftest-tar" -o "$T/k.tgz" > /dev/null ||
	{ ktap_test_fail "kselftest-tar"; ktap_finished; }
mkdir "$T/kselftest"
tar -xzf "$T/k.tgz" -C "$T/kselftest"
cp "$("$PROJ/scripts/build" -f release -v fixed --print-dir)/ext/module/memcg_iter_stress.ko" \
	"$T/kselftest/memcg_iter/"
rc=0
out=$("$PROJ/scripts/guest-run" -f release -v fixed -n kselftest-install -t 900 -p "$T/kselftest" -- \
	"KSELFTEST_TEST_SMOKE_ARGS='-n 200' ./kselftest/run_kselftest.sh -t memcg_iter:test_smoke -t memcg_iter:test_module.sh" \
	2>&1) || rc=$?
echo "$out" | sed 's/^/# /'
[ "$rc" = 0 ] && ktap_test_pass "guest status 0, console clean" || ktap_test_fail "guest status $rc"
for t in test_smoke test_module.sh; do
	echo "$out" | grep -q "^ok [0-9]* selftests: memcg_iter: $t\$" &&
		ktap_test_pass "run_kselftest.sh: $t passed" ||
		ktap_test_fail "run_kselftest.sh: no plain 'ok' for $t"
done
ktap_finished
