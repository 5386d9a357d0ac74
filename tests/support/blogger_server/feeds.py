"""The blog's machine-readable URLs: GData feeds, sitemaps, robots.txt.

Feeds (Atom, or RSS 2.0 with alt=rss), as Blogger's public feeds answer:
  /feeds/posts/default[/-/LABEL]  /feeds/posts/summary  /feeds/pages/default
  /feeds/comments/default         /feeds/POSTID/comments/default
start-index (1-based) and max-results (default 25, at most 150) page them;
openSearch:totalResults/startIndex/itemsPerPage say where a page is, and
rel=next (and rel=previous) link the neighbours. One difference from
Blogger: self/next/previous name the blog's own host, where Blogger names
www.blogger.com/feeds/BLOGID/..., so a client never has to leave the blog.
Entries are newest first (orderby=published or updated, the default).
Bad parameters answer 400 as Blogger does.

Sitemaps: /sitemap.xml is an index of /sitemap.xml?page=1 and ?page=2
(SITEMAP_PAGE posts each, newest first), /sitemap-pages.xml lists the
About page. Fault pages are in none of these.
"""

from __future__ import annotations

import email.utils
import urllib.parse

from .response import Response, text
from .site import first, parse_time

MAX_RESULTS = 150
DEFAULT_RESULTS = 25
SITEMAP_PAGE = 8
ATOM_NS = ("xmlns='http://www.w3.org/2005/Atom' xmlns:openSearch='http://a9.com/-/spec/opensearchrss/1.0/' "
           "xmlns:blogger='http://schemas.google.com/blogger/2008' xmlns:georss='http://www.georss.org/georss' "
           "xmlns:gd=\"http://schemas.google.com/g/2005\" xmlns:thr='http://purl.org/syndication/thread/1.0'")
RSS_NS = ("xmlns:atom='http://www.w3.org/2005/Atom' xmlns:openSearch='http://a9.com/-/spec/opensearchrss/1.0/' "
          "xmlns:blogger='http://schemas.google.com/blogger/2008' xmlns:georss='http://www.georss.org/georss' "
          "xmlns:gd=\"http://schemas.google.com/g/2005\" xmlns:thr='http://purl.org/syndication/thread/1.0'")
GD_IMAGE = ("<gd:image rel='http://schemas.google.com/g/2005#thumbnail' width='16' height='16' "
            "src='https://img1.blogblog.com/img/b16-rounded.gif'/>")
ATOM_TYPE = "application/atom+xml; charset=UTF-8"
RSS_TYPE = "application/rss+xml; charset=UTF-8"
XML_TYPE = "application/xml; charset=UTF-8"


def attr(s: str) -> str:
    """Escaped for a single-quoted XML attribute."""
    return (s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;")
             .replace('"', "&quot;"))


class BadRequest(Exception):
    pass


def robots_txt(host: str, disallow: list) -> Response:
    extra = "".join(f"Disallow: {p}\n" for p in disallow)
    body = (f"User-agent: Mediapartners-Google\nDisallow: \n\nUser-agent: *\nDisallow: /search\n{extra}Allow: /\n\n"
            f"Sitemap: https://{host}/sitemap.xml\n")
    return Response(200, body.encode(), "text/plain; charset=UTF-8")


class Feeds:
    def __init__(self, blog):
        self.blog, self.m = blog, blog.m
        self.base, self.tag = blog.base, blog.m.TAG

    # ------------------------------------------------------------ times and bits

    def gd_time(self, utc: str) -> str:
        """'2021-03-14T16:15:00.006Z' -> '2021-03-14T09:15:00.006-07:00' (the blog's zone)."""
        t = self.m.local(self.m.parse_utc(utc))
        off = t.strftime("%z")
        return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}{off[:3]}:{off[3:]}"

    def rfc822(self, utc: str) -> str:
        return email.utils.format_datetime(self.m.parse_utc(utc).replace(microsecond=0))

    def thumbnail(self, e) -> str | None:
        """The first image of a post at s72-c, as media:thumbnail names it."""
        found = [(e.body.find(u), im) for im in self.m.IMAGES.values() for u in (im.small_url, im.big_url)
                 if u in e.body]
        return min(found, key=lambda p: p[0])[1].url("s72-c") if found else None

    def author(self, a: tuple, anonymous: bool = False) -> str:
        x = self.m.xml_text
        uri = "" if anonymous or a[1] is None else f"<uri>{x(a[1])}</uri>"
        return f"<author><name>{x(a[0])}</name>{uri}<email>noreply@blogger.com</email>{GD_IMAGE}</author>"

    # ------------------------------------------------------------ dispatch

    def answer(self, path: str, query: str) -> Response | None:
        params = urllib.parse.parse_qs(query, keep_blank_values=True)
        parts = path.rstrip("/").split("/")
        try:
            if path in ("/sitemap.xml", "/sitemap-pages.xml"):
                return self.sitemap(path, first(params, "page"))
            if path in ("/atom.xml", "/rss.xml"):
                alt = "?alt=rss" if path == "/rss.xml" else ""
                return Response(301, b"", headers=[("Location", f"{self.base}/feeds/posts/default{alt}")])
            if parts[:2] != ["", "feeds"]:
                return None
            rest = parts[2:]
            if rest in (["posts", "default"], ["posts", "summary"]):
                return self.feed("posts", params, summary=rest[1] == "summary")
            if rest[:3] == ["posts", "default", "-"] and len(rest) == 4:
                return self.feed("posts", params, label=urllib.parse.unquote(rest[3]))
            if rest == ["pages", "default"]:
                return self.feed("pages", params)
            if rest == ["comments", "default"]:
                return self.feed("comments", params)
            if len(rest) == 3 and rest[1:] == ["comments", "default"] and rest[0] in self.blog.post_by_id:
                return self.feed("comments", params, post=self.blog.post_by_id[rest[0]])
            return None
        except BadRequest as err:
            return text(400, str(err))

    # ------------------------------------------------------------ feeds

    def feed(self, kind: str, params: dict, label: str | None = None, summary: bool = False, post=None) -> Response:
        start = self._int(params, "start-index", 1, 1)
        n = min(self._int(params, "max-results", DEFAULT_RESULTS, 0), MAX_RESULTS)
        alt = first(params, "alt", "atom")
        if alt not in ("atom", "rss"):
            raise BadRequest(f"Invalid alt parameter: {alt}")
        order = first(params, "orderby", "updated")
        if order not in ("updated", "published"):
            raise BadRequest(f"Invalid orderby parameter: {order}")
        b, m = self.blog, self.m
        if kind == "posts":
            items = [e for e in b.posts if label is None or label in e.labels]
        elif kind == "pages":
            items = list(b.static_pages.values())
        else:
            items = [c for c in m.COMMENTS if post is None or c.post == post.id]
        key = (lambda i: getattr(i, order)) if kind != "comments" else (lambda c: c.published)
        items.sort(key=lambda i: m.parse_utc(key(i)), reverse=True)
        for name, keep in (("updated-min", lambda t, v: t >= v), ("updated-max", lambda t, v: t < v),
                           ("published-min", lambda t, v: t >= v), ("published-max", lambda t, v: t < v)):
            if (v := first(params, name)) is not None:
                if (lim := parse_time(v)) is None:
                    raise BadRequest(f"Invalid {name} parameter: {v}")
                when = name.split("-")[0] if kind != "comments" else "published"
                items = [i for i in items if keep(m.parse_utc(getattr(i, when)), lim)]
        page = items[start - 1:start - 1 + n]
        path = {"posts": "/feeds/posts/" + ("summary" if summary else "default")
                + (f"/-/{urllib.parse.quote(label)}" if label else ""),
                "pages": "/feeds/pages/default",
                "comments": f"/feeds/{post.id}/comments/default" if post else "/feeds/comments/default"}[kind]
        others = {k: v[0] for k, v in params.items() if k not in ("start-index", "max-results")}

        def link(s: int) -> str:
            return attr(self.base + path + "?" + urllib.parse.urlencode(
                {**others, "start-index": s, "max-results": n}))
        nav = [("self", link(start))]
        if start > 1 and n:
            nav.append(("previous", link(max(1, start - n))))
        if n and start - 1 + n < len(items):
            nav.append(("next", link(start + n)))
        if kind == "comments":
            entries = [self.comment_entry(c, alt) for c in page]
        else:
            entries = [self.post_entry(e, alt, summary) for e in page]
        body = (self.rss if alt == "rss" else self.atom)(kind, post, len(items), start, n, nav, entries, path)
        return Response(200, body.encode(), RSS_TYPE if alt == "rss" else ATOM_TYPE, chunked=True)

    @staticmethod
    def _int(params: dict, key: str, default: int, lo: int) -> int:
        v = first(params, key)
        if v is None:
            return default
        try:
            i = int(v)
        except ValueError:
            raise BadRequest(f"Invalid value for {key} parameter: {v}") from None
        if i < lo:
            raise BadRequest(f"Invalid value for {key} parameter: {v}")
        return i

    def _head(self, kind: str, post) -> tuple[str, str, str]:
        """(feed id, feed title, updated) of a feed."""
        m, b = self.m, self.blog
        if kind == "comments":
            cs = [c for c in m.COMMENTS if post is None or c.post == post.id]
            fid = f"{self.tag}.post{post.id}..comments" if post else f"{self.tag}.comments"
            title = f"{m.BLOG_TITLE}: {post.title}" if post else m.BLOG_TITLE
            newest = max((c.published for c in cs), key=m.parse_utc, default=b.posts[0].updated)
            return fid, title, newest
        items = b.posts if kind == "posts" else list(b.static_pages.values())
        return self.tag, m.BLOG_TITLE, max((e.updated for e in items), key=m.parse_utc)

    def atom(self, kind, post, total, start, n, nav, entries, path) -> str:
        m, x = self.m, self.m.xml_text
        fid, title, updated = self._head(kind, post)
        cats = "".join(f"<category term=\"{m.xml_attr(lab)}\"/>" for lab in self.blog.labels) if kind == "posts" else ""
        links = "".join(f"<link rel='{rel}' type='application/atom+xml' href='{href}'/>" for rel, href in nav)
        alternate = post.url if post else self.base + "/"
        return ("<?xml version='1.0' encoding='UTF-8'?><?xml-stylesheet href=\"http://www.blogger.com/styles/"
                f"atom.css\" type=\"text/css\"?><feed {ATOM_NS}><id>{fid}</id><updated>{self.gd_time(updated)}"
                f"</updated>{cats}<title type='text'>{x(title)}</title><subtitle type='html'>{x(m.BLOG_DESC)}"
                f"</subtitle><link rel='http://schemas.google.com/g/2005#feed' type='application/atom+xml' "
                f"href='{self.base}{path}'/>{links}<link rel='alternate' type='text/html' href='{alternate}'/>"
                f"<link rel='hub' href='http://pubsubhubbub.appspot.com/'/>{self.author(m.MAGGIE)}"
                "<generator version='7.00' uri='http://www.blogger.com'>Blogger</generator>"
                f"<openSearch:totalResults>{total}</openSearch:totalResults><openSearch:startIndex>{start}"
                f"</openSearch:startIndex><openSearch:itemsPerPage>{n}</openSearch:itemsPerPage>"
                + "".join(entries) + "</feed>")

    def rss(self, kind, post, total, start, n, nav, entries, path) -> str:
        m, x = self.m, self.m.xml_text
        fid, title, updated = self._head(kind, post)
        cats = "".join(f"<category>{x(lab)}</category>" for lab in self.blog.labels) if kind == "posts" else ""
        links = "".join(f"<atom:link rel='{rel}' type='application/rss+xml' href='{href}'/>" for rel, href in nav)
        return (f"<?xml version='1.0' encoding='UTF-8'?><rss {RSS_NS} version='2.0'><channel><atom:id>{fid}"
                f"</atom:id><lastBuildDate>{self.rfc822(updated)}</lastBuildDate>{cats}<title>{x(title)}</title>"
                f"<description>{x(m.BLOG_DESC)}</description><link>{post.url if post else self.base + '/'}</link>"
                f"{links}<managingEditor>noreply@blogger.com ({x(m.MAGGIE[0])})</managingEditor>"
                f"<generator>Blogger</generator><openSearch:totalResults>{total}</openSearch:totalResults>"
                f"<openSearch:startIndex>{start}</openSearch:startIndex><openSearch:itemsPerPage>{n}"
                "</openSearch:itemsPerPage>" + "".join(entries) + "</channel></rss>")

    def post_entry(self, e, alt: str, summary: bool = False) -> str:
        m, x, xa = self.m, self.m.xml_text, attr
        b = self.blog
        kind = "page" if e.kind == "PAGE" else "post"
        eid = f"{self.tag}.{kind}-{e.id}"
        ncomments = len(m.comments_of(e))
        api = f"https://www.blogger.com/feeds/{m.BLOG_ID}/{kind}s/default/{e.id}"
        thumb = self.thumbnail(e)
        media = (f"<media:thumbnail xmlns:media='http://search.yahoo.com/mrss/' url='{xa(thumb)}' height='72' "
                 "width='72'/>") if thumb else ""
        thr = f"<thr:total>{ncomments}</thr:total>" if e.kind == "POST" else ""
        if alt == "rss":
            cats = "".join(f"<category domain='http://www.blogger.com/atom/ns#'>{x(lab)}</category>"
                           for lab in e.labels)
            desc = x(m.snippet(e)) if summary else x(e.body)
            return (f"<item><guid isPermaLink='false'>{eid}</guid><pubDate>{self.rfc822(e.published)}</pubDate>"
                    f"<atom:updated>{self.gd_time(e.updated)}</atom:updated>{cats}<title>{x(e.title)}</title>"
                    f"<description>{desc}</description><link>{e.url}</link>"
                    f"<author>noreply@blogger.com ({x(e.author[0])})</author>{media}{thr}</item>")
        cats = "".join(f"<category scheme='http://www.blogger.com/atom/ns#' term='{xa(lab)}'/>" for lab in e.labels)
        content = (f"<summary type='text'>{x(m.snippet(e))}</summary>" if summary
                   else f"<content type='html'>{x(e.body)}</content>")
        replies = ""
        if e.kind == "POST":
            replies = (f"<link rel='replies' type='application/atom+xml' href='{self.base}/feeds/{e.id}/comments/"
                       f"default' title='Post Comments'/><link rel='replies' type='text/html' href='{e.url}"
                       f"#comment-form' title='{ncomments} Comments'/>")
        return (f"<entry><id>{eid}</id><published>{self.gd_time(e.published)}</published><updated>"
                f"{self.gd_time(e.updated)}</updated>{cats}<title type='text'>{x(e.title)}</title>{content}"
                f"{replies}<link rel='edit' type='application/atom+xml' href='{api}'/><link rel='self' "
                f"type='application/atom+xml' href='{api}'/><link rel='alternate' type='text/html' href='{e.url}' "
                f"title='{xa(e.title)}'/>{self.author(e.author)}{media}{thr}</entry>")

    def comment_entry(self, c, alt: str) -> str:
        m, x, xa = self.m, self.m.xml_text, attr
        post = self.blog.post_by_id[c.post]
        cid = f"{self.tag}.post-{c.id}"
        ms = int(m.parse_utc(c.published).timestamp() * 1000)
        permalink = f"{post.url}?showComment={ms}#c{c.id}"
        title = m.comment_title(c.body)
        if alt == "rss":
            return (f"<item><guid isPermaLink='false'>{cid}</guid><pubDate>{self.rfc822(c.published)}</pubDate>"
                    f"<atom:updated>{self.gd_time(c.published)}</atom:updated><title>{x(title)}</title>"
                    f"<description>{x(c.body)}</description><link>{xa(permalink)}</link>"
                    f"<author>noreply@blogger.com ({x(c.author[0])})</author></item>")
        api = f"https://www.blogger.com/feeds/{m.BLOG_ID}/{post.id}/comments/default/{c.id}"
        return (f"<entry><id>{cid}</id><published>{self.gd_time(c.published)}</published><updated>"
                f"{self.gd_time(c.published)}</updated><title type='text'>{x(title)}</title>"
                f"<content type='html'>{x(c.body)}</content><link rel='edit' type='application/atom+xml' "
                f"href='{api}'/><link rel='self' type='application/atom+xml' href='{api}'/><link rel='alternate' "
                f"type='text/html' href='{xa(permalink)}' title=''/>{self.author(c.author, c.anonymous)}"
                f"<thr:in-reply-to xmlns:thr='http://purl.org/syndication/thread/1.0' href='{post.url}' "
                f"ref='{self.tag}.post-{post.id}' source='http://www.blogger.com/feeds/{m.BLOG_ID}/posts/default/"
                f"{post.id}' type='text/html'/><gd:extendedProperty name='blogger.itemClass' "
                f"value='pid-1873520645'/><gd:extendedProperty name='blogger.displayTime' "
                f"value='{self.gd_time(c.published)}'/></entry>")

    # ------------------------------------------------------------ sitemaps

    def sitemap(self, path: str, page: str | None) -> Response | None:
        b, m = self.blog, self.m
        head = "<?xml version='1.0' encoding='UTF-8'?>"
        ns = "xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'"

        def urlset(entries) -> str:
            rows = "".join(f"<url><loc>{e.url}</loc><lastmod>{m.parse_utc(e.updated).strftime('%Y-%m-%dT%H:%M:%SZ')}"
                           "</lastmod></url>" for e in entries)
            return f"{head}<urlset {ns}>{rows}</urlset>"
        if path == "/sitemap-pages.xml":
            body = urlset(b.static_pages.values())
        elif page is None:
            npages = (len(b.posts) + SITEMAP_PAGE - 1) // SITEMAP_PAGE
            rows = "".join(f"<sitemap><loc>{self.base}/sitemap.xml?page={i}</loc></sitemap>"
                           for i in range(1, npages + 1))
            body = f"{head}<sitemapindex {ns}>{rows}</sitemapindex>"
        else:
            if not page.isdigit() or not 1 <= int(page) <= (len(b.posts) + SITEMAP_PAGE - 1) // SITEMAP_PAGE:
                return None
            i = int(page)
            body = urlset(b.posts[(i - 1) * SITEMAP_PAGE:i * SITEMAP_PAGE])
        return Response(200, body.encode(), XML_TYPE, chunked=True)

