#!/usr/bin/env python3
"""Crawl the local Blogger-like server (blogger_server.py) with real GNU Wget
into a WARC, the way an archivist would crawl the live blog.

  python3 tests/support/wget_crawl.py --port P --ca DIR/ca.pem --warc-file PATH
      [--out-dir DIR] [--custom-domain HOST] [--url URL]... [-- WGET_ARGS...]

wget goes through the server as its proxy for http:// and https:// alike
(https through CONNECT, verified against the run's CA), so it records the
real https://kettleandcrumb.blogspot.com/... URLs and never leaves
127.0.0.1. It obeys robots.txt (Disallow: /search). --warc-file PATH is
wget's (a trailing .warc.gz is dropped, wget adds it back). Arguments after
`--` go to wget last, so they override these defaults (--level=20,
--tries=3, --timeout=15). The exit status is wget's (0, or 8 when some
answer was an error).

From Python: wget_crawl(server, out_dir, extra_args) with `server` the ready
line of blogger_server.py as a dict ({"port", "ca", ...}).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

BLOG = "kettleandcrumb.blogspot.com"
HOSTS = [BLOG, "kettleandcrumb.blogspot.fr", "1.bp.blogspot.com", "2.bp.blogspot.com",
         "blogger.googleusercontent.com"]


def wget_command(port: int, ca: str, out_dir: Path, warc_file: str | None = None, extra_args=(),
                 urls=None, custom_domain: str | None = None) -> list:
    proxy = f"http://127.0.0.1:{port}/"
    domains = HOSTS + ([custom_domain] if custom_domain else [])
    cmd = [shutil.which("wget") or "wget", "--no-config", "--no-hsts", "--recursive", "--level=20",
           "--page-requisites", "--span-hosts", f"--domains={','.join(domains)}",
           "-e", "use_proxy=yes", "-e", f"http_proxy={proxy}", "-e", f"https_proxy={proxy}",
           f"--ca-certificate={ca}", "--tries=3", "--waitretry=1", "--timeout=15", "--no-verbose",
           f"--directory-prefix={out_dir}"]
    if warc_file:
        name = str(warc_file)
        for suffix in (".warc.gz", ".warc"):
            if name.endswith(suffix):
                name = name[:-len(suffix)]
        cmd.append(f"--warc-file={name}")
    cmd += list(extra_args)
    cmd += list(urls or [f"https://{custom_domain or BLOG}/"])
    return cmd


def wget_crawl(server, out_dir, extra_args=(), *, warc_file=None, urls=None, custom_domain=None,
               timeout: float = 300) -> subprocess.CompletedProcess:
    """Run wget against `server` (the ready-line dict, or an object with .port
    and .ca); files go under out_dir, the WARC to warc_file (default
    out_dir/crawl.warc.gz). Returns the finished process (stdout/stderr text)."""
    port = server["port"] if isinstance(server, dict) else server.port
    ca = str(Path(server["ca"] if isinstance(server, dict) else server.ca).resolve())  # wget runs in out_dir
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    warc_file = warc_file or out_dir / "crawl.warc.gz"
    cmd = wget_command(port, ca, out_dir / "files", warc_file, extra_args, urls, custom_domain)
    # No proxy settings from the environment: the server is the only proxy.
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    return subprocess.run(cmd, cwd=out_dir, env=env, capture_output=True, text=True, timeout=timeout)


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    extra = []
    if "--" in argv:
        i = argv.index("--")
        argv, extra = argv[:i], argv[i + 1:]
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--port", type=int, required=True, help="blogger_server's port")
    ap.add_argument("--ca", required=True, help="blogger_server's ca.pem")
    ap.add_argument("--warc-file", required=True, help="the WARC to write (PATH.warc.gz)")
    ap.add_argument("--out-dir", help="where wget saves files (default: beside the WARC, PATH.files)")
    ap.add_argument("--custom-domain", help="the blog's custom domain, if the server was started with one")
    ap.add_argument("--url", action="append", help="start URL(s) (default: the blog's home page)")
    ap.add_argument("--timeout", type=float, default=300, help="seconds before wget is killed (default 300)")
    args = ap.parse_args(argv)
    if not shutil.which("wget"):
        print("wget_crawl: wget is not installed", file=sys.stderr)
        return 2
    warc = Path(args.warc_file).resolve()
    out = Path(args.out_dir).resolve() if args.out_dir else warc.parent / (warc.name.split(".warc")[0] + ".files")
    try:
        res = wget_crawl({"port": args.port, "ca": args.ca}, out, extra, warc_file=warc, urls=args.url,
                         custom_domain=args.custom_domain, timeout=args.timeout)
    except subprocess.TimeoutExpired:
        print(f"wget_crawl: wget did not finish within {args.timeout:g} s", file=sys.stderr)
        return 124
    sys.stderr.write(res.stderr)
    return res.returncode


if __name__ == "__main__":
    sys.exit(main())
