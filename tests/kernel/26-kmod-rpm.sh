# The stress module as a kmod RPM (scripts/kmod-rpm, module/*.spec) for
# the release/fixed kernel: rpmlint reports no error (with the filters of
# module/rpmlint.toml, each with its reason; without them it reports the
# missing signature: it did run), the package holds the module under
# /lib/modules/KVER/extra/ and requires that kernel, installs into an
# empty rpm --root without scripts, and the installed module loads in a
# release/fixed guest.
. "$(dirname "$0")/../lib.sh"
need_tree
kbuild release fixed || { ktap_test_fail "build"; ktap_finished; }
command -v rpmlint > /dev/null || { ktap_test_fail "rpmlint not installed (make deps)"; ktap_finished; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
RPM=$("$PROJ/scripts/kmod-rpm" -o "$T/rpms" 2> "$T/log") ||
	{ sed 's/^/# /' "$T/log"; ktap_test_fail "kmod-rpm"; ktap_finished; }
ktap_test_pass "kmod-rpm built $(basename "$RPM")"
KVER=$(cat "$("$PROJ/scripts/build" -f release -v fixed --print-dir)/include/config/kernel.release")
KO=/lib/modules/$KVER/extra/memcg_iter_stress/memcg_iter_stress.ko
rpmlint -c "$PROJ/module/rpmlint.toml" "$RPM" > "$T/lint" 2>&1
sed 's/^/# /' "$T/lint"
grep -q ' 0 errors,' "$T/lint" && ktap_test_pass "rpmlint: no errors" || ktap_test_fail "rpmlint reports errors"
rpmlint "$RPM" 2>&1 | grep -q 'E: no-signature' &&
	ktap_test_pass "rpmlint without the filters reports the missing signature" ||
	ktap_test_fail "rpmlint without the filters did not report the missing signature"
rpm -qpl "$RPM" | grep -qx "$KO" && ktap_test_pass "rpm -qpl: $KO" ||
	{ rpm -qpl "$RPM" | sed 's/^/# /'; ktap_test_fail "rpm -qpl: no $KO"; }
rpm -qp --requires "$RPM" | grep -qx "kernel-uname-r = $KVER" &&
	ktap_test_pass "requires kernel-uname-r = $KVER" || ktap_test_fail "no kernel-uname-r requirement"
mkdir "$T/root"
rpm --root "$T/root" --initdb &&
	rpm --root "$T/root" -i --nodeps --noscripts "$RPM" > "$T/log" 2>&1 && [ -f "$T/root$KO" ] &&
	rpm --root "$T/root" -q kmod-memcg_iter_stress > /dev/null &&
	ktap_test_pass "installs into an empty rpm --root" ||
	{ sed 's/^/# /' "$T/log"; ktap_test_fail "install into an empty rpm --root"; }
rc=0
out=$("$PROJ/scripts/guest-run" -f release -v fixed -n kmod-rpm -t 300 --ko "$T/root$KO" -- \
	'insmod ./memcg_iter_stress.ko && grep "^hook_calls " /sys/kernel/debug/memcg_iter_stress/stats' 2>&1) || rc=$?
echo "$out" | sed 's/^/# /'
[ "$rc" = 0 ] && echo "$out" | grep -q '^hook_calls [0-9]' &&
	ktap_test_pass "the installed module loads on release/fixed" ||
	ktap_test_fail "the installed module did not load (status $rc)"
ktap_finished
