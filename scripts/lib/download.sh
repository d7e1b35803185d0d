# shellcheck disable=SC2034 # its variables are for the files that source it
# Pinned inputs: what get-tree, get-ltp and get-distro fetch when no
# source is given, and how each is verified before anything is kept.
# Sourced after common.sh.
#
# - The CentOS 7.9 SRPM is verified the way RHEL verifies an RPM: by its
#   signature (rpmkeys --checksig against a private keyring holding only
#   the CentOS 7 signing key, keys/RPM-GPG-KEY-CentOS-7, whose fingerprint
#   is pinned here), then the kernel tarball inside it by the SHA1 that
#   CentOS's own .kernel.metadata of the import gives for it.  Every SRPM
#   get-tree takes is verified so, downloaded or given.
# - LTP's release tarball and the distro's config and kABI files by their
#   sha256.
# MEMCG_ITER_SRPM_URL, MEMCG_ITER_SRPM_KEY (an armored public key file),
# MEMCG_ITER_SRPM_TARBALL_SHA1, MEMCG_ITER_LTP_URL / _SHA256 and
# MEMCG_ITER_DISTRO_URL override them (a mirror, a file:// copy, a test).
SRPM_URL=${MEMCG_ITER_SRPM_URL:-https://vault.centos.org/7.9.2009/os/Source/SPackages/kernel-3.10.0-1160.el7.src.rpm}
SRPM_KEY=${MEMCG_ITER_SRPM_KEY:-$PROJ/scripts/lib/keys/RPM-GPG-KEY-CentOS-7}
# "CentOS-7 Key (CentOS 7 Official Signing Key) <security@centos.org>"
SRPM_KEY_FPR=6341AB2753D78A78A7C27BB124C6A8A7F4A80EB5
# .kernel.metadata of imports/c7/kernel-3.10.0-1160.el7 (commit 119ab262).
SRPM_TARBALL=linux-3.10.0-1160.el7.tar.xz
SRPM_TARBALL_SHA1=${MEMCG_ITER_SRPM_TARBALL_SHA1:-1e61d8af979566805cffa1e46c449ee3e2f2ac79}
LTP_URL=${MEMCG_ITER_LTP_URL:-https://github.com/linux-test-project/ltp/releases/download/20240129/ltp-full-20240129.tar.xz}
# As LTP publishes it beside the release (and Buildroot 2024.02 carries it).
LTP_SHA256=${MEMCG_ITER_LTP_SHA256:-c302f6b2ca09cbb7835f549777bdb9233fe31f7086d7ad8e65472a0804e3e025}

# need_pin URL SHA256 VAR: refuse, before anything is made, a download
# without a well-formed pinned sha256.  VAR names the variables that
# override the pin (VAR_URL, VAR_SHA256), for the messages.
need_pin() {
	[ -n "$2" ] ||
		die "no sha256 is pinned for $1; check the file's hash yourself and set ${3}_SHA256, or give the source explicitly"
	case $2 in
	*[!0-9a-f]*) die "${3}_SHA256: not a sha256 (64 hex digits): $2" ;;
	esac
	[ "${#2}" = 64 ] || die "${3}_SHA256: not a sha256 (64 hex digits): $2"
	need_tool curl
}

# fetch URL DEST VAR: download URL into DEST, removed on failure.
fetch() {
	msg "downloading $1"
	curl -fsSL --retry 2 -o "$2" "$1" || {
		rm -f "$2"
		die "$1: download failed (offline? give the source explicitly, or set ${3}_URL to a copy)"
	}
}

# download URL SHA256 DEST VAR: fetch URL into DEST (a path in the
# caller's scratch directory, removed on failure) and check its sha256.
download() {
	d_url=$1 d_sum=$2 d_dest=$3 d_var=$4
	need_pin "$d_url" "$d_sum" "$d_var"
	fetch "$d_url" "$d_dest" "$d_var"
	d_got=$(sha256sum < "$d_dest" | cut -d' ' -f1)
	if [ "$d_got" != "$d_sum" ]; then
		rm -f "$d_dest"
		die "$d_url: sha256 is $d_got, the pinned one is $d_sum: refused"
	fi
	msg "sha256 verified: $d_sum"
}

# key_fingerprint FILE: the fingerprint of the one public key in FILE.
key_fingerprint() {
	k_home=$(mktemp -d)
	gpg --homedir "$k_home" --batch --with-colons --show-keys "$1" 2>/dev/null |
		awk -F: '$1 == "fpr" { print $10; exit }'
	rm -rf "$k_home"
}

# verify_srpm FILE SCRATCH: FILE must carry a valid signature by
# $SRPM_KEY, checked by rpmkeys with a keyring in SCRATCH that holds that
# key alone (the system's rpm keyring is never used or changed).  The
# project's own key file must have the pinned fingerprint.  Dies with the
# reason (not signed, signed by another key, altered) otherwise.
verify_srpm() {
	v_rpm=$1 v_db=$2/rpmdb
	need_tool rpmkeys rpm
	need_tool gpg gpg
	[ -f "$SRPM_KEY" ] || die "no signing key $SRPM_KEY"
	if [ -z "${MEMCG_ITER_SRPM_KEY:-}" ]; then
		v_fpr=$(key_fingerprint "$SRPM_KEY")
		[ "$v_fpr" = "$SRPM_KEY_FPR" ] ||
			die "$SRPM_KEY: fingerprint ${v_fpr:-unreadable}, not the CentOS 7 key's $SRPM_KEY_FPR"
	fi
	mkdir -p "$v_db"
	rpmkeys --dbpath "$v_db" --import "$SRPM_KEY" 2>"$2/rpmkeys.log" ||
		die "$SRPM_KEY: rpmkeys cannot import it: $(cat "$2/rpmkeys.log")"
	# _pkgverify_level signature: digests alone (an unsigned package)
	# do not pass.
	if rpmkeys --dbpath "$v_db" --define '_pkgverify_level signature' \
		--checksig -v "$v_rpm" >"$2/checksig.log" 2>&1; then
		msg "signature verified: $(sed -n 's/^ *\(.*Signature, key ID [0-9a-f]*\): OK$/\1/p' "$2/checksig.log" | head -1)"
		return 0
	fi
	v_out=$(sed 's/^/  /' "$2/checksig.log")
	if grep -q 'BAD' "$2/checksig.log"; then
		die "$v_rpm: altered or damaged (a digest or signature is BAD): refused
$v_out"
	elif grep -q 'NOKEY' "$2/checksig.log"; then
		die "$v_rpm: signed by another key ($(sed -n 's/.*key ID \([0-9a-f]*\): NOKEY.*/\1/p' "$2/checksig.log" | head -1)), not by $(basename "$SRPM_KEY"): refused
$v_out"
	elif ! grep -q 'Signature' "$2/checksig.log"; then
		die "$v_rpm: not signed: refused (give the tarball or tree instead if you built this SRPM yourself)
$v_out"
	fi
	die "$v_rpm: signature check failed: refused
$v_out"
}

# verify_srpm_tarball FILE: the kernel tarball taken from a verified SRPM
# must be the one CentOS's metadata names, when it is the 1160.el7 one; a
# z-stream's tarball has no pin here and stands on the SRPM's signature.
verify_srpm_tarball() {
	if [ "$(basename "$1")" != "$SRPM_TARBALL" ]; then
		msg "$(basename "$1"): no SHA1 pinned for it; its SRPM's signature vouches for it"
		return 0
	fi
	t_got=$(sha1sum < "$1" | cut -d' ' -f1)
	[ "$t_got" = "$SRPM_TARBALL_SHA1" ] ||
		die "$(basename "$1") in the SRPM: SHA1 $t_got, CentOS's metadata gives $SRPM_TARBALL_SHA1: refused"
	msg "tarball SHA1 verified against CentOS's metadata: $t_got"
}

# The distro's x86_64 build inputs (scripts/get-distro): the 7.9 SRPM's
# own configs and kABI reference, as CentOS's rpms/kernel import of
# 3.10.0-1160.el7 holds them (tag imports/c7/kernel-3.10.0-1160.el7).
DISTRO_COMMIT=119ab26220ed0d9cfd13bdaf589552cf41d55fd1
DISTRO_URL=${MEMCG_ITER_DISTRO_URL:-https://git.centos.org/rpms/kernel/raw/$DISTRO_COMMIT/f/SOURCES}
# distro_sha256 NAME: the pinned sha256 of SOURCES/NAME.
distro_sha256() {
	case $1 in
	kernel-3.10.0-x86_64.config) echo af732f75a5af01a893dc2b67fdab087b02ae96fbfab9b62cbbfe6e4a3324863c ;;
	kernel-3.10.0-x86_64-debug.config) echo af5d5a2f8abd8348276ffd18bb5d31d09ef0247cc641af8f3c2350070a40bf62 ;;
	Module.kabi_x86_64) echo 1ee16a3927120b19b7f5de8c6e4e5fbf0b97cc081a62da3d0c06b7ad86f4cefb ;;
	*) return 1 ;;
	esac
}
DISTRO_FILES="kernel-3.10.0-x86_64.config kernel-3.10.0-x86_64-debug.config Module.kabi_x86_64"
