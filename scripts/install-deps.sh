#!/usr/bin/env bash
# Installs exactly what blogshift's build, tests and benchmarks need from
# Debian 12's packages. Idempotent: when every package is present it only
# checks (no apt-get update), which takes well under a second.
set -euo pipefail

packages=(
  # toolchain
  g++ cmake ninja-build pkg-config
  # libraries the code links
  libxml2-dev libgumbo-dev libyaml-cpp-dev libsqlite3-dev libarchive-dev
  libssl-dev zlib1g-dev libzstd-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
  libcli11-dev libcurl4-openssl-dev libbrotli-dev
  # tests
  libgtest-dev libgmock-dev wget python3 sqlite3 groff-base
  # fetch tests: the local Blogger server makes its TLS certificates with openssl
  openssl
  # archive tests: tar.zst and zip read back by tools not written here
  zstd unzip
  # the migration report rendered in a real browser (headless), with a font;
  # pdftotext reads its print layout back
  chromium fonts-dejavu-core poppler-utils
  # the fuzz build (fuzz/, CI step 3): clang, and libFuzzer's runtime, which
  # libclang-common-14-dev only recommends (and --no-install-recommends skips)
  clang libclang-rt-14-dev
  # benchmarks (peers)
  libxml2-utils util-linux
  # redirect-map tests: real web servers on 127.0.0.1
  nginx apache2 caddy
  # site-build tests: the migrated tree built by real static-site generators
  # (Astro comes from npm, below)
  hugo jekyll
)

# node and npm for warcio.js (below): Debian's packages, unless a node is
# already there (one from elsewhere ships its own npm, which Debian's npm
# package would conflict with).
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
else
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: missing ${missing[*]}; run as root (or with sudo)" >&2
    exit 2
  fi
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # Web servers' packages start their default service on install (port 80,
  # which may be taken, and there may be no init system): a policy-rc.d that
  # answers 101 forbids that while apt runs. One already there is left alone.
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\n# blogshift install-deps: no service starts during apt install\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    trap 'rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# From the npm registry, pinned, into the project-local .tools/node
# (git-ignored):
#  * warcio.js (Webrecorder's WARC library): the WARC tests check blogshift's
#    WARC files with it, an implementation not written here;
#  * Astro (5.x, the line that runs on Debian 12's Node.js 20): the site-build
#    tests build the Astro layout with it;
#  * @rowanmanning/feed-parser: the feed tests parse the new site's feed with
#    it, a parser not written here.
tools="$(cd "$(dirname "$0")/.." && pwd)/.tools/node"
node_packages=(warcio@2.4.11 astro@5.18.2 @rowanmanning/feed-parser@2.1.5)
node_missing=()
for spec in "${node_packages[@]}"; do
  name=${spec%@*} version=${spec##*@}  # a scoped name keeps its leading @
  if ! grep -qs "\"version\": \"$version\"" "$tools/node_modules/$name/package.json"; then
    node_missing+=("$spec")
  fi
done
if [ ${#node_missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${node_missing[*]} into .tools/node"
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-audit --no-fund --loglevel=error "${node_packages[@]}"
fi
