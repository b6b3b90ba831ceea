# newslens — the two commands of the README, and the build step they share.
#   make run    install what is missing, build, analyse the sample, serve dist/ on :8000
#   make test   install what is missing, build, run every test layer (.ci/run calls this)
#   make build  native CLI (build/newslens), wasm module (build-wasm/), site (dist/), npm package (build-npm/)
#   make fuzz   run every libFuzzer target for FUZZ_SECONDS each (docs/reliability.md)
#   make test-python  the Dask integration on a real LocalCluster (python/, docs/scale.md)
#   make install [PREFIX=/usr/local] [DESTDIR=]  the CLI, its man page and the C++ package
#                (docs/packaging.md); the same as `cmake --install build --prefix PREFIX`

SHELL := /bin/bash
MAKEFLAGS += --no-print-directory
JOBS ?= $(shell nproc)
SAMPLE := data/samples/china-russia-letter.txt
# Emscripten 3.1.6's JS optimizer needs Debian's acorn.
export NODE_PATH := /usr/share/nodejs

# Fuzzing (docs/reliability.md): seconds per target for `make fuzz`, and within `make test`.
FUZZ_SECONDS ?= 60
FUZZ_CI_SECONDS ?= 40
# Debian's Python, where apt's python3-distributed (Dask) lives; a pyenv or venv python3 on PATH
# would not see it.
PYTHON ?= /usr/bin/python3
# Where `make install` puts bin/newslens, share/man/man1/newslens.1, lib/ and include/.
PREFIX ?= /usr/local

.PHONY: all deps build native wasm web npm run install test test-core test-wasm test-cli test-data test-web test-python test-package test-npm test-install \
	sanitize test-sanitize test-valgrind fuzz test-fuzz clean

all: build

deps:
	@tools/install-deps.sh

build: deps native wasm web npm

native:
	@cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build build -j $(JOBS)

wasm:
	@[ -f build-wasm/CMakeCache.txt ] || emcmake cmake -S . -B build-wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build build-wasm -j $(JOBS)

web:
	@node web/build.mjs
	@node web/build-embed.mjs
	@# Every size budget with its measured value; a breach of a gated budget fails the build.
	@node bench/size.mjs --check dist

# The npm package, packed and published from build-npm/ (tools/build-npm.mjs, docs/packaging.md).
npm:
	@node tools/build-npm.mjs

install: native
	@DESTDIR="$(DESTDIR)" cmake --install build --prefix "$(PREFIX)"

run: build
	@./build/newslens analyze $(SAMPLE)
	@node tools/serve.mjs dist 8000

test: build test-core test-data test-wasm test-cli test-package test-python test-web test-sanitize test-valgrind test-fuzz

test-core:
	@cd build && ctest --output-on-failure -j $(JOBS)

test-data:
	@node --test tests/data/

test-wasm:
	@node --test tests/wasm/

test-cli:
	@node --test tests/cli/

# From consumers outside the tree (docs/packaging.md), every tests/package/*.test.mjs. The npm
# package (test-npm alone): npm pack, an offline install of the tarball, require/import/embed in
# node, tsc --noEmit against its types; in Chromium, the ES module natively, import/require bundled
# by esbuild, and the widget from node_modules.
test-package:
	@node --test --test-concurrency=1 tests/package/

test-npm:
	@node --test --test-concurrency=1 tests/package/npm.test.mjs tests/package/npm-browser.test.mjs

# The C++ and shell side alone (test-install): the CMake package from a consumer project,
# make install with the man page, one version number everywhere.
test-install:
	@node --test --test-concurrency=1 tests/package/cmake.test.mjs tests/package/install.test.mjs \
		tests/package/install-version.test.mjs

# unittest prints "Ran N tests" and exits non-zero on any failure or error.
test-python: native
	@$(PYTHON) -m unittest discover -s tests/python

test-web:
	@node --test --test-concurrency=1 tests/web/

# One clang build with ASan + UBSan for both the GoogleTest suites and the fuzz targets.
sanitize:
	@[ -f build-sanitize/CMakeCache.txt ] || cmake -S . -B build-sanitize \
		-DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=RelWithDebInfo \
		-DNEWSLENS_SANITIZE=ON -DNEWSLENS_BUILD_FUZZ=ON >/dev/null
	@cmake --build build-sanitize -j $(JOBS)

# Every GoogleTest case under ASan + UBSan (leaks included); any report fails the test.
test-sanitize: sanitize
	@cd build-sanitize && ctest --output-on-failure -j $(JOBS)

# The release CLI under memcheck: the sample as a file and as a JSONL stream on two threads.
VALGRIND := valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect,possible \
	--errors-for-leak-kinds=definite,indirect,possible
test-valgrind: native
	@$(VALGRIND) ./build/newslens analyze --json $(SAMPLE) >/dev/null
	@node -e 'const t=require("fs").readFileSync("$(SAMPLE)","utf8");for(let i=0;i<8;i++)console.log(JSON.stringify({id:i,text:t.slice(0,1500*(i+1))}))' \
		| $(VALGRIND) ./build/newslens analyze --jsonl --summary --aggregate --threads 2 >/dev/null
	@echo "valgrind memcheck: no errors, no leaks"

fuzz: sanitize
	@tools/fuzz.sh $(FUZZ_SECONDS) $(JOBS)

test-fuzz: sanitize
	@tools/fuzz.sh $(FUZZ_CI_SECONDS) $(JOBS)

clean:
	rm -rf build build-wasm build-sanitize build-npm dist
