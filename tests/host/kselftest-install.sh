# The kselftest install: 'make install INSTALL_PATH=DIR' lays the
# collection out as mainline's install does (DIR/memcg_iter/ with every
# test and file, one memcg_iter:TEST line a test in kselftest-list.txt,
# written once however often it runs); kselftest-tar adds mainline's
# run_kselftest.sh, which lists the tests.  A runner directory that is not
# mainline's is refused.  Nothing is run here: the tests need a kernel
# with the hook (kernel/25 runs them in a guest).
. "$(dirname "$0")/../lib.sh"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
M="make -s -C $PROJ/selftests/memcg_iter OUTPUT=$T/build"
$M install INSTALL_PATH="$T/i" > "$T/log" 2>&1 && $M install INSTALL_PATH="$T/i" >> "$T/log" 2>&1 ||
	{ sed 's/^/# /' "$T/log"; ktap_test_fail "make install"; ktap_finished; }
want="test_smoke test_churn test_random test_module.sh test_online_fail.sh"
ok=1
for t in $want memhog bench_walks ksft_runner.sh ktap_helpers.sh lib.sh settings; do
	[ -f "$T/i/memcg_iter/$t" ] || { echo "# missing: memcg_iter/$t"; ok=0; }
done
[ "$ok" = 1 ] && ktap_test_pass "memcg_iter/ holds the tests and their files" ||
	ktap_test_fail "memcg_iter/ incomplete"
# shellcheck disable=SC2086 # a list of test names
printf 'memcg_iter:%s\n' $want > "$T/want"
cmp -s "$T/want" "$T/i/kselftest-list.txt" &&
	ktap_test_pass "kselftest-list.txt: one line a test, once after two installs" ||
	{ sed 's/^/# /' "$T/i/kselftest-list.txt"; ktap_test_fail "kselftest-list.txt is not the test list"; }
[ -x "$T/i/memcg_iter/test_module.sh" ] && [ -x "$T/i/memcg_iter/test_smoke" ] &&
	ktap_test_pass "tests are executable" || ktap_test_fail "a test is not executable"
# shellcheck disable=SC2086 # M is a command with its arguments
ktap_expect_error "install without INSTALL_PATH refused" "set INSTALL_PATH" $M install
mkdir "$T/notmainline"
# shellcheck disable=SC2086 # M is a command with its arguments
ktap_expect_error "a runner directory without run_kselftest.sh refused" "not a mainline selftests directory" \
	$M install INSTALL_PATH="$T/j" KSFT_RUNNER="$T/notmainline"
if ls /usr/src/linux-source-*.tar.xz > /dev/null 2>&1; then
	"$PROJ/scripts/kselftest-tar" -o "$T/k.tgz" > /dev/null 2>"$T/log" ||
		{ sed 's/^/# /' "$T/log"; ktap_test_fail "kselftest-tar"; ktap_finished; }
	mkdir "$T/k"
	tar -xzf "$T/k.tgz" -C "$T/k"
	"$T/k/run_kselftest.sh" -l > "$T/listed" 2>&1 && cmp -s "$T/want" "$T/listed" &&
		ktap_test_pass "tarball: mainline's run_kselftest.sh lists the 5 tests" ||
		{ sed 's/^/# /' "$T/listed"; ktap_test_fail "tarball: run_kselftest.sh -l"; }
	"$T/k/run_kselftest.sh" -d -c memcg_iter > "$T/dry" 2>&1 &&
		[ "$(grep -c 'run_many\|test_' "$T/dry")" -gt 0 ] &&
		ktap_test_pass "tarball: a dry run of the collection" ||
		{ sed 's/^/# /' "$T/dry"; ktap_test_fail "tarball: run_kselftest.sh -d -c memcg_iter"; }
else
	ktap_test_skip "tarball" "no /usr/src/linux-source-*.tar.xz for mainline's runner (make deps)"
fi
ktap_finished
