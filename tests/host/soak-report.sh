# scripts/soak's summary and verdict, on recorded outputs (--report-only):
# a good run passes with its figures; a guest that crashed in its
# teardown (no counters, no leak count, an Oops on the console) or died
# before the churn ended gets "?" for what it did not print, a FAIL and a
# non-zero exit, and never a shell arithmetic error; a leaked memcg or a
# kmemleak report fails a run that is otherwise good.
. "$(dirname "$0")/../lib.sh"
S=$PROJ/scripts/soak
D=$PROJ/tests/host/samples/soak
N=soak-debug-fixed-600
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

# report CASE: summarise the outputs in $T/CASE; sets rc and out.
report() {
	rc=0
	out=$("$S" --report-only -d 600 -o "$T/$1" 2>&1) || rc=$?
}
line() { echo "$out" | grep -q -- "$1"; }

cp -R "$D/good" "$T/good"
report good
if [ "$rc" = 0 ] && line "verdict               PASS" && line "races caught (churn)  60 " &&
	line "races caught per hour 360 " && line "walk breaks injected  12034" &&
	line "reclaim rounds        310" && line "leaked memcgs         0" &&
	line "races caught (all)    74 " && line "switched itself off"; then
	ktap_test_pass "good run: PASS with its figures (60 races in 600 s = 360/h)"
else
	ktap_test_fail "good run: exit $rc: $out"
fi

if command -v gnuplot >/dev/null 2>&1; then
	[ -s "$T/good/$N.png" ] && [ -s "$T/good/$N-races.png" ] &&
		grep -qx "17.51 23.9521" "$T/good/$N.races.dat" &&
		ktap_test_pass "usage and races-per-minute plots written (2 races in 5.01 s: 23.95/min)" ||
		ktap_test_fail "plots: $(ls "$T/good"); races: $(cat "$T/good/$N.races.dat" 2>/dev/null)"
fi

cp -R "$D/crash" "$T/crash"
report crash
if [ "$rc" = 1 ] && line "verdict               FAIL" && line "walk breaks injected  ?" &&
	line "reclaim rounds        ?" && line "leaked memcgs         ?" && line "kernel splats         1" &&
	line "counters              missing" && line "races caught (churn)  60 " && ! line "arithmetic"; then
	ktap_test_pass "guest crashed in its teardown: FAIL, unknown figures '?', the splat counted"
else
	ktap_test_fail "crashed run: exit $rc: $out"
fi

mkdir -p "$T/early"
head -5 "$D/crash/$N.out" > "$T/early/$N.out"
echo 124 > "$T/early/$N.rc"
: > "$T/early/$N.console"
report early
if [ "$rc" = 1 ] && line "verdict               FAIL" && line "races caught (churn)  ?" &&
	line "races caught per hour ?" && line "guest status          124" && ! line "arithmetic"; then
	ktap_test_pass "guest killed before the churn ended: FAIL, races '?'"
else
	ktap_test_fail "early end: exit $rc: $out"
fi

cp -R "$D/good" "$T/leak"
sed -i 's/, 1 after teardown/, 3 after teardown/' "$T/leak/$N.out"
report leak
[ "$rc" = 1 ] && line "leaked memcgs         2" && line "verdict               FAIL" &&
	ktap_test_pass "2 leaked memcgs: FAIL" || ktap_test_fail "leak: exit $rc: $out"

cp -R "$D/good" "$T/kmem"
sed -i 's/kmemleak disabled itself under pressure, not scanned/kmemleak scan: 3 unreferenced objects/' "$T/kmem/$N.out"
report kmem
[ "$rc" = 1 ] && line "kmemleak objects      3" && line "verdict               FAIL" &&
	ktap_test_pass "kmemleak scan with 3 objects: FAIL" || ktap_test_fail "kmemleak: exit $rc: $out"

rc=0
out=$("$S" --report-only -d 600 -o "$T/nothing" 2>&1) || rc=$?
[ "$rc" != 0 ] && line "no $T/nothing/$N.out" && ktap_test_pass "--report-only without outputs refused" ||
	ktap_test_fail "--report-only without outputs: exit $rc: $out"
ktap_finished
