# get-tree refuses a missing input, a wrong version, a modified tree, a
# z-stream tree the series cannot take and a tree with the series already
# applied, with a clear message, leaving the cache exactly as it was; it
# takes a z-stream tree the series applies to, with a warning.
. "$(dirname "$0")/../lib.sh"
not_run=
G=$PROJ/scripts/get-tree
. "$(dirname "$0")/refuse.inc"
. "$(dirname "$0")/srpm.inc"
scratch_cache
# Only directories are made writable: files under $T/real are hard links
# to the cached pristine tree and must keep their read-only mode.
trap 'find "$T" -type d -exec chmod u+w {} + 2>/dev/null; rm -rf "$T"' EXIT

# A fake tree: the right Makefile, the files the series touches altered.
mk_tree() {
	mkdir -p "$1/mm" "$1/kernel" "$1/include/linux" "$1/scripts" "$1/drivers/acpi" "$1/arch/x86/mm"
	printf 'VERSION = %s\nPATCHLEVEL = 10\nSUBLEVEL = 0\nEXTRAVERSION =\nRHEL_MAJOR = 7\nRHEL_MINOR = 9\nRHEL_RELEASE = %s\n' "$2" "$3" > "$1/Makefile"
	for f in mm/memcontrol.c mm/vmscan.c kernel/cgroup.c include/linux/memcontrol.h \
		include/linux/cgroup.h include/linux/swap.h scripts/recordmcount.h \
		drivers/acpi/blacklist.c arch/x86/mm/kaiser.c; do
		echo "/* not the real file */" > "$1/$f"
	done
}

refuse_untouched "missing input" "no such file" "$G" "$T/does-not-exist.src.rpm"
refuse_untouched "missing dir" "no such file" "$G" "$T/nothing-here"
mk_tree "$T/v4" 4 1160
refuse_untouched "wrong VERSION" "wrong kernel version" "$G" "$T/v4"
mk_tree "$T/r1127" 3 1127
refuse_untouched "wrong RHEL_RELEASE" "wrong kernel version" "$G" "$T/r1127"
mk_tree "$T/mod" 3 1160
refuse_untouched "modified tree" "modified tree" "$G" "$T/mod"
mk_tree "$T/applied" 3 1160
echo 'struct mem_cgroup __rcu *last_visited;' > "$T/applied/mm/memcontrol.c"
refuse_untouched "series already applied" "already applied" "$G" "$T/applied"
echo "not a tarball" > "$T/bogus.tar.xz"
refuse_untouched "corrupt tarball" "cannot unpack" "$G" "$T/bogus.tar.xz"
refuse_untouched "not a tree" "not a kernel tree" "$G" "$T/cache"

# An SRPM is opened and its tarball unpacked (a fake tree, so the check
# that follows refuses it: the error proves the extraction worked).
# SRPMs are signed with a test key get-tree is told to trust
# (host/srpm-verify checks the signature and tarball checks themselves).
HAVE_RPM=0
if command -v rpmbuild >/dev/null 2>&1 && command -v rpmsign >/dev/null 2>&1 &&
   command -v gpg >/dev/null 2>&1; then
	HAVE_RPM=1
	srpm_key_init
	mkdir -p "$T/srpm/SOURCES" "$T/fake/linux-3.10.0-1160.el7"
	printf 'VERSION = 3\nPATCHLEVEL = 10\n' > "$T/fake/linux-3.10.0-1160.el7/Makefile"
	tar -C "$T/fake" -cJf "$T/srpm/SOURCES/linux-3.10.0-1160.el7.tar.xz" linux-3.10.0-1160.el7
	MEMCG_ITER_SRPM_TARBALL_SHA1=$(sha1sum < "$T/srpm/SOURCES/linux-3.10.0-1160.el7.tar.xz" | cut -d' ' -f1)
	export MEMCG_ITER_SRPM_TARBALL_SHA1
	# With the distro inputs an SRPM has: they are kept only with a
	# tree that is taken, so the refused one leaves no distro/ behind.
	echo 'CONFIG_X86_64=y' > "$T/srpm/SOURCES/kernel-3.10.0-x86_64.config"
	echo 'CONFIG_X86_64=y' > "$T/srpm/SOURCES/kernel-3.10.0-x86_64-debug.config"
	echo '0x12345678	printk	vmlinux	EXPORT_SYMBOL' > "$T/srpm/SOURCES/Module.kabi_x86_64"
	mk_srpm "$T/srpm" linux-3.10.0-1160.el7.tar.xz kernel-3.10.0-x86_64.config \
		kernel-3.10.0-x86_64-debug.config Module.kabi_x86_64
	sign_srpm "$T"/srpm/SRPMS/kernel-3.10.0-1160.el7.src.rpm
	rpm2cpio "$T"/srpm/SRPMS/kernel-3.10.0-1160.el7.src.rpm | cpio -t --quiet 2>/dev/null |
		grep -qx kernel-3.10.0-x86_64-debug.config ||
		ktap_test_fail "the fake SRPM holds no distro config (rpmbuild)"
	refuse_untouched "SRPM of a wrong tree" "wrong kernel version: VERSION=3 PATCHLEVEL=10" \
		"$G" "$T"/srpm/SRPMS/kernel-3.10.0-1160.el7.src.rpm
else
	not_run="$not_run; the SRPM checks (rpmbuild, rpmsign or gpg not installed: make deps)"
fi

# With the real pristine tree: one modified file is caught, and a second
# run with the same source is a no-op.
if has_pristine; then
	P=$CACHE/pristine
	# A hard-linked copy is cheap; the one file changed is unlinked first.
	cp -al "$P" "$T/real"
	find "$T/real" -type d -exec chmod u+w {} +
	rm -f "$T/real/.memcg-iter-pristine" "$T/real/mm/vmscan.c"
	{ cat "$P/mm/vmscan.c"; echo "/* local change */"; } > "$T/real/mm/vmscan.c"
	refuse_untouched "real tree, mm/vmscan.c changed" "mm/vmscan.c" "$G" "$T/real"
	rm -f "$T/real/mm/vmscan.c"
	cat "$P/mm/vmscan.c" > "$T/real/mm/vmscan.c"
	if "$G" "$T/real" >/dev/null 2>&1 && "$G" "$T/real" 2>&1 | grep -q "up to date"; then
		ktap_test_pass "real tree accepted, second run is a no-op"
	else
		ktap_test_fail "real tree not accepted or not idempotent"
	fi
	# A tarball of the real tree (one top directory, as in the SRPM).
	tar -C "$CACHE" -cf "$T/linux-3.10.0-1160.el7.tar" --exclude=.memcg-iter-pristine \
		--transform 's,^pristine,linux-3.10.0-1160.el7,' pristine
	if MEMCG_ITER_CACHE=$T/cache2 "$G" "$T/linux-3.10.0-1160.el7.tar" >/dev/null 2>&1 &&
	   [ -f "$T/cache2/pristine/mm/memcontrol.c" ]; then
		ktap_test_pass "tarball of the real tree accepted"
	else
		ktap_test_fail "tarball of the real tree refused"
	fi
	# The same tarball in an SRPM with the distro's x86_64 configs: the
	# tree is taken and the configs are kept for scripts/build --config
	# distro.  Uncompressed payload: the test measures get-tree, not xz.
	if [ "$HAVE_RPM" = 1 ]; then
		mkdir -p "$T/srpm2/SOURCES"
		mv "$T/linux-3.10.0-1160.el7.tar" "$T/srpm2/SOURCES/"
		echo 'CONFIG_X86_64=y # release' > "$T/srpm2/SOURCES/kernel-3.10.0-x86_64.config"
		echo 'CONFIG_X86_64=y # debug' > "$T/srpm2/SOURCES/kernel-3.10.0-x86_64-debug.config"
		echo '0x12345678	printk	vmlinux	EXPORT_SYMBOL' > "$T/srpm2/SOURCES/Module.kabi_x86_64"
		mk_srpm "$T/srpm2" linux-3.10.0-1160.el7.tar kernel-3.10.0-x86_64.config \
			kernel-3.10.0-x86_64-debug.config Module.kabi_x86_64
		sign_srpm "$T"/srpm2/SRPMS/kernel-3.10.0-1160.el7.src.rpm
		S=$T/srpm2/SRPMS/kernel-3.10.0-1160.el7.src.rpm
		# kept GET-TREE: the SRPM's tree is in cache2 and both configs
		# in its distro/, after a run of GET-TREE.
		kept() {
			MEMCG_ITER_ROOT=$PROJ MEMCG_ITER_CACHE=$T/cache2 "$1" "$S" >/dev/null 2>&1 &&
			[ -f "$T/cache2/pristine/mm/memcontrol.c" ] &&
			grep -qs release "$T/cache2/distro/kernel-3.10.0-x86_64.config" &&
			grep -q debug "$T/cache2/distro/kernel-3.10.0-x86_64-debug.config" &&
			grep -q printk "$T/cache2/distro/Module.kabi_x86_64" &&
			grep -q '^source: SRPM .* (signature verified)$' "$T/cache2/distro/.memcg-iter-distro"
		}
		rm -rf "$T/cache2"
		if kept "$G"; then
			ktap_test_pass "SRPM of the real tree accepted, its two x86_64 configs and kABI reference kept in distro/"
		else
			ktap_test_fail "SRPM of the real tree: refused, or its configs or kABI reference not in distro/"
		fi
		# Run again with the configs gone (a cache from before they
		# were kept): the tree is up to date, the configs come back.
		rm -rf "$T/cache2/distro"
		if kept "$G"; then
			ktap_test_pass "SRPM again on an up-to-date tree: the missing configs extracted"
		else
			ktap_test_fail "SRPM again on an up-to-date tree: configs not extracted"
		fi
		# The check fails on a get-tree that does not keep them.
		cp -r "$PROJ/scripts" "$T/broken"
		sed -i '/^keep_distro_configs() {$/a\	return 0' "$T/broken/get-tree"
		rm -rf "$T/cache2"
		if kept "$T/broken/get-tree"; then
			ktap_test_fail "the configs check passed on a get-tree that keeps no config"
		elif [ -f "$T/cache2/pristine/mm/memcontrol.c" ]; then
			ktap_test_pass "the configs check fails on a get-tree that keeps no config"
		else
			ktap_test_fail "the broken get-tree did not even cache the tree"
		fi
		rm -rf "$T/cache2" "$T/srpm2" "$T/broken"
	fi
	if stat -c %A "$T/cache/pristine/mm/memcontrol.c" | grep -q w; then
		ktap_test_fail "cached tree is writable"
	else
		ktap_test_pass "cached tree is read-only"
	fi
	# A z-stream tree (RHEL_RELEASE 1160.N): a changed file is named in a
	# warning and the tree is taken when the patches still apply to it
	# (its release recorded); a change they cannot take is refused.
	cp -al "$P" "$T/z"
	find "$T/z" -type d -exec chmod u+w {} +
	rm -f "$T/z/.memcg-iter-pristine" "$T/z/Makefile" "$T/z/mm/vmscan.c"
	sed 's/^RHEL_RELEASE = 1160$/RHEL_RELEASE = 1160.119.1/' "$P/Makefile" > "$T/z/Makefile"
	{ cat "$P/mm/vmscan.c"; echo "/* z-stream change */"; } > "$T/z/mm/vmscan.c"
	if MEMCG_ITER_CACHE=$T/cache3 "$G" "$T/z" > "$T/z.out" 2>&1 &&
	   grep -q 'warning: 3.10.0-1160.119.1.el7 differs from 1160.el7 in: mm/vmscan.c$' "$T/z.out" &&
	   MEMCG_ITER_CACHE=$T/cache3 "$G" --status |
	   grep -qx 'version: 3.10.0-1160.119.1.el7 (z-stream; differs from 1160.el7 in: mm/vmscan.c; takes the series)'; then
		ktap_test_pass "z-stream tree the series takes: warned, cached, release recorded"
	else
		sed 's/^/# /' "$T/z.out"
		ktap_test_fail "z-stream tree the series takes"
	fi
	rm -f "$T/z/mm/memcontrol.c"
	sed 's/dead_count/dead_cnt/g' "$P/mm/memcontrol.c" > "$T/z/mm/memcontrol.c"
	# shellcheck disable=SC2034 # before: read by refuse_untouched (refuse.inc)
	before=$(snapshot "$T/cache")
	refuse_untouched "z-stream tree the series cannot take" \
		"1160.119.1.el7 does not take the series: .* does not apply" "$G" --force "$T/z"
else
	not_run="$not_run; the real-tree checks (no pristine tree cached: make tree SOURCE=...)"
fi
# A part that could not run is a SKIP with its reason, never a PASS.
[ "$KTAP_CNT_FAIL" = 0 ] || ktap_finished
[ -z "$not_run" ] || ktap_skip_all "not run:${not_run#;}"
ktap_finished
