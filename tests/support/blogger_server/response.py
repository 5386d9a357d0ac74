"""What a route answers: a status, headers and a body, or a stream that
writes the response itself (the faults that break HTTP on purpose)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Optional

HTML = "text/html; charset=UTF-8"
COMPRESSIBLE = ("text/", "application/atom+xml", "application/rss+xml", "application/xml")


@dataclass
class Response:
    status: int
    body: bytes = b""
    ctype: str = HTML
    headers: list = field(default_factory=list)   # [(name, value)]
    chunked: bool = False     # Transfer-Encoding: chunked (feeds, sitemaps)
    compress: Optional[bool] = None  # None: gzip when the type is text and the client accepts it
    etag: bool = True         # an ETag on 200 answers (If-None-Match gives 304)
    # A stream writes the whole response through an Exchange (http_conn.py):
    # exchange.head(status, headers), exchange.write(bytes) -> False when the
    # client is gone, exchange.wait(seconds) -> False when the server stops,
    # exchange.reset() (RST the TCP connection).
    stream: Optional[Callable] = None

    @property
    def compressible(self) -> bool:
        if self.compress is not None:
            return self.compress
        return self.ctype.startswith(COMPRESSIBLE)


def text(status: int, message: str, extra: Optional[list] = None) -> Response:
    return Response(status, (message + "\n").encode(), "text/plain; charset=UTF-8", list(extra or []))


def redirect(status: int, location: str) -> Response:
    from html import escape
    body = (f"<HTML><HEAD><TITLE>Moved</TITLE></HEAD><BODY><H1>Moved</H1>"
            f"The document has moved <A HREF=\"{escape(location)}\">here</A>.</BODY></HTML>\n").encode()
    return Response(status, body, HTML, [("Location", location)], etag=False)
