# The kernel variants are data (scripts/lib/variants, read by
# scripts/lib/kernel.sh): every variant's series files exist and
# scripts/build takes each by name, into its own build directory;
# build --help describes each from the table; a series file is a variant
# too (compat first); an unknown name is refused with the table's names;
# and a line added to a table makes a variant of the library's.
. "$(dirname "$0")/../lib.sh"
B=$PROJ/scripts/build
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

n=0
for v in $(variant_names); do
	n=$((n + 1))
	bad=
	for s in $(variant_series "$v"); do
		[ -f "$s" ] || bad="$bad $s"
	done
	d=$("$B" -f debug -v "$v" --print-dir 2>&1)
	if [ -n "$bad" ]; then
		ktap_test_fail "$v: missing series$bad"
	elif [ "$d" != "$CACHE/build/debug-$v" ]; then
		ktap_test_fail "$v: build --print-dir says '$d'"
	elif ! "$B" --help | grep -q "^  $v"; then
		ktap_test_fail "$v: not in build --help"
	else
		ktap_test_pass "$v: $(variant_series "$v" | wc -l) series files, built in debug-$v, in --help"
	fi
done
[ "$n" -ge 5 ] && ktap_test_pass "$n variants in the table" || ktap_test_fail "only $n variants: the table is not read"
[ "$(variant_series fixed | sed "s|^$PROJ/patches/||" | tr '\n' ' ')" = "compat/series series test/series test/series.fixed " ] &&
	ktap_test_pass "fixed: compat, the fix, the instrumentation, in that order" ||
	ktap_test_fail "fixed: $(variant_series fixed | tr '\n' ' ')"

echo "0001-x.patch" > "$T/my.series"
[ "$(variant_series "$T/my.series" | tr '\n' ' ')" = "$PROJ/patches/compat/series $T/my.series " ] &&
	[ "$(variant_id "$T/my.series")" = custom-my.series ] &&
	ktap_test_pass "a series file: compat, then the file; id custom-my.series" ||
	ktap_test_fail "a series file: $(variant_series "$T/my.series" | tr '\n' ' '), $(variant_id "$T/my.series")"

ktap_expect_error "an unknown variant: refused, naming the table's" \
	"neither $(variant_names | tr '\n' '/' | sed 's|/$||') nor a series file" "$B" -v nosuch --print-dir

cp "$VARIANTS_TABLE" "$T/variants"
echo "extra  compat/series,series  a variant added by one line" >> "$T/variants"
VARIANTS_TABLE=$T/variants
if [ "$(variant_series extra | sed "s|^$PROJ/patches/||" | tr '\n' ' ')" = "compat/series series " ] &&
   [ "$(variant_purpose extra)" = "a variant added by one line" ] &&
   [ "$(variant_tag extra)" = memcg_iter_extra ] && variant_names | grep -qx extra; then
	ktap_test_pass "one line in the table is a variant: its series, purpose and release tag"
else
	ktap_test_fail "a line added to the table: '$(variant_series extra | tr '\n' ' ')', '$(variant_purpose extra)'"
fi
ktap_finished
