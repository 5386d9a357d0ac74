"""The image hosts: N.bp.blogspot.com (every shard number is the same) and
blogger.googleusercontent.com, serving the sample blog's 12 images at any
size option.

  1.bp:  /-AAA/BBB/AAAAAAAAAcc/DDD...CLcBGAsYHQ/<size>/<name>
  bgu:   /img/b/R29vZ2xl/<token>/<size>/<name>, /img/b/R29vZ2xl/<token>=<size>
         (and <name>=<size>, or no size at all)

A size is dash-separated options (s320, w400-h300, s72-c, s0, d, ...). s0,
w0/h0, no size, and any dimension >= 1600 give the big bytes (the mirror's
s1600 file); anything smaller gives the small bytes. The file name in the
URL is ignored, as Google ignores it; an unknown image, or a size that is
not one, answers 404.
"""

from __future__ import annotations

import re
import urllib.parse

from .response import Response

IMAGE_HOSTS = re.compile(r"[0-9]\.bp\.blogspot\.com|blogger\.googleusercontent\.com")
OPTION = r"(?:[swh]\d{1,5}|c|p|k|d|n|no|nu|rj|rp|rw|rh|cc|fSoften=\d+,\d+,\d+|ft\d*|v\d+|e\d+)"
SIZE = re.compile(rf"{OPTION}(?:-{OPTION})*")
TYPES = {"jpg": "image/jpeg", "png": "image/png", "gif": "image/gif"}


def is_image_host(host: str) -> bool:
    return IMAGE_HOSTS.fullmatch(host) is not None


class ImageStore:
    def __init__(self, m):
        self.bgu: dict = {}   # token -> Image
        self.bp: dict = {}    # the four segments before the size -> Image
        self._bytes: dict = {}
        for im in m.IMAGES.values():
            segs = urllib.parse.urlsplit(im.big_url).path.split("/")[1:]
            if im.host == "bgu":
                self.bgu[segs[3]] = im
            else:
                self.bp["/".join(segs[:4])] = im
            for big in (True, False):
                self._bytes[(im.key, big)] = im.file_bytes(big)

    def answer(self, host: str, path: str) -> Response:
        if path == "/robots.txt":
            return Response(200, b"User-agent: *\nAllow: /\n", "text/plain; charset=UTF-8")
        found = self.lookup(host, path)
        if found is None:
            return Response(404, b"<html><body>Not Found</body></html>\n")
        im, big = found
        ext = im.name.rsplit(".", 1)[1]
        return Response(200, self._bytes[(im.key, big)], TYPES[ext],
                        [("Cache-Control", "public, max-age=86400, no-transform")])

    def lookup(self, host: str, path: str):
        """(Image, big) for an image URL path, or None."""
        segs = urllib.parse.unquote(path).split("/")[1:]
        if not segs or not segs[-1]:
            return None
        opts = None
        if "=" in segs[-1]:
            segs[-1], opts = segs[-1].split("=", 1)
        if host == "blogger.googleusercontent.com":
            if segs[:3] != ["img", "b", "R29vZ2xl"] or len(segs) < 4:
                return None
            im, rest = self.bgu.get(segs[3]), segs[4:]
        else:
            im, rest = self.bp.get("/".join(segs[:4])), segs[4:]
        if im is None or len(rest) > 2 or (opts is not None and len(rest) == 2):
            return None
        if len(rest) == 2:
            opts = rest[0]
        if opts is not None and not SIZE.fullmatch(opts):
            return None
        return im, self.is_big(opts)

    @staticmethod
    def is_big(opts: str | None) -> bool:
        if not opts:
            return True
        dims = [int(o[1:]) for o in opts.split("-") if re.fullmatch(r"[swh]\d+", o)]
        return not dims or 0 in dims or max(dims) >= 1600
