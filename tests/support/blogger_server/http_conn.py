"""Connections: one port for TLS and plain HTTP, proxy and origin requests.

The first byte of a connection picks: 0x16 (a TLS ClientHello) is wrapped in
TLS, anything else is plain HTTP. Plain HTTP takes
  (a) absolute-form requests, as a forward proxy:  GET http://host/path
  (b) CONNECT host:port; the tunnel is sniffed again (TLS is terminated with
      the leaf certificate) and its requests are served for that host
  (c) origin-form requests, routed by the Host header
HTTP/1.1 keep-alive; gzip when Accept-Encoding allows it (text types);
chunked for the feeds and sitemaps, Content-Length elsewhere; weak ETags
with If-None-Match -> 304; --latency-ms before every answer.

Every request is one JSON line in the request log, every CONNECT one line
in the tunnel log (see RequestLog).
"""

from __future__ import annotations

import gzip
import hashlib
import http.server
import json
import os
import socket
import ssl
import struct
import sys
import threading
import time
import traceback
import urllib.parse

from .response import Response

SERVER_NAME = "GSE (blogshift blogger_server)"
IDLE_TIMEOUT = 30.0      # seconds a kept-alive connection may sit idle (and any one read or write)
SNIFF_TIMEOUT = 10.0
CHUNK = 8192             # chunk size of chunked bodies


class RequestLog:
    """DIR/requests.jsonl, one JSON object a line, flushed line by line:
      t                unix time (float) the request was read
      method           GET, HEAD, POST, ...
      url              absolute, as the client asked: scheme://host[:port]/path?query
      status           the status sent (0 if none was)
      bytes            body bytes sent, after gzip, without chunk framing
      ua               User-Agent ("" when absent)
      accept_encoding  Accept-Encoding ("" when absent)
      via              "proxy" (absolute-form), "connect" (inside a CONNECT tunnel)
                       or "origin" (origin-form, routed by its Host header)
    A request is logged when its answer is finished (a fault's, when it ends).
    CONNECTs are not requests for a URL: they go to DIR/connects.jsonl, the
    same fields with "url" the authority (host:443) and "via": "proxy", so
    requests.jsonl holds exactly the URLs asked for (none when TLS fails)."""

    def __init__(self, path):
        self._f = open(path, "w", encoding="utf-8")
        self._lock = threading.Lock()

    def write(self, record: dict):
        line = json.dumps(record, ensure_ascii=False) + "\n"
        with self._lock:
            if not self._f.closed:
                self._f.write(line)
                self._f.flush()

    def close(self):
        with self._lock:
            self._f.close()


class Server:
    """The listening socket, bounded worker threads, the TLS context."""

    def __init__(self, app, log: RequestLog, connects: RequestLog, cert: str, key: str, latency_ms: int,
                 max_connections: int, port: int = 0):
        self.app, self.log, self.connects, self.latency = app, log, connects, latency_ms / 1000.0
        self.stop = threading.Event()
        self.tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.tls.load_cert_chain(cert, key)
        self.tls.set_alpn_protocols(["http/1.1"])
        self.tls.sni_callback = self._sni
        self.slots = threading.BoundedSemaphore(max_connections)
        self.sock = socket.create_server(("127.0.0.1", port), backlog=128)
        self.sock.settimeout(0.5)
        self.port = self.sock.getsockname()[1]

    @staticmethod
    def _sni(sslsock, name, _ctx):
        sslsock.blogger_sni = name

    def serve_forever(self):
        while not self.stop.is_set():
            if not self.slots.acquire(timeout=0.5):
                continue  # all slots busy: further connections wait in the backlog
            try:
                conn, addr = self.sock.accept()
            except (TimeoutError, socket.timeout):
                self.slots.release()
                continue
            except OSError:
                self.slots.release()
                if self.stop.is_set():
                    return
                time.sleep(0.05)
                continue
            threading.Thread(target=self._connection, args=(conn, addr), daemon=True).start()

    def close(self):
        self.stop.set()
        try:
            self.sock.close()
        except OSError:
            pass

    def _connection(self, conn: socket.socket, addr):
        try:
            serve(self, conn, addr, tunnel=None)
        except Exception:  # noqa: BLE001 - a broken client must never end the server
            pass
        finally:
            try:
                conn.close()
            except OSError:
                pass
            self.slots.release()


def serve(server: Server, conn: socket.socket, addr, tunnel: str | None):
    """Sniff the first byte, wrap in TLS if it is a ClientHello, then serve
    requests; `tunnel` is the CONNECT authority when inside a tunnel."""
    conn.settimeout(SNIFF_TIMEOUT)
    try:
        # Headers and body go out in separate writes: without this, Nagle's
        # algorithm and the client's delayed ACK add 40 ms to every answer.
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        first = conn.recv(1, socket.MSG_PEEK)
    except OSError:
        return
    if not first:
        return
    scheme = "http"
    if first == b"\x16":
        try:
            conn = server.tls.wrap_socket(conn, server_side=True)
        except (OSError, ssl.SSLError):
            return
        scheme = "https"
    try:
        Handler(conn, addr, server, scheme, tunnel)
    finally:
        if scheme == "https":
            try:
                conn.close()
            except OSError:
                pass


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = IDLE_TIMEOUT

    def __init__(self, conn, addr, server: Server, scheme: str, tunnel: str | None):
        self.srv, self.scheme, self.tunnel = server, scheme, tunnel
        super().__init__(conn, addr, server)

    def version_string(self):
        return SERVER_NAME

    def log_message(self, *args):
        pass

    def log_request(self, *args):
        pass

    def do_GET(self):
        self._answer(head=False)

    def do_HEAD(self):
        self._answer(head=True)

    def do_POST(self):
        length = self.headers.get("Content-Length", "")
        if length.isdigit() and int(length) <= 1 << 20:
            self.rfile.read(int(length))
        else:
            self.close_connection = True
        x = Exchange(self, head=False, via=self._via_for(self.path))
        x.send(Response(405, b"Method Not Allowed\n", "text/plain; charset=UTF-8"), self._log_url())

    do_PUT = do_DELETE = do_PATCH = do_POST

    def do_CONNECT(self):
        x = Exchange(self, head=True, via="proxy")
        host, _, port = self.path.rpartition(":")
        if self.tunnel or not port.isdigit() or not self.srv.app.known(host):
            self.close_connection = True
            x.send(Response(502, b"blogger_server tunnels only to its own hosts\n", "text/plain; charset=UTF-8",
                            [("Connection", "close")]), self.path, tunnel_log=True)
            return
        self.send_response(200, "Connection established")
        self.end_headers()
        x.status = 200
        x.log(self.path, tunnel_log=True)
        self.close_connection = True
        authority = host.lower() if port == "443" else f"{host.lower()}:{port}"
        serve(self.srv, self.connection, self.client_address, tunnel=authority)

    # ------------------------------------------------------------ requests

    def _via_for(self, target: str) -> str:
        if self.tunnel:
            return "connect"
        return "proxy" if target.lower().startswith(("http://", "https://")) else "origin"

    def _log_url(self) -> str:
        target = self.path
        if target.lower().startswith(("http://", "https://")) and not self.tunnel:
            return target
        if self.tunnel:
            return f"{self.scheme}://{self.tunnel}{target}"
        host = self.headers.get("Host") or getattr(self.connection, "blogger_sni", None) or "127.0.0.1"
        return f"{self.scheme}://{host}{target}"

    def _answer(self, head: bool):
        via = self._via_for(self.path)
        x = Exchange(self, head=head, via=via)
        url = self._log_url()
        if via == "proxy":
            parts = urllib.parse.urlsplit(self.path)
            scheme, host = parts.scheme.lower(), parts.netloc
            path, query = parts.path or "/", parts.query
        else:
            scheme = self.scheme
            host = self.tunnel or self.headers.get("Host") or getattr(self.connection, "blogger_sni", "") or ""
            path, _, query = self.path.partition("?")
            if not path.startswith("/"):
                x.send(Response(400, b"Bad Request\n", "text/plain; charset=UTF-8"), url)
                return
        path = path.split("#", 1)[0]
        try:
            response = self.srv.app.route(scheme, host, path, query, proxied=via == "proxy")
        except Exception:  # noqa: BLE001 - show the bug, keep serving
            traceback.print_exc(file=sys.stderr)
            response = Response(500, b"Internal Server Error\n", "text/plain; charset=UTF-8")
        if self.srv.latency and not x.wait(self.srv.latency):
            self.close_connection = True
            return
        x.send(response, url)


class Exchange:
    """One request's answer as it is written: what a stream (a fault) sees."""

    def __init__(self, handler: Handler, head: bool, via: str):
        self.h, self.head_only, self.via = handler, head, via
        self.t = time.time()
        self.status, self.bytes = 0, 0

    # -- the stream interface (faults.py)
    def head(self, status: int, headers: list):
        self.h.send_response(status)
        for k, v in headers:
            self.h.send_header(k, v)
        self.h.end_headers()
        self.status = status

    def write(self, data: bytes) -> bool:
        if self.head_only or not data:
            return not self.head_only
        try:
            self.h.wfile.write(data)
        except (OSError, ValueError):
            self.h.close_connection = True
            return False
        self.bytes += len(data)
        return True

    def wait(self, seconds: float) -> bool:
        return not self.h.srv.stop.wait(seconds)

    def close(self):
        self.h.close_connection = True

    def reset(self):
        """Abort the TCP connection: SO_LINGER 0, then close, so the peer gets a RST."""
        self.h.close_connection = True
        sock = self.h.connection
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            fd = socket.socket.detach(sock)  # the fd itself: makefile() references must not keep it open
            os.close(fd)
        except OSError:
            pass

    # -- normal answers
    def send(self, r: Response, url: str, tunnel_log: bool = False):
        try:
            if r.stream is not None:
                r.stream(self)
            else:
                self._send(r)
        except (OSError, ValueError):
            self.h.close_connection = True
        self.log(url, tunnel_log)

    def _send(self, r: Response):
        h = self.h
        body, headers = r.body, [("Content-Type", r.ctype)] + list(r.headers)
        if r.status == 200 and r.etag:
            tag = 'W/"' + hashlib.sha1(body).hexdigest()[:20] + '"'
            headers.append(("ETag", tag))
            if tag in (h.headers.get("If-None-Match") or ""):
                self.head(304, [("ETag", tag)])
                return
        if r.compressible:
            headers.append(("Vary", "Accept-Encoding"))
            if accepts_gzip(h.headers.get("Accept-Encoding", "")):
                body = gzip_bytes(body)
                headers.append(("Content-Encoding", "gzip"))
        chunked = r.chunked and h.request_version == "HTTP/1.1"
        headers.append(("Transfer-Encoding", "chunked") if chunked else ("Content-Length", str(len(body))))
        self.head(r.status, headers)
        if self.head_only:
            return
        if not chunked:
            self.write(body)
            return
        for i in range(0, len(body), CHUNK):
            piece = body[i:i + CHUNK]
            h.wfile.write(b"%x\r\n" % len(piece) + piece + b"\r\n")
            self.bytes += len(piece)
        h.wfile.write(b"0\r\n\r\n")

    def log(self, url: str, tunnel_log: bool = False):
        h = self.h
        headers = getattr(h, "headers", None)
        (h.srv.connects if tunnel_log else h.srv.log).write({
            "t": round(self.t, 6), "method": h.command, "url": url, "status": self.status, "bytes": self.bytes,
            "ua": headers.get("User-Agent", "") if headers else "",
            "accept_encoding": headers.get("Accept-Encoding", "") if headers else "", "via": self.via})


def accepts_gzip(value: str) -> bool:
    for part in value.split(","):
        token, _, params = part.strip().partition(";")
        if token.strip().lower() in ("gzip", "x-gzip", "*"):
            q = params.strip().lower()
            if q.startswith("q="):
                try:
                    return float(q[2:]) > 0
                except ValueError:
                    return False
            return True
    return False


_gzip_cache: dict = {}
_gzip_lock = threading.Lock()


def gzip_bytes(body: bytes) -> bytes:
    key = hashlib.sha1(body).digest()
    with _gzip_lock:
        hit = _gzip_cache.get(key)
    if hit is None:
        hit = gzip.compress(body, compresslevel=6, mtime=0)
        with _gzip_lock:
            if len(_gzip_cache) > 512:
                _gzip_cache.clear()
            _gzip_cache[key] = hit
    return hit
