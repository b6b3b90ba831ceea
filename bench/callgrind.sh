#!/bin/bash
# Instructions per input byte of Analyze + ToJson (callgrind; AnalyzeToJson in cores that have
# it, and then also Analyze + ToJson of the Report: "via Report"), and of Analyzer::Create, for
# the core of any tree: figures that do not move with the machine's load, comparable across
# commits.
#
#   bench/callgrind.sh [TREE] [BUILD] [--wall]     defaults: this checkout, build-perf
#
# --keep DIR keeps the callgrind.out files there (callgrind_annotate them for a profile).
# --wall also prints wall-clock figures of the same program outside valgrind (median of 5
# passes over the 200 articles, and of 200 analyses of the sample): run it under nice -n -15.
#
# TREE is a source tree (e.g. `git archive COMMIT | tar -x -C /tmp/c`), BUILD a native Release
# build of it (libnewslens_core.a). Corpora: the sample article x5, and the first 200 articles of
# the generated corpus (bench/corpus.mjs). Needs valgrind, node, g++, nlohmann-json3-dev.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
wall=0
keep=""
positional=()
while [ $# -gt 0 ]; do
  case "$1" in
    --wall) wall=1 ;;
    --keep) keep="$2"; shift ;;
    *) positional+=("$1") ;;
  esac
  shift
done
tree="$(cd "${positional[0]:-$here/..}" && pwd)"
build="$(cd "${positional[1]:-$tree/build-perf}" && pwd)"
work="$(mktemp -d)"
trap '[ -n "$keep" ] && mkdir -p "$keep" && cp "$work"/cg.* "$keep"/; rm -rf "$work"' EXIT
node -e "process.stdout.write(JSON.stringify({text: require('fs').readFileSync('$here/../data/samples/china-russia-letter.txt', 'utf8')}) + '\n')" > "$work/sample.jsonl"
node "$here/corpus.mjs" --mb 10 --out "$work/gen.jsonl" && head -200 "$work/gen.jsonl" > "$work/gen200.jsonl"
# libnewslens_dict.a: the dictionary parsers, a library of their own since the packed dictionaries.
libs=("$build/libnewslens_core.a")
[ -f "$build/libnewslens_dict.a" ] && libs+=("$build/libnewslens_dict.a")
fields=""
grep -q ParseReportFields "$tree/core/include/newslens/analyzer.h" && fields=-DNEWSLENS_HAS_FIELDS
# AnalyzeToJson (the CLI's and the wasm module's path) where the core has it; the collect pattern
# Analyzer::Analyze* covers it.
to_json=""
grep -q AnalyzeToJson "$tree/core/include/newslens/analyzer.h" && to_json=-DNEWSLENS_HAS_ANALYZE_TO_JSON
flat=""  # AnalyzeToFlat (the wasm module's analyze()), private to the core: core/src/flat.h
[ -f "$tree/core/src/flat.h" ] && grep -q AnalyzeToFlat "$tree/core/include/newslens/analyzer.h" && flat="-DNEWSLENS_HAS_FLAT -I$tree/core/src"
into=""  # Analyze into a reused Report
grep -q 'Report\* report) const' "$tree/core/include/newslens/analyzer.h" && into=-DNEWSLENS_HAS_ANALYZE_INTO
# Functions whose instructions are collected. A toggle pattern switches collection on entry and
# back on return, so one nested in another (ToJson inside AnalyzeToJson) would switch it *off*:
# with AnalyzeToJson only its own pattern.
collect=(--toggle-collect='newslens::Analyzer::Analyze*' --toggle-collect='newslens::ToJson*')
[ -n "$to_json" ] && collect=(--toggle-collect='newslens::Analyzer::Analyze*')
g++ -O2 -std=c++17 $fields $to_json $into $flat -I"$tree/core/include" "$here/analyze_once.cc" "${libs[@]}" -o "$work/analyze_once"
for corpus in sample:5 gen200:1; do
  name=${corpus%%:*}; reps=${corpus##*:}
  valgrind --tool=callgrind --callgrind-out-file="$work/cg.$name" \
    "${collect[@]}" \
    "$work/analyze_once" "$work/$name.jsonl" "$reps" 2> "$work/err.$name"
  ir=$(grep -o 'Collected : [0-9]*' "$work/err.$name" | grep -o '[0-9]*$')
  bytes=$(grep -o '^bytes [0-9]*' "$work/err.$name" | grep -o '[0-9]*$')
  echo "$name: $ir instructions / $bytes bytes = $(echo "scale=1; $ir / $bytes" | bc) per byte"
done
# Tone alone (--fields tone), when the tree's core has the fields option.
if [ -n "$fields" ]; then
  valgrind --tool=callgrind --callgrind-out-file="$work/cg.tone" \
    "${collect[@]}" \
    "$work/analyze_once" "$work/gen200.jsonl" 1 tone 2> "$work/err.tone"
  ir=$(grep -o 'Collected : [0-9]*' "$work/err.tone" | grep -o '[0-9]*$')
  bytes=$(grep -o '^bytes [0-9]*' "$work/err.tone" | grep -o '[0-9]*$')
  echo "gen200 tone only: $ir instructions / $bytes bytes = $(echo "scale=1; $ir / $bytes" | bc) per byte"
fi
# The flat form (what the wasm module's analyze() decodes into the report object).
if [ -n "$flat" ]; then
  FLAT=1 valgrind --tool=callgrind --callgrind-out-file="$work/cg.flat" \
    "${collect[@]}" \
    "$work/analyze_once" "$work/gen200.jsonl" 1 2> "$work/err.flat"
  ir=$(grep -o 'Collected : [0-9]*' "$work/err.flat" | grep -o '[0-9]*$')
  bytes=$(grep -o '^bytes [0-9]*' "$work/err.flat" | grep -o '[0-9]*$')
  echo "gen200 flat form (wasm analyze): $ir instructions / $bytes bytes = $(echo "scale=1; $ir / $bytes" | bc) per byte"
fi
# The public Report (Analyze, then ToJson of the Report), when the line above used AnalyzeToJson.
if [ -n "$to_json" ]; then
  VIA_REPORT=1 valgrind --tool=callgrind --callgrind-out-file="$work/cg.report" \
    --toggle-collect='newslens::Analyzer::Analyze*' --toggle-collect='newslens::ToJson*' \
    "$work/analyze_once" "$work/gen200.jsonl" 1 2> "$work/err.report"
  ir=$(grep -o 'Collected : [0-9]*' "$work/err.report" | grep -o '[0-9]*$')
  bytes=$(grep -o '^bytes [0-9]*' "$work/err.report" | grep -o '[0-9]*$')
  echo "gen200 via Report: $ir instructions / $bytes bytes = $(echo "scale=1; $ir / $bytes" | bc) per byte"
fi
if [ -n "$into" ]; then
  VIA_REPORT=reuse valgrind --tool=callgrind --callgrind-out-file="$work/cg.reuse" \
    --toggle-collect='newslens::Analyzer::Analyze*' --toggle-collect='newslens::ToJson*' \
    "$work/analyze_once" "$work/gen200.jsonl" 1 2> "$work/err.reuse"
  ir=$(grep -o 'Collected : [0-9]*' "$work/err.reuse" | grep -o '[0-9]*$')
  bytes=$(grep -o '^bytes [0-9]*' "$work/err.reuse" | grep -o '[0-9]*$')
  echo "gen200 via a reused Report: $ir instructions / $bytes bytes = $(echo "scale=1; $ir / $bytes" | bc) per byte"
fi
valgrind --tool=callgrind --callgrind-out-file="$work/cg.create" \
  --toggle-collect='newslens::Analyzer::Create*' "$work/analyze_once" /dev/null 2> "$work/err.create"
echo "Analyzer::Create: $(grep -o 'Collected : [0-9]*' "$work/err.create" | grep -o '[0-9]*$') instructions"
if [ "$wall" = 1 ]; then
  "$work/analyze_once" "$work/gen200.jsonl" 5 2>&1 | sed 's/^/wall gen200 x5: /'
  "$work/analyze_once" "$work/sample.jsonl" 200 2>&1 | sed 's/^/wall sample x200: /'
fi
