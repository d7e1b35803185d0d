# The console scanner passes clean logs (a boot; an LTP run with its TINFO
# lines and a memcg OOM kill) and flags every kind of splat it knows
# (scripts/lib/console-splats.txt): each kind has a sample, in the format
# 3.10 prints it, that the scanner flags with that kind.  As the first
# matching kind names a splat, a kind whose pattern stopped matching gets
# its sample labelled with another kind (a soft lockup as BUG), and fails.
. "$(dirname "$0")/../lib.sh"
S=$PROJ/scripts/scan-console
D=$PROJ/tests/host/samples
KINDS=$PROJ/scripts/lib/console-splats.txt

for f in "$D"/clean*.log; do
	if "$S" -q "$f"; then ktap_test_pass "$(basename "$f") passes"; else ktap_test_fail "$(basename "$f") flagged"; fi
done

# sample: the kind it must be flagged as.
SAMPLES='softlockup.log: soft lockup
hardlockup.log: hard lockup
hungtask.log: hung task
rcustall.log: RCU stall
lockdep.log: lockdep recursion
rcu.log: suspicious RCU usage
lockdep-circular.log: lockdep report
slub-poison.log: SLUB poison
redzone.log: SLUB red zone
slub-doublefree.log: SLUB double free
slub-freepointer.log: SLUB free pointer
kmemleak.log: kmemleak
odebug.log: debugobjects
listcorrupt.log: list corruption
gpf.log: general protection fault
bug-null.log: bad address
kernelbug.log: kernel BUG
invalidop.log: invalid opcode
doublefault.log: double fault
stackprot.log: stack protector
badpage.log: bad page
oops.log: Oops
panic.log: panic
warn.log: WARNING
bug-atomic.log: BUG
info-nonstatic.log: INFO'
while IFS= read -r line; do
	f=${line%%: *} kind=${line#*: }
	rc=0
	out=$("$S" "$D/$f") || rc=$?
	got=$(echo "$out" | sed -n 's/^--- splat 1 (line [0-9]*: \(.*\)) ---$/\1/p')
	if [ "$rc" = 1 ] && [ "$got" = "$kind" ]; then
		ktap_test_pass "$f flagged as $kind"
	else
		ktap_test_fail "$f: exit $rc, first splat labelled '${got:-none}', want '$kind'"
	fi
done <<EOF
$SAMPLES
EOF

# Every kind the scanner knows has its sample, every sample file is used.
sed -n 's/^\([^#][^:]*\): .*/\1/p' "$KINDS" | while IFS= read -r kind; do
	echo "$SAMPLES" | grep -qx "[^:]*: $kind" || echo "$kind"
done > "${TMPDIR:-/tmp}/scan-kinds.$$"
if [ -s "${TMPDIR:-/tmp}/scan-kinds.$$" ]; then
	ktap_test_fail "kinds without a sample: $(tr '\n' ',' < "${TMPDIR:-/tmp}/scan-kinds.$$")"
else
	ktap_test_pass "every kind in console-splats.txt has a sample"
fi
rm -f "${TMPDIR:-/tmp}/scan-kinds.$$"
for f in "$D"/*.log; do
	b=$(basename "$f")
	case $b in clean*) continue ;; esac
	echo "$SAMPLES" | grep -q "^$b: " || ktap_test_fail "sample $b is not in the table"
done

# The splat is quoted, not just counted.
"$S" "$D/warn.log" | grep -q 'deliberate WARN' && ktap_test_pass "WARN quoted" || ktap_test_fail "WARN text not quoted"
rc=0; "$S" /nonexistent.log >/dev/null 2>&1 || rc=$?
[ "$rc" = 2 ] && ktap_test_pass "unreadable log is an error" || ktap_test_fail "unreadable log gave $rc"
ktap_finished
