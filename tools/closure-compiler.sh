#!/bin/sh
# Closure Compiler for Emscripten's --closure 1 on the widget edition's glue (wasm/CMakeLists.txt
# points EM_CLOSURE_COMPILER here). The compiler is the repo's npm devDependency
# google-closure-compiler (its native binary, pinned in package-lock.json). Two adaptations of
# this Emscripten (3.1.6) to that newer release, every other argument passed on as it is:
# - `--language_in ECMASCRIPT_NEXT_IN`, which the release no longer knows, becomes ECMASCRIPT_NEXT;
# - Emscripten's closure-externs.js declares the WebGPU names (`var GPUDevice;` ...) that the
#   release's own externs now declare too (an error): a copy without those lines is given instead.
here=$(dirname "$0")
compiler="$here/../node_modules/.bin/google-closure-compiler"
if [ ! -x "$compiler" ]; then
  echo "tools/closure-compiler.sh: $compiler is missing (run npm ci)" >&2
  exit 1
fi
externs=$(mktemp "${TMPDIR:-/tmp}/newslens-closure-externs.XXXXXX.js") || exit 1
trap 'rm -f "$externs"' EXIT
first=1
for arg in "$@"; do
  if [ "$first" = 1 ]; then set --; first=0; fi
  case "$arg" in
    ECMASCRIPT_NEXT_IN) arg=ECMASCRIPT_NEXT ;;
    */closure-externs/closure-externs.js)
      grep -Ev '^var GPU[A-Za-z]*;$' "$arg" > "$externs" || exit 1
      arg=$externs ;;
  esac
  set -- "$@" "$arg"
done
"$compiler" "$@"
