# checkpatch.pl --strict is clean on every patch and on the module sources.
# The 3.10 tree's own checkpatch does not run on perl 5.36; a current one
# comes from Debian's linux-source package (extracted once into the cache).
. "$(dirname "$0")/../lib.sh"
CP=$CACHE/checkpatch/checkpatch.pl
if [ ! -f "$CP" ]; then
	from_linux_source "$CACHE/checkpatch" 2 scripts/checkpatch.pl scripts/spelling.txt \
		scripts/const_structs.checkpatch ||
		ktap_skip_all "no checkpatch.pl from $LINUX_SOURCE (make deps)"
fi
# Run outside any git work tree: inside one, checkpatch takes the patch
# file itself for the file being changed.
cd /
for p in "$PROJ"/patches/0*.patch "$PROJ"/patches/test/*.patch "$PROJ"/patches/test/mutant/*.patch "$PROJ"/patches/test/kabi/*.patch "$PROJ"/patches/compat/*.patch; do
	case $p in */0000-cover-letter.patch) continue ;; esac
	out=$(perl "$CP" --strict --no-tree -q "$p" 2>&1)
	[ -z "$out" ] && ktap_test_pass "$(basename "$p")" || { echo "$out"; ktap_test_fail "$(basename "$p")"; }
done
for f in "$PROJ"/module/*.c "$PROJ"/tests/modules/*.c; do
	out=$(perl "$CP" --strict --no-tree -q -f "$f" 2>&1)
	[ -z "$out" ] && ktap_test_pass "$(basename "$f")" || { echo "$out"; ktap_test_fail "$(basename "$f")"; }
done
ktap_finished
