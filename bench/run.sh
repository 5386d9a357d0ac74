#!/usr/bin/env bash
# Builds the benchmarks and runs them on the largest corpus export and on a
# generated export 12 times larger, next to peers: xmllint --stream (libxml2's
# own reader, the floor for any libxml2-based tool) and Python's
# ElementTree.iterparse (what a migration script would use). Then the
# transform benchmark on the same export, its x12 and x100 copies (memory
# must not grow with them) and the program-think mirror (the largest source
# by HTML volume), next to Turndown (npm) and
# pandoc (Debian), each fetched into the temporary folder when the registry
# is reachable and skipped when it is not; nothing is installed system-wide.
# Then the load benchmark (bench/load_bench.cpp) on the program-think mirror
# and the x12 export: the whole load stage and each step (content tree,
# redirect maps, each archive format written and verified, bag, WARC), next
# to GNU tar + gzip / zstd, zip, Python's zipfile and sha256sum on the same
# files, and the site-build benchmark (bench/site_build_bench.sh): Hugo,
# Jekyll and Astro building the x12 export's tree. Without the corpus, only the load benchmark (on the bundled
# fixtures/sample-blog) and the fetch benchmark run. Last of all, the fetch benchmark (bench/fetch_bench.py):
# blogshift fetch next to wget --mirror --warc-file on a local Blogger-like
# server, pages a second and CPU per page.
# Usage: bench/run.sh [BUILD_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=${1:-$root/build-bench}
corpus=$root/../shared/corpus

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBLOGSHIFT_TESTS=OFF >/dev/null
ninja -C "$build" -j2 extract_bench transform_bench load_bench blogshift >/dev/null

sample=$root/fixtures/sample-blog
fetch_bench() {  # the sample blog served on 127.0.0.1: blogshift fetch next to wget --mirror --warc-file
  echo
  echo "== blogshift fetch next to wget (tests/support/blogger_server.py, 20 ms per response)"
  python3 "$here/fetch_bench.py" "$build/cli/blogshift" --latency-ms 20 --rounds 3
}
load_bench() {  # [NAME=]SOURCE[,SOURCE...]...
  echo
  echo "== blogshift load (one core; MB = the files that go in, for writing and verifying alike)"
  taskset -c 0 "$build/bench/load_bench" "$@"
}
if [ ! -d "$corpus" ]; then
  echo "bench: $corpus is absent; only the load benchmark (on the sample blog) and the fetch benchmark run" >&2
  load_bench "sample-blog=$sample/feed.atom,$sample/mirror,$sample/sample-blog.warc.gz"
  fetch_bench
  exit 0
fi

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

echo
echo "== blogshift transform (bodies of posts and pages; gumbo alone on the same bodies)"
mkdir -p "$work/mirror" "$work/bodies"
tar xzf "$corpus/program-think-offline/program-think-html-2009-2021.tar.gz" -C "$work/mirror"
taskset -c 0,1 "$build/bench/transform_bench" --bodies-out "$work/bodies" \
  "arborlodge=$work/arborlodge.xml" "arborlodge-x12=$work/arborlodge-x12.xml" \
  "arborlodge-x100=$work/arborlodge-x100.xml" "program-think=$work/mirror/program-think/html"

echo
echo "== peers on the same bodies (one core)"
printf '%-48s %6s %8s %8s %9s %9s\n' "measurement" "docs" "HTML MB" "seconds" "MB/s" "docs/s"
if command -v node >/dev/null && command -v npm >/dev/null &&
   npm install --prefix "$work/node" --no-save --no-audit --no-fund turndown@7 >/dev/null 2>&1; then
  taskset -c 0 node "$here/turndown_bench.js" "$work/node/node_modules" "$work/bodies/arborlodge.bodies" \
    "$work/bodies/program-think.bodies" || echo "turndown: failed"
else
  echo "turndown: skipped (npm or the npm registry unavailable)"
fi
# pandoc from Debian's package, unpacked into the temporary folder (no root needed).
pandoc_bin=$(command -v pandoc || true)
pandoc_args=()
if [ -z "$pandoc_bin" ] && command -v apt-get >/dev/null &&
   (cd "$work" && apt-get download pandoc pandoc-data liblua5.3-0 >/dev/null 2>&1); then
  for deb in "$work"/*.deb; do dpkg -x "$deb" "$work/pandoc"; done
  pandoc_bin="$work/pandoc/usr/bin/pandoc"
  pandoc_args=(--data-dir="$work/pandoc/usr/share/pandoc/data")
  export LD_LIBRARY_PATH="$work/pandoc/usr/lib/x86_64-linux-gnu${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
fi
if [ -n "$pandoc_bin" ] && "$pandoc_bin" --version >/dev/null 2>&1; then
  for name in arborlodge program-think; do
    # pandoc starts in ~0.1 s, so it reads all bodies as one document, each in a
    # <div>; --sandbox keeps it from fetching the iframes it meets.
    python3 -c "
import sys
bodies = open(sys.argv[1], 'rb').read().split(b'\0')[:-1]
out = open(sys.argv[2], 'wb')
for b in bodies: out.write(b'<div>' + b + b'</div>\n')
print(len(bodies), sum(len(b) for b in bodies))" "$work/bodies/$name.bodies" "$work/bodies/$name.html" > "$work/bodies/$name.count"
    read -r docs bytes < "$work/bodies/$name.count"
    t0=$(date +%s.%N)
    if ! taskset -c 0 "$pandoc_bin" --sandbox "${pandoc_args[@]}" -f html -t commonmark "$work/bodies/$name.html" -o /dev/null 2>"$work/pandoc-$name.log"; then
      echo "pandoc: failed on $name"; continue
    fi
    t1=$(date +%s.%N)
    python3 -c "import sys;d,b,t=int(sys.argv[1]),float(sys.argv[2])/1e6,float(sys.argv[4])-float(sys.argv[3]);print('%-48s %6d %8.1f %8.3f %9.1f %9.0f'%(sys.argv[5],d,b,t,b/t,d/t))" \
      "$docs" "$bytes" "$t0" "$t1" "$name [pandoc $("$pandoc_bin" --version | head -1 | cut -d' ' -f2)]"
  done
else
  echo "pandoc: skipped (not installed and not downloadable)"
fi

load_bench "program-think=$work/mirror/program-think/html" "arborlodge-x12=$work/arborlodge-x12.xml" \
  "sample-blog=$sample/feed.atom,$sample/mirror,$sample/sample-blog.warc.gz"
echo
echo "== the migrated site built by Hugo, Jekyll and Astro (bench/site_build_bench.sh), x12 export"
"$here/site_build_bench.sh" "$build/cli/blogshift" "$work/arborlodge-x12.xml"
fetch_bench
