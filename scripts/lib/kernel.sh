# The kernel variants and where their builds live (POSIX sh; sourced by
# scripts/lib/common.sh).  What a variant is made of is data: the table
# scripts/lib/variants.  A variant may also be a series FILE of the
# user's: the compat patches, then FILE's patches.
# shellcheck shell=sh

VARIANTS_TABLE=$PROJ/scripts/lib/variants

# variant_names: the variants of the table, one a line.
variant_names() {
	awk '!/^#/ && NF { print $1 }' "$VARIANTS_TABLE"
}

# variant_purpose NAME: what the table says NAME is for.
variant_purpose() {
	awk -v v="$1" '!/^#/ && $1 == v { $1 = ""; $2 = ""; sub(/^ +/, ""); print; exit }' "$VARIANTS_TABLE"
}

# variant_series NAME: the series files of NAME, absolute paths, in the
# order they apply.  NAME may be an existing series file (compat first).
# Fails, printing nothing, for anything else.
variant_series() {
	vs=$(awk -v v="$1" '!/^#/ && $1 == v { print $2; exit }' "$VARIANTS_TABLE")
	if [ -n "$vs" ]; then
		printf '%s\n' "$vs" | tr ',' '\n' | sed "s|^|$PROJ/patches/|"
	elif [ -f "$1" ]; then
		printf '%s\n' "$PROJ/patches/compat/series" "$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
	else
		return 1
	fi
}

# variant_id NAME: the name of NAME's scratch tree and build directories:
# NAME for a variant of the table, custom-BASENAME for a series file.
variant_id() {
	if variant_names | grep -qxF -- "$1"; then
		printf '%s\n' "$1"
	else
		printf 'custom-%s\n' "$(basename "$1" | tr -c 'A-Za-z0-9_.\n-' '_')"
	fi
}

# variant_tag ID: the project's part of the kernel release: memcg_iter
# for the fixed kernel and the stock one (never packaged, and kernel/61
# loads the fixed kernel's module into it to see the module's own
# refusal, not the kernel's vermagic one), memcg_iter_ID for the others.
variant_tag() {
	case $1 in
	fixed|none) echo memcg_iter ;;
	*) echo "memcg_iter_$(printf '%s' "$1" | tr -c 'A-Za-z0-9_' '_')" ;;
	esac
}

# config_id CONFIG: the suffix a --config gives the build directory:
# empty without one, -cfg-distro for the distro's configs, else -cfg- and
# the name, without .config, of the file the flavour builds from (for -f
# debug, X-debug.config beside X.config: scripts/build resolves it).
config_id() {
	case $1 in
	'') ;;
	distro|distro-debug) echo "-cfg-distro" ;;
	*) echo "-cfg-$(basename "$1" .config | tr -c 'A-Za-z0-9_.\n-' '_')" ;;
	esac
}

# kernel_dir FLAVOUR ID [CONFIG]: the build directory of a kernel.
kernel_dir() {
	echo "$CACHE/build/$1-$2$(config_id "${3:-}")"
}
