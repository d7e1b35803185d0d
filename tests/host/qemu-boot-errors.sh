# scripts/qemu-boot refuses a NUMA layout it cannot build, before qemu
# starts: --numa 0, a node count the CPUs or the memory do not divide
# by, a non-numeric count.  The one valid layout is covered by
# kernel/72 (a 2-node guest boots with nodes 0-1 and CPUs 0-3).
. "$(dirname "$0")/../lib.sh"
Q=$PROJ/scripts/qemu-boot
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
: > "$T/bzImage"
: > "$T/initrd"
set -- -k "$T/bzImage" -i "$T/initrd" -l "$T/log"
ktap_expect_error "--numa 0 refused" "at least one node" "$Q" "$@" --numa 0
ktap_expect_error "--numa 3 with 4 CPUs refused" "4 CPUs do not split into 3 nodes" "$Q" "$@" -c 4 --numa 3
ktap_expect_error "--numa 4 with 2 CPUs refused" "2 CPUs do not split into 4 nodes" "$Q" "$@" -c 2 --numa 4
ktap_expect_error "--numa 2 with 1023 MB refused" "1023 MB do not split into 2 nodes" "$Q" "$@" -c 2 -m 1023 --numa 2
ktap_expect_error "--numa two refused" "numeric option expected, got 'two'" "$Q" "$@" --numa two
[ ! -s "$T/log" ] && ktap_test_pass "no guest started" || ktap_test_fail "a console log was written"
ktap_finished
