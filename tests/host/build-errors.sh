# scripts/build refuses bad input with a clear message and a non-zero
# exit before it touches a tree: an unknown flavour or variant, a series
# file that lists a missing patch (once built without it and every patch
# after it, exit 0), a missing series file, a --config that is not a full
# x86_64 config or a missing distro config.  Runs on an empty cache.
. "$(dirname "$0")/../lib.sh"
B=$PROJ/scripts/build
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export MEMCG_ITER_CACHE="$T/cache"

. "$(dirname "$0")/refuse.inc"

ktap_expect_error "flavour 'fast' refused" "flavour must be release or debug" "$B" -f fast
ktap_expect_error "variant 'nosuch' refused" "neither none/baseline/fixed" "$B" -v nosuch
ktap_expect_error "--status with --print-dir refused" "does not combine" "$B" --status --print-dir
ktap_expect_error "--status without a tree: the reason" "no pristine tree" "$B" --status
printf '%s\n' "$PROJ/patches/0001-memcg-annotate-the-reclaim-iterator-position-with-__.patch" \
	missing.patch "$PROJ/patches/0002-memcg-clear-reclaim-iterator-positions-that-point-at.patch" > "$T/series"
ktap_expect_error "a series listing a missing patch refused" "listed patch '$T/missing.patch' does not exist" "$B" -v "$T/series"
[ ! -e "$T/cache/src" ] && ktap_test_pass "nothing created for the refused series" || ktap_test_fail "build created $T/cache/src"

# --config takes a full x86_64 config only: a fragment or an extract
# (config-parity's 40 lines) would leave the rest to Kconfig's defaults.
ktap_expect_error "--config of a missing file refused" "--config $T/nosuch.config: no such readable file" \
	"$B" --config "$T/nosuch.config" --print-dir
grep -v '^#' "$PROJ/scripts/lib/distro-guest.config" > "$T/fragment.config"
ktap_expect_error "--config of a fragment refused" "not a full kernel config" \
	"$B" --config "$T/fragment.config" --print-dir
i=0
while [ $i -lt 2500 ]; do echo "CONFIG_OPT_$i=y"; i=$((i + 1)); done > "$T/arm.config"
echo CONFIG_ARM64=y >> "$T/arm.config"
ktap_expect_error "--config of a non-x86_64 config refused" "not an x86_64 config" \
	"$B" --config "$T/arm.config" --print-dir
ktap_expect_error "--config distro without the SRPM's configs refused" "no distro config $T/cache/distro/kernel-3.10.0-x86_64-debug.config" \
	"$B" -f debug --config distro --print-dir
ktap_expect_error "--config distro-debug for the release flavour refused" "build it as -f debug" \
	"$B" -f release --config distro-debug --print-dir
mkdir -p "$T/dd/distro"
cp "$T/arm.config" "$T/dd/distro/kernel-3.10.0-x86_64-debug.config"
echo CONFIG_X86_64=y >> "$T/dd/distro/kernel-3.10.0-x86_64-debug.config"
d=$(MEMCG_ITER_CACHE=$T/dd "$B" --config distro-debug --print-dir 2>/dev/null) &&
	[ "$d" = "$T/dd/build/debug-fixed-cfg-distro" ] &&
	ktap_test_pass "--config distro-debug builds the debug flavour ($(basename "$d"))" ||
	ktap_test_fail "--config distro-debug: build directory '$d', not $T/dd/build/debug-fixed-cfg-distro"
rm -rf "$T/dd"
echo CONFIG_X86_64=y >> "$T/arm.config"
ktap_expect_error "the debug flavour of --config FILE without FILE-debug.config refused" \
	"takes its debug config, $T/arm-debug.config: not found" "$B" -f debug --config "$T/arm.config" --print-dir
cp "$T/arm.config" "$T/arm-debug.config"
d=$(MEMCG_ITER_CONFIG=$T/arm.config "$B" -f debug -v fixed --print-dir 2>/dev/null) &&
	[ "$d" = "$T/cache/build/debug-fixed-cfg-arm-debug" ] &&
	ktap_test_pass "MEMCG_ITER_CONFIG names the build directory, debug from X-debug.config ($(basename "$d"))" ||
	ktap_test_fail "MEMCG_ITER_CONFIG: build directory '$d', not $T/cache/build/debug-fixed-cfg-arm-debug"
[ ! -e "$T/cache/src" ] && [ ! -e "$T/cache/build" ] && ktap_test_pass "nothing created for the --config refusals" ||
	ktap_test_fail "build created $T/cache/src or build"
ktap_finished
