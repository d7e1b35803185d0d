#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# memcg_iter_stress.ko: parameters are validated at load time and at run
# time, the counters work, breaks are injected at the configured rate
# under real reclaim, and the module survives load/unload under load.
cd "$(dirname "$0")" || exit 1
. ./lib.sh
KO=$STRESS_KO
ktap_print_header
[ -n "$KO" ] && [ -f "$KO" ] ||
	ktap_skip_all "no memcg_iter_stress.ko (here or installed for $(uname -r))"
[ -n "$MEMCG" ] || ktap_skip_all "no memory cgroup hierarchy"

loaded() { grep -q '^memcg_iter_stress ' /proc/modules; }
unload() { i=0; while loaded && [ $i -lt 50 ]; do rmmod memcg_iter_stress 2>/dev/null || usleep 100000; i=$((i + 1)); done; ! loaded; }

# Load-time validation.
for bad in probability=101 probability=abc probability=-1 slow_ms=10001 \
	   window_us=10001 window_probability=200 global_only=maybe seed=xyz; do
	# -EINVAL from the parameter's setter; busybox insmod prints its
	# strerror().  Any other failure (no memory, a missing symbol) is
	# not a refusal of the value.
	ktap_expect_error "insmod $bad refused with EINVAL" "Invalid argument" insmod "$KO" "$bad"
	! loaded || unload
done

ktap_test_result "insmod with defaults" insmod "$KO"
ktap_test_result "probability defaults to 2" [ "$(cat "$STRESS/parameters/probability")" = 2 ]
ktap_test_result "global_only defaults to Y" [ "$(cat "$STRESS/parameters/global_only")" = Y ]

# Run-time validation: a bad write fails and keeps the old value.
for pv in probability:101 probability:abc probability:"" probability:-3 slow_ms:99999 \
	  slow_every:abc window_us:10001 window_probability:101 global_only:2 seed:abc; do
	p=${pv%%:*} v=${pv#*:}
	old=$(cat "$STRESS/parameters/$p")
	ktap_expect_error "write '$v' to $p refused" "" sh -c "echo '$v' > $STRESS/parameters/$p"
	ktap_test_result "$p kept $old" [ "$(cat "$STRESS/parameters/$p")" = "$old" ]
done
echo 5 > "$STRESS/parameters/probability"
ktap_test_result "write 5 to probability" [ "$(cat "$STRESS/parameters/probability")" = 5 ]
echo 2 > "$STRESS/parameters/probability"

# Counters.
for kind in kswapd direct limit; do
	for e in walks walk_ends visits breaks rounds round_lost drop_dying drop_invalid; do
		ktap_test_result "stats has ${kind}_$e" [ -n "$(stat ${kind}_$e)" ]
	done
done
for k in hook_calls breaks_injected cleared freed_in_use max_walk_visits; do
	ktap_test_result "stats has $k" [ -n "$(stat $k)" ]
done
ktap_expect_error "reset refuses 2" "" sh -c "echo 2 > $DBG/reset"
ktap_expect_error "reset refuses 1junk" "" sh -c "echo 1junk > $DBG/reset"
ktap_test_result "reset accepts 1" sh -c "echo 1 > $DBG/reset"

# Injection rate under global reclaim: 200 memcgs with page cache, a hog.
top=$MEMCG/stress_rate
mkdir -p "$top"
i=0
while [ $i -lt 200 ]; do
	mkdir -p "$top/g$i"
	sh -c "echo \$\$ > $top/g$i/tasks; dd if=/dev/zero of=/tmp/rate$i bs=4k count=16 2>/dev/null"
	i=$((i + 1))
done
echo 1 > "$DBG/reset"
./memhog -m 0 -t 20
sleep 2	# let kswapd finish so the counters are read at rest
calls=$(stat hook_calls)
breaks=$(stat breaks_injected)
kbreaks=$(($(stat kswapd_breaks) + $(stat direct_breaks) + $(stat limit_breaks)))
ktap_print_msg "hook calls $calls, breaks injected $breaks (kernel counted $kbreaks), p = 2%"
ktap_test_result "reclaim called the hook (>= 1000 calls)" [ "$calls" -ge 1000 ]
# Binomial(calls, 0.02): accept |breaks - 0.02 calls| <= 5 sd + 2.
# (busybox awk has no sqrt: compare squares, |d| - 2 <= 5 sd.)
ktap_test_result "breaks within 5 sigma of 2% of calls" awk -v n="$calls" -v b="$breaks" \
	'BEGIN { d = b - n * 0.02; if (d < 0) d = -d; d -= 2; exit !(d <= 0 || d * d <= 25 * n * 0.02 * 0.98) }'
# Read one after the other while reclaim may still trickle on: allow 1%.
ktap_test_result "kernel and module agree on breaks" awk -v a="$breaks" -v b="$kbreaks" \
	'BEGIN { d = a - b; if (d < 0) d = -d; exit !(d <= a / 100 + 1) }'
ktap_test_result "walks were counted" [ "$(($(stat kswapd_walks) + $(stat direct_walks)))" -gt 0 ]

# Global-only: limit reclaim in a small group must not be broken.
echo 1 > "$DBG/reset"
mkdir -p "$top/limited"
echo 4M > "$top/limited/memory.limit_in_bytes"
sh -c "echo \$\$ > $top/limited/tasks; dd if=/dev/zero of=/tmp/limited bs=64k count=256 2>/dev/null"
# Only meaningful if limit reclaim ran and reached the hook.
ktap_test_result "the 4M limit was hit ($(cat "$top/limited/memory.failcnt") times)" [ "$(cat "$top/limited/memory.failcnt")" -gt 0 ]
ktap_test_result "limit reclaim called the hook ($(stat hook_calls) calls)" [ "$(stat hook_calls)" -gt 0 ]
ktap_test_result "no break injected in limit reclaim" [ "$(stat breaks_injected)" = 0 ]
ktap_test_result "limit reclaim walks counted as limit ($(stat limit_walks))" [ "$(stat limit_walks)" -gt 0 ]
rm -f /tmp/limited

# 100 load/unload cycles while a hog keeps reclaim running.
ktap_test_result "unload the module" unload
./memhog -m 0 -t 600 &
hog=$!
sleep 1
n=0 bad=0 called=0
while [ $n -lt 100 ]; do
	if ! err=$(insmod "$KO" probability=50 2>&1); then
		bad=$((bad + 1)); ktap_print_msg "cycle $n: insmod: $err"
	fi
	usleep 20000
	# The module's own count: reclaim ran through it while loaded.
	[ "$(stat hook_calls)" -gt 0 ] 2>/dev/null && called=$((called + 1))
	unload || { bad=$((bad + 1)); ktap_print_msg "cycle $n: still loaded after 5 s of rmmod"; }
	n=$((n + 1))
done
kill $hog 2>/dev/null; wait $hog 2>/dev/null
ktap_print_msg "100 load/unload cycles under reclaim, $bad failures, hook called in $called"
ktap_test_result "100 load/unload cycles under reclaim" [ "$bad" = 0 ]
# Unloading under reclaim is only tested if reclaim was in the module.
ktap_test_result "the hook was called while loaded (in $called of 100 cycles, >= 10)" [ "$called" -ge 10 ]
insmod "$KO" 2>/dev/null

i=0
while [ $i -lt 200 ]; do rmdir "$top/g$i"; rm -f /tmp/rate$i; i=$((i + 1)); done
rmdir "$top/limited" "$top"
unload
ktap_finished
