#!/usr/bin/env bash
# CLI throughput on a corpus (docs/performance.md, "CLI throughput"): for each thread count
# and output mode, runs `newslens analyze --jsonl` REPEATS times over CORPUS and prints the
# median wall time, MB/s and articles/s, the CPU time (user + sys), the peak RSS (both measured
# by /usr/bin/time -v) and MB per CPU-second, the per-core figure that cluster sizing needs. Output goes to /dev/null; the corpus is read from disk (warm cache after
# the first run). The machine's load average is printed before and after: on a shared machine,
# wall-clock figures are only as good as the load was low, and CPU time is the steadier one.
#
#   bench/scale-bench.sh [-c CLI] [-r REPEATS] [-t "1 2"] [-m "summary report"] CORPUS
#
# Modes: summary (--summary), report (full reports), aggregate (--aggregate only).
set -euo pipefail

cli="$(dirname "$0")/../build/newslens"
repeats=3
threads="1 2"
modes="summary report"
while getopts "c:r:t:m:" opt; do
  case $opt in
    c) cli=$OPTARG ;;
    r) repeats=$OPTARG ;;
    t) threads=$OPTARG ;;
    m) modes=$OPTARG ;;
    *) echo "usage: $0 [-c CLI] [-r REPEATS] [-t THREADS] [-m MODES] CORPUS" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[[ $# -eq 1 ]] || { echo "usage: $0 [-c CLI] [-r REPEATS] [-t THREADS] [-m MODES] CORPUS" >&2; exit 2; }
corpus=$1
[[ -x /usr/bin/time ]] || { echo "scale-bench: /usr/bin/time missing (apt-get install -y time)" >&2; exit 2; }

# MB/s counts decompressed input bytes (10^6 per MB); articles are lines (the generated
# corpora have no blank lines).
bytes=$(zcat -f -- "$corpus" | wc -c)
articles=$(zcat -f -- "$corpus" | wc -l)
echo "corpus: $corpus, $(awk -v b="$bytes" 'BEGIN{printf "%.1f", b/1e6}') MB of text input, $articles articles"
echo "cli: $cli, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-10s %7s %9s %9s %11s %9s %9s %11s\n' mode threads "wall s" "MB/s" "articles/s" "cpu s" "RSS MiB" "MB/cpu-s"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
flags_for() {
  case $1 in
    summary) echo --summary ;;
    report) echo ;;
    aggregate) echo --aggregate ;;
    *) echo "scale-bench: unknown mode $1" >&2; exit 2 ;;
  esac
}
for mode in $modes; do flags_for "$mode" >/dev/null; done
# Repeats are interleaved (1, 2, 1, 2, ... threads), so that a change in the machine's load
# during the run hits every configuration alike instead of one of them.
declare -A results
for ((i = 0; i < repeats; i++)); do
  for mode in $modes; do
    for t in $threads; do
      # shellcheck disable=SC2046  # no flags, or one
      /usr/bin/time -v -o "$log" "$cli" analyze --jsonl $(flags_for "$mode") --threads "$t" \
        "$corpus" >/dev/null || [[ $? -eq 1 ]]
      results[$mode/$t]+="$(awk -F': ' '
        /Elapsed \(wall clock\)/ { n = split($2, p, ":"); w = 0; for (k = 1; k <= n; k++) w = w * 60 + p[k] }
        /User time/ { u = $2 } /System time/ { s = $2 } /Maximum resident/ { m = $2 }
        END { printf "%.2f %.2f %d", w, u + s, m }' "$log")"$'\n'
    done
  done
done
for mode in $modes; do
  for t in $threads; do
    # The median run by wall time.
    median=$(printf '%s' "${results[$mode/$t]}" | sort -n | sed -n "$(((repeats + 1) / 2))p")
    read -r wall cpu rss <<<"$median"
    awk -v m="$mode" -v t="$t" -v w="$wall" -v c="$cpu" -v r="$rss" -v b="$bytes" -v a="$articles" \
      'BEGIN { printf "%-10s %7d %9.2f %9.1f %11.0f %9.2f %9.1f %11.1f\n", m, t, w, b / 1e6 / w, a / w, c, r / 1024, b / 1e6 / c }'
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
