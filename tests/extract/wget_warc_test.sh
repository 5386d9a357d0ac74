#!/usr/bin/env bash
# Crawls a folder served on 127.0.0.1 with `wget --warc-file`, for
# wget_warc_test.cpp.  Usage: wget_warc_test.sh SERVE_DIR OUT_DIR
# Writes OUT_DIR/crawl.warc.gz (and OUT_DIR/port). Exits 77 when wget or
# python3 is missing (the test then skips), non-zero on any other failure.
# The server is python3's http.server on a port the kernel picks; it is
# killed on exit. Nothing listens beyond 127.0.0.1.
set -u
serve=$1
out=$2
command -v wget >/dev/null 2>&1 || { echo "wget not found" >&2; exit 77; }
command -v python3 >/dev/null 2>&1 || { echo "python3 not found" >&2; exit 77; }
mkdir -p "$out"

# The server binds port 0, so no free-port guessing, and prints the port only
# once it listens. Reading it from a FIFO waits exactly that long: no sleeps.
fifo="$out/port.fifo"
rm -f "$fifo"
mkfifo "$fifo"
python3 -c '
import functools, http.server, sys
class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass
handler = functools.partial(Quiet, directory=sys.argv[1])
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
print(server.server_address[1], flush=True)
server.serve_forever()
' "$serve" >"$fifo" 2>"$out/server.log" &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null' EXIT

port=""
read -r port <"$fifo"
rm -f "$fifo"
case "$port" in
  ''|*[!0-9]*) echo "the server did not start:" >&2; cat "$out/server.log" >&2; exit 1 ;;
esac
echo "$port" >"$out/port"

# Bounded check that the port accepts connections (it should at once).
tries=0
until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
  tries=$((tries + 1))
  if [ "$tries" -ge 200 ]; then
    echo "nothing accepts on 127.0.0.1:$port" >&2
    exit 1
  fi
done

# The URL of every file in the folder, percent-encoded ("?m=1" and "+" occur
# in Blogger mirrors). An explicit list rather than recursion through folder
# listings: wget dedups by local file name, so a folder's listing and its own
# index.html (both saved as index.html) hide each other, in varying order.
python3 -c '
import os, sys, urllib.parse
root, port = sys.argv[1], sys.argv[2]
for folder, dirs, files in sorted(os.walk(root)):
    dirs.sort()
    for name in sorted(files):
        rel = os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/")
        print("http://127.0.0.1:%s/%s" % (port, urllib.parse.quote(rel)))
' "$serve" "$port" >"$out/urls.txt" || exit 1
# One URL the folder does not have, so the WARC also holds a 404.
echo "http://127.0.0.1:$port/no-such-page.html" >>"$out/urls.txt"

# wget exits 8 when a URL answered 404; the WARC is what matters.
wget --no-verbose --input-file="$out/urls.txt" --force-directories -e robots=off --tries=1 --timeout=20 --no-http-keep-alive \
  --no-proxy --directory-prefix="$out/download" --warc-file="$out/crawl" >"$out/wget.log" 2>&1
status=$?
if [ ! -s "$out/crawl.warc.gz" ]; then
  echo "wget wrote no WARC (exit $status):" >&2
  cat "$out/wget.log" >&2
  exit 1
fi
exit 0
