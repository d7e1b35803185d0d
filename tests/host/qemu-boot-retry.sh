# scripts/qemu-boot boots again, once, when qemu itself dies of a signal
# before the guest reaches user space (qemu 7.2's msix_table_mmio_write
# assertion during PCI probing ended a kernel/25 guest after 2 s, and a
# SIGSEGV at the same point a kernel/26 guest, both on 2026-12-07), and
# only then: a second death, one after the guest's init started, qemu
# ended by another signal, and a guest's own failure are reported as they
# are.  A stand-in qemu-system-x86_64 on PATH plays each case.
. "$(dirname "$0")/../lib.sh"
Q=$PROJ/scripts/qemu-boot
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
: > "$T/bzImage"
: > "$T/initrd"
mkdir "$T/bin"
# The stand-in: dies of SIG (ABRT: qemu's assertion text on stderr first;
# SEGV: silently) on its first ABORTS runs, after writing the guest's
# first line when LATE=1; then boots: the guest's banner and the
# payload's status STATUS.
cat > "$T/bin/qemu-system-x86_64" <<'EOS'
#!/bin/sh
for a; do case $a in file:*) log=${a#file:} ;; esac; done
n=$(cat "$STATE" 2>/dev/null || echo 0)
echo $((n + 1)) > "$STATE"
if [ "$n" -lt "$ABORTS" ]; then
	[ "$LATE" = 0 ] || echo "memcg-iter guest: kernel fake" >> "$log"
	[ "$SIG" != ABRT ] ||
		echo "qemu-system-x86_64: ../../hw/pci/msix.c:218: msix_table_mmio_write: Assertion \`addr + size <= dev->msix_entries_nr * PCI_MSIX_ENTRY_SIZE' failed." >&2
	kill -"$SIG" $$
fi
echo "memcg-iter guest: kernel fake" >> "$log"
echo "MEMCG-ITER-EXIT: $STATUS" >> "$log"
EOS
chmod +x "$T/bin/qemu-system-x86_64"
# boot ABORTS LATE STATUS [SIG]: qemu-boot's exit status; its stderr in
# $T/err, the stand-in's runs in $T/state.
boot() {
	rm -f "$T/state"
	rc=0
	PATH="$T/bin:$PATH" STATE="$T/state" ABORTS=$1 LATE=$2 STATUS=$3 SIG=${4:-ABRT} \
		"$Q" -k "$T/bzImage" -i "$T/initrd" -l "$T/log" -s 0 -t 30 > /dev/null 2> "$T/err" || rc=$?
	echo "$rc"
}
rc=$(boot 0 0 0)
[ "$rc" = 0 ] && [ "$(cat "$T/state")" = 1 ] && ktap_test_pass "a clean boot: one run, status 0" ||
	ktap_test_fail "a clean boot: status $rc, $(cat "$T/state") runs"
rc=$(boot 1 0 0)
if [ "$rc" = 0 ] && [ "$(cat "$T/state")" = 2 ] && grep -q 'qemu died of SIGABRT before the guest reached user space (qemu-system-x86_64: .*Assertion.*): booting again, once' "$T/err"; then
	ktap_test_pass "qemu's assertion before user space: booted again, said so, the second boot's status"
else
	sed 's/^/# /' "$T/err"
	ktap_test_fail "qemu's assertion before user space: status $rc, $(cat "$T/state") runs"
fi
rc=$(boot 1 0 0 SEGV)
if [ "$rc" = 0 ] && [ "$(cat "$T/state")" = 2 ] && grep -q 'qemu died of SIGSEGV before the guest reached user space (nothing on its stderr): booting again, once' "$T/err"; then
	ktap_test_pass "qemu's SIGSEGV before user space: booted again, said so, the second boot's status"
else
	sed 's/^/# /' "$T/err"
	ktap_test_fail "qemu's SIGSEGV before user space: status $rc, $(cat "$T/state") runs"
fi
rc=$(boot 1 0 0 USR1)
[ "$rc" = 125 ] && [ "$(cat "$T/state")" = 1 ] && ktap_test_pass "qemu ended by another signal (SIGUSR1): not retried, status 125" ||
	ktap_test_fail "qemu ended by SIGUSR1: status $rc, $(cat "$T/state") runs"
rc=$(boot 2 0 0)
[ "$rc" = 125 ] && [ "$(cat "$T/state")" = 2 ] && ktap_test_pass "a second assertion: not retried again, status 125" ||
	ktap_test_fail "a second assertion: status $rc, $(cat "$T/state") runs"
rc=$(boot 1 1 0)
[ "$rc" = 125 ] && [ "$(cat "$T/state")" = 1 ] && ktap_test_pass "an abort after the guest's init started: not retried, status 125" ||
	ktap_test_fail "an abort after init: status $rc, $(cat "$T/state") runs"
rc=$(boot 0 0 3)
[ "$rc" = 3 ] && [ "$(cat "$T/state")" = 1 ] && ktap_test_pass "the payload's failure: not retried, its status" ||
	ktap_test_fail "the payload's failure: status $rc, $(cat "$T/state") runs"
ktap_finished
