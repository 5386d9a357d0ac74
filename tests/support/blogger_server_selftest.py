#!/usr/bin/env python3
"""Self-test of tests/support/blogger_server.py (CTest: blogger_server_selftest).

Starts the server a few times on 127.0.0.1 and checks it with Python's
urllib (through the server as proxy, verified with its CA, and origin-form),
raw sockets for the faults, and a short real wget crawl:
  - the mirror's 42 files are served byte for byte; every post body is the
    export's content; every post has a ?m=1 form
  - labels, archives, feeds (paging adds up to the 12 posts), sitemaps,
    robots.txt, images at any size, redirects between hosts, gzip, chunked
  - each fault behaves as faults.py says
  - the custom domain and the latency option
  - the request log; the end on stdin EOF, SIGTERM and --lifetime
Exit status 0 when everything holds, 1 otherwise. About 20 s.
"""

from __future__ import annotations

import gzip
import http.client
import json
import re
import select
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
import zlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.dont_write_bytecode = True
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from blogger_server import sample  # noqa: E402
from wget_crawl import wget_crawl  # noqa: E402

FIXTURE = HERE.parent.parent / "fixtures" / "sample-blog"
MIRROR = FIXTURE / "mirror"
BLOG = "kettleandcrumb.blogspot.com"
NS = {"a": "http://www.w3.org/2005/Atom", "b": "http://schemas.google.com/blogger/2018",
      "os": "http://a9.com/-/spec/opensearchrss/1.0/", "thr": "http://purl.org/syndication/thread/1.0",
      "media": "http://search.yahoo.com/mrss/", "sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
ALL_FAULTS = ["429:2", "503:2", "503-forever", "reset", "slow:1", "redirect-chain:3", "redirect-loop",
              "truncated-gzip", "length-lie", "disallow", "trap"]
failures: list = []


def check(what: str, ok: bool, detail="") -> bool:
    print(f"  [{'ok ' if ok else 'BAD'}] {what}" + ("" if ok or detail == "" else f": {detail}"), flush=True)
    if not ok:
        failures.append(what)
    return ok


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Server:
    """blogger_server.py in a child process, its stdin held open."""

    def __init__(self, tmp: Path, name: str, *args: str):
        self.dir = tmp / name
        self.stderr = open(tmp / f"{name}.stderr", "w+")
        self.proc = subprocess.Popen([sys.executable, str(HERE / "blogger_server.py"), "--state-dir", str(self.dir),
                                      *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.stderr)
        ready, _, _ = select.select([self.proc.stdout], [], [], 30)
        line = self.proc.stdout.readline() if ready else b""
        if not line:
            self.stop()
            self.stderr.seek(0)
            raise SystemExit(f"blogger_server did not start:\n{self.stderr.read()}")
        self.ready = json.loads(line)
        self.port, self.ca, self.log = self.ready["port"], self.ready["ca"], self.ready["log"]
        self.ctx = ssl.create_default_context(cafile=self.ca)
        proxy = f"http://127.0.0.1:{self.port}"
        self.proxy = urllib.request.build_opener(
            urllib.request.ProxyHandler({"http": proxy, "https": proxy}),
            urllib.request.HTTPSHandler(context=self.ctx), NoRedirect)
        self.direct = urllib.request.build_opener(urllib.request.ProxyHandler({}),
                                                  urllib.request.HTTPSHandler(context=self.ctx), NoRedirect)

    def get(self, url: str, headers=None, method="GET"):
        """(status, headers, body) through the proxy; 3xx/4xx/5xx are answers too."""
        return self._open(self.proxy, urllib.request.Request(url, headers=headers or {}, method=method))

    def origin(self, path: str, host: str = BLOG, scheme: str = "https", headers=None):
        """An origin-form request to 127.0.0.1:P with a Host header (curl --connect-to style)."""
        req = urllib.request.Request(f"{scheme}://127.0.0.1:{self.port}{path}", headers={"Host": host,
                                                                                          **(headers or {})})
        return self._open(self.direct, req)

    @staticmethod
    def _open(opener, req):
        try:
            with opener.open(req, timeout=15) as r:
                return r.status, r.headers, r.read()
        except urllib.error.HTTPError as e:
            with e:
                return e.code, e.headers, e.read()

    def raw(self, path: str, host: str = BLOG) -> "RawTLS":
        """A TLS connection, origin-form, the request sent; the caller reads."""
        c = RawTLS(self.ctx, self.port, host)
        c.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: selftest-raw\r\n\r\n".encode())
        return c

    def log_rows(self) -> list:
        return [json.loads(line) for line in Path(self.log).read_text().splitlines()]

    def stop(self, how: str = "stdin") -> int | None:
        if self.proc.poll() is None:
            if how == "stdin":
                self.proc.stdin.close()
            else:
                self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)
                return None
        return self.proc.returncode


class RawTLS:
    """TLS over a memory BIO on a plain TCP socket, so that a TCP reset shows
    as ConnectionResetError (an SSLSocket reports it as an EOF)."""

    def __init__(self, ctx: ssl.SSLContext, port: int, host: str):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        self.inc, self.out = ssl.MemoryBIO(), ssl.MemoryBIO()
        self.tls = ctx.wrap_bio(self.inc, self.out, server_hostname=host)
        for _ in range(50):
            try:
                self.tls.do_handshake()
                break
            except ssl.SSLWantReadError:
                self._flush()
                self._fill()
        self._flush()

    def _flush(self):
        if data := self.out.read():
            self.sock.sendall(data)

    def _fill(self):
        data = self.sock.recv(65536)  # a reset raises here
        self.inc.write(data) if data else self.inc.write_eof()

    def sendall(self, data: bytes):
        self.tls.write(data)
        self._flush()

    def recv(self, n: int) -> bytes:
        while True:
            try:
                return self.tls.read(n)
            except ssl.SSLWantReadError:
                self._fill()
            except (ssl.SSLEOFError, ssl.SSLZeroReturnError):
                return b""

    def close(self):
        self.sock.close()


def read_head(s) -> tuple[int, dict, bytes]:
    data = b""
    while b"\r\n\r\n" not in data and len(data) < 65536:
        piece = s.recv(4096)
        if not piece:
            break
        data += piece
    head, _, rest = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, _, v in (ln.partition(":") for ln in lines[1:])}
    return int(lines[0].split()[1]), headers, rest


def read_rest(s, have: bytes, limit: int) -> tuple[bytes, str]:
    """Read until EOF, an error or `limit` bytes: (bytes, 'eof'|'reset'|'limit'|'timeout'|error name)."""
    data = have
    try:
        while len(data) < limit:
            piece = s.recv(65536)
            if not piece:
                return data, "eof"
            data += piece
        return data, "limit"
    except ConnectionResetError:
        return data, "reset"
    except (socket.timeout, TimeoutError):
        return data, "timeout"
    except (OSError, ssl.SSLError) as e:
        return data, type(e).__name__


def export_bodies() -> dict:
    """blogger:filename -> content of the published posts and pages of feed.atom."""
    root = ET.parse(FIXTURE / "feed.atom").getroot()
    out = {}
    for en in root.findall("a:entry", NS):
        if (en.find("b:type", NS).text in ("POST", "PAGE") and en.find("b:status", NS).text == "LIVE"
                and en.find("b:trashed", NS) is None):
            out[en.find("b:filename", NS).text] = en.find("a:content", NS).text
    return out


def body_in(page: bytes, body: str) -> bool:
    return f"itemprop='description articleBody'>\n{body}\n<div style='clear: both;'></div>".encode() in page


def mirror_url(rel: str) -> str:
    host, _, path = rel.partition("/")
    path, _, query = path.partition("?")
    path = path[:-len("index.html")] if path.endswith("index.html") else path
    path = path[:-len(".html")] if path.startswith("search/label/") else path
    return f"https://{host}/{urllib.parse.quote(path)}" + ("?" + query if query else "")


def mirror_file(url: str) -> bytes:
    u = urllib.parse.urlsplit(url)
    return (MIRROR / u.netloc / u.path.lstrip("/")).read_bytes()


# ---------------------------------------------------------------------------

def test_content(s: Server, bodies: dict, m):
    print("content (no faults)")
    check("ready line has port, ca, log", set(s.ready) == {"port", "ca", "log"} and Path(s.ca).is_file())
    files = sorted(p for p in MIRROR.rglob("*") if p.is_file())
    same = [p for p in files if s.get(mirror_url(str(p.relative_to(MIRROR))))[2] == p.read_bytes()]
    check("the mirror's files are served byte for byte (proxy + CONNECT)", len(same) == len(files) == 42,
          f"{len(same)} of {len(files)}")
    ok = [fn for fn, body in bodies.items() if body_in(s.get(f"https://{BLOG}{fn}")[2], body)]
    check("every post and page body is the export's content", len(ok) == 13, f"{len(ok)} of 13")
    mobile = [fn for fn, body in bodies.items() if (r := s.get(f"https://{BLOG}{fn}?m=1"))[0] == 200
              and body_in(r[2], body) and b"body class='loading mobile" in r[2]]
    check("every post and page has a ?m=1 form with the same body", len(mobile) == 13, f"{len(mobile)} of 13")
    st, _, page = s.origin("/2021/03/sourdough.html")
    check("origin-form over TLS (Host header) serves the post", st == 200 and page == (
        MIRROR / BLOG / "2021/03/sourdough.html").read_bytes())
    st, h, _ = s.origin("/2021/03/", scheme="http")
    check("plain http origin-form answers 301 to https", st == 301 and h["Location"] == f"https://{BLOG}/2021/03/")
    st, h, _ = s.get(f"http://{BLOG}/p/about.html?m=1")
    check("http:// through the proxy answers 301 to https://",
          st == 301 and h["Location"] == f"https://{BLOG}/p/about.html?m=1")
    st, h, _ = s.get("https://kettleandcrumb.blogspot.fr/2019/02/hello-from-kettle-crumb.html")
    check(".blogspot.fr answers 301 to .com", st == 301 and h["Location"] ==
          f"https://{BLOG}/2019/02/hello-from-kettle-crumb.html")
    counts = {lab: s.get(f"https://{BLOG}/search/label/{urllib.parse.quote(lab)}")[2].count(b"itemprop='postId'")
              for lab in m.labels_count()}
    check("every label page lists its posts", counts == m.labels_count(), counts)
    check("an unknown label is 404", s.get(f"https://{BLOG}/search/label/Cakes")[0] == 404)
    arch = {p: s.get(f"https://{BLOG}{p}")[0] for p in ("/2019/", "/2019/11/", "/2019/11/30/", "/2019/12/01/",
                                                          "/2019/12/", "/2018/", "/2021/13/")}
    check("archive pages exist for local dates with posts only", arch == {
        "/2019/": 200, "/2019/11/": 200, "/2019/11/30/": 200, "/2019/12/01/": 404, "/2019/12/": 404,
        "/2018/": 404, "/2021/13/": 404}, arch)
    st, _, page = s.get(f"https://{BLOG}/search?updated-max=2022-02-14T10%3A00%3A00-08%3A00&max-results=3")
    check("the home page's Older Posts pager works", st == 200 and page.count(b"itemprop='postId'") == 3
          and b"/2021/10/cups-vs-grams" in page)
    st, _, body = s.get(f"https://{BLOG}/robots.txt")
    check("robots.txt as Blogger writes it", body.decode() == (
        "User-agent: Mediapartners-Google\nDisallow: \n\nUser-agent: *\nDisallow: /search\nAllow: /\n\n"
        f"Sitemap: https://{BLOG}/sitemap.xml\n"))
    check("favicon.ico", s.get(f"https://{BLOG}/favicon.ico")[2] == (MIRROR / BLOG / "favicon.ico").read_bytes())
    check("other hosts are refused through the proxy (502), plain and CONNECT", proxy_refuses(s))
    st, h, page = s.get(f"https://{BLOG}/2021/03/sourdough.html", headers={"Accept-Encoding": "gzip, deflate"})
    check("gzip when accepted", h.get("Content-Encoding") == "gzip" and gzip.decompress(page) ==
          (MIRROR / BLOG / "2021/03/sourdough.html").read_bytes())
    st, h, page = s.get(f"https://{BLOG}/", method="HEAD")
    check("HEAD: headers only", st == 200 and page == b"" and int(h["Content-Length"]) > 10000)
    conn = http.client.HTTPSConnection("127.0.0.1", s.port, timeout=10, context=s.ctx)
    codes = []
    for path in ("/", "/p/about.html", "/feeds/posts/default"):
        conn.request("GET", path, headers={"Host": BLOG})
        r = conn.getresponse()
        r.read()
        codes.append(r.status)
    conn.close()
    check("keep-alive: three requests on one connection", codes == [200, 200, 200], codes)
    with ThreadPoolExecutor(24) as pool:
        got = list(pool.map(lambda i: s.get(f"https://{BLOG}/?m=1&i={i}")[0], range(48)))
    check("48 requests from 24 threads", got == [200] * 48)


def proxy_refuses(s: Server) -> bool:
    st, _, _ = s.get("http://www.example.com/")
    try:
        s.get("https://www.example.com/")
        tunnel_refused = False
    except urllib.error.URLError as e:
        tunnel_refused = "502" in str(e.reason)
    return st == 502 and tunnel_refused


def feed_pages(s: Server, url: str) -> list:
    """Follow rel=next from `url`: the parsed pages (at most 20)."""
    out = []
    while url and len(out) < 20:
        st, h, body = s.get(url)
        if st != 200:
            return out + [None]
        root = ET.fromstring(body)
        out.append((root, h))
        url = next((ln.get("href") for ln in root.findall("a:link", NS) if ln.get("rel") == "next"), None)
    return out


def test_feeds(s: Server, bodies: dict, m):
    print("feeds and sitemaps")
    live = {e.id: e for e in m.LIVE_POSTS}
    pages = feed_pages(s, f"https://{BLOG}/feeds/posts/default?max-results=5")
    entries = [en for root, _ in pages if root is not None for en in root.findall("a:entry", NS)]
    totals = {root.find("os:totalResults", NS).text for root, _ in pages}
    check("max-results=5 pages 5+5+2 entries, totalResults 12", [len(r.findall("a:entry", NS)) for r, _ in pages]
          == [5, 5, 2] and totals == {"12"}, [len(r.findall("a:entry", NS)) for r, _ in pages])
    ids = [en.find("a:id", NS).text for en in entries]
    check("the pages hold the 12 live posts once each", sorted(ids) == sorted(
        f"tag:blogger.com,1999:blog-{m.BLOG_ID}.post-{i}" for i in live))
    ok = sum(en.find("a:content", NS).text == bodies[urllib.parse.urlsplit(alt).path]
             for en in entries for alt in [next(ln.get("href") for ln in en.findall("a:link", NS)
                                                if ln.get("rel") == "alternate")])
    check("entry content is the export's, rel=alternate the post URL", ok == 12, ok)
    check("thr:total adds up to the 6 comments", sum(int(en.find("thr:total", NS).text) for en in entries) == 6)
    check("media:thumbnail on the 11 posts with images",
          sum(en.find("media:thumbnail", NS) is not None for en in entries) == 11)
    check("categories per label", sum(len(en.findall("a:category", NS)) for en in entries) == 20)
    check("feeds are chunked", all(h.get("Transfer-Encoding") == "chunked" for _, h in pages))
    root = ET.fromstring(s.get(f"https://{BLOG}/feeds/posts/default")[2])
    check("default page: 25 per page, all 12, no rel=next", root.find("os:itemsPerPage", NS).text == "25"
          and len(root.findall("a:entry", NS)) == 12 and not any(
              ln.get("rel") == "next" for ln in root.findall("a:link", NS)))
    root = ET.fromstring(s.get(f"https://{BLOG}/feeds/posts/default?max-results=500")[2])
    check("max-results is capped at 150", root.find("os:itemsPerPage", NS).text == "150")
    check("start-index=0 is 400", s.get(f"https://{BLOG}/feeds/posts/default?start-index=0")[0] == 400)
    rss = ET.fromstring(s.get(f"https://{BLOG}/feeds/posts/default?alt=rss&max-results=10")[2])
    check("alt=rss: RSS 2.0 with 10 items and a next link", rss.tag == "rss" and len(rss.findall("channel/item"))
          == 10 and any(ln.get("rel") == "next" for ln in rss.findall("channel/{http://www.w3.org/2005/Atom}link")))
    counts = {}
    for name, url in (("pages", "/feeds/pages/default"), ("comments", "/feeds/comments/default"),
                      ("P8 comments", f"/feeds/{m.P8.id}/comments/default"),
                      ("P1 comments", f"/feeds/{m.P1.id}/comments/default"),
                      ("Bread", "/feeds/posts/default/-/Bread")):
        counts[name] = len(ET.fromstring(s.get(f"https://{BLOG}{url}")[2]).findall("a:entry", NS))
    check("pages 1, comments 6, per post 3 and 0, label feed 5", counts == {
        "pages": 1, "comments": 6, "P8 comments": 3, "P1 comments": 0, "Bread": 5}, counts)
    st, h, idx = s.get(f"https://{BLOG}/sitemap.xml")
    locs = [e.text for e in ET.fromstring(idx).iter(f"{{{NS['sm']}}}loc")]
    urls = [e.text for loc in locs for e in ET.fromstring(s.get(loc)[2]).iter(f"{{{NS['sm']}}}loc")]
    check("sitemap index -> ?page=1, ?page=2 -> every post once", locs == [
        f"https://{BLOG}/sitemap.xml?page=1", f"https://{BLOG}/sitemap.xml?page=2"]
        and sorted(urls) == sorted(e.url for e in m.LIVE_POSTS) and h.get("Transfer-Encoding") == "chunked")
    pages_sm = [e.text for e in ET.fromstring(s.get(f"https://{BLOG}/sitemap-pages.xml")[2]).iter(
        f"{{{NS['sm']}}}loc")]
    check("sitemap-pages.xml lists the About page", pages_sm == [f"https://{BLOG}/p/about.html"])


def test_images(s: Server, m):
    print("images")
    ok = 0
    for im in m.IMAGES.values():
        big, small = mirror_file(im.big_url), mirror_file(im.small_url)
        want = {im.url("s1600"): big, im.url("s0"): big, im.url("s2048"): big, im.url("w1600-h1200"): big,
                im.small_url: small, im.url("s72-c"): small, im.url("w400-h300"): small}
        if im.host == "bp":
            want[im.url("s0").replace("//1.bp.", "//2.bp.")] = big
            want[im.url("s320").replace("//1.bp.", "//2.bp.")] = small
        else:
            token_url = im.url("s0").rsplit("/", 2)[0]
            want[token_url + "=s0"] = big
            want[token_url + "=w400-h300"] = small
            want[im.url("s0").rsplit("/", 2)[0] + "/" + im.name + "=s320"] = small
        ok += all(s.get(u)[2] == b for u, b in want.items())
    check("all 12 images at every size form: big from s0/s1600/>=1600, small below", ok == 12, f"{ok} of 12")
    bad = [s.get(u)[0] for u in (m.IMAGES["cardamom"].url("s320").replace("/-", "/-X"),
                                 m.IMAGES["starter"].url("s320").replace("AVvXsE", "AVvXsF"),
                                 m.IMAGES["starter"].url("bogus"))]
    check("unknown images are 404", bad == [404, 404, 404], bad)
    check("image hosts' robots.txt allows all", s.get("https://1.bp.blogspot.com/robots.txt")[2] ==
          b"User-agent: *\nAllow: /\n")


def test_wget(s: Server, tmp: Path, m):
    print("wget")
    res = wget_crawl(s.ready, tmp / "wget", timeout=120)
    check("wget crawls the blog (exit 0)", res.returncode == 0, res.stderr[-400:])
    warc = tmp / "wget" / "crawl.warc.gz"
    got = set()
    if warc.exists():
        for hdr, block in m.warc_records(warc):
            if hdr["WARC-Type"] == "response" and block.startswith(b"HTTP/1.1 200"):
                got.add(hdr["WARC-Target-URI"].strip("<>"))
    posts = {e.url for e in m.LIVE_POSTS}
    imgs = {im.small_url for im in m.IMAGES.values()}
    check("the WARC holds 200s for the 12 posts and the 12 images as shown", posts <= got and imgs <= got,
          f"{len(posts & got)} posts, {len(imgs & got)} images")
    rows = s.log_rows()
    check("wget asked for robots.txt and never for /search (robots.txt)",
          any(r["url"] == f"https://{BLOG}/robots.txt" for r in rows)
          and not any(r["ua"].startswith("Wget") and "/search" in r["url"] for r in rows))


def test_log(s: Server):
    print("request log")
    rows = s.log_rows()
    keys = {"t", "method", "url", "status", "bytes", "ua", "accept_encoding", "via"}
    check("every line has the fields", rows and all(set(r) == keys for r in rows), len(rows))
    check("via proxy, connect and origin all seen", {r["via"] for r in rows} == {"proxy", "connect", "origin"})
    hit = [r for r in rows if r["url"] == f"https://{BLOG}/2021/03/sourdough.html" and r["via"] == "origin"]
    check("an origin request logged with its absolute URL and body size", hit and hit[0]["status"] == 200 and
          hit[0]["bytes"] == (MIRROR / BLOG / "2021/03/sourdough.html").stat().st_size)
    gz = [r for r in rows if "gzip" in r["accept_encoding"] and r["url"].endswith("/2021/03/sourdough.html")]
    check("accept_encoding logged, bytes as sent (gzipped)", gz and gz[0]["bytes"] < hit[0]["bytes"])
    tunnels = [json.loads(line) for line in (Path(s.log).parent / "connects.jsonl").read_text().splitlines()]
    check("CONNECTs go to connects.jsonl, not the request log", not any(r["method"] == "CONNECT" for r in rows)
          and tunnels and all(r["method"] == "CONNECT" and r["url"].endswith(":443") for r in tunnels))
    untrusting = urllib.request.build_opener(urllib.request.ProxyHandler({"https": f"http://127.0.0.1:{s.port}"}))
    try:
        untrusting.open(f"https://{BLOG}/", timeout=10)
        refused = False
    except urllib.error.URLError as e:
        refused = isinstance(e.reason, ssl.SSLCertVerificationError)
    check("without the CA, TLS fails and nothing is logged as requested", refused and len(s.log_rows()) == len(rows))


def test_faults(s: Server, m):
    print("faults")
    home = s.get(f"https://{BLOG}/")[2].decode()
    fault_pages = ["fault-429", "fault-503", "fault-503-forever", "fault-reset", "fault-slow", "fault-chain",
                   "fault-loop-a", "fault-gzip", "fault-huge", "fault-private"]
    check("the home sidebar links every fault page",
          all(f"href='https://{BLOG}/p/{p}.html'" in home for p in fault_pages))
    feeds = b"".join(s.get(f"https://{BLOG}{u}")[2] for u in ("/feeds/pages/default", "/sitemap-pages.xml",
                                                               "/sitemap.xml?page=1", "/feeds/posts/default"))
    check("fault pages are in no feed or sitemap", b"fault-" not in feeds)
    for code in (429, 503):
        seq = [s.get(f"https://{BLOG}/p/fault-{code}.html") for _ in range(3)]
        check(f"{code}:2 -> {code}, {code} (Retry-After: 1), then 200",
              [r[0] for r in seq] == [code, code, 200] and seq[0][1].get("Retry-After") == "1")
    seq = [s.get(f"https://{BLOG}/p/fault-503-forever.html") for _ in range(3)]
    check("503-forever: 503 without Retry-After", [r[0] for r in seq] == [503] * 3
          and seq[0][1].get("Retry-After") is None)

    sock = s.raw("/p/fault-reset.html")
    st, h, rest = read_head(sock)
    body, how = read_rest(sock, rest, 1 << 20)
    sock.close()
    n = int(h.get("content-length", 0))
    check("reset: Content-Length, half the body, then a TCP reset", st == 200 and 0 < len(body) < n and
          how == "reset", f"{len(body)} of {n} bytes, then {how}")

    sock = s.raw("/p/fault-slow.html")
    st, h, rest = read_head(sock)
    t0 = time.monotonic()
    body, how = read_rest(sock, rest, int(h.get("content-length", 0)))
    waited = time.monotonic() - t0
    sock.close()
    check("slow:1: headers, a 1 s stall, the whole body", st == 200 and waited >= 0.9 and how == "limit",
          f"{waited:.2f} s, {how}")

    url, hops = f"https://{BLOG}/p/fault-chain.html", []
    for _ in range(10):
        st, h, _ = s.get(url)
        hops.append(st)
        if st != 301:
            break
        url = h["Location"]
    check("redirect-chain:3: three 301s, then 200", hops == [301, 301, 301, 200] and url.endswith(
        "/p/fault-chain-3.html"), hops)
    a = s.get(f"https://{BLOG}/p/fault-loop-a.html")
    b = s.get(a[1].get("Location", ""))
    check("redirect-loop: a -302-> b -302-> a", a[0] == b[0] == 302 and b[1]["Location"] ==
          f"https://{BLOG}/p/fault-loop-a.html")

    st, h, body = s.get(f"https://{BLOG}/p/fault-gzip.html")
    part = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(body)
    try:
        gzip.decompress(body)
        truncated = False
    except (EOFError, zlib.error):
        truncated = True
    check("truncated-gzip: Content-Encoding gzip, cut stream, honest Content-Length",
          h.get("Content-Encoding") == "gzip" and int(h["Content-Length"]) == len(body) and truncated
          and part.startswith(b"<!DOCTYPE html>"))

    sock = s.raw("/p/fault-huge.html")
    st, h, rest = read_head(sock)
    t0 = time.monotonic()
    body, how = read_rest(sock, rest, 256 * 1024)
    took = time.monotonic() - t0
    sock.close()
    check("length-lie: Content-Length 10737418240, data keeps coming", h.get("content-length") == "10737418240"
          and how == "limit", f"{len(body)} bytes in {took:.2f} s ({how})")

    robots = s.get(f"https://{BLOG}/robots.txt")[2].decode()
    check("disallow: robots.txt disallows the private page, which exists",
          "Disallow: /search\nDisallow: /p/fault-private.html\n" in robots
          and s.get(f"https://{BLOG}/p/fault-private.html")[0] == 200)

    bread = s.get(f"https://{BLOG}/search/label/Bread")[2].decode()
    t1 = s.get(f"https://{BLOG}/search/label/trap-1")
    check("trap: label pages link a new label and /search pagers", f"/search/label/trap-1'" in bread
          and f"{BLOG}/search?updated-max=" in bread and t1[0] == 200 and "/search/label/trap-2'" in t1[2].decode())
    st, _, old = s.get(f"https://{BLOG}/search?updated-max=1999-01-01T00%3A00%3A00-08%3A00&max-results=20")
    check("trap: /search?updated-max= pagers never end", st == 200 and "updated-max=1998-12-31" in old.decode())
    month = s.get(f"https://{BLOG}/1999/05/")
    check("trap: any month is 200 and links the month before", month[0] == 200 and
          f"href='https://{BLOG}/1999/04/'" in month[2].decode())
    days = len(re.findall(r"href='https://[^']+/\d{4}/\d{2}/\d{2}/'", home))
    check("trap: the home calendar links every day of 30 years", days >= 30 * 365 and
          s.get(f"https://{BLOG}/2005/06/07/")[0] == 200, days)

    rows = []
    for _ in range(200):  # the server logs the length-lie answer once it notices the hang-up (bounded: 20 s)
        rows = [r for r in s.log_rows() if r["url"].endswith("/p/fault-huge.html")]
        if rows:
            break
        time.sleep(0.1)
    check("length-lie: logged with the bytes really sent once the client hangs up",
          rows and 128 * 1024 <= rows[0]["bytes"] < 64 << 20, rows[:1])  # what was sent, not the 10 GiB claimed


def test_custom_domain(s: Server, bodies: dict):
    print("custom domain, latency")
    custom = "www.kettleandcrumb.com"
    t0 = time.monotonic()
    st, _, page = s.get(f"https://{custom}/2021/03/sourdough.html")
    took = time.monotonic() - t0
    check("the blog is served on the custom domain, canonical links name it", st == 200 and
          f"<link href='https://{custom}/2021/03/sourdough.html' rel='canonical'/>".encode() in page
          and b"'hasCustomDomain': true" in page and body_in(page, bodies["/2021/03/sourdough.html"]))
    check("--latency-ms 150 delays the answer", took >= 0.15, f"{took:.3f} s")
    st, h, _ = s.get(f"https://{BLOG}/2021/03/sourdough.html?m=1")
    check("blogspot URLs answer 301 to the custom domain",
          st == 301 and h["Location"] == f"https://{custom}/2021/03/sourdough.html?m=1")
    st, h, _ = s.get("https://kettleandcrumb.blogspot.fr/")
    check(".blogspot.fr answers 301 to the custom domain", st == 301 and h["Location"] == f"https://{custom}/")
    feed = s.get(f"https://{custom}/feeds/posts/default")[2].decode()
    check("feeds name the custom domain", f"href='https://{custom}/2023/05/" in feed and
          f"https://{BLOG}/2023" not in feed)


def test_lifetime(tmp: Path):
    print("lifetime")
    s = Server(tmp, "short", "--lifetime", "2")
    try:
        rc = s.proc.wait(timeout=8)
    except subprocess.TimeoutExpired:
        rc = None
    check("--lifetime 2 ends the server by itself (exit 0)", rc == 0, rc)
    s.stop()
    s = Server(tmp, "term")
    check("SIGTERM ends the server (exit 0)", s.stop("term") == 0)


def main() -> int:
    m = sample.load()
    bodies = export_bodies()
    t0 = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="blogger-server-selftest-") as tmp_name:
        tmp = Path(tmp_name)
        plain = Server(tmp, "plain")
        faulty = Server(tmp, "faults", *[a for f in ALL_FAULTS for a in ("--fault", f)])
        custom = Server(tmp, "custom", "--custom-domain", "www.kettleandcrumb.com", "--latency-ms", "150")
        try:
            test_content(plain, bodies, m)
            test_feeds(plain, bodies, m)
            test_images(plain, m)
            test_log(plain)
            test_wget(plain, tmp, m)
            test_faults(faulty, m)
            test_custom_domain(custom, bodies)
            test_lifetime(tmp)
        finally:
            codes = [s.stop() for s in (plain, faulty, custom)]
        check("stdin EOF ends the servers (exit 0)", codes == [0, 0, 0], codes)
    print(f"{'all good' if not failures else f'{len(failures)} PROBLEMS'} ({time.monotonic() - t0:.1f} s)")
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
