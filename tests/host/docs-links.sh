# README and docs/ point at each other for every figure: each relative
# link must name a file that exists and, with #anchor, a heading of it
# (GitHub's anchors: lower case, punctuation dropped, blanks to '-').
. "$(dirname "$0")/../lib.sh"
cd "$PROJ" || exit 1

# anchors FILE: the anchor of every heading of a markdown file.
anchors() {
	awk '/^```/ { code = !code } !code && /^#+ / {
		sub(/^#+ /, ""); s = tolower($0)
		gsub(/[^a-z0-9 _-]/, "", s); gsub(/ /, "-", s); print s }' "$1"
}

n=0
for f in README.md docs/*.md docs/results/*.md; do
	dir=$(dirname "$f")
	# [text](target): relative targets only.
	# shellcheck disable=SC2013 # link targets have no blanks; a pipe would lose the counts
	for l in $(grep -o '\]([^)]*)' "$f" | sed 's/^](//; s/)$//' | grep -v '^[a-z]*://'); do
		n=$((n + 1))
		path=${l%%#*} anchor=
		case $l in *'#'*) anchor=${l#*#} ;; esac
		target=$dir/$path
		[ -n "$path" ] || target=$f
		if [ ! -e "$target" ]; then
			ktap_test_fail "$f: link to $l: no $target"
		elif [ -n "$anchor" ] && ! anchors "$target" | grep -qxF "$anchor"; then
			ktap_test_fail "$f: link to $l: no heading '#$anchor' in $target"
		fi
	done
done
[ "$n" -gt 10 ] && ktap_test_pass "$n relative links in README.md and docs/ checked" || ktap_test_fail "only $n links found: the link pattern is broken"
ktap_finished
