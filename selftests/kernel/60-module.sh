# memcg_iter_stress.ko in a debug/fixed guest: parameter validation at
# load and run time, counters, injection rate under reclaim, global-only
# switch, 100 load/unload cycles under reclaim; clean console.
. "$(dirname "$0")/../lib.sh"
need_tree
kbuild debug fixed || { fail "build"; finish; }
"$PROJ/scripts/vm-test" -f debug -v fixed -n module -t 1800 -- ./run_tests.sh test_module.sh &&
	pass "module tests" || fail "module tests"
finish
