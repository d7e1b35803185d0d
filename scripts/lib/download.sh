# Pinned downloads: what get-tree and get-ltp fetch when no source is
# given.  Sourced after common.sh.  Each default is a URL and the sha256
# of the file it must deliver; a download is kept only when its sha256 is
# the pinned one.  MEMCG_ITER_SRPM_URL / _SHA256 and MEMCG_ITER_LTP_URL /
# _SHA256 override them (a mirror, a file:// copy, a test).
#
# The two hashes are not pinned yet: the machine this project is developed
# on has no internet access, and a hash copied from anywhere but the file
# itself would pin nothing.  Until they are, the default download refuses
# and names the variables to set; giving SOURCE= / LTP= works as before.
SRPM_URL=${MEMCG_ITER_SRPM_URL:-https://vault.centos.org/7.9.2009/os/Source/SPackages/kernel-3.10.0-1160.el7.src.rpm}
SRPM_SHA256=${MEMCG_ITER_SRPM_SHA256:-}
LTP_URL=${MEMCG_ITER_LTP_URL:-https://github.com/linux-test-project/ltp/releases/download/20240129/ltp-full-20240129.tar.xz}
LTP_SHA256=${MEMCG_ITER_LTP_SHA256:-}

# need_pin URL SHA256 VAR: refuse, before anything is made, a download
# without a well-formed pinned sha256.  VAR names the variables that
# override the pin (VAR_URL, VAR_SHA256), for the messages.
need_pin() {
	[ -n "$2" ] ||
		die "no sha256 is pinned for $1 in this version of the project; check the file's hash yourself and set ${3}_SHA256, or give the source explicitly"
	case $2 in
	*[!0-9a-f]*) die "${3}_SHA256: not a sha256 (64 hex digits): $2" ;;
	esac
	[ "${#2}" = 64 ] || die "${3}_SHA256: not a sha256 (64 hex digits): $2"
	need_tool curl
}

# download URL SHA256 DEST VAR: fetch URL into DEST (a path in the
# caller's scratch directory, removed on failure) and check its sha256.
download() {
	d_url=$1 d_sum=$2 d_dest=$3 d_var=$4
	need_pin "$d_url" "$d_sum" "$d_var"
	msg "downloading $d_url"
	curl -fsSL --retry 2 -o "$d_dest" "$d_url" || {
		rm -f "$d_dest"
		die "$d_url: download failed (offline? give the source explicitly, or set ${d_var}_URL to a copy)"
	}
	d_got=$(sha256sum < "$d_dest" | cut -d' ' -f1)
	if [ "$d_got" != "$d_sum" ]; then
		rm -f "$d_dest"
		die "$d_url: sha256 is $d_got, the pinned one is $d_sum: refused"
	fi
	msg "sha256 verified: $d_sum"
}
