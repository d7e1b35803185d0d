# The fixed kernel (fix series + test-only instrumentation) builds in the
# release and debug flavours, with the stress module warning-free (W=1).
. "$(dirname "$0")/../lib.sh"
need_tree
for f in release debug; do
	kbuild "$f" fixed && pass "$f/fixed builds" || fail "$f/fixed build failed"
done
finish
