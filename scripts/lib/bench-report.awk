# bench-report.awk: the benchmark table from bench_walks outputs.
#
# Input: the outputs of every run, named <variant>-<tag>-r<K>.out with
# variant baseline, fixed or mutant (the seed's scheme).  Variables: rate
# (target rmdir/s, 0 = free running churn), kernels (the variants, in
# column order; default "baseline fixed").  Prints, per phase kind (quiet,
# churn) and metric, the median and min-max over the runs of each kernel
# and the ratios of the medians (fixed/baseline, fixed/seed); then one
# NOTE line per phase where kswapd was idle, per run that ended before its
# four phases (a crashed guest: its completed phases count), and one
# INVALID line per churn phase below 95% of the target rate.  Exits 3 when
# a run is invalid.
#
# A phase kind's figures in one run are sums over its two phases.  rmdir
# percentiles are over every rmdir of a run's churn phases (RMDIR_MS
# lines; nearest rank).  A ratio with no round in the denominator is
# "none" (infinite): it sorts above every number.

function run_of(f,   m) {
	m = f
	sub(/^.*\//, "", m)
	sub(/\.out$/, "", m)
	return m
}

function add(key, x) { sum[key] += x }

function pct(arr, n, p,   i) {
	if (!n)
		return 0
	i = int(p * n + 0.999999)
	if (i < 1)
		i = 1
	return arr[i]
}

# Sort a[1..n] numerically in place (insertion sort: n is small).
function nsort(a, n,   i, j, t) {
	for (i = 2; i <= n; i++) {
		t = a[i]
		for (j = i - 1; j >= 1 && a[j] > t; j--)
			a[j + 1] = a[j]
		a[j + 1] = t
	}
}

function show(x) {
	if (x >= 1e90)
		return "none"
	if (x == int(x) && (x >= 100 || x <= -100))
		return sprintf("%d", x)
	if (x >= 100)
		return sprintf("%.0f", x)
	return sprintf("%.2f", x)
}

FNR == 1 {
	run = run_of(FILENAME)
	allruns[++nall] = run
	variant = run
	sub(/-.*/, "", variant)
	runs[variant] = runs[variant] " " run
	nrun[variant]++
	label = run
	sub(/^.*-r/, "", label)
	label = variant " run " label
}

/^PHASE / {
	delete v
	for (i = 2; i <= NF; i++) {
		split($i, kv, "=")
		v[kv[1]] = kv[2]
	}
	kind = v["name"]
	sub(/[0-9]+$/, "", kind)
	k = run SUBSEP kind
	phases[run]++
	# Our name: the PHASE line's key.
	nf = split("sec:seconds rounds:rounds restarts:restarts walks:walks " \
		   "ends:walk_ends visits:visits ticks:kswapd_ticks " \
		   "drounds:direct_rounds drestarts:direct_restarts " \
		   "dwalks:direct_walks scan:pgscan steal:pgsteal rmdirs:rmdirs", fields, " ")
	for (i = 1; i <= nf; i++) {
		split(fields[i], kf, ":")
		add(k SUBSEP kf[1], v[kf[2]])
	}
	if (v["walks"] == 0 && v["restarts"] == 0 && v["kswapd_ticks"] == 0)
		note[++nnote] = sprintf("NOTE: %s %s: kswapd idle (no walk, no restart, no CPU): the phase measured direct reclaim only", label, v["name"])
	else if (v["walks"] == 0)
		note[++nnote] = sprintf("NOTE: %s %s: kswapd started no walk: it spent the phase in one walk begun earlier (%d restarts, %d ticks)", label, v["name"], v["restarts"], v["kswapd_ticks"])
	if (kind == "churn" && rate > 0 && v["seconds"] > 0 &&
	    v["rmdirs"] / v["seconds"] < 0.95 * rate)
		bad[++nbad] = sprintf("INVALID: %s %s: %.1f rmdir/s, below 95%% of the target %d", label, v["name"], v["rmdirs"] / v["seconds"], rate)
}

/^RMDIR_MS / {
	for (i = 3; i <= NF; i++)
		lat[run, ++nlat[run]] = $i
}

function metric(r, kind, m,   k, sec, rounds) {
	k = r SUBSEP kind
	sec = sum[k, "sec"]
	rounds = sum[k, "rounds"]
	if (m == 1) return sum[k, "rounds"] * 60 / sec
	if (m == 2) return sum[k, "restarts"] * 60 / sec
	if (m == 3) return rounds ? sum[k, "restarts"] / rounds : (sum[k, "restarts"] ? 1e99 : 0)
	if (m == 4) return rounds ? sum[k, "visits"] / rounds : (sum[k, "visits"] ? 1e99 : 0)
	if (m == 5) return sum[k, "walks"] * 60 / sec
	if (m == 6) return sum[k, "ends"] * 60 / sec
	if (m == 7) return sum[k, "ticks"] / 100 * 60 / sec
	if (m == 8) return sum[k, "drounds"] * 60 / sec
	if (m == 9) return sum[k, "drestarts"] * 60 / sec
	if (m == 10) return sum[k, "dwalks"] * 60 / sec
	if (m == 11) return sum[k, "scan"] * 60 / sec
	if (m == 12) return sum[k, "steal"] * 60 / sec
	if (m == 13) return sum[k, "scan"] ? 100 * sum[k, "steal"] / sum[k, "scan"] : 0
	if (m == 14) return sum[k, "rmdirs"] / sec
	return 0
}

function rmdir_pct(r, p,   a, i, n) {
	n = nlat[r]
	for (i = 1; i <= n; i++)
		a[i] = lat[r, i] + 0
	nsort(a, n)
	return pct(a, n, p)
}

# The median and min-max of metric m over variant var's runs that
# completed a phase of the kind ("n/a" when none did).
function stats(var, kind, m,   list, nl, n, i, x) {
	nl = split(runs[var], list, " ")
	n = 0
	for (i = 1; i <= nl; i++) {
		if (!sum[list[i], kind, "sec"])
			continue
		n++
		if (m == 15)
			x[n] = rmdir_pct(list[i], 0.50)
		else if (m == 16)
			x[n] = rmdir_pct(list[i], 0.99)
		else
			x[n] = metric(list[i], kind, m)
	}
	if (!n) {
		med = -1
		return "n/a"
	}
	nsort(x, n)
	med = n % 2 ? x[(n + 1) / 2] : (x[n / 2] + x[n / 2 + 1]) / 2
	if (x[n / 2] >= 1e90 || x[n / 2 + 1] >= 1e90)
		med = n % 2 ? x[(n + 1) / 2] : x[n / 2 + 1]
	lo = x[1]
	hi = x[n]
	return show(med) " [" show(lo) "-" show(hi) "]"
}

END {
	name[1] = "kswapd rounds/min"
	name[2] = "kswapd restarts/min"
	name[3] = "kswapd restarts per round"
	name[4] = "kswapd memcgs shrunk per round"
	name[5] = "kswapd walks/min"
	name[6] = "kswapd walks ended/min"
	name[7] = "kswapd CPU s/min"
	name[8] = "direct reclaim rounds/min"
	name[9] = "direct reclaim restarts/min"
	name[10] = "direct reclaim walks/min"
	name[11] = "pgscan/min"
	name[12] = "pgsteal/min"
	name[13] = "reclaim efficiency % (steal/scan)"
	name[14] = "rmdir/s"
	name[15] = "rmdir p50 ms (all churn rmdirs)"
	name[16] = "rmdir p99 ms (all churn rmdirs)"
	if (kernels == "")
		kernels = "baseline fixed"
	nv = split(kernels, vars, " ")
	title["baseline"] = "baseline"
	title["fixed"] = "fixed"
	title["mutant"] = "seed scheme"
	line = "runs:"
	for (i = 1; i <= nv; i++) {
		if (!nrun[vars[i]]) {
			print "bench-report: no runs of the " vars[i] " kernel" > "/dev/stderr"
			exit 2
		}
		line = line (i > 1 ? "," : "") " " vars[i] " " nrun[vars[i]]
		col[vars[i]] = i
	}
	print line "; each cell: median [min-max] over the runs"
	if ("mutant" in col)
		print "seed scheme: the vz7 clearing at ->css_offline() (scripts/build -v mutant), UNSAFE on this kernel (use-after-free): measured for speed only"
	# The ratios: fixed over each other kernel.
	nr = 0
	if ("baseline" in col) { rv[++nr] = "baseline"; rt[nr] = "fixed/base" }
	if ("mutant" in col) { rv[++nr] = "mutant"; rt[nr] = "fixed/seed" }
	hdr = sprintf("%-44s", "metric")
	for (i = 1; i <= nv; i++)
		hdr = hdr sprintf(" %22s", title[vars[i]])
	for (r = 1; r <= nr; r++)
		hdr = hdr sprintf(" %9s", rt[r])
	print hdr
	nk = split("quiet churn", kinds, " ")
	for (j = 1; j <= nk; j++) {
		for (m = 1; m <= 16; m++) {
			if (m >= 14 && kinds[j] == "quiet")
				continue
			out = sprintf("%-44s", kinds[j] ": " name[m])
			for (i = 1; i <= nv; i++) {
				cell = stats(vars[i], kinds[j], m)
				md[vars[i]] = med
				out = out sprintf(" %22s", cell)
			}
			fm = md["fixed"]
			for (r = 1; r <= nr; r++) {
				bm = md[rv[r]]
				if (bm >= 1e90 || fm >= 1e90 || bm <= 0 || fm < 0)
					ratio = "-"
				else
					ratio = sprintf("%.2f", fm / bm)
				out = out sprintf(" %9s", ratio)
			}
			print out
		}
	}
	for (i = 1; i <= nall; i++)
		if (phases[allruns[i]] < 4)
			note[++nnote] = sprintf("NOTE: %s: %d of 4 phases completed (the guest ended early); its completed phases count", allruns[i], phases[allruns[i]])
	for (i = 1; i <= nnote; i++)
		print note[i]
	for (i = 1; i <= nbad; i++)
		print bad[i]
	if (nbad)
		exit 3
}
