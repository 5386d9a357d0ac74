"""Fault injection: --fault SPEC, several allowed.

  429:N            /p/fault-429.html answers 429 + Retry-After: 1 to its first
                   N requests, then 200
  503:N            /p/fault-503.html: the same with 503 + Retry-After: 1
  503-forever      /p/fault-503-forever.html: always 503, no Retry-After
  reset            /p/fault-reset.html: headers with the full Content-Length,
                   half the body, then a TCP reset (SO_LINGER 0 close)
  slow:SECONDS     /p/fault-slow.html: headers, a stall of SECONDS, the body
  redirect-chain:N /p/fault-chain.html -301-> /p/fault-chain-1.html -301-> ...
                   /p/fault-chain-N.html, which answers 200 (N hops)
  redirect-loop    /p/fault-loop-a.html <-302-> /p/fault-loop-b.html forever
  truncated-gzip   /p/fault-gzip.html: Content-Encoding: gzip, the stream cut
                   in the middle, Content-Length of what is sent
  length-lie       /p/fault-huge.html: Content-Length: 10737418240, then 64 KiB
                   every 0.1 s until the client hangs up or 60 s pass
  disallow         robots.txt gains Disallow: /p/fault-private.html, a page
                   that exists (200)
  trap             endless URL spaces: label pages link a new label
                   /search/label/trap-N+1 and /search?updated-max= pagers that
                   never end; every archive page (any date, 200) links the one
                   before; the home page has a calendar linking every day of
                   2000-2029

Each fault's first page is linked from the home page's sidebar ("More
pages"), as an ordinary /p/ page; none is in the feeds or sitemaps. The
counters of 429:N and 503:N count GET and HEAD requests over the server's
whole run, whatever the connection.
"""

from __future__ import annotations

import argparse
import gzip
import re
import threading
import time

from .response import HTML, Response, redirect

HUGE_LENGTH = 10 * 1024 ** 3
HUGE_CHUNK = 64 * 1024
HUGE_INTERVAL = 0.1
HUGE_SECONDS = 60.0

# fault name -> (its linked page, its title, whether it takes an argument: "int", "seconds" or None)
KINDS = {
    "429": ("/p/fault-429.html", "Fault: 429 then 200", "int"),
    "503": ("/p/fault-503.html", "Fault: 503 burst then 200", "int"),
    "503-forever": ("/p/fault-503-forever.html", "Fault: 503 forever", None),
    "reset": ("/p/fault-reset.html", "Fault: connection reset", None),
    "slow": ("/p/fault-slow.html", "Fault: slow body", "seconds"),
    "redirect-chain": ("/p/fault-chain.html", "Fault: redirect chain", "int"),
    "redirect-loop": ("/p/fault-loop-a.html", "Fault: redirect loop", None),
    "truncated-gzip": ("/p/fault-gzip.html", "Fault: truncated gzip", None),
    "length-lie": ("/p/fault-huge.html", "Fault: Content-Length lie", None),
    "disallow": ("/p/fault-private.html", "Private (robots.txt disallows it)", None),
    "trap": (None, None, None),
}


def parse_spec(spec: str) -> tuple[str, float | int | None]:
    """argparse type for --fault: 'NAME' or 'NAME:ARG'."""
    name, _, arg = spec.partition(":")
    if name not in KINDS:
        raise argparse.ArgumentTypeError(f"unknown fault '{name}' (known: {', '.join(KINDS)})")
    want = KINDS[name][2]
    if want is None:
        if arg:
            raise argparse.ArgumentTypeError(f"fault '{name}' takes no argument")
        return name, None
    try:
        value = int(arg) if want == "int" else float(arg)
    except ValueError:
        raise argparse.ArgumentTypeError(f"fault '{name}' needs {'N' if want == 'int' else 'SECONDS'}: "
                                         f"{name}:{'N' if want == 'int' else 'SECONDS'}") from None
    top = 1000 if want == "int" else 300
    if not 0 <= value <= top:
        raise argparse.ArgumentTypeError(f"fault '{name}': {arg} is outside 0..{top}")
    return name, value


class Faults:
    def __init__(self, specs: list):
        self.on = dict(specs)   # the last spec of a kind wins
        self._count: dict = {}
        self._lock = threading.Lock()
        self._entries: dict = {}

    @property
    def trap(self) -> bool:
        return "trap" in self.on

    def disallowed(self) -> list:
        return [KINDS["disallow"][0]] if "disallow" in self.on else []

    def linked_pages(self) -> list:
        """(path, title) of the pages the home page's sidebar links."""
        return [(KINDS[k][0], KINDS[k][1]) for k in KINDS if k in self.on and KINDS[k][0]]

    def _next(self, name: str) -> int:
        with self._lock:
            self._count[name] = self._count.get(name, 0) + 1
            return self._count[name]

    def entry(self, m, path: str, title: str):
        """A /p/ page of the sample script's Entry kind, for the Simple template."""
        if path not in self._entries:
            number = 6690212375510090000 + sum(path.encode()) * 7 % 10000
            body = (f"<p>This page belongs to blogger_server's fault injection: <b>{m.xml_text(title)}</b>. "
                    "It is not part of the blog's feeds or sitemaps.</p>")
            self._entries[path] = m.Entry(str(number), "PAGE", "LIVE", title, body, "2019-02-09T20:00:00-08:00",
                                          path, [], created_ms=0, updated_delta=60)
        return self._entries[path]

    def answer(self, blog, path: str) -> Response | None:
        """The fault page at `path`, or None when `path` is no enabled fault's."""
        if not path.startswith("/p/fault-"):
            return None
        m = blog.m

        def page(title: str) -> bytes:
            return blog.static(self.entry(m, path, title))
        for name in ("429", "503"):
            if name in self.on and path == KINDS[name][0]:
                if self._next(name) <= self.on[name]:
                    return status_page(int(name), [("Retry-After", "1")])
                return Response(200, page(KINDS[name][1]))
        if "503-forever" in self.on and path == KINDS["503-forever"][0]:
            return status_page(503, [])
        if "reset" in self.on and path == KINDS["reset"][0]:
            return Response(200, stream=reset_stream(page(KINDS["reset"][1])))
        if "slow" in self.on and path == KINDS["slow"][0]:
            return Response(200, stream=slow_stream(page(KINDS["slow"][1]), self.on["slow"]))
        if "redirect-chain" in self.on and (c := re.fullmatch(r"/p/fault-chain(?:-(\d{1,4}))?\.html", path)):
            hop, hops = int(c[1] or 0), self.on["redirect-chain"]
            if c[1] == "0" or hop > hops:
                return None
            if hop < hops:
                return redirect(301, f"{blog.base}/p/fault-chain-{hop + 1}.html")
            return Response(200, page(f"Redirect chain: the end, after {hops} hops"))
        if "redirect-loop" in self.on and path in ("/p/fault-loop-a.html", "/p/fault-loop-b.html"):
            other = "b" if path.endswith("-a.html") else "a"
            return redirect(302, f"{blog.base}/p/fault-loop-{other}.html")
        if "truncated-gzip" in self.on and path == KINDS["truncated-gzip"][0]:
            whole = gzip.compress(page(KINDS["truncated-gzip"][1]), mtime=0)
            return Response(200, whole[:len(whole) // 2], HTML, [("Content-Encoding", "gzip")], compress=False,
                            etag=False)
        if "length-lie" in self.on and path == KINDS["length-lie"][0]:
            return Response(200, stream=length_lie_stream)
        if "disallow" in self.on and path == KINDS["disallow"][0]:
            return Response(200, page(KINDS["disallow"][1]))
        return None


def status_page(status: int, headers: list) -> Response:
    word = {429: "Too Many Requests", 503: "Service Unavailable"}[status]
    body = f"<html><head><title>{status} {word}</title></head><body><h1>{status} {word}</h1></body></html>\n"
    return Response(status, body.encode(), HTML, headers, etag=False)


def reset_stream(body: bytes):
    def run(x):
        x.head(200, [("Content-Type", HTML), ("Content-Length", str(len(body)))])
        x.write(body[:len(body) // 2])
        x.wait(0.2)  # let the half body reach the client before the reset
        x.reset()
    return run


def slow_stream(body: bytes, seconds: float):
    def run(x):
        x.head(200, [("Content-Type", HTML), ("Content-Length", str(len(body)))])
        if x.wait(seconds):
            x.write(body)
    return run


def length_lie_stream(x):
    x.head(200, [("Content-Type", HTML), ("Content-Length", str(HUGE_LENGTH))])
    filler = b"<!DOCTYPE html>\n<html><body>\n" + b"<!-- " + b"x" * (HUGE_CHUNK - 40) + b" -->\n"
    chunk = filler[:HUGE_CHUNK]
    deadline = time.monotonic() + HUGE_SECONDS
    while time.monotonic() < deadline and x.write(chunk) and x.wait(HUGE_INTERVAL):
        chunk = (b"<!-- " + b"x" * HUGE_CHUNK)[:HUGE_CHUNK - 5] + b" -->\n"
    x.close()
