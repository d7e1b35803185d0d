# Shared helpers for the memcg-iter scripts (POSIX sh).  Sourced, not run.
#
# Every script sources this file first; it sets PROJ (the repository root)
# and CACHE (the project's cache directory outside the repository).

PROG=${0##*/}
# Scripts live in scripts/; selftests/lib.sh, whose callers sit one level
# deeper, says where the root is.
PROJ=${MEMCG_ITER_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}

# The cache holds the pristine tree, patched scratch trees, build
# directories and guest images.  Override with MEMCG_ITER_CACHE.
CACHE=${MEMCG_ITER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/memcg-iter}
PRISTINE=$CACHE/pristine

die() {
	printf '%s: error: %s\n' "$PROG" "$*" >&2
	exit 1
}

msg() {
	printf '%s: %s\n' "$PROG" "$*" >&2
}

# need_tool TOOL [DEBIAN_PACKAGE]
need_tool() {
	command -v "$1" >/dev/null 2>&1 ||
		die "'$1' not found; install it (apt-get install ${2:-$1})"
}

# now_s: seconds since the epoch, for elapsed-time reports.
now_s() {
	date +%s
}

# has_pristine: true when a verified pristine tree is in the cache.
has_pristine() {
	[ -f "$PRISTINE/.memcg-iter-pristine" ] && [ -f "$PRISTINE/Makefile" ]
}

# The compiler this 3.10 tree needs with Debian 12's gcc (PIE off), through
# ccache when it is installed; HOSTCFLAGS lets the relocs host tool link
# with gcc >= 10 (-fno-common default).  See README, "Toolchain".
if command -v ccache >/dev/null 2>&1; then
	KCC="ccache gcc -fno-PIE"
else
	KCC="gcc -fno-PIE"
fi
KHOSTCFLAGS="-fcommon -O2"
