# The fixed kernels on a 2-node, 4-vCPU guest (qemu NUMA nodes, memory
# split between them), release and debug: smoke, churn under global
# pressure (non-hierarchical), under limit reclaim, random operations, then
# hierarchical churn under global pressure, all with memcg_iter_stress at
# 2%.  After the last churn the test-only counters must show, for each of
# the two nodes, kswapd walks (each node's kswapd walked the hierarchy) and
# positions cleared at free (each node's iterators raced with a
# destruction).  Then the mutant (the vz7 scheme, kernel/80's run) must be
# caught on the debug NUMA guest too.
#
# The per-node check is shown to fail first, on counters of a one-node
# kernel and on a node that never raced.
. "$(dirname "$0")/../lib.sh"
need_tree
N=$RACE_GROUPS
W=$RACE_CHURN
T=${NUMA_SECONDS:-60}
SEED=${RANDOM_SEED:-$(date +%s)}
# 512 MiB, as the one-node tests: the hog refills it twice as often as
# 1 GiB, and reclaim walks about five times as often.  With 1 GiB a 30 s
# churn saw 130-340 walk breaks and at times no race (3 of 8 runs failed,
# 2026-12-04); with 512 MiB 1,300-1,500 breaks a minute, 33-39 races.
VM="-c 4 --numa 2 -m 512"
D=$(mktemp -d)
trap 'rm -rf "$D"' EXIT

# node_check FILE: FILE holds the guest's output with the module's
# "nodeN_..." lines; prints one line per node and fails unless node 0 and
# node 1 both have kswapd walks and cleared positions.
node_check() {
	awk '
	$1 ~ /^node[0-9]+_(walks_kswapd|cleared)$/ && $2 ~ /^[0-9]+$/ { v[$1] = $2 }
	END {
		ok = 1
		for (n = 0; n < 2; n++) {
			w = v["node" n "_walks_kswapd"]; c = v["node" n "_cleared"]
			printf "node %d: kswapd walks %s, positions cleared at free %s\n", n, w == "" ? "none" : w, c == "" ? "none" : c
			if (w + 0 == 0 || c + 0 == 0)
				ok = 0
		}
		exit !ok
	}' "$1"
}
printf 'node0_walks_kswapd 120\nnode0_walks_direct 3\nnode0_cleared 7\n' > "$D/one-node"
printf 'node0_walks_kswapd 120\nnode0_cleared 7\nnode1_walks_kswapd 90\nnode1_cleared 0\n' > "$D/no-race"
printf 'node0_walks_kswapd 1\nnode0_cleared 2\nnode1_walks_kswapd 3\nnode1_cleared 4\n' > "$D/good"
if node_check "$D/one-node" > /dev/null || node_check "$D/no-race" > /dev/null ||
	! node_check "$D/good" > /dev/null; then
	ktap_test_fail "the per-node check: a one-node kernel or a node that never raced passed, or a good one failed"
else
	ktap_test_pass "the per-node check fails on a one-node kernel and on a node that never raced"
fi

echo "seed $SEED (rerun with RANDOM_SEED=$SEED)"
for f in release debug; do
	kbuild "$f" fixed || { ktap_test_fail "$f build"; continue; }
	rc=0
	t0=$(date +%s)
	# scripts/guest/workload numa: smoke, churn H0, limit, random,
	# churn H1, then the module's per-node counters.
	# shellcheck disable=SC2086 # VM holds guest-run options
	"$PROJ/scripts/guest-run" -f "$f" -v fixed -n "numa-$f" -t 2400 $VM -- \
		"./workload numa $T $SEED $N $W" > "$D/$f.out" 2>&1 || rc=$?
	sed 's/^/# /' "$D/$f.out"
	echo "RESULT: numa $f/fixed, 2 nodes, 4 vCPUs: $(($(date +%s) - t0)) s"
	sed -n "s/^\(# \)*RESULT: /RESULT: numa $f\/fixed /p" "$D/$f.out"
	grep -q '^nodes 0-1 cpus 0-3$' "$D/$f.out" &&
		ktap_test_pass "$f/fixed guest has nodes 0-1 and CPUs 0-3" ||
		ktap_test_fail "$f/fixed guest is not 2 nodes of 2 CPUs"
	[ "$rc" = 0 ] && ktap_test_pass "smoke, churn, limit reclaim, random on $f/fixed, 2 nodes" ||
		ktap_test_fail "smoke, churn, limit reclaim, random on $f/fixed, 2 nodes (status $rc)"
	node_check "$D/$f.out" > "$D/$f.nodes" && r=pass || r=fail
	sed "s/^/RESULT: numa $f\/fixed last churn: /" "$D/$f.nodes"
	"ktap_test_$r" "$f/fixed: both nodes' kswapds walked and raced"
done

# The mutant on the debug NUMA guest, kernel/80's run; up to RUNS runs
# until one is caught (a catch needs memory-safety evidence).
kbuild debug mutant || { ktap_test_fail "build debug/mutant"; ktap_finished; }
RUNS=${MUTANT_RUNS:-3}
MT=${MUTANT_SECONDS:-90}
# kernel/80's run: scripts/guest/workload race-window.
CMD="./workload race-window $MT"
caught=0
i=1
while [ $i -le "$RUNS" ] && [ "$caught" = 0 ]; do
	rc=0
	# shellcheck disable=SC2086 # VM holds guest-run options
	"$PROJ/scripts/guest-run" -f debug -v mutant -n "numa-mutant-$i" -t $((MT * 3 + 300)) \
		-a oops=panic $VM --console "$D/m$i.console" -- "$CMD" > /dev/null 2> "$D/m$i.err" || rc=$?
	if [ "$rc" != 0 ] && { grep -qE "$FREED_CHECK_RE" "$D/m$i.console" || freed_use "$D/m$i.console" > /dev/null; }; then
		caught=$i
		echo "run $i: caught (status $rc):"
		first_splat "$D/m$i.err"
	else
		echo "run $i: not caught (status $rc)"
	fi
	i=$((i + 1))
done
echo "RESULT: numa mutant (vz7 scheme on RHEL7), 2 nodes: caught in run $caught of $((i - 1))"
[ "$caught" != 0 ] && ktap_test_pass "mutant caught on the debug NUMA guest" ||
	ktap_test_fail "mutant not caught on the debug NUMA guest in $RUNS runs"
ktap_finished
