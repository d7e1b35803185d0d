# memcg_iter_stress.ko in a debug/fixed guest: parameter validation at
# load and run time, counters, injection rate under reclaim, global-only
# switch, 100 load/unload cycles under reclaim; clean console.
. "$(dirname "$0")/../lib.sh"
need_tree
kbuild debug fixed || { ktap_test_fail "build"; ktap_finished; }
"$PROJ/scripts/guest-run" -f debug -v fixed -n module -t 1800 -- ./ksft_runner.sh test_module.sh &&
	ktap_test_pass "module tests" || ktap_test_fail "module tests"
ktap_finished
