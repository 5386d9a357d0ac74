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
  libcli11-dev
  # tests
  libgtest-dev libgmock-dev wget python3 sqlite3
  # the migration report rendered in a real browser (headless), with a font;
  # pdftotext reads its print layout back
  chromium fonts-dejavu-core poppler-utils
  # benchmarks (peers)
  libxml2-utils util-linux
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing ${missing[*]}; run as root (or with sudo)" >&2
  exit 2
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
