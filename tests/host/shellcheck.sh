# Every shell script of the repository is clean under shellcheck (files
# named *.sh or *.inc, and every file whose first line runs sh or bash),
# with the settings and reasons of .shellcheckrc; it is shown to report a
# script with an unquoted expansion, so a clean run is not an empty one.
. "$(dirname "$0")/../lib.sh"
command -v shellcheck >/dev/null || ktap_skip_all "shellcheck not installed (make deps)"
cd "$PROJ" || exit 1
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
git ls-files > "$T/all" 2>/dev/null || find . -type f ! -path './.git/*' | sed 's|^\./||' > "$T/all"
while read -r f; do
	case $f in
	*.sh|*.inc) echo "$f" ;;
	*) [ -f "$f" ] && head -1 "$f" | grep -q '^#!\(/usr/bin/env \)\{0,1\}/\{0,1\}\(bin/\)\{0,1\}\(ba\)\{0,1\}sh\b' && echo "$f" ;;
	esac
done < "$T/all" > "$T/files"
n=$(wc -l < "$T/files")
[ "$n" -ge 50 ] || ktap_test_fail "only $n shell scripts found: the file list is broken"
# shellcheck disable=SC2046 # file names without blanks
if shellcheck -x -f gcc $(cat "$T/files") > "$T/out" 2>&1; then
	ktap_test_pass "shellcheck clean on $n scripts"
else
	sed 's/^/# /' "$T/out" | head -40
	ktap_test_fail "shellcheck: $(wc -l < "$T/out") findings in $n scripts"
fi
# shellcheck disable=SC2016 # the bad script's text, not expanded here
printf '#!/bin/sh\nd=$1\nrm -rf $d/tmp\n' > "$T/bad.sh"
if shellcheck -x -f gcc "$T/bad.sh" 2>&1 | grep -q 'SC2086'; then
	ktap_test_pass "an unquoted expansion is reported (SC2086)"
else
	ktap_test_fail "shellcheck did not report an unquoted expansion"
fi
ktap_finished
