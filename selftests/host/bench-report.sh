# scripts/bench: the table it prints from a run's outputs (--report-only on
# a recorded slow-regime run: a baseline that completes no round under
# churn, a fixed kernel that does) and its refusal of bad options.
. "$(dirname "$0")/../lib.sh"
B=$PROJ/scripts/bench
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cp "$(dirname "$0")/samples/bench/"*.out "$T/"

row() { # NAME: the row's baseline, fixed and ratio columns
	awk -v n="$1" 'index($0, n "  ") == 1 { $0 = substr($0, length(n) + 1); $1 = $1; print }' "$T/table"
}
expect_row() { # NAME EXPECTED
	got=$(row "$1")
	if [ "$got" = "$2" ]; then pass "$1: $2"; else fail "$1: '$got', expected '$2'"; fi
}

if "$B" --regime slow --churn-rate 20 --report-only -o "$T" > "$T/table" 2>"$T/err"; then
	pass "report from recorded outputs"
	expect_row "quiet: kswapd rounds/min" "14.0 14.0 1.00"
	expect_row "churn: kswapd rounds/min" "0.0 15.0 -"
	expect_row "churn: kswapd restarts per round" "none 0.00 -"
	expect_row "churn: kswapd restarts/min" "99.0 0.0 0.00"
	expect_row "churn: direct reclaim rounds/min" "0.0 25.0 -"
	expect_row "churn: pgsteal/min" "591 16961 28.70"
	expect_row "churn: rmdir/s" "20.0 17.1 0.86"
else
	fail "report from recorded outputs: $(cat "$T/err")"
fi

expect_error() { # WHAT PATTERN ARGS...
	what=$1 pat=$2
	shift 2
	rc=0
	out=$("$B" "$@" 2>&1) || rc=$?
	if [ "$rc" != 0 ] && echo "$out" | grep -q -- "$pat"; then
		pass "$what refused"
	else
		fail "$what: exit $rc, output: $out"
	fi
}
expect_error "an unknown regime" "regime must be plain or slow" --regime fast --report-only -o "$T"
expect_error "a churn rate over 1000" "churn-rate must be 0-1000" --churn-rate 1001 --report-only -o "$T"
expect_error "a non-numeric churn rate" "numeric option expected" --churn-rate x --report-only -o "$T"
expect_error "a report without outputs" "no recorded baseline run" --regime plain --report-only -o "$T"
finish
