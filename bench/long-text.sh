#!/bin/bash
# The core's time on one long text, by size: instructions (callgrind, independent of the
# machine's load) of the CLI's `analyze --json` on a wire digest (bench/digest.mjs: thousands of
# paragraphs, each naming its own town) of each size, per byte and against the size before. A
# linear core keeps the per-byte figure flat as the text grows; a quadratic part doubles the
# ratio (docs/performance.md, "Long texts with many names").
#
#   bench/long-text.sh [--cli PATH] [--sizes 1,2,4] [--corpus JSONL] [--module newslens.js]
#
# --corpus also runs one text of each size made of a corpus's articles end to end (e.g.
# ../shared/dev-data/reuters21578-modapte-train.jsonl). --module also prints the CPU time of the
# wasm module's analyze() on each text with the page's details (mentions, sentence_themes), in
# one node process after a warm-up analysis of the first text: wall-clock-like, so say the load
# beside it. Needs valgrind and node.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cli="$here/../build/newslens"
sizes="1,2,4"
corpus=""
module=""
while [ $# -gt 0 ]; do
  case "$1" in
    --cli) cli="$2"; shift ;;
    --sizes) sizes="$2"; shift ;;
    --corpus) corpus="$2"; shift ;;
    --module) module="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
  shift
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
run() {  # NAME FILE: instructions of Analyzer::Analyze* on FILE
  valgrind --tool=callgrind --callgrind-out-file=/dev/null \
    --toggle-collect='newslens::Analyzer::Analyze*' "$cli" analyze --json "$2" \
    > /dev/null 2> "$work/err"
  grep -o 'Collected : [0-9]*' "$work/err" | grep -o '[0-9]*$'
}
for kind in digest ${corpus:+corpus}; do
  previous=""
  for mb in ${sizes//,/ }; do
    file="$work/$kind-$mb.txt"
    if [ "$kind" = digest ]; then
      node "$here/digest.mjs" "$mb" "$file"
    else
      node -e "
        const fs = require('fs');
        const texts = fs.readFileSync(process.argv[1], 'utf8').split('\n').filter(Boolean)
                        .map((l) => JSON.parse(l).text);
        let s = '';
        for (let i = 0; s.length < $mb * 1e6; i = (i + 1) % texts.length) s += texts[i] + '\n\n';
        fs.writeFileSync(process.argv[2], s.slice(0, $mb * 1e6));" "$corpus" "$file"
    fi
    bytes=$(stat -c %s "$file")
    ir=$(run "$kind" "$file")
    growth=""
    [ -n "$previous" ] && growth=", x$(echo "scale=2; $ir / $previous" | bc) the size before"
    echo "$kind $mb MB: $ir instructions, $(echo "scale=1; $ir / $bytes" | bc) per byte$growth"
    previous=$ir
  done
done
if [ -n "$module" ]; then
  node -e "
    const fs = require('fs');
    const {NewsLens} = require(process.argv[1]);
    const files = process.argv.slice(2);
    NewsLens.create().then((nl) => {
      nl.analyze(fs.readFileSync(files[0], 'utf8'), {detail: ['mentions', 'sentence_themes']});
      for (const file of files) {
        const text = fs.readFileSync(file, 'utf8');
        const before = process.cpuUsage();
        nl.analyze(text, {detail: ['mentions', 'sentence_themes']});
        const cpu = process.cpuUsage(before);
        console.log(file.replace(/.*\\//, '') + ' in the module: ' +
                    ((cpu.user + cpu.system) / 1e3).toFixed(0) + ' ms CPU');
      }
    });" "$module" "$work"/*.txt
fi
