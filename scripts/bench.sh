#!/usr/bin/env bash
# bench.sh [COUNT]: the README's speed table, reproduced. Runs the
# benchmarks behind each row COUNT times (default 5), prints the median of
# every reported figure per benchmark, the machine they ran on, and the
# start-to-window time of the real window (medians of COUNT runs under
# Xvfb, when xvfb-run is installed). Raw output is kept in build/bench.txt.
set -euo pipefail
count=${1:-5}
mkdir -p build
raw=build/bench.txt
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'),"\
  "$(awk '/MemTotal/ {printf "%.1f GB RAM", $2/1048576}' /proc/meminfo), $(go version | cut -d' ' -f3),"\
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"
: >"$raw"
run() { go test "$1" -run '^$' -bench "$2" -benchmem -count "$count" | tee -a "$raw" >/dev/null; }
run ./planner/ '^(BenchmarkEvaluate|BenchmarkMonteCarlo|BenchmarkTenScenarios)$'
run ./ui/ '^BenchmarkEdit$'
run ./plot/ '^BenchmarkImage$'
run ./export/ '^BenchmarkWriteSweep$'
run ./cmd/aiplan/ '^BenchmarkEstimateSet$'
# Median of each "value unit" pair per benchmark name.
awk '/^Benchmark/ {
  name = $1
  for (i = 3; i + 1 <= NF; i += 2) { key = name "\t" $(i+1); vals[key] = vals[key] " " $i; if (!(key in seen)) { seen[key] = 1; order[n++] = key } }
}
END {
  for (k = 0; k < n; k++) {
    m = split(substr(vals[order[k]], 2), a, " ")
    for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    med = (m % 2) ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2
    split(order[k], p, "\t")
    printf "%-60s %14.4g %-16s (median of %d)\n", p[1], med, p[2], m
  }
}' "$raw"
if command -v xvfb-run >/dev/null && [ -x ./aiplan ]; then
  times=()
  for _ in $(seq "$count"); do
    t=$(xvfb-run -a -s '-screen 0 1280x800x24' scripts/smoke.sh ./aiplan build/bench-smoke.png 2>/dev/null |
      sed -n 's/.*start-to-window \([0-9]*\) ms.*/\1/p')
    [ -n "$t" ] && times+=("$t")
  done
  if [ ${#times[@]} -gt 0 ]; then
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR] = $1} END {printf "%-60s %14d %-16s (median of %d)\n", "start to window (Xvfb, scripts/smoke.sh)", (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2, "ms", NR}'
  fi
fi
