# An SRPM is verified as RHEL verifies an RPM before get-tree takes
# anything from it: a valid signature by the pinned key (rpmkeys
# --checksig in a private keyring), then the 1160.el7 tarball inside by
# the SHA1 of CentOS's .kernel.metadata.  Unsigned, signed by another key,
# altered, wrong tarball: refused with the reason, cache untouched; the
# download path (file:// in place of the vault URL) is verified the same
# way.  The committed CentOS 7 key has the pinned fingerprint.
. "$(dirname "$0")/../lib.sh"
for t in rpmbuild rpmsign rpmkeys gpg curl; do
	command -v $t >/dev/null || ktap_skip_all "$t not installed (make deps)"
done
G=$PROJ/scripts/get-tree
. "$(dirname "$0")/refuse.inc"
. "$(dirname "$0")/srpm.inc"
scratch_cache

# The project's key is CentOS 7's: the fingerprint pinned in download.sh,
# the user id CentOS publishes.
# shellcheck disable=SC2016 # shell text, run with download.sh sourced
out=$(from_download_sh 'echo "$SRPM_KEY_FPR"; key_fingerprint "$SRPM_KEY"')
if [ "$(echo "$out" | sed -n 1p)" = 6341AB2753D78A78A7C27BB124C6A8A7F4A80EB5 ] &&
   [ "$(echo "$out" | sed -n 2p)" = 6341AB2753D78A78A7C27BB124C6A8A7F4A80EB5 ]; then
	ktap_test_pass "scripts/lib/keys/RPM-GPG-KEY-CentOS-7 has the CentOS 7 key's fingerprint"
else
	ktap_test_fail "CentOS 7 key fingerprint: $out"
fi

# A fake SRPM: its tree is refused by the tree check, so reaching that
# check shows every verification before it passed.
mkdir -p "$T/top/SOURCES" "$T/fake/linux-3.10.0-1160.el7"
printf 'VERSION = 3\nPATCHLEVEL = 10\n' > "$T/fake/linux-3.10.0-1160.el7/Makefile"
tar -C "$T/fake" -cJf "$T/top/SOURCES/linux-3.10.0-1160.el7.tar.xz" linux-3.10.0-1160.el7
mk_srpm "$T/top" linux-3.10.0-1160.el7.tar.xz
S=$T/top/SRPMS/kernel-3.10.0-1160.el7.src.rpm
cp "$S" "$T/unsigned.src.rpm"
srpm_key_init
sign_srpm "$S"
cp "$S" "$T/signed.src.rpm"
FAKE_SHA1=$(sha1sum < "$T/top/SOURCES/linux-3.10.0-1160.el7.tar.xz" | cut -d' ' -f1)

# Against the CentOS key (the default): ours is another key; an unsigned
# package is refused although its digests are fine.
refuse_untouched "SRPM signed by another key" "signed by another key ([0-9a-f]*), not by RPM-GPG-KEY-CentOS-7" \
	env -u MEMCG_ITER_SRPM_KEY "$G" "$T/signed.src.rpm"
refuse_untouched "unsigned SRPM" "not signed: refused" env -u MEMCG_ITER_SRPM_KEY "$G" "$T/unsigned.src.rpm"
# A key file swapped for another key is refused before any package is
# looked at: the fingerprint is pinned apart from the file.
mkdir -p "$T/wrongkey"
cp -r "$PROJ/scripts" "$T/wrongkey/"
cp "$T/test-key.asc" "$T/wrongkey/scripts/lib/keys/RPM-GPG-KEY-CentOS-7"
refuse_untouched "CentOS key file replaced by another key" "fingerprint [0-9A-F]*, not the CentOS 7 key's 6341AB27" \
	env -u MEMCG_ITER_SRPM_KEY MEMCG_ITER_ROOT="$T/wrongkey" "$T/wrongkey/scripts/get-tree" "$T/signed.src.rpm"
refuse_untouched "unsigned SRPM, test key" "not signed: refused" "$G" "$T/unsigned.src.rpm"
# One byte of the payload changed after signing.
cp "$T/signed.src.rpm" "$T/tampered.src.rpm"
sz=$(stat -c %s "$T/tampered.src.rpm")
printf 'X' | dd of="$T/tampered.src.rpm" bs=1 seek=$((sz - 20)) conv=notrunc 2>/dev/null
refuse_untouched "altered SRPM" "altered or damaged" "$G" "$T/tampered.src.rpm"
# Signed by the trusted key, but its tarball is not CentOS's.
refuse_untouched "signed SRPM, tarball not CentOS's" \
	"linux-3.10.0-1160.el7.tar.xz in the SRPM: SHA1 $FAKE_SHA1, CentOS's metadata gives 1e61d8af979566805cffa1e46c449ee3e2f2ac79: refused" \
	"$G" "$T/signed.src.rpm"
# With that tarball's SHA1 as the pin, everything before the tree check
# passes: the signature and SHA1 are reported verified.
export MEMCG_ITER_SRPM_TARBALL_SHA1="$FAKE_SHA1"
out=$("$G" "$T/signed.src.rpm" 2>&1) || :
if echo "$out" | grep -q '^get-tree: signature verified: Header V4 RSA/SHA[0-9]* Signature, key ID [0-9a-f]*$' &&
   echo "$out" | grep -q "tarball SHA1 verified against CentOS's metadata: $FAKE_SHA1" &&
   echo "$out" | grep -q 'wrong kernel version'; then
	ktap_test_pass "SRPM signed by the trusted key, right tarball: verified, then its tree checked"
else
	echo "$out" | sed 's/^/# /'
	ktap_test_fail "SRPM signed by the trusted key, right tarball"
fi
# shellcheck disable=SC2154 # before: set by scratch_cache (refuse.inc)
[ "$(snapshot "$T/cache")" = "$before" ] && ktap_test_pass "verified SRPM of a wrong tree: cache untouched" ||
	ktap_test_fail "verified SRPM of a wrong tree: cache changed"

# --download: the pinned URL's file goes through the same checks.
export MEMCG_ITER_SRPM_URL="file://$T/tampered.src.rpm"
refuse_untouched "get-tree --download, altered SRPM" "altered or damaged" "$G" --download
export MEMCG_ITER_SRPM_URL="file://$T/unsigned.src.rpm"
refuse_untouched "get-tree --download, unsigned SRPM" "not signed: refused" "$G" --download
export MEMCG_ITER_SRPM_URL="file://$T/signed.src.rpm"
out=$("$G" --download 2>&1) || :
if echo "$out" | grep -q 'signature verified' && echo "$out" | grep -q 'wrong kernel version'; then
	ktap_test_pass "get-tree --download, signed SRPM: verified, then its tree checked"
else
	echo "$out" | sed 's/^/# /'
	ktap_test_fail "get-tree --download, signed SRPM"
fi
export MEMCG_ITER_SRPM_URL="file://$T/nonexistent"
refuse_untouched "get-tree --download, unreachable URL" "download failed" "$G" --download
refuse_untouched "get-tree --download with a SOURCE" "takes no SOURCE" "$G" --download "$S"

# The check is the check: a verify_srpm that lets everything through
# takes the unsigned SRPM to the tree check.
cp -r "$PROJ/scripts" "$T/broken"
sed -i '/^verify_srpm() {$/a\	return 0' "$T/broken/lib/download.sh"
out=$(MEMCG_ITER_ROOT=$PROJ "$T/broken/get-tree" "$T/unsigned.src.rpm" 2>&1) || :
if echo "$out" | grep -q 'wrong kernel version' && ! echo "$out" | grep -q 'not signed'; then
	ktap_test_pass "without verify_srpm the unsigned SRPM gets past the signature (so the check above did the refusing)"
else
	echo "$out" | sed 's/^/# /'
	ktap_test_fail "the broken verify_srpm did not let the unsigned SRPM through"
fi
ktap_finished
