# The guests' kselftest runner (selftests/memcg_iter/run_tests.sh) reports a
# test that outlives its timeout as TIMEOUT and fails, with coreutils'
# timeout (exit 124) and with busybox's, which the guests use (exit 143).
. "$(dirname "$0")/../lib.sh"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cp "$PROJ/selftests/memcg_iter/run_tests.sh" "$T/"
echo timeout=1 > "$T/settings"
printf '#!/bin/sh\nexec sleep 30\n' > "$T/sleeper"
chmod +x "$T/sleeper"
check_timeout() { # WHAT
	rc=0
	out=$(PATH=$T/bin:$PATH "$T/run_tests.sh" sleeper 2>&1) || rc=$?
	if [ "$rc" != 0 ] && echo "$out" | grep -q '^not ok 1 selftests: memcg_iter: sleeper # TIMEOUT 1s$'; then
		pass "$1: TIMEOUT reported, run fails"
	else
		fail "$1: exit $rc, output: $out"
	fi
}
mkdir -p "$T/bin"
check_timeout "coreutils timeout"
if command -v busybox >/dev/null 2>&1; then
	ln -s "$(command -v busybox)" "$T/bin/timeout"
	check_timeout "busybox timeout"
else
	skip "busybox not installed (make deps)"
fi
finish
