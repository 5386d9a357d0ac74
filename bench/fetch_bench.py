#!/usr/bin/env python3
"""The fetch benchmark: `blogshift fetch` next to `wget --mirror --warc-file`
on the same local Blogger-like server (tests/support/blogger_server.py, the
sample blog served live on 127.0.0.1 with a fixed latency per response), at
the same concurrency. Prints pages (responses) per second and CPU seconds per
page of each client; asserts nothing.

  python3 bench/fetch_bench.py BLOGSHIFT_BINARY [--latency-ms 20] [--rounds 3]

wget fetches one URL at a time, so the like-for-like line is blogshift with
--concurrency 1 (and no rate limit: wget's default has none either); the
lines after it show what blogshift's own default (4 per host) and a higher
concurrency give. Both clients fetch what their rules find: blogshift also
reads the feeds, sitemaps and ?m=1 pages, wget follows links; the figures
are per response, so a client that fetches more is not paid for it.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUPPORT = ROOT / "tests" / "support"
sys.path.insert(0, str(SUPPORT))
import wget_crawl  # noqa: E402

BLOG = "https://kettleandcrumb.blogspot.com/"


def children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def start_server(state: Path, latency_ms: int):
    proc = subprocess.Popen([sys.executable, str(SUPPORT / "blogger_server.py"), "--state-dir", str(state),
                             "--latency-ms", str(latency_ms), "--lifetime", "1800"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    ready = json.loads(proc.stdout.readline())
    return proc, ready


def requests_logged(ready) -> int:
    try:
        with open(ready["log"]) as f:
            return sum(1 for _ in f)
    except FileNotFoundError:
        return 0


def measure(name: str, cmd: list, ready, env=None) -> dict:
    before_requests = requests_logged(ready)
    cpu0 = children_cpu()
    t0 = time.monotonic()
    res = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=900)
    wall = time.monotonic() - t0
    cpu = children_cpu() - cpu0
    pages = requests_logged(ready) - before_requests
    if res.returncode not in (0, 1, 8):
        sys.stderr.write(f"{name}: exit {res.returncode}\n{res.stderr[-2000:]}\n")
    return {"name": name, "pages": pages, "wall": wall, "cpu": cpu}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("blogshift")
    ap.add_argument("--latency-ms", type=int, default=20)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="fetch-bench-") as tmp:
        tmp = Path(tmp)
        proc, ready = start_server(tmp / "server", args.latency_ms)
        try:
            runs = {}
            env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
            for round_ in range(args.rounds):
                plans = [("wget (one connection)", wget_crawl.wget_command(
                              ready["port"], ready["ca"], tmp / f"wget-{round_}", tmp / f"wget-{round_}.warc.gz"))]
                for c in (1, 4, 8):
                    plans.append((f"blogshift --concurrency {c}", [
                        args.blogshift, "fetch", BLOG, "--out", str(tmp / f"bs{c}-{round_}"), "-q",
                        "--proxy", f"http://127.0.0.1:{ready['port']}/", "--cacert", ready["ca"],
                        "--rate", "0", "--concurrency", str(c)]))
                for name, cmd in plans:
                    m = measure(name, cmd, ready, env)
                    runs.setdefault(name, []).append(m)
            print(f"fetch benchmark: the sample blog on 127.0.0.1, {args.latency_ms} ms per response, "
                  f"best of {args.rounds}")
            print(f"{'client':30} {'pages':>6} {'wall s':>8} {'pages/s':>9} {'CPU ms/page':>12}")
            for name, ms in runs.items():
                best = min(ms, key=lambda m: m["wall"])
                cpu = min(m["cpu"] / max(1, m["pages"]) for m in ms)
                print(f"{name:30} {best['pages']:6d} {best['wall']:8.2f} {best['pages'] / best['wall']:9.1f} "
                      f"{cpu * 1000:12.2f}")
        finally:
            proc.stdin.close()
            proc.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
