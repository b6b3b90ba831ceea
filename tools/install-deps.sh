#!/usr/bin/env bash
# Installs what newslens needs to build and test, only what is missing (running it twice is a
# no-op). Debian 12: apt packages as root; npm packages from package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."

# clang-14 + libclang-rt-14-dev: the sanitizer and libFuzzer build; valgrind: memcheck of the CLI;
# python3-distributed + python3-pandas: Dask and its DataFrame (python/, make test-python);
# help2man: the CLI's man page, written from --help at build time; man-db: `man -l` in its test.
APT_PACKAGES=(cmake g++ make emscripten nlohmann-json3-dev zlib1g-dev chromium libgtest-dev libbenchmark-dev nodejs npm gzip
              clang-14 libclang-rt-14-dev valgrind python3-distributed python3-pandas help2man man-db)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# A node from elsewhere (nvm, NodeSource) is fine: do not install Debian's over it.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}")
  missing=("${missing[@]/npm}")
fi
read -r -a missing <<<"${missing[*]:-}"
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]] && ! command -v sudo >/dev/null; then
    echo "newslens: missing packages; install them with: apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  SUDO=""
  [[ $(id -u) -ne 0 ]] && SUDO=sudo
  echo "newslens: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
for tool in cmake g++ em++ node npm clang++-14 valgrind help2man man; do
  command -v "$tool" >/dev/null || { echo "newslens: '$tool' not found; install it (apt-get install -y ${APT_PACKAGES[*]})" >&2; exit 1; }
done
/usr/bin/python3 -c 'import distributed, dask.dataframe' 2>/dev/null || { echo "newslens: Dask not importable by /usr/bin/python3; apt-get install -y python3-distributed python3-pandas" >&2; exit 1; }
[[ -x /usr/bin/chromium ]] || { echo "newslens: /usr/bin/chromium not found; apt-get install -y chromium" >&2; exit 1; }

# npm packages: reinstall only when the lock file changed since the last install.
stamp=node_modules/.newslens-lock
if [[ ! -f $stamp ]] || ! cmp -s package-lock.json "$stamp"; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi
