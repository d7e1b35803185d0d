# The default sources: get-tree --download and get-ltp --download keep a
# download only when its sha256 is the pinned one.  file:// URLs stand in
# for the pinned ones: a wrong hash, a malformed hash, no pinned hash and
# an unreachable URL are refused with the cache as it was; the right hash
# gets the file past the check to the next one (an SRPM or LTP check that
# a junk file then fails, also with the cache as it was).
. "$(dirname "$0")/../lib.sh"
command -v curl >/dev/null || ktap_skip_all "curl not installed (make deps)"
. "$(dirname "$0")/refuse.inc"
scratch_cache

echo "not an rpm" > "$T/junk.src.rpm"
mkdir -p "$T/notltp/ltp-full-20240129" && echo x > "$T/notltp/ltp-full-20240129/README"
tar -C "$T/notltp" -cJf "$T/notltp.tar.xz" ltp-full-20240129
sum() { sha256sum < "$1" | cut -d' ' -f1; }
WRONG=0000000000000000000000000000000000000000000000000000000000000000

for tool in tree ltp; do
	if [ $tool = tree ]; then
		V=MEMCG_ITER_SRPM G=$PROJ/scripts/get-tree F=$T/junk.src.rpm next="not a readable SRPM"
	else
		V=MEMCG_ITER_LTP G=$PROJ/scripts/get-ltp F=$T/notltp.tar.xz next="not an LTP source tree"
	fi
	unset MEMCG_ITER_SRPM_URL MEMCG_ITER_SRPM_SHA256 MEMCG_ITER_LTP_URL MEMCG_ITER_LTP_SHA256
	# The project's own pins: the URL is the release's; without a pinned
	# hash the download is refused before anything is fetched.
	if [ -z "$(sh -c ". '$PROJ/scripts/lib/common.sh'; . '$PROJ/scripts/lib/download.sh'; echo \$${V#MEMCG_ITER_}_SHA256")" ]; then
		refuse_untouched "get-$tool --download, no pinned sha256" "set ${V}_SHA256" "$G" --download
	fi
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
	[ "$(snapshot "$T/cache")" = "$before" ] && ktap_test_pass "get-$tool: cache untouched by the junk download" ||
		ktap_test_fail "get-$tool: cache changed by the junk download"
	export "${V}_URL=file://$T/nonexistent"
	refuse_untouched "get-$tool --download, unreachable URL" "download failed" "$G" --download
	refuse_untouched "get-$tool --download with a SOURCE" "takes no SOURCE" "$G" --download "$F"
done
ktap_finished
