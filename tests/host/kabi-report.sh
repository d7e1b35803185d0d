# scripts/kabi's verdict, on synthetic Module.symvers files (the real
# three builds: make kabi): identical CRCs pass; one changed CRC, a
# removed symbol, a reference symbol the fix breaks and a break build
# that changes nothing each fail, naming what differs; symbols of modules
# are listed as not built, not failed; a whitelisted symbol the series
# changed is named; a file that is not a Module.symvers is refused.
. "$(dirname "$0")/../lib.sh"
K=$PROJ/scripts/kabi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

mk() { # DIR: a passing set
	mkdir -p "$1"
	printf '0x1111aaaa\tprintk\tvmlinux\tEXPORT_SYMBOL\n0x2222bbbb\tparent_mem_cgroup\tvmlinux\tEXPORT_SYMBOL\n0x3333cccc\tkmalloc_caches\tvmlinux\tEXPORT_SYMBOL\n' > "$1/stock.symvers"
	cp "$1/stock.symvers" "$1/fixed.symvers"
	sed 's/0x2222bbbb/0x2222dddd/' "$1/stock.symvers" > "$1/break.symvers"
	printf '0x1111aaaa\tprintk\tvmlinux\tEXPORT_SYMBOL\n0x9999eeee\tipmi_alloc_smi_msg\tdrivers/char/ipmi/ipmi_msghandler\tEXPORT_SYMBOL\n' > "$1/Module.kabi_x86_64"
}
# verdict NAME RC PATTERN DIR: scripts/kabi --report-only DIR exits RC and
# prints a line matching PATTERN.
verdict() {
	out=$("$K" --report-only "$4" 2>&1) && rc=0 || rc=$?
	if [ "$rc" = "$2" ] && echo "$out" | grep -q -- "$3"; then
		ktap_test_pass "$1"
	else
		echo "$out" | sed 's/^/# /'
		ktap_test_fail "$1 (exit $rc)"
	fi
}
mk "$T/ok"
verdict "identical CRCs, break seen: PASS" 0 '^kabi: PASS$' "$T/ok"
verdict "a module's reference symbol is listed as not built" 0 '(2 reference symbols, 1 exported by modules, not built)' "$T/ok"
verdict "the break's CRC change is named" 0 '^3. proof: .*parent_mem_cgroup 0x2222bbbb -> 0x2222dddd: ok$' "$T/ok"

mk "$T/changed"
sed -i 's/0x3333cccc/0x3333ffff/' "$T/changed/fixed.symvers"
verdict "one CRC changed by the series: FAIL, named" 1 '^   changed kmalloc_caches 0x3333cccc 0x3333ffff$' "$T/changed"

mk "$T/removed"
sed -i '/kmalloc_caches/d' "$T/removed/fixed.symvers"
verdict "a symbol the fixed kernel no longer exports: FAIL" 1 '^   removed kmalloc_caches 0x3333cccc -$' "$T/removed"

mk "$T/ref"
sed -i 's/0x1111aaaa/0x1111abcd/' "$T/ref/fixed.symvers"
verdict "a reference symbol the series breaks: FAIL under the check-kabi rule" 1 '^   fixed: breaks what stock does not: changed printk FAIL$' "$T/ref"

mk "$T/stockdiff"
sed -i 's/0x1111aaaa/0x1111abcd/' "$T/stockdiff/stock.symvers" "$T/stockdiff/fixed.symvers" "$T/stockdiff/break.symvers"
verdict "a reference symbol that differs in stock too: reported, not the series'" 0 '^     changed printk$' "$T/stockdiff"

mk "$T/noproof"
cp "$T/noproof/stock.symvers" "$T/noproof/break.symvers"
verdict "a break build that changes no CRC: FAIL" 1 '^3. proof: the deliberate break changed no CRC' "$T/noproof"

mk "$T/noref"
rm "$T/noref/Module.kabi_x86_64"
verdict "no kABI reference: FAIL, not a silent pass" 1 'no Module.kabi_x86_64' "$T/noref"

mk "$T/wl"
sed -i 's/0x3333cccc/0x3333ffff/' "$T/wl/fixed.symvers"
mkdir -p "$T/wlsrc/kabi-rhel79/kabi-current"
printf '[rhel7_x86_64_whitelist]\n\tkmalloc_caches\n\tprintk\n' > "$T/wlsrc/kabi-rhel79/kabi-current/kabi_whitelist_x86_64"
tar -C "$T/wlsrc" -cjf "$T/wl/kernel-abi-whitelists-1160.tar.bz2" kabi-rhel79
verdict "a whitelisted symbol the series changed is named" 1 'kernel-abi-whitelists-1160.tar.bz2: 2 whitelisted symbols, changed by the series: kmalloc_caches' "$T/wl"

mk "$T/bad"
echo "this is not a symvers file" > "$T/bad/fixed.symvers"
verdict "not a Module.symvers: refused" 1 'not a Module.symvers line' "$T/bad"
ktap_expect_error "--report-only of a missing directory" "not a directory" "$K" --report-only "$T/nothing"
ktap_expect_error "an unknown option" "unknown argument" "$K" --bogus
ktap_finished
