# Shared helpers for the memcg-iter scripts (POSIX sh).  Sourced, not run.
# shellcheck disable=SC2034 # its variables are for the files that source it
#
# Every script sources this file first; it sets PROJ (the repository root)
# and CACHE (the project's cache directory outside the repository).

PROG=${0##*/}
# Scripts live in scripts/; tests/lib.sh, whose callers sit one level
# deeper, says where the root is.
PROJ=${MEMCG_ITER_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}

# The cache holds the pristine tree, patched scratch trees, build
# directories and guest images.  Override with MEMCG_ITER_CACHE.
CACHE=${MEMCG_ITER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/memcg-iter}
PRISTINE=$CACHE/pristine

# The out-of-tree modules every test kernel carries (scripts/build -T):
# the stress module and the test-only modules of the kernel tests.
TEST_MODULES="module tests/modules"

# The kernels (FLAVOUR/VARIANT) tests/kernel/ boots, besides kernel/40's
# bisection builds: scripts/check says which of them a run must build
# first, and builds them all with --build-kernels (make check-kernels).
CHECK_KERNELS="release/fixed debug/fixed release/none debug/mutant debug/mutant-online"

# Debian's linux-source-6.1 (make deps): checkpatch, mainline's kselftest
# runner and the LKMM model come from it.
LINUX_SOURCE=/usr/src/linux-source-6.1.tar.xz

# from_linux_source DEST STRIP PATH...: extract PATHs (relative to the
# tarball's top directory) of $LINUX_SOURCE into DEST, stripping STRIP
# leading components; DEST is replaced only by a complete extraction.
# Fails with a message.
from_linux_source() {
	[ -f "$LINUX_SOURCE" ] || { msg "no $LINUX_SOURCE (apt-get install linux-source-6.1)"; return 1; }
	l_dest=$1 l_strip=$2
	shift 2
	l_top=$(basename "$LINUX_SOURCE" .tar.xz)
	for l_p; do set -- "$@" "$l_top/$l_p"; shift; done
	rm -rf "$l_dest.new"
	mkdir -p "$l_dest.new"
	if ! tar -xJf "$LINUX_SOURCE" -C "$l_dest.new" --strip-components="$l_strip" "$@"; then
		rm -rf "$l_dest.new"
		msg "cannot extract $* from $LINUX_SOURCE"
		return 1
	fi
	rm -rf "$l_dest"
	mv "$l_dest.new" "$l_dest"
}

# series_paths FILE: the patch paths a series file lists, in order.
series_paths() {
	dir=$(cd "$(dirname "$1")" && pwd)
	sed -e 's/#.*//' -e 's/[[:space:]]*$//' "$1" | while read -r p; do
		[ -n "$p" ] || continue
		case $p in /*) ;; *) p=$dir/$p ;; esac
		echo "$p"
	done
}

# apply_patch REPO PATCH LOG: apply a git format-patch file to the git
# work tree REPO and commit it, git's output in LOG.  git am -3 first (the
# instrumentation is written against the pristine tree and merges onto
# the fixed one); when its three-way fallback cannot build an ancestor
# because some file of the patch is not the blob the patch names (a
# z-stream tree changed it), git apply -3 merges file by file and the
# patch's subject is the commit message.  Fails with REPO as it was.
apply_patch() {
	a_patch=$2 a_log=$3
	set -- -C "$1" -c user.name=memcg-iter -c user.email=memcg-iter@localhost
	git "$@" am -q -3 "$a_patch" > "$a_log" 2>&1 && return 0
	git "$@" am --abort > /dev/null 2>&1 || :
	if git "$@" apply -3 --index "$a_patch" >> "$a_log" 2>&1 &&
		git "$@" commit -q -m "$(sed -n 's/^Subject: //p' "$a_patch" | head -1)" >> "$a_log" 2>&1; then
		return 0
	fi
	git "$@" reset -q --hard > /dev/null 2>&1 || :
	return 1
}

# The race workload of kernel/70 and scripts/soak (test_churn options):
# RACE_GROUPS long-lived charged groups, and 8 churners each cycling a
# ring of 4 charged groups with no pause, so that a reclaim walk broken
# on a group (2% of steps, memcg_iter_stress's default) often finds it
# destroyed before another walk moves the position on.  The settings
# tried and their rates: docs/results/2026-12-03.md#race-workload.
RACE_GROUPS=16
RACE_CHURN="-j 8 -u 0 -r 4"

die() {
	printf '%s: error: %s\n' "$PROG" "$*" >&2
	exit 1
}

msg() {
	printf '%s: %s\n' "$PROG" "$*" >&2
}

# need_tool TOOL [DEBIAN_PACKAGE]
need_tool() {
	command -v "$1" >/dev/null 2>&1 ||
		die "'$1' not found; install it (apt-get install ${2:-$1})"
}

# now_s: seconds since the epoch, for elapsed-time reports.
now_s() {
	date +%s
}

# is_git DIR: true when DIR is a git checkout or a bare repository.
is_git() {
	[ -d "$1" ] && { [ -e "$1/.git" ] || [ -f "$1/HEAD" ]; }
}

# export_source SRC REF DEST: put the source tree SRC into the empty
# directory DEST: REF of a git repository (git archive), a directory
# (copied), or a tar archive of any compression (a single top directory
# is stripped).  Dies with a message naming SRC.
export_source() {
	e_src=$1 e_dest=$3
	if is_git "$e_src"; then
		need_tool git
		git -C "$e_src" rev-parse --verify -q "$2^{commit}" >/dev/null ||
			die "$e_src: no ref '$2' in this git repository"
		git -C "$e_src" archive "$2" | tar -x -C "$e_dest"
	elif [ -d "$e_src" ]; then
		cp -a "$e_src/." "$e_dest/"
	elif [ -f "$e_src" ]; then
		tar -x -f "$e_src" -C "$e_dest" 2>/dev/null || die "$e_src: not a tar archive"
		set -- "$e_dest"/*
		if [ $# = 1 ] && [ -d "$1" ]; then
			mv "$1" "$e_dest.inner" && rmdir "$e_dest" && mv "$e_dest.inner" "$e_dest"
		fi
	else
		die "$e_src: neither a directory nor a file"
	fi
}

# cache_recover DEST: finish what an interrupted cache_install left: DEST
# gone and DEST.old (the previous copy) still there: put it back.
cache_recover() {
	[ -e "$1" ] || [ ! -d "$1.old" ] || mv "$1.old" "$1"
}

# cache_install NEW DEST: put the directory NEW (built or verified in a
# staging directory) in place of DEST in the cache.  The old copy moves
# aside to DEST.old and is removed (read-only trees too) only once NEW is
# in place; when NEW cannot be moved the old copy goes back.  Interrupted
# between the two renames, the cache holds DEST.old, which cache_recover
# (run by every script that reads or writes DEST) puts back: the cache is
# never left without a copy.  NEW should be on DEST's filesystem.
cache_install() {
	cache_recover "$2"
	if [ -e "$2" ]; then
		if [ -e "$2.old" ]; then
			chmod -R u+w "$2.old" 2>/dev/null || :
			rm -rf "$2.old"
		fi
		mv "$2" "$2.old" || return 1
		if ! mv "$1" "$2"; then
			mv "$2.old" "$2"
			return 1
		fi
		chmod -R u+w "$2.old" 2>/dev/null || :
		rm -rf "$2.old"
	else
		mv "$1" "$2"
	fi
}

# splat_re KIND...: the extended regexps scripts/lib/console-splats.txt
# (the splat scanner's one list) gives those kinds of kernel report,
# joined by '|', so that the crash watch of qemu-boot and the tests'
# evidence match the texts the scanner is proven on.  Fails, naming the
# kind, on a kind the list does not have.
splat_re() {
	# One pass over the list; the kinds, in order, tab-separated.
	awk -v prog="$PROG" -v kinds="$(printf '%s\t' "$@")" '
		BEGIN { n = split(kinds, want, "\t") - 1 }
		{ for (i = 1; i <= n; i++) if (index($0, want[i] ": ") == 1) re[i] = substr($0, length(want[i]) + 3) }
		END {
			for (i = 1; i <= n; i++) {
				if (!(i in re)) {
					printf "%s: error: no kind \"%s\" in scripts/lib/console-splats.txt\n", prog, want[i] > "/dev/stderr"
					exit 1
				}
				out = out (i > 1 ? "|" : "") re[i]
			}
			print out
		}' "$PROJ/scripts/lib/console-splats.txt"
}

# The kernel variants (the table scripts/lib/variants) and build
# directories.  (scripts/lib/evidence.sh, the console evidence of a caught
# mutant, is sourced by its users: tests/lib.sh, scripts/mutants.)
. "$PROJ/scripts/lib/kernel.sh"

# has_pristine: true when a verified pristine tree is in the cache.
has_pristine() {
	[ -f "$PRISTINE/.memcg-iter-pristine" ] && [ -f "$PRISTINE/Makefile" ]
}

# The compiler this 3.10 tree needs with Debian 12's gcc (PIE off), through
# ccache when it is installed; HOSTCFLAGS lets the relocs host tool link
# with gcc >= 10 (-fno-common default).  See docs/kernels.md, "Toolchain notes".
if command -v ccache >/dev/null 2>&1; then
	KCC="ccache gcc -fno-PIE"
else
	KCC="gcc -fno-PIE"
fi
KHOSTCFLAGS="-fcommon -O2"
