#!/usr/bin/env bash
# Site-build benchmark: how long each real generator takes to build the tree
# blogshift writes, from the skeleton of `blogshift init --site`, next to the
# time blogshift itself took to write that tree (`run`, all stages). Prints,
# per generator: documents in the tree, HTML pages built, blogshift run
# seconds, generator build seconds and pages a second. Hugo and Jekyll are
# Debian's; Astro is the one in .tools/node (scripts/install-deps.sh).
# Usage: bench/site_build_bench.sh BLOGSHIFT SOURCE [GENERATOR...]
set -euo pipefail
blogshift=$1 source=$2
shift 2
generators=("$@")
[ ${#generators[@]} -gt 0 ] || generators=(hugo jekyll astro)
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
now() { date +%s.%N; }
printf '%-8s %10s %10s %12s %12s %10s\n' generator documents pages "run s" "build s" "pages/s"
for g in "${generators[@]}"; do
  site=$work/$g
  "$blogshift" init --site "$g" "$site" >/dev/null
  t0=$(now)
  "$blogshift" run "$source" --layout "$g" --out "$site" --redirects nginx --archives none -q >/dev/null || [ $? -eq 1 ]
  t1=$(now)
  case $g in
    hugo) (cd "$site" && hugo --quiet) >/dev/null; out=$site/public ;;
    jekyll) (cd "$site" && jekyll build --quiet) >/dev/null; out=$site/_site ;;
    astro)
      ln -s "$root/.tools/node/node_modules" "$site/node_modules"
      (cd "$site" && ASTRO_TELEMETRY_DISABLED=1 node node_modules/astro/astro.js build --silent) >/dev/null
      out=$site/dist ;;
  esac
  t2=$(now)
  docs=$( (find "$site/content" "$site/_posts" "$site/pages" -name '*.md' -not -path '*/listings/*' 2>/dev/null || true) | wc -l)
  pages=$(find "$out" -name '*.html' | wc -l)
  python3 - "$g" "$docs" "$pages" "$t0" "$t1" "$t2" <<'PY'
import sys
g, docs, pages, t0, t1, t2 = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), *map(float, sys.argv[4:])
print(f"{g:<8} {docs:>10} {pages:>10} {t1 - t0:>12.2f} {t2 - t1:>12.2f} {pages / (t2 - t1):>10.0f}")
PY
  rm -rf "$site"
done
