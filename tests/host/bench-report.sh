# scripts/bench: the table it prints from a run's outputs (--report-only on
# a recorded slow-regime run: a baseline that completes no round under
# churn, a fixed kernel that does) and its refusal of bad options.
. "$(dirname "$0")/../lib.sh"
B=$PROJ/scripts/bench
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
# The recorded slow-regime run as run 1 of 1.
for v in baseline fixed; do
	cp "$(dirname "$0")/samples/bench/$v-slow-n4000-t30-r20.out" "$T/$v-slow-n4000-t30-r20-r1.out"
done

row() { # NAME: the row's baseline, fixed and ratio columns
	awk -v n="$1" 'index($0, n "  ") == 1 { $0 = substr($0, length(n) + 1); $1 = $1; print }' "$T/table"
}
expect_row() { # NAME EXPECTED
	got=$(row "$1")
	if [ "$got" = "$2" ]; then ktap_test_pass "$1: $2"; else ktap_test_fail "$1: '$got', expected '$2'"; fi
}

# It ran the fixed kernel's churn2 at 14.1 rmdir/s of 20: invalid.
rc=0
"$B" --regime slow --churn-rate 20 --runs 1 --report-only -o "$T" > "$T/table" 2>"$T/err" || rc=$?
if [ -s "$T/table" ]; then
	ktap_test_pass "report from recorded outputs"
	expect_row "churn: kswapd rounds/min" "0.00 [0.00-0.00] 15.00 [15.00-15.00] -"
	expect_row "churn: kswapd restarts per round" "none [none-none] 0.00 [0.00-0.00] -"
	expect_row "churn: pgsteal/min" "591 [591-591] 16961 [16961-16961] 28.70"
	grep -q '^INVALID: fixed run 1 churn2: 14.1 rmdir/s' "$T/table" &&
		ktap_test_pass "the recorded fixed run's slow churn is marked INVALID" ||
		ktap_test_fail "no INVALID line for the fixed run's churn2"
	[ "$rc" != 0 ] && ktap_test_pass "an invalid run makes bench fail (exit $rc)" ||
		ktap_test_fail "bench exited 0 with an invalid run"
	grep -q '^NOTE: baseline run 1 churn1: kswapd idle' "$T/table" &&
		ktap_test_pass "kswapd idle in churn1 is named" || ktap_test_fail "no note on kswapd idle in churn1"
	grep -q '^NOTE: baseline run 1 churn2: kswapd started no walk.*(99 restarts' "$T/table" &&
		ktap_test_pass "kswapd inside one walk in churn2 is named" || ktap_test_fail "no note on kswapd's churn2 walk"
else
	ktap_test_fail "report from recorded outputs: $(cat "$T/err")"
fi

# Three synthetic runs a kernel: medians, min-max, percentiles over all
# rmdirs of a run (churn1 holds 1..10 ms, churn2 11..100 ms: p50 50, p99
# 99; the mean of per-phase percentiles would say 30 and 77.5).
S=$T/synth
mkdir -p "$S"
gen() { # VARIANT RUN CHURN_ROUNDS CHURN2_RMDIRS KSWAPD_CHURN1_WALKS
	awk -v r="$3" -v d2="$4" -v w1="$5" 'BEGIN {
		for (p = 1; p <= 4; p++) {
			name = (p % 2) ? "quiet" int((p + 1) / 2) : "churn" int(p / 2)
			churn = !(p % 2)
			rm = churn ? (p == 4 ? d2 : 600) : 0
			w = (p == 2) ? w1 : 10
			printf "PHASE name=%s seconds=30.0 rmdirs=%d rounds=%d walks=%d walk_ends=%d restarts=0 visits=100 breaks=0 direct_rounds=1 direct_walks=2 direct_walk_ends=1 direct_restarts=0 direct_visits=5 pgscan=100 pgsteal=50 kswapd_ticks=%d rmdir_p50_ms=1 rmdir_p99_ms=1\n", name, rm, churn ? r : 5, w, w, w ? 3 : 0
			if (p == 2) { printf "RMDIR_MS phase=churn1"; for (i = 1; i <= 10; i++) printf " %d.000", i; print "" }
			if (p == 4) { printf "RMDIR_MS phase=churn2"; for (i = 11; i <= 100; i++) printf " %d.000", i; print "" }
		}
	}' > "$S/$1-plain-n10-t30-r20-r$2.out"
}
gen baseline 1 0 600 0
gen baseline 2 1 600 10
gen baseline 3 2 600 10
gen fixed 1 10 600 10
gen fixed 2 30 600 10
gen fixed 3 20 600 10
if "$B" --churn-rate 20 -n 10 --runs 3 --report-only -o "$S" > "$T/table" 2>"$T/err"; then
	ktap_test_pass "report from three runs a kernel"
	expect_row "churn: kswapd rounds/min" "2.00 [0.00-4.00] 40.00 [20.00-60.00] 20.00"
	expect_row "churn: rmdir p50 ms (all churn rmdirs)" "50.00 [50.00-50.00] 50.00 [50.00-50.00] 1.00"
	expect_row "churn: rmdir p99 ms (all churn rmdirs)" "99.00 [99.00-99.00] 99.00 [99.00-99.00] 1.00"
	grep -q '^NOTE: baseline run 1 churn1: kswapd idle' "$T/table" &&
		ktap_test_pass "an idle kswapd is named" || ktap_test_fail "no note on baseline run 1's idle kswapd"
else
	ktap_test_fail "report from three runs: $(cat "$T/err" "$T/table")"
fi
# The same with fixed run 2's churn2 at 500 rmdirs in 30 s (16.7/s of 20).
gen fixed 2 30 500 10
rc=0
"$B" --churn-rate 20 -n 10 --runs 3 --report-only -o "$S" > "$T/table" 2>"$T/err" || rc=$?
[ "$rc" != 0 ] && grep -q '^INVALID: fixed run 2 churn2: 16.7 rmdir/s' "$T/table" &&
	ktap_test_pass "a churn phase below 95% of the rate is INVALID and fails the run" ||
	ktap_test_fail "slow churn not flagged (exit $rc): $(grep INVALID "$T/table")"

# The seed's scheme as a third kernel (--kernels baseline,fixed,mutant):
# its column and the fixed/seed ratio; its run 2 crashed after two phases
# (quiet1, churn1: one churn phase of 30 s), which counts for what it
# completed, is noted, and whose status is reported.
gen fixed 2 30 600 10
gen mutant 1 20 600 10
gen mutant 2 30 600 10
sed -i '/name=quiet2/,$d' "$S/mutant-plain-n10-t30-r20-r2.out"
echo 123 > "$S/mutant-plain-n10-t30-r20-r2.out.rc"
gen mutant 3 10 600 10
rc=0
"$B" --churn-rate 20 -n 10 --runs 3 --kernels baseline,fixed,mutant --report-only -o "$S" > "$T/table" 2>"$T/err" || rc=$?
sed 's/^/# /' "$T/table"
if [ "$rc" = 0 ] && grep -qE '^metric +baseline +fixed +seed scheme +fixed/base +fixed/seed$' "$T/table"; then
	ktap_test_pass "three kernels: a seed-scheme column and a fixed/seed ratio"
else
	ktap_test_fail "three kernels: status $rc, $(cat "$T/err")"
fi
expect_row "churn: kswapd rounds/min" "2.00 [0.00-4.00] 40.00 [20.00-60.00] 40.00 [20.00-60.00] 20.00 1.00"
grep -q '^NOTE: mutant-plain-n10-t30-r20-r2: 2 of 4 phases completed' "$T/table" &&
	grep -q '^CRASH: mutant-plain-n10-t30-r20-r2: the guest ended with status 123' "$T/table" &&
	grep -q '^seed scheme: .*UNSAFE.*speed only' "$T/table" &&
	ktap_test_pass "the crashed mutant run: noted, its status reported, the scheme said to be unsafe" ||
	ktap_test_fail "the crashed mutant run is not reported"

. "$(dirname "$0")/refuse.inc"
ktap_expect_error "--kernels without fixed refused" "must include fixed" "$B" --kernels baseline,mutant --report-only -o "$T"
ktap_expect_error "--kernels with an unknown kernel refused" "'nosuch' is none of" "$B" --kernels fixed,nosuch --report-only -o "$T"
ktap_expect_error "--kernels fixed alone refused" "at least one of baseline, mutant" "$B" --kernels fixed --report-only -o "$T"
ktap_expect_error "an unknown regime refused" "regime must be plain, slow or swap" "$B" --regime fast --report-only -o "$T"
ktap_expect_error "a churn rate over 1000 refused" "churn-rate must be 0-1000" "$B" --churn-rate 1001 --report-only -o "$T"
ktap_expect_error "a non-numeric churn rate refused" "numeric option expected" "$B" --churn-rate x --report-only -o "$T"
ktap_expect_error "a report without outputs refused" "no recorded baseline run" "$B" --regime plain --report-only -o "$T"
ktap_expect_error "a report with fewer runs than asked refused" "no recorded baseline run 4" "$B" --churn-rate 20 -n 10 --runs 4 --report-only -o "$S"
ktap_expect_error "-n 0 refused" "groups must be 1-99999" "$B" -n 0 --report-only -o "$T"
ktap_expect_error "-t 0 refused" "phase must be at least 1 second" "$B" -t 0 --report-only -o "$T"
ktap_expect_error "-c 0 refused" "cpus must be 1 or 2" "$B" -c 0 --report-only -o "$T"
ktap_expect_error "--runs 0 refused" "runs must be 1-20" "$B" --runs 0 --report-only -o "$T"
ktap_expect_error "--swap-iops 0 in the swap regime refused" "swap-iops must be at least 1" "$B" --regime swap --swap-iops 0 --report-only -o "$T"
ktap_expect_error "--slow-ms 0 in the slow regime refused" "slow-ms must be 1-1000" "$B" --regime slow --slow-ms 0 --report-only -o "$T"
ktap_finished
