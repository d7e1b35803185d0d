# The use-of-freed-memcg evidence of kernel/72, 80 and 82 (freed_use in
# tests/lib.sh) is anchored on memcg code: a fault whose RIP or call trace
# is in memcg code and a SLUB report on a memcg's memory count, including
# three reports recorded from kernel/80's mutant runs on 2026-12-07 (a
# NULL dereference in mem_cgroup_zone_lruvec() on the freed memcg, a
# GPF in cgroup_next_descendant_pre(), a work item queued on freed memory
# by __css_put()); the same kind of fault in a driver, a memcg function
# far past the report, and the test-only check's own WARN do not.  The
# unanchored pattern (FREED_USE_RE alone) is shown to accept the driver
# fault, which is why it is no longer enough.
. "$(dirname "$0")/../lib.sh"
S=$(dirname "$0")/samples/freed-use
for t in gpf-descendant:52.481734 oops-iter:31.001000 slub-poison:70.100100 \
	null-lruvec:33.051677 workqueue-css-put:86.699299; do
	f=$S/${t%%:*}.log
	if got=$(freed_use "$f") && [ "$got" = "${t#*:}" ]; then
		ktap_test_pass "${t%%:*}: a use of freed memory in memcg code, at $got s"
	else
		ktap_test_fail "${t%%:*}: not found (got '$got', want ${t#*:})"
	fi
done
for t in gpf-elsewhere far-away check-warn-only; do
	if got=$(freed_use "$S/$t.log"); then
		ktap_test_fail "$t: counted as a use of a freed memcg (at $got s)"
	else
		ktap_test_pass "$t: not counted"
	fi
done
grep -qE "$FREED_USE_RE" "$S/gpf-elsewhere.log" &&
	ktap_test_pass "the unanchored pattern alone takes the driver fault (the defect the anchor closes)" ||
	ktap_test_fail "the unanchored pattern no longer matches the driver fault: sample out of date"
ktap_finished
