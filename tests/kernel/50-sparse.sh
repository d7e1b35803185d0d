# sparse finds no __rcu / address-space problem in mm/memcontrol.c of the
# fixed kernel.
. "$(dirname "$0")/../lib.sh"
need_tree
command -v sparse >/dev/null || ktap_skip_all "sparse not installed (make deps)"
# C=2: check the files whether or not they need recompiling.
"$PROJ/scripts/build" -f release -v fixed \
	--make "C=2 CF=-D__CHECK_ENDIAN__ mm/memcontrol.o mm/vmscan.o mm/memcg_iter_test.o" \
	> "$CACHE/test-logs/sparse.out" 2>&1 || { cat "$CACHE/test-logs/sparse.out"; ktap_test_fail "make C=2"; ktap_finished; }
grep -E '^.*(memcontrol|vmscan|memcg_iter_test)\.c:[0-9]+:[0-9]+: (warning|error)' "$CACHE/test-logs/sparse.out"
n_all=$(grep -cE '(memcontrol|vmscan|memcg_iter_test)\.c:[0-9]+:[0-9]+: (warning|error)' "$CACHE/test-logs/sparse.out" || true)
grep -E '(memcontrol|vmscan|memcg_iter_test)\.c:[0-9]+:[0-9]+: .*(address space|__rcu|incompatible types)' \
	"$CACHE/test-logs/sparse.out" > "$CACHE/test-logs/sparse.rcu" || true
echo "RESULT: sparse: $n_all warnings in memcontrol.c/vmscan.c/memcg_iter_test.c, $(wc -l < "$CACHE/test-logs/sparse.rcu") about address spaces"
if [ -s "$CACHE/test-logs/sparse.rcu" ]; then
	cat "$CACHE/test-logs/sparse.rcu"
	ktap_test_fail "sparse address-space warnings"
else
	ktap_test_pass "no __rcu/address-space warnings"
fi
grep -q 'CHECK.*mm/memcontrol.c' "$CACHE/test-logs/sparse.out" && ktap_test_pass "sparse ran on mm/memcontrol.c" ||
	ktap_test_fail "sparse did not run"
ktap_finished
