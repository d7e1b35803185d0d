# shims.sh: sourced by tests/ltp/run-memcg before an LTP shell test, in
# the same shell.  The shim programs (shim/: ps -p, find -delete) come
# first in PATH, which covers what LTP runs through exec (ROD, tst_rod);
# but busybox sh runs its own applets before it looks at PATH, so the
# script's own "ps -p" or "find -delete" needs these functions.
ps() {
	"$LTPROOT/shim/ps" "$@"
}

find() {
	"$LTPROOT/shim/find" "$@"
}
