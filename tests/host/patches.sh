# The patch series is well-formed: every series file lists existing
# patches, every patch is git format-patch output with a Signed-off-by,
# test-only patches say so, the fix series has a cover letter, and no
# patch carries a path of this machine.
. "$(dirname "$0")/../lib.sh"
P=$PROJ/patches
for s in "$P/series" "$P/compat/series" "$P/test/series" "$P/test/series.fixed" "$P/test/series.baseline" "$P/test/mutant/series" "$P/test/mutant/series.online" "$P/test/kabi/series"; do
	[ -f "$s" ] || { ktap_test_fail "$s missing"; continue; }
	# shellcheck disable=SC2094 # $s is only read; the messages name it
	while read -r p; do
		case $p in ''|'#'*) continue ;; esac
		f=$(dirname "$s")/$p
		[ -f "$f" ] || { ktap_test_fail "$s lists missing $p"; continue; }
		head -1 "$f" | grep -q '^From [0-9a-f]\{40\} ' || ktap_test_fail "$p: not format-patch output"
		grep -q '^Signed-off-by: ' "$f" || ktap_test_fail "$p: no Signed-off-by"
		if grep -q '/root/\|/home/\|/tmp/\|/work/' "$f"; then ktap_test_fail "$p: machine path"; fi
		ktap_test_pass "$p"
	done < "$s"
done
# The mutation catalogue's patches (scripts/mutants), as the series' are.
C=$P/test/mutant/catalogue
[ -f "$C" ] || ktap_test_fail "$C missing"
# shellcheck disable=SC2013 # patch names have no blanks
for p in $(awk '!/^#/ && $2 ~ /\.patch$/ { print $2 }' "$C" 2>/dev/null); do
	f=$P/test/mutant/$p
	[ -f "$f" ] || { ktap_test_fail "the catalogue lists missing $p"; continue; }
	head -1 "$f" | grep -q '^From [0-9a-f]\{40\} ' || ktap_test_fail "$p: not format-patch output"
	grep -q '^Signed-off-by: ' "$f" || ktap_test_fail "$p: no Signed-off-by"
	if grep -q '/root/\|/home/\|/tmp/\|/work/' "$f"; then ktap_test_fail "$p: machine path"; fi
	ktap_test_pass "$p (catalogue)"
done
for f in "$P"/test/*.patch "$P"/test/mutant/*.patch "$P"/test/kabi/*.patch; do
	grep -q '^Subject: \[PATCH[^]]*\] TEST ONLY:' "$f" || ktap_test_fail "$(basename "$f"): test patch not marked TEST ONLY"
done
ls "$P"/0000-cover-letter.patch >/dev/null 2>&1 && ktap_test_pass "cover letter" || ktap_test_fail "no cover letter"
grep -q 'BLURB HERE\|SUBJECT HERE' "$P"/0000-cover-letter.patch 2>/dev/null && ktap_test_fail "cover letter is the empty template"
ktap_finished
