# The default sources by sha256: get-ltp --download and get-distro
# --download keep a download only when its sha256 is the pinned one.
# file:// URLs stand in for the pinned ones: a wrong hash, a malformed hash
# and an unreachable URL are refused with the cache as it was; the right
# hash gets the file past the check to the next one (an LTP check that a
# junk file then fails, also with the cache as it was).  The pins are the
# published ones.  (The SRPM is verified by its signature: srpm-verify.)
. "$(dirname "$0")/../lib.sh"
command -v curl >/dev/null || ktap_skip_all "curl not installed (make deps)"
. "$(dirname "$0")/refuse.inc"
scratch_cache

mkdir -p "$T/notltp/ltp-full-20240129" && echo x > "$T/notltp/ltp-full-20240129/README"
tar -C "$T/notltp" -cJf "$T/notltp.tar.xz" ltp-full-20240129
sum() { sha256sum < "$1" | cut -d' ' -f1; }
WRONG=0000000000000000000000000000000000000000000000000000000000000000

# shellcheck disable=SC2016 # shell text, run with download.sh sourced
[ "$(from_download_sh 'echo "$LTP_SHA256"')" = c302f6b2ca09cbb7835f549777bdb9233fe31f7086d7ad8e65472a0804e3e025 ] &&
	ktap_test_pass "LTP 20240129's published sha256 is pinned" ||
	ktap_test_fail "LTP's pinned sha256 is '$(from_download_sh 'echo "$LTP_SHA256"')'"

tool=ltp
{
	V=MEMCG_ITER_LTP G=$PROJ/scripts/get-ltp F=$T/notltp.tar.xz next="not an LTP source tree"
	unset MEMCG_ITER_LTP_URL MEMCG_ITER_LTP_SHA256
	export "${V}_URL=file://$F"
	export "${V}_SHA256=$WRONG"
	refuse_untouched "get-$tool --download, wrong sha256" "sha256 is $(sum "$F"), the pinned one is $WRONG: refused" "$G" --download
	export "${V}_SHA256=1234"
	refuse_untouched "get-$tool --download, malformed sha256" "not a sha256" "$G" --download
	export "${V}_SHA256=$(sum "$F")"
	out=$("$G" --download 2>&1) || :
	if echo "$out" | grep -q "sha256 verified" && echo "$out" | grep -q "$next"; then
		ktap_test_pass "get-$tool --download, right sha256: verified, then checked as a source ($next)"
	else
		ktap_test_fail "get-$tool --download, right sha256: $out"
	fi
	# shellcheck disable=SC2154 # before: set by scratch_cache (refuse.inc)
	[ "$(snapshot "$T/cache")" = "$before" ] && ktap_test_pass "get-$tool: cache untouched by the junk download" ||
		ktap_test_fail "get-$tool: cache changed by the junk download"
	export "${V}_URL=file://$T/nonexistent"
	refuse_untouched "get-$tool --download, unreachable URL" "download failed" "$G" --download
	refuse_untouched "get-$tool --download with a SOURCE" "takes no SOURCE" "$G" --download "$F"
}

# get-distro --download: each of its files must have its pinned sha256.
D=$PROJ/scripts/get-distro
mkdir -p "$T/distro-ok" "$T/distro-bad"
for f in kernel-3.10.0-x86_64.config kernel-3.10.0-x86_64-debug.config Module.kabi_x86_64; do
	echo "not the distro's $f" > "$T/distro-bad/$f"
done
export MEMCG_ITER_DISTRO_URL="file://$T/distro-bad"
refuse_untouched "get-distro --download, files not the pinned ones" \
	"kernel-3.10.0-x86_64.config: sha256 [0-9a-f]*, the pinned one (3.10.0-1160.el7) is af732f75" "$D" --download
export MEMCG_ITER_DISTRO_URL="file://$T/nonexistent"
refuse_untouched "get-distro --download, unreachable URL" "download failed" "$D" --download
refuse_untouched "get-distro, not a directory" "not a directory" "$D" "$T/notltp.tar.xz"
refuse_untouched "get-distro, directory without the files" "no kernel-3.10.0-x86_64.config" "$D" "$T/notltp"
# The real files, when this machine has them: taken, source recorded.
if [ -f "$CACHE/distro/.memcg-iter-distro" ] && MEMCG_ITER_CACHE=$CACHE "$D" --status >/dev/null 2>&1 &&
   grep -q 'sha256 pinned\|signature verified' "$CACHE/distro/.memcg-iter-distro" &&
   ! grep -q 'z-stream' "$CACHE/distro/.memcg-iter-distro"; then
	export MEMCG_ITER_DISTRO_URL="file://$CACHE/distro"
	if "$D" --download >/dev/null 2>&1 && "$D" --status | grep -q "^source: download file://$CACHE/distro (sha256 pinned"; then
		ktap_test_pass "get-distro --download of the real files: kept, source recorded"
	else
		ktap_test_fail "get-distro --download of the real files"
	fi
else
	ktap_test_skip "get-distro of the real files: none in $CACHE/distro (scripts/get-distro SOURCE)"
fi
ktap_finished
