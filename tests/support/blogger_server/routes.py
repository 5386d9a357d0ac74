"""Which host a request is for, the redirects between hosts, and the path
routing of the blog's host.

  kettleandcrumb.blogspot.com   the blog (http:// answers 301 to https://)
  kettleandcrumb.blogspot.fr    301 to the same path on .com (a country host)
  --custom-domain HOST          the blog is served there; every blogspot URL
                                answers 301 to the same path on HOST
  N.bp.blogspot.com, blogger.googleusercontent.com   the images (http too)
  127.0.0.1, localhost          taken as the blog's host (origin-form tests)
Anything else is refused: 502 through the proxy, 404 otherwise.
"""

from __future__ import annotations

from . import images, sample
from .faults import Faults
from .feeds import Feeds, robots_txt
from .response import Response, redirect, text
from .site import Blog

BLOGSPOT = sample.BLOGSPOT_HOST
COUNTRY = "kettleandcrumb.blogspot.fr"
CERT_HOSTS = [BLOGSPOT, COUNTRY, "1.bp.blogspot.com", "2.bp.blogspot.com", "*.bp.blogspot.com",
              "blogger.googleusercontent.com", "localhost"]


class App:
    def __init__(self, faults: Faults, custom_domain: str | None = None):
        self.faults = faults
        self.custom = custom_domain.lower() if custom_domain else None
        base_module = sample.load()
        self.m = sample.load(self.custom) if self.custom else base_module
        self.blog = Blog(self.m, faults, custom_domain=bool(self.custom))
        self.feeds = Feeds(self.blog)
        self.images = images.ImageStore(base_module)
        self.canonical = self.custom or BLOGSPOT
        self.ico = base_module.ico_bytes()

    def cert_hosts(self) -> list:
        return CERT_HOSTS + ([self.custom] if self.custom else [])

    def normal_host(self, host: str) -> str:
        host = (host or "").strip().lower().rstrip(".")
        if host.startswith("["):
            host = host.split("]", 1)[0] + "]"
        elif host.count(":") == 1:
            host = host.split(":", 1)[0]
        return self.canonical if host in ("", "127.0.0.1", "localhost", "[::1]") else host

    def known(self, host: str) -> bool:
        host = self.normal_host(host)
        return host in (BLOGSPOT, COUNTRY, self.custom) or images.is_image_host(host)

    def route(self, scheme: str, host: str, path: str, query: str, proxied: bool) -> Response:
        host = self.normal_host(host)
        target = path + ("?" + query if query else "")
        if images.is_image_host(host):
            return self.images.answer(host, path)
        if host == COUNTRY or (self.custom and host == BLOGSPOT):
            return redirect(301, f"https://{self.canonical}{target}")
        if host != self.canonical:
            if proxied:
                return text(502, f"blogger_server serves only its own hosts, not {host}")
            return text(404, f"blogger_server: unknown host {host}")
        if scheme == "http":
            return redirect(301, f"https://{host}{target}")
        return self.blog_path(host, path, query)

    def blog_path(self, host: str, path: str, query: str) -> Response:
        if path == "/robots.txt":
            return robots_txt(host, self.faults.disallowed())
        if path == "/favicon.ico":
            return Response(200, self.ico, "image/x-icon")
        fault = self.faults.answer(self.blog, path)
        if fault is not None:
            return fault
        feed = self.feeds.answer(path, query)
        if feed is not None:
            return feed
        if path.startswith(("/feeds/", "/sitemap")):
            return Response(404, self.blog.not_found(path))
        status, body = self.blog.render(path, query)
        return Response(status, body)
