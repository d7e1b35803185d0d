# memcg-iter: fix for the memcg reclaim iterator restart loop on
# CentOS 7.9 / RHEL7 (3.10.0-1160.el7), with its test tooling.
#
#   make kernels SOURCE=<kernel SRPM | tarball | git dir | tree>   main job
#   make check                                                   tests
#
# Run 'make help' for the rest.

SHELL := /bin/sh
SOURCE ?=
REF ?=
EXCLUDE ?=
FLAVOUR ?= release
VARIANT ?= fixed
DURATION ?= 3600
REGIME ?= plain
CHURN_RATE ?=
LTP ?=
HERD ?=
CONFIG ?=
DISTRO ?=

MODULES := --test-modules

.PHONY: help deps tree distro kernels kernel check check-host check-kernels bench soak mutant mutants ltp herd litmus kselftest-tar rpm check-distro kabi

help:
	@echo "make deps                      install the Debian packages used (apt-get)"
	@echo "make tree SOURCE=... [REF=...] [EXCLUDE=path]"
	@echo "                               cache a pristine 3.10.0-1160.el7 tree"
	@echo "make distro [DISTRO=...]       the 7.9 SRPM's x86_64 configs and kABI reference"
	@echo "                               into the cache (DISTRO: a clone of CentOS's"
	@echo "                               rpms/kernel or a directory; none: the pinned download)"
	@echo "make kernels [SOURCE=...]      the main job: cache the tree (SOURCE, or"
	@echo "                               the pinned SRPM download when none is cached),"
	@echo "                               build release+debug kernels with the fix"
	@echo "                               series, test hooks and the stress module"
	@echo "make kernel FLAVOUR=F VARIANT=V one kernel (F: release|debug;"
	@echo "                               V: $$(awk '!/^#/ && NF { printf "%s%s", s, $$1; s = "|" }' scripts/lib/variants)|series file)"
	@echo "make check                     the test suite (host + guest tests)"
	@echo "make check-host                host tests only (no kernel tree needed)"
	@echo "make check-kernels             build the kernels 'make check' boots, no test"
	@echo "                               (then make check runs on cached builds)"
	@echo "make kernels CONFIG=FILE|distro  the kernels from a full distro config"
	@echo "                               (scripts/build --config; distro: the SRPM's"
	@echo "                               configs that get-tree kept) instead of the snippet"
	@echo "make check-distro [CONFIG=FILE|distro]"
	@echo "                               the NUMA, churn and mutant tests on kernels"
	@echo "                               built from the distro config (default distro)"
	@echo "make kabi                      stock vs fixed kernel from the distro config:"
	@echo "                               every export's CRC identical, RHEL's check-kabi"
	@echo "                               rule, and a deliberate break must be caught"
	@echo "make bench [REGIME=plain|slow|swap] [CHURN_RATE=rmdirs/s]"
	@echo "                               baseline vs fixed: kswapd rounds/min, restarts,"
	@echo "                               kswapd CPU, pgscan/pgsteal, rmdir p50/p99, PNG"
	@echo "make mutant                    the vz7-scheme mutant must be caught"
	@echo "make mutants [MUTANTS=a,b]     the mutation score: every mutant of"
	@echo "                               patches/test/mutant/catalogue through"
	@echo "                               make check's workloads (hours)"
	@echo "make soak [FLAVOUR=debug|release] DURATION=3600"
	@echo "                               soak: races caught/h, splats, leaks,"
	@echo "                               per-memcg usage plot"
	@echo "make herd HERD=<herdtools7 git dir|source dir|tarball>"
	@echo "                               build herd7 7.57 + the LKMM model into the cache"
	@echo "make litmus                    the ordering arguments checked by herd7 (SKIP"
	@echo "                               with the reason when herd7 is not built)"
	@echo "make kselftest-tar             the kselftests as a node installs them: mainline's"
	@echo "                               run_kselftest.sh layout, in a tarball (cache)"
	@echo "make rpm                       binary RPMs of the fixed release and debug test"
	@echo "                               kernels (kernel-memcg_iter[-debug]) and their"
	@echo "                               kmod-memcg_iter_stress, in the cache"
	@echo "make ltp [LTP=<tarball|git dir|source dir>] (default: pinned download)"
	@echo "                               build LTP 20240129's memcg tests (static) for"
	@echo "                               the guest; 'make check' then runs them"

deps:
	@scripts/install-deps

tree: deps
	@test -n "$(SOURCE)" || { echo "make tree: set SOURCE=<srpm|tarball|git dir|tree>"; exit 2; }
	@scripts/get-tree $(if $(REF),--ref $(REF)) $(foreach e,$(EXCLUDE),--exclude $(e)) $(SOURCE)

# The distro's configs and kABI reference: DISTRO, else the pinned download.
distro: deps
	@if [ -n "$(DISTRO)" ]; then scripts/get-distro $(DISTRO); else scripts/get-distro --download; fi

# Without SOURCE: the cached tree, or else the CentOS 7.9 SRPM downloaded
# from its pinned URL and checked against its pinned sha256.
kernels: deps
	@if [ -n "$(SOURCE)" ]; then scripts/get-tree $(if $(REF),--ref $(REF)) $(foreach e,$(EXCLUDE),--exclude $(e)) $(SOURCE); \
	elif ! scripts/get-tree --status >/dev/null; then scripts/get-tree --download || \
		{ echo "make kernels: no kernel tree; give SOURCE=<srpm|tarball|git dir|tree>"; exit 2; }; fi
	@scripts/build -f release -v fixed $(MODULES) $(if $(CONFIG),--config $(CONFIG))
	@scripts/build -f debug -v fixed $(MODULES) $(if $(CONFIG),--config $(CONFIG))

kernel: deps
	@scripts/build -f $(FLAVOUR) -v $(VARIANT) $(MODULES) $(if $(CONFIG),--config $(CONFIG))

# LTP: the cached build, or else LTP's release tarball from its pinned URL
# (pinned sha256); when that fails, kernel/90 reports SKIP with the reason.
check: deps
	@scripts/get-ltp --status >/dev/null || scripts/get-ltp --download || \
		echo "make check: LTP not downloaded (above); 90-ltp-memcg will SKIP: make ltp LTP=<source>"
	@scripts/check

check-host:
	@scripts/check --host

check-kernels: deps
	@scripts/check --build-kernels

# Every kernel test builds through scripts/build, which takes its --config
# from MEMCG_ITER_CONFIG: the same tests, on the distro-config kernels.
check-distro: DISTRO_CONFIG = $(or $(CONFIG),distro)
check-distro: deps
	@[ "$(DISTRO_CONFIG)" != distro ] || scripts/get-distro --status >/dev/null 2>&1 || scripts/get-distro --download
	@scripts/build -f release --config $(DISTRO_CONFIG) --print-dir >/dev/null
	@scripts/build -f debug --config $(DISTRO_CONFIG) --print-dir >/dev/null
	@MEMCG_ITER_CONFIG=$(DISTRO_CONFIG) scripts/check --kernel 20-smoke 70-churn 72-numa 80-mutant

kabi: deps
	@scripts/get-distro --status >/dev/null 2>&1 || scripts/get-distro --download
	@scripts/kabi

bench: deps
	@scripts/bench --regime $(REGIME) $(if $(CHURN_RATE),--churn-rate $(CHURN_RATE))

# FLAVOUR given on the command line picks the soak's kernel (default debug).
soak: deps
	@scripts/soak --duration $(DURATION) $(if $(filter command line environment,$(origin FLAVOUR)),--flavour $(FLAVOUR))

mutant: deps
	@scripts/check mutant

mutants: deps
	@scripts/mutants $(if $(MUTANTS),--only $(MUTANTS))

ltp: deps
	@if [ -n "$(LTP)" ]; then scripts/get-ltp $(LTP); else scripts/get-ltp --download || \
		{ echo "make ltp: set LTP=<ltp-full-20240129.tar.xz|LTP git dir|source dir>"; exit 2; }; fi

herd: deps
	@test -n "$(HERD)" || { echo "make herd: set HERD=<herdtools7 git dir|source dir|tarball>"; exit 2; }
	@scripts/get-herd $(HERD)

kselftest-tar: deps
	@scripts/kselftest-tar

rpm: deps
	@scripts/kernel-rpm -f release -v fixed
	@scripts/kmod-rpm -f release -v fixed
	@scripts/kernel-rpm -f debug -v fixed
	@scripts/kmod-rpm -f debug -v fixed

# Without herd7 nothing is checked: that is a failure of this target,
# not a pass (make check reports it as SKIP).
litmus:
	@scripts/litmus; rc=$$?; [ $$rc != 4 ] || \
		echo "make litmus: nothing was checked (no herd7): make herd HERD=<herdtools7 git clone|source dir|tarball>" >&2; \
		exit $$rc
