#!/usr/bin/env bash
# Simulates the cluster pipe contract on one machine (docs/scale.md): split a corpus into N
# partitions, run N CLI processes in parallel on them (as Spark's rdd.pipe, Hadoop Streaming or
# GNU parallel would, one single-threaded process per partition), merge, and check that the
# merged result equals a single-process run, byte for byte:
#   - the partitions' summary lines, concatenated in partition order, equal the single run's;
#   - `newslens aggregate` of the merged summaries equals the single run's --aggregate;
#   - merging the partitions' own aggregates (the combiner path) gives the same aggregate.
#
#   bench/scale-pipe.sh [-n PARTITIONS] [-c CLI] CORPUS.jsonl[.gz]
#
# Prints the wall time of both runs; exits 1 if anything differs. Works under /tmp (mktemp).
set -euo pipefail

partitions=2
cli="$(dirname "$0")/../build/newslens"
while getopts "n:c:" opt; do
  case $opt in
    n) partitions=$OPTARG ;;
    c) cli=$OPTARG ;;
    *) echo "usage: $0 [-n PARTITIONS] [-c CLI] CORPUS.jsonl[.gz]" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[[ $# -eq 1 ]] || { echo "usage: $0 [-n PARTITIONS] [-c CLI] CORPUS.jsonl[.gz]" >&2; exit 2; }
corpus=$1
[[ -x $cli ]] || { echo "scale-pipe: $cli is not built" >&2; exit 2; }

work=$(mktemp -d /tmp/newslens-scale-pipe.XXXXXX)
trap 'rm -rf "$work"' EXIT
now() { date +%s.%N; }

# Partitions are whole lines, in order (split -n l/N never cuts a line).
zcat -f -- "$corpus" >"$work/corpus.jsonl"
bytes=$(stat -c %s "$work/corpus.jsonl")
split -n "l/$partitions" -d -a 3 "$work/corpus.jsonl" "$work/part-"
parts=("$work"/part-[0-9][0-9][0-9])

# The map step: one single-threaded process per partition, all at once. Exit status 1 only
# means some records were bad (they become error lines); anything else is a failure.
start=$(now)
pids=()
for p in "${parts[@]}"; do
  "$cli" analyze --jsonl --summary --threads 1 "$p" >"$p.summary" &
  pids+=($!)
done
for pid in "${pids[@]}"; do
  status=0
  wait "$pid" || status=$?
  ((status <= 1)) || { echo "scale-pipe: a partition failed with status $status" >&2; exit 1; }
done
map_end=$(now)
# The reduce step: concatenate summaries in partition order; aggregate them.
for p in "${parts[@]}"; do cat "$p.summary"; done >"$work/merged.summary"
"$cli" aggregate "$work/merged.summary" >"$work/merged.aggregate" || true
# The combiner path: aggregate each partition, then merge the partial aggregates.
for p in "${parts[@]}"; do "$cli" aggregate "$p.summary" || true; done >"$work/partials"
"$cli" aggregate "$work/partials" >"$work/partials.aggregate" || true
reduce_end=$(now)

# The reference: one process over the whole corpus.
"$cli" analyze --jsonl --summary --aggregate "$work/corpus.jsonl" >"$work/single.out" || true
single_end=$(now)
head -n -1 "$work/single.out" >"$work/single.summary"
tail -n 1 "$work/single.out" >"$work/single.aggregate"

awk -v b="$bytes" -v n="$partitions" -v s="$start" -v m="$map_end" -v r="$reduce_end" \
    -v e="$single_end" 'BEGIN {
  printf "corpus %.1f MB; %d partitions: map %.2f s (%.1f MB/s), reduce %.2f s\n",
         b / 1e6, n, m - s, b / 1e6 / (m - s), r - m
  printf "single process (default threads): %.2f s (%.1f MB/s)\n", e - r, b / 1e6 / (e - r) }'
articles=$(wc -l <"$work/merged.summary")
ok=1
cmp -s "$work/merged.summary" "$work/single.summary" || { echo "DIFFERENT: summary lines" >&2; ok=0; }
cmp -s "$work/merged.aggregate" "$work/single.aggregate" || { echo "DIFFERENT: aggregate" >&2; ok=0; }
cmp -s "$work/partials.aggregate" "$work/single.aggregate" || { echo "DIFFERENT: merged partial aggregates" >&2; ok=0; }
((ok)) || exit 1
echo "identical: $articles summary lines, the aggregate, and the merge of $partitions partial aggregates"
