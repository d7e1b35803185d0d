# make mutants (scripts/mutants) without a guest: every mutant of the
# catalogue applies on top of the fixed variant, in one scratch tree, each
# switch rewriting only mm/memcontrol.c (a small tree: the files the
# patches touch, from the cached pristine tree); and the table from
# recorded runs (--report-only, a synthetic catalogue): a WARN of the
# freed-memcg check, a use in memcg code, a splat and a failed test count
# as caught, with the time from the workload's start; a safety mutant no
# workload caught, a flagged or missing control fail the run; a cost
# mutant not caught does not.
. "$(dirname "$0")/../lib.sh"
M=$PROJ/scripts/mutants
T=$(mktemp -d)
trap 'chmod -R u+w "$T" 2>/dev/null; rm -rf "$T"' EXIT

# --- the catalogue's patches apply, in one tree -----------------------
if has_pristine; then
	mkdir -p "$T/cache/pristine"
	# shellcheck disable=SC2046 # a list of paths without blanks
	(cd "$PRISTINE" && sed -n 's|^diff --git a/\([^ ]*\) b/.*|\1|p' \
		$(find "$PROJ/patches" -name '*.patch') | sort -u |
		while read -r f; do [ ! -f "$f" ] || echo "$f"; done |
		tar -c -T - Makefile .memcg-iter-pristine) | tar -x -C "$T/cache/pristine"
	n=0 bad='' dirs=''
	for m in $("$M" --list | awk '{ print $1 }'); do
		n=$((n + 1))
		v=$("$M" -o "$T/out" --series "$m") || { bad="$bad $m(series)"; continue; }
		if src=$(MEMCG_ITER_CACHE=$T/cache CCACHE_DISABLE=1 "$PROJ/scripts/build" -f debug -v "$v" --print-src 2>"$T/err"); then
			case " $dirs " in *" $(basename "$src") "*) ;; *) dirs="$dirs $(basename "$src")" ;; esac
			git -C "$src" log --format=%s | grep -q 'MUTANT' || bad="$bad $m(no-mutant-patch)"
		else
			bad="$bad $m($(tail -1 "$T/err"))"
		fi
	done
	[ -z "$bad" ] && [ "$n" -ge 13 ] && ktap_test_pass "$n mutants apply on the fixed variant's patches" ||
		ktap_test_fail "mutants that do not apply:$bad ($n listed)"
	# The catalogue's patches share one tree; the variants their own.
	[ "$(echo "$dirs" | wc -w)" = 3 ] && echo "$dirs" | grep -q 'custom-mutant.series' &&
		ktap_test_pass "the catalogue's patches build in one scratch tree ($dirs)" ||
		ktap_test_fail "scratch trees: $dirs"
else
	ktap_test_skip "no kernel tree in $PRISTINE: the catalogue's patches not applied"
fi

# --- the table from recorded runs -------------------------------------
O=$T/rec
mkdir -p "$O"
cat > "$T/catalogue" <<'EOC'
warned    fixed  safety  caught by the check's WARN
used      fixed  safety  caught by a use in memcg code
splatted  fixed  safety  caught by a splat
failed    fixed  safety  caught by a failed test
missed    fixed  safety  caught by nothing
cheap     fixed  cost    caught by nothing, and that is fine
EOC
echo "7 60" > "$O/params"
# rec NAME WORKLOAD RC [CONSOLE-LINE...]: a recorded run.
rec() {
	b=$O/$1-$2
	echo "$3" > "$b.rc"
	echo 100 > "$b.secs"
	shift 3
	{ echo "[   10.000000] memcg-iter: workload churn starts"; for l; do echo "$l"; done; } > "$b.console"
	: > "$b.err"
}
for w in churn churn-limit online numa random smoke race-window; do rec fixed "$w" 0; done
rec warned churn 2 "[   52.500000] WARNING: at mm/memcontrol.c:6300 mem_cgroup_iter_test_freed+0x90/0xa0()" \
	"[   52.500001] memcg ffff88001 freed while an iterator of ffff88002 points at it"
rec used churn 123 "[   31.000000] general protection fault: 0000 [#1] SMP" \
	"[   31.000001] RIP: 0010:[<ffffffff811c1e2a>]  [<ffffffff811c1e2a>] mem_cgroup_iter+0x12a/0x2e0"
rec splatted churn 2
echo "--- splat 1 (line 5: suspicious RCU usage) ---" > "$O/splatted-churn.err"
rec failed churn 1
for w in churn churn-limit online numa random smoke race-window; do rec missed "$w" 0; rec cheap "$w" 0; done
rc=0
"$M" --catalogue "$T/catalogue" -o "$O" --report-only > "$T/table" 2>&1 || rc=$?
sed 's/^/# /' "$T/table"
row() { awk -v n="$1" '$1 == n { $1 = ""; sub(/^ /, ""); print; exit }' "$T/table"; }
check_row() {
	if row "$1" | grep -qE "$2"; then
		ktap_test_pass "$1: $3"
	else
		ktap_test_fail "$1: '$(row "$1")', expected /$2/"
	fi
}
check_row warned '^safety +yes +check +churn +42s ' "the check's WARN, 42 s into the workload"
check_row used '^safety +yes +use +churn +21s ' "a GPF in mem_cgroup_iter, 21 s into the workload"
check_row splatted '^safety +yes +splat:suspicious_RCU_usage +churn ' "a splat, by its kind"
check_row failed '^safety +yes +fail:1 +churn ' "a failed test, by its status"
check_row missed '^safety +no +- ' "not caught, every workload run"
check_row fixed '^control +no ' "the control, clean"
[ "$rc" = 1 ] && ktap_test_pass "a safety mutant not caught fails the run" ||
	ktap_test_fail "a safety mutant not caught: status $rc"

# Without the missed one the run passes (the cost mutant is allowed).
sed -i '/^missed/d' "$T/catalogue"
rc=0
"$M" --catalogue "$T/catalogue" -o "$O" --report-only > /dev/null 2>&1 || rc=$?
[ "$rc" = 0 ] && ktap_test_pass "every safety mutant caught, the cost one not: passes" ||
	ktap_test_fail "every safety mutant caught: status $rc"
# A control a workload flagged, or none at all, fails it.
rec fixed random 2 "[   20.000000] memcg ffff88001 freed while an iterator of ffff88002 points at it"
rc=0
"$M" --catalogue "$T/catalogue" -o "$O" --report-only > "$T/table" 2>&1 || rc=$?
[ "$rc" = 1 ] && grep -q '^CONTROL FLAGGED: the fixed kernel in workload random' "$T/table" &&
	ktap_test_pass "a flagged control fails the run, named" || ktap_test_fail "a flagged control: status $rc"
rm -f "$O"/fixed-*
rc=0
"$M" --catalogue "$T/catalogue" -o "$O" --report-only > "$T/table" 2>&1 || rc=$?
[ "$rc" = 1 ] && grep -q '^CONTROL MISSING' "$T/table" &&
	ktap_test_pass "no control run fails the run" || ktap_test_fail "no control: status $rc"

printf 'x  nosuch  safety  a kernel that is no variant\n' > "$T/bad"
ktap_expect_error "a catalogue naming no variant: refused" "'nosuch' is not a variant" "$M" --catalogue "$T/bad" --list
printf 'x  fixed  sometimes  a kind that is neither\n' > "$T/bad"
ktap_expect_error "a kind that is neither safety nor cost: refused" "neither safety nor cost" "$M" --catalogue "$T/bad" --list
ktap_expect_error "--seconds 0 refused" "positive number" "$M" -t 0 --list
ktap_finished
