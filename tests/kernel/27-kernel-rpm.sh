# The fixed test kernels as binary RPMs (scripts/kernel-rpm, make rpm),
# release and debug: rpmlint reports no error (filters in
# module/rpmlint.toml, each with its reason), the package is named apart
# from the distro's kernel with a .memcg_iter release and provides
# kernel-uname-r; rpm -qpl shows the kernel, System.map, config and the
# modules; the kernel installs into an empty rpm --root without scripts
# together with the kmod (scripts/kmod-rpm), whose kernel-uname-r
# requirement it then satisfies (erasing the kernel alone is refused);
# the installed vmlinuz is the kernel the guest tests boot.  A variant
# without the hook, a bad flavour, a kernel release without .memcg_iter,
# a debug kernel packaged as release, a build without modules (a
# --config kernel) and an unfinished build directory
# are refused, and write no RPM.
. "$(dirname "$0")/../lib.sh"
need_tree
command -v rpmlint > /dev/null || { ktap_test_fail "rpmlint not installed (make deps)"; ktap_finished; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
ktap_expect_error "variant none refused" "no test hook" "$PROJ/scripts/kernel-rpm" -v none -o "$T/x"
ktap_expect_error "an unknown flavour refused" "flavour must be" "$PROJ/scripts/kernel-rpm" -f huge -o "$T/x"
for f in release debug; do
	kbuild "$f" fixed || { ktap_test_fail "$f build"; continue; }
	KDIR=$("$PROJ/scripts/build" -f "$f" -v fixed --print-dir)
	KVER=$(cat "$KDIR/include/config/kernel.release")
	name=kernel-memcg_iter
	[ "$f" = release ] || name=$name-debug
	RPM=$("$PROJ/scripts/kernel-rpm" -f "$f" -o "$T/rpms" 2> "$T/log") ||
		{ sed 's/^/# /' "$T/log"; ktap_test_fail "kernel-rpm $f"; continue; }
	ktap_test_pass "kernel-rpm $f: $(basename "$RPM")"
	rpmlint -c "$PROJ/module/rpmlint.toml" "$RPM" > "$T/lint" 2>&1
	grep -q ' 0 errors,' "$T/lint" && ktap_test_pass "$f: rpmlint, no errors" ||
		{ sed 's/^/# /' "$T/lint"; ktap_test_fail "$f: rpmlint reports errors"; }
	q=$(rpm -qp --qf '%{NAME} %{VERSION}-%{RELEASE}' "$RPM")
	case $KVER in
	"3.10.0-"*.memcg_iter.x86_64|"3.10.0-"*.memcg_iter.x86_64.debug) ;;
	*) q="bad kernel release $KVER" ;;
	esac
	[ "$q" = "$name ${KVER%.x86_64*}" ] && ktap_test_pass "$f: package $q, kernel $KVER" ||
		ktap_test_fail "$f: package '$q', kernel $KVER"
	rpm -qp --provides "$RPM" | grep -qx "kernel-uname-r = $KVER" &&
		ktap_test_pass "$f: provides kernel-uname-r = $KVER" || ktap_test_fail "$f: no kernel-uname-r"
	rpm -qpl "$RPM" > "$T/list"
	missing=
	for p in /boot/vmlinuz-$KVER /boot/System.map-$KVER /boot/config-$KVER; do
		grep -qx "$p" "$T/list" || missing="$missing $p"
	done
	grep -q "^/lib/modules/$KVER/kernel/.*\.ko$" "$T/list" || missing="$missing modules"
	[ -z "$missing" ] && ktap_test_pass "$f: rpm -qpl shows the kernel, System.map, config and modules" ||
		{ sed 's/^/# /' "$T/list"; ktap_test_fail "$f: rpm -qpl lacks$missing"; }
	KMOD=$("$PROJ/scripts/kmod-rpm" -f "$f" -o "$T/rpms" 2> "$T/log") ||
		{ sed 's/^/# /' "$T/log"; ktap_test_fail "kmod-rpm $f"; continue; }
	R=$T/root-$f
	mkdir "$R"
	# --nodeps: grubby, dracut and kmod (the scriptlets' tools) are not in
	# an empty root; the kmod's kernel-uname-r is checked below.
	if rpm --root "$R" --initdb && rpm --root "$R" -i --nodeps --noscripts "$RPM" "$KMOD" > "$T/log" 2>&1 &&
		cmp -s "$R/boot/vmlinuz-$KVER" "$KDIR/arch/x86/boot/bzImage" &&
		cmp -s "$R/boot/config-$KVER" "$KDIR/.config"; then
		ktap_test_pass "$f: kernel and kmod install into an empty rpm --root; vmlinuz and config are the tested build's"
	else
		sed 's/^/# /' "$T/log"
		ktap_test_fail "$f: install into an empty rpm --root"
	fi
	# (rpm -q --whatprovides takes a name, not "name = version".)
	rpm --root "$R" -q --provides "$name" 2>/dev/null | grep -qxF "kernel-uname-r = $KVER" &&
		ktap_expect_error "$f: erasing the kernel under its kmod is refused" "kernel-uname-r = $KVER" \
			rpm --root "$R" -e --test "$name" ||
		ktap_test_fail "$f: the installed kernel does not provide kernel-uname-r = $KVER"
done
# A build whose release lacks .memcg_iter (a tree configured elsewhere)
# must be refused: its package could shadow a distro kernel.
KDIR=$("$PROJ/scripts/build" -f release -v fixed --print-dir)
if [ -f "$KDIR/include/config/kernel.release" ]; then
	mkdir -p "$T/fake/include/config" "$T/fake/arch/x86/boot"
	for p in arch/x86/boot/bzImage System.map .config Module.symvers Makefile modules.order; do cp "$KDIR/$p" "$T/fake/$p"; done
	echo 3.10.0-1160.el7.x86_64 > "$T/fake/include/config/kernel.release"
	ktap_expect_error "a kernel release without .memcg_iter refused" "lacks the .memcg_iter" \
		"$PROJ/scripts/kernel-rpm" -k "$T/fake" -o "$T/x"
	echo 3.10.0-1160.el7.memcg_iter.x86_64.debug > "$T/fake/include/config/kernel.release"
	ktap_expect_error "a debug kernel packaged as release refused" "is a debug kernel" \
		"$PROJ/scripts/kernel-rpm" -k "$T/fake" -o "$T/x"
	rm "$T/fake/modules.order"
	ktap_expect_error "a kernel built without modules (--config) refused" "no modules were built" \
		"$PROJ/scripts/kernel-rpm" -k "$T/fake" -f debug -o "$T/x"
	rm "$T/fake/System.map"
	ktap_expect_error "a directory that is not a finished build refused" "not a finished kernel build: System.map missing" \
		"$PROJ/scripts/kernel-rpm" -k "$T/fake" -f debug -o "$T/x"
	[ ! -e "$T/x" ] || [ -z "$(ls -A "$T/x")" ] && ktap_test_pass "no RPM written by the refusals" ||
		ktap_test_fail "a refusal wrote an RPM"
fi
ktap_finished
