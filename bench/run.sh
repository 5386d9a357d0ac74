#!/usr/bin/env bash
# Builds the benchmarks and runs them on the largest corpus export and on a
# generated export 12 times larger, next to peers: xmllint --stream (libxml2's
# own reader, the floor for any libxml2-based tool) and Python's
# ElementTree.iterparse (what a migration script would use).
# Usage: bench/run.sh [BUILD_DIR]   (needs ../shared/corpus)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=${1:-$root/build-bench}
corpus=$root/../shared/corpus
[ -d "$corpus" ] || { echo "bench: $corpus is absent; the benchmark needs the corpus" >&2; exit 2; }

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBLOGSHIFT_TESTS=OFF >/dev/null
ninja -C "$build" -j2 extract_bench >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
zcat "$corpus/arborlodge-classic-export/blogger-export-2022-02.xml.gz" > "$work/arborlodge.xml"
python3 "$here/make_large_export.py" "$work/arborlodge.xml" 12 "$work/arborlodge-x12.xml" >/dev/null
python3 "$here/make_large_export.py" "$work/arborlodge.xml" 100 "$work/arborlodge-x100.xml" >/dev/null

echo "== blogshift extract (one core)"
taskset -c 0 "$build/bench/extract_bench" "$work/arborlodge.xml" "$work/arborlodge-x12.xml" "$work/arborlodge-x100.xml"

echo
echo "== peers on the same files"
peer() {  # name, file, command...
  local name=$1 file=$2; shift 2
  local mb; mb=$(python3 -c "import os,sys;print(os.path.getsize(sys.argv[1])/1e6)" "$file")
  local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s.%N)
  python3 -c "import sys;mb,t=float(sys.argv[1]),float(sys.argv[3])-float(sys.argv[2]);print('%-44s %9.1f MB %9.3f s %9.1f MB/s'%(sys.argv[4],mb,t,mb/t))" "$mb" "$t0" "$t1" "$name"
}
for f in "$work/arborlodge.xml" "$work/arborlodge-x12.xml"; do
  n=$(basename "$f")
  if command -v xmllint >/dev/null; then peer "$n [xmllint --stream]" "$f" taskset -c 0 xmllint --stream --noout "$f"; fi
  peer "$n [python iterparse]" "$f" taskset -c 0 python3 -c "
import sys, xml.etree.ElementTree as ET
n=0
for ev, el in ET.iterparse(sys.argv[1]):
    if el.tag.endswith('}entry'): n+=1; el.clear()
" "$f"
done
