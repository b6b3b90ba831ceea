#!/usr/bin/env bash
# Runs every libFuzzer target of build-sanitize/fuzz for SECONDS each (JOBS at a time), from the
# seed corpora in fuzz/corpus plus what earlier runs found (build-sanitize/fuzz/corpus, never
# committed), and prints the executions per target. Exits 1 when a target crashed, leaked or
# hung, naming the input that did it. Usage: tools/fuzz.sh SECONDS [JOBS]   (see docs/reliability.md)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:?usage: tools/fuzz.sh SECONDS [JOBS]}
jobs=${2:-1}
bin=build-sanitize/fuzz
targets=(analyze dictionary_json liwc_dic custom_dictionary jsonl csv)
declare -A extra=(
  [analyze]="-max_len=16384"
  [dictionary_json]="-dict=fuzz/json.dict -max_len=8192"
  [liwc_dic]="-max_len=8192"
  [custom_dictionary]="-dict=fuzz/json.dict -max_len=4096"
  [jsonl]="-dict=fuzz/json.dict -max_len=16384"
  [csv]="-max_len=16384"
)
mkdir -p "$bin/logs" "$bin/artifacts"

run_one() {
  local t=$1
  mkdir -p "$bin/corpus/$t"
  # -timeout: one input taking over 10 s is a hang; -rss_limit_mb: 2 GB is a leak or blow-up.
  # ASan's leak check runs at exit (detect_leaks=1 is libFuzzer's default).
  "$bin/fuzz_$t" "$bin/corpus/$t" "fuzz/corpus/$t" ${extra[$t]} -max_total_time="$seconds" \
    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$bin/artifacts/$t-" \
    >"$bin/logs/$t.log" 2>&1
}
status=0
rm -f "$bin/logs/failed"
for t in "${targets[@]}"; do
  while (($(jobs -rp | wc -l) >= jobs)); do wait -n || true; done
  ( run_one "$t" || echo "$t" >>"$bin/logs/failed" ) &
done
wait
total=0
printf '%-18s %12s %10s\n' target executions "exec/s"
for t in "${targets[@]}"; do
  log="$bin/logs/$t.log"
  n=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || echo 0)
  rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || echo 0)
  total=$((total + n))
  printf '%-18s %12s %10s\n' "$t" "$n" "$rate"
done
printf '%-18s %12s\n' total "$total"
if [[ -f $bin/logs/failed ]]; then
  for t in $(sort -u "$bin/logs/failed"); do
    echo "newslens: fuzz_$t failed; the end of $bin/logs/$t.log:" >&2
    tail -n 40 "$bin/logs/$t.log" >&2
    echo "reproduce: $bin/fuzz_$t $bin/artifacts/$t-<file named above>" >&2
  done
  rm -f "$bin/logs/failed"
  status=1
fi
exit $status
