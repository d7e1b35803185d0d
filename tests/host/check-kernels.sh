# CHECK_KERNELS (scripts/lib/common.sh) is what scripts/check reports as
# to be built before a run and what make check-kernels builds: it must
# hold every FLAVOUR/VARIANT a kernel test builds, or a run on "cached
# builds" still starts with a cold build nobody announced.  The check is
# shown to fail on a test tree with a kernel the list lacks.
. "$(dirname "$0")/../lib.sh"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

# used DIR: the FLAVOUR/VARIANT pairs DIR/*.sh build: "kbuild F V" and
# "scripts/build -f F -v V"; a flavour given as "$f" (a loop over both)
# counts as release and debug.  Series-file variants ("$T/...") are
# kernel/40's own and not listed.
used() {
	sed -n 's/.*kbuild \("\{0,1\}[$a-z]*"\{0,1\}\) \([a-z-]*\).*/\1 \2/p
		s/.*scripts\/build" -f \([a-z]*\) -v \([a-z-]*\).*/\1 \2/p' "$1"/*.sh |
		tr -d '"' | while read -r f v; do
			[ -n "$v" ] || continue
			case $f in
			release|debug) echo "$f/$v" ;;
			*) echo "release/$v"; echo "debug/$v" ;;
			esac
		done | sort -u
}

# missing DIR: pairs DIR's tests build that CHECK_KERNELS lacks.
missing() {
	used "$1" > "$T/used"
	# shellcheck disable=SC2086 # a list of FLAVOUR/VARIANT words
	printf '%s\n' $CHECK_KERNELS | sort -u > "$T/listed"
	comm -23 "$T/used" "$T/listed"
}

n=$(used "$PROJ/tests/kernel" | wc -l)
m=$(missing "$PROJ/tests/kernel")
if [ "$n" -lt 4 ]; then
	ktap_test_fail "found only $n kernels in tests/kernel: the pattern no longer reads the tests"
elif [ -n "$m" ]; then
	ktap_test_fail "tests/kernel builds kernels CHECK_KERNELS lacks: $(echo "$m" | tr '\n' ' ')"
else
	ktap_test_pass "CHECK_KERNELS holds the $n kernels tests/kernel builds"
fi

mkdir "$T/kernel"
cp "$PROJ"/tests/kernel/*.sh "$T/kernel/"
echo 'kbuild release mutant || ktap_test_fail "build"' >> "$T/kernel/80-mutant-caught.sh"
m=$(missing "$T/kernel")
[ "$m" = release/mutant ] && ktap_test_pass "fails on a test that builds an unlisted kernel ($m)" ||
	ktap_test_fail "an unlisted release/mutant went unseen ('$m')"
ktap_finished
