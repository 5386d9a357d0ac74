"""The blog's HTML pages, rendered with the sample script's Simple template.

Without faults the pages the mirror holds come out byte-identical to
fixtures/sample-blog/mirror/ (home, the 12 posts, the mobile post, About,
/search/label/Bread, /2021/03/); every other page is made the same way:
every post also as ?m=1, every label, archive pages for every date with
posts, the /search?updated-max= pagers, a Blogger-looking 404.

Faults add a sidebar: links to the fault pages on the home page, and with
`trap` an endless calendar, labels and months (see faults.py).
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
import urllib.parse

UTC = dt.timezone.utc
PAGE_POSTS = 20   # posts on a label, archive or search page
HOME_POSTS = 3    # the mirror's home page shows three
TRAP_YEARS = range(2000, 2030)  # the trap calendar's days
NOT_FOUND = "Sorry, the page you were looking for in this blog does not exist."


def first(params: dict, key: str, default: str | None = None) -> str | None:
    v = params.get(key)
    return v[0] if v else default


def parse_time(s: str | None) -> dt.datetime | None:
    """'2021-03-14T09:15:00-07:00' (a '+' read back as a space) -> aware UTC."""
    if not s:
        return None
    try:
        t = dt.datetime.fromisoformat(s.strip().replace(" ", "+").replace("Z", "+00:00"))
    except ValueError:
        return None
    return (t if t.tzinfo else t.replace(tzinfo=UTC)).astimezone(UTC)


def int_param(params: dict, key: str, default: int, lo: int, hi: int) -> int:
    try:
        return max(lo, min(hi, int(first(params, key, str(default)))))
    except ValueError:
        return default


class Blog:
    def __init__(self, m, faults, custom_domain: bool = False):
        self.m, self.faults, self.custom = m, faults, custom_domain
        self.base = m.BASE
        self.posts = sorted(m.LIVE_POSTS, key=self.utc, reverse=True)   # newest first
        self.post_by_path = {e.filename: e for e in self.posts}
        self.post_by_id = {e.id: e for e in self.posts}
        self.static_pages = {m.ABOUT.filename: m.ABOUT}
        self.labels = sorted({lab for e in self.posts for lab in e.labels})
        self.render = functools.lru_cache(maxsize=2048)(self._render)

    # ------------------------------------------------------------ helpers

    def utc(self, e) -> dt.datetime:
        return self.m.parse_utc(e.published)

    def local(self, e) -> dt.datetime:
        return self.m.local(self.utc(e))

    def q(self, t: dt.datetime) -> str:
        """A time as the pagers write it: local ISO with offset, percent-encoded."""
        return urllib.parse.quote(self.m.iso_local(t))

    def label_url(self, name: str) -> str:
        return f"{self.base}/search/label/{urllib.parse.quote(name)}"

    def _finish(self, html: str, sidebar: str = "") -> bytes:
        if sidebar:
            html = html.replace("<aside>\n</aside>", "<aside>\n<div class='sidebar section' id='sidebar-right-1'>"
                                + sidebar + "</div>\n</aside>", 1)
        if self.custom:
            html = html.replace("'hasCustomDomain': false", "'hasCustomDomain': true", 1)
        return html.encode()

    # ------------------------------------------------------------ dispatch

    def _render(self, path: str, query: str) -> tuple[int, bytes]:
        """(status, HTML) for a page of the blog's host; 404 for what it does not hold."""
        params = urllib.parse.parse_qs(query, keep_blank_values=True)
        mobile = first(params, "m") == "1"
        if path == "/":
            return 200, self.home(mobile)
        if path in self.post_by_path:
            return 200, self.item(self.post_by_path[path], mobile)
        if path in self.static_pages:
            return 200, self.static(self.static_pages[path], mobile)
        if path.startswith("/search/label/"):
            name = urllib.parse.unquote(path[len("/search/label/"):])
            page = self.label(name, params, mobile)
            if page:
                return 200, page
        elif path == "/search":
            return 200, self.search(params, mobile)
        elif (a := re.fullmatch(r"/(\d{4})/(?:(\d{2})/(?:(\d{2})/)?)?", path)):
            page = self.archive(int(a[1]), int(a[2] or 0), int(a[3] or 0), mobile)
            if page:
                return 200, page
        return 404, self.not_found(path)

    # ------------------------------------------------------------ single pages

    def item(self, e, mobile: bool) -> bytes:
        m, i = self.m, self.posts.index(e)
        newer = self.posts[i - 1].url if i > 0 else None
        older = self.posts[i + 1].url if i + 1 < len(self.posts) else None
        if mobile:
            main = m.blog_posts_html([e], item=True, mobile=True) + m.pager_html(
                newer and newer + "?m=1", older and older + "?m=1", mobile=True, desktop=e.url)
        else:
            main = m.blog_posts_html([e], item=True) + m.pager_html(newer, older)
        return self._finish(m.page_html(url=e.url + ("?m=1" if mobile else ""), title=f"{m.BLOG_TITLE}: {e.title}",
                                        page_type="item", main=main, description=m.snippet(e), post=e,
                                        mobile=mobile))

    def static(self, e, mobile: bool = False) -> bytes:
        """A /p/ page: About, or a fault page when it answers 200."""
        m = self.m
        main = m.blog_posts_html([e], item=True, mobile=mobile) + (
            m.pager_html(None, None, mobile=True, desktop=e.url) if mobile else m.pager_html(None, None))
        return self._finish(m.page_html(url=e.url + ("?m=1" if mobile else ""), title=f"{m.BLOG_TITLE}: {e.title}",
                                        page_type="static_page", main=main, description=m.snippet(e), post=e,
                                        mobile=mobile))

    def not_found(self, path: str) -> bytes:
        m = self.m
        main = m.blog_posts_html([], item=False, status_msg=NOT_FOUND) + m.pager_html(None, None)
        return self._finish(m.page_html(url=self.base + path, title=m.BLOG_TITLE, page_type="error", main=main,
                                        description=m.BLOG_DESC))

    # ------------------------------------------------------------ listings

    def listing(self, *, url: str, title: str, page_type: str, entries: list, newer: str | None,
                older: str | None, mobile: bool, status_msg: str = "", sidebar: str = "") -> bytes:
        m = self.m
        if mobile:
            def add_m(u):
                return u and u + ("&" if "?" in u else "?") + "m=1"
            main = m.blog_posts_html(entries, item=False, mobile=True, status_msg=status_msg) + m.pager_html(
                add_m(newer), add_m(older), mobile=True, desktop=url)
            url, sidebar = add_m(url), ""
        else:
            main = m.blog_posts_html(entries, item=False, status_msg=status_msg) + m.pager_html(
                newer, older, newer_title="Newer Posts", older_title="Older Posts")
        return self._finish(m.page_html(url=url, title=title, page_type=page_type, main=main,
                                        description=m.BLOG_DESC, mobile=mobile), sidebar)

    def select(self, posts: list, params: dict, default_n: int):
        """The posts a /search page shows: updated-max (older than), updated-min with
        reverse-paginate (the next newer ones), max-results; and whether there are
        newer and older posts beyond them."""
        n = int_param(params, "max-results", default_n, 1, 500)
        umax, umin = parse_time(first(params, "updated-max")), parse_time(first(params, "updated-min"))
        cand = [e for e in posts if (umax is None or self.utc(e) < umax)]
        if umin is not None:
            if first(params, "reverse-paginate") == "true":
                cand = [e for e in cand if self.utc(e) > umin][-n:]
            else:
                cand = [e for e in cand if self.utc(e) >= umin]
        shown = cand[:n]
        newer = bool(shown) and any(self.utc(e) > self.utc(shown[0]) for e in posts)
        older = bool(shown) and any(self.utc(e) < self.utc(shown[-1]) for e in posts)
        return shown, n, newer, older, umax

    def home(self, mobile: bool) -> bytes:
        home = self.posts[:HOME_POSTS]
        older = f"{self.base}/search?updated-max={self.q(self.utc(home[-1]))}&max-results={HOME_POSTS}"
        return self.listing(url=self.base + "/", title=self.m.BLOG_TITLE, page_type="index", entries=home,
                            newer=None, older=older, mobile=mobile, sidebar=self.home_sidebar())

    def label(self, name: str, params: dict, mobile: bool) -> bytes | None:
        trap_n = None
        if self.faults.trap and (t := re.fullmatch(r"trap-(\d{1,9})", name)):
            trap_n = int(t[1])
        posts = [e for e in self.posts if name in e.labels]
        if not posts and trap_n is None:
            return None
        shown, n, newer, older, umax = self.select(posts, params, PAGE_POSTS)
        h, path = self.m.h, self.label_url(name)
        what = "Showing posts with the label" if shown else "No posts with label"
        msg = f"{what} <b>{h(name)}</b>. <a href=\"{self.base}/\">Show all posts</a>"
        newer_url = older_url = None
        if newer:
            newer_url = f"{path}?updated-min={self.q(self.utc(shown[0]))}&max-results={n}&reverse-paginate=true"
        if older:
            older_url = f"{path}?updated-max={self.q(self.utc(shown[-1]))}&max-results={n}"
        sidebar = ""
        if self.faults.trap:
            before = self.trap_before(shown, umax)
            if before:
                older_url = older_url or f"{path}?updated-max={self.q(before)}&max-results={n}"
            sidebar = self.trap_labels_widget((trap_n or 0) + 1, before)
        url = path + ("?" + urllib.parse.urlencode({k: v[0] for k, v in params.items() if k != "m"})
                      if any(k != "m" for k in params) else "")
        return self.listing(url=url, title=f"{self.m.BLOG_TITLE}: {name}", page_type="index", entries=shown,
                            newer=newer_url, older=older_url, mobile=mobile, status_msg=msg, sidebar=sidebar)

    def search(self, params: dict, mobile: bool) -> bytes:
        posts, msg, h = self.posts, "", self.m.h
        words = first(params, "q")
        if words:
            low = words.lower()
            posts = [e for e in posts if low in e.title.lower() or low in e.body.lower()]
            msg = f"Showing posts matching the search for <b>{h(words)}</b>"
        shown, n, newer, older, umax = self.select(posts, params, PAGE_POSTS)
        extra = f"&q={urllib.parse.quote(words)}" if words else ""
        newer_url = older_url = None
        if newer:
            newer_url = (f"{self.base}/search?updated-min={self.q(self.utc(shown[0]))}&max-results={n}"
                         f"&reverse-paginate=true{extra}")
        if older:
            older_url = f"{self.base}/search?updated-max={self.q(self.utc(shown[-1]))}&max-results={n}{extra}"
        if self.faults.trap and not older_url and (before := self.trap_before(shown, umax)):
            older_url = f"{self.base}/search?updated-max={self.q(before)}&max-results={n}{extra}"
        keep = {k: v[0] for k, v in params.items() if k != "m"}
        url = f"{self.base}/search" + ("?" + urllib.parse.urlencode(keep) if keep else "")
        return self.listing(url=url, title=self.m.BLOG_TITLE, page_type="index", entries=shown, newer=newer_url,
                            older=older_url, mobile=mobile, status_msg=msg)

    def archive(self, y: int, mo: int, d: int, mobile: bool) -> bytes | None:
        try:
            dt.date(max(y, 1), mo or 1, d or 1)
        except ValueError:
            return None
        if y < 1:
            return None
        key = (y, mo, d)
        posts = [e for e in self.posts if self._date_key(e, mo != 0, d != 0) == key]
        if not posts and not self.faults.trap:
            return None
        month = calendar.month_name[mo] if mo else ""
        title = f"{self.m.BLOG_TITLE}: " + (f"{month} {d}, {y}" if d else f"{month} {y}" if mo else f"{y}")
        url = f"{self.base}/{y:04d}/" + (f"{mo:02d}/" if mo else "") + (f"{d:02d}/" if d else "")
        newer = older = None
        if posts and any(self.utc(e) > self.utc(posts[0]) for e in self.posts):
            newer = (f"{self.base}/search?updated-min={self.q(self.utc(posts[0]))}&max-results={PAGE_POSTS}"
                     f"&reverse-paginate=true")
        if posts and any(self.utc(e) < self.utc(posts[-1]) for e in self.posts):
            older = f"{self.base}/search?updated-max={self.q(self.utc(posts[-1]))}&max-results={PAGE_POSTS}"
        sidebar = self.trap_archive_widget(y, mo, d) if self.faults.trap else ""
        return self.listing(url=url, title=title, page_type="archive", entries=posts, newer=newer, older=older,
                            mobile=mobile, sidebar=sidebar)

    def _date_key(self, e, with_month: bool, with_day: bool) -> tuple:
        t = self.local(e)
        return (t.year, t.month if with_month else 0, t.day if with_day else 0)

    # ------------------------------------------------------------ sidebar widgets

    def home_sidebar(self) -> str:
        out = []
        pages = self.faults.linked_pages()
        if pages:
            items = "".join(f"<li><a href='{self.base}{path}'>{self.m.h(title)}</a></li>\n" for path, title in pages)
            out.append(f"<div class='widget PageList' data-version='1' id='PageList2'>\n<h2>More pages</h2>\n"
                       f"<div class='widget-content'>\n<ul>\n{items}</ul>\n<div class='clear'></div>\n</div>\n</div>")
        if self.faults.trap:
            out.append(self.trap_calendar())
        return "".join(out)

    def trap_before(self, shown: list, umax: dt.datetime | None) -> dt.datetime | None:
        """Under `trap` a search pager never ends: a day before what the page shows."""
        t = self.utc(shown[-1]) if shown else (umax or self.utc(self.posts[0]))
        return t - dt.timedelta(days=1) if t.year > 1 else None

    def trap_labels_widget(self, n: int, before: dt.datetime | None) -> str:
        older = (f"<li><a href='{self.base}/search?updated-max={self.q(before)}&max-results={PAGE_POSTS}'>"
                 "Older posts</a></li>\n") if before else ""
        return (f"<div class='widget Label' data-version='1' id='Label1'>\n<h2>Labels</h2>\n<div class='widget-content "
                f"list-label-widget-content'>\n<ul>\n<li><a dir='ltr' href='{self.label_url(f'trap-{n}')}'>trap-{n}</a>"
                f"</li>\n{older}</ul>\n</div>\n</div>")

    def trap_archive_widget(self, y: int, mo: int, d: int) -> str:
        if d:
            p = dt.date(y, mo, d) - dt.timedelta(days=1) if (y, mo, d) != (1, 1, 1) else None
            prev = p and (f"{p.year:04d}/{p.month:02d}/{p.day:02d}/", p.strftime("%B %d, ") + str(p.year))
        elif mo:
            py, pm = (y, mo - 1) if mo > 1 else (y - 1, 12)
            prev = (f"{py:04d}/{pm:02d}/", f"{calendar.month_name[pm]} {py}") if py >= 1 else None
        else:
            prev = (f"{y - 1:04d}/", str(y - 1)) if y > 1 else None
        link = f"<li><a class='post-count-link' href='{self.base}/{prev[0]}'>{prev[1]}</a></li>\n" if prev else ""
        return (f"<div class='widget BlogArchive' data-version='1' id='BlogArchive1'>\n<h2>Blog Archive</h2>\n"
                f"<div class='widget-content'>\n<div id='ArchiveList'>\n<ul class='flat'>\n{link}</ul>\n</div>\n"
                "</div>\n</div>")

    @functools.cached_property
    def _calendar(self) -> str:
        out = ["<div class='widget BlogArchive' data-version='1' id='BlogArchive2'>\n<h2>Calendar</h2>\n"
               "<div class='widget-content'>\n<div id='ArchiveList2'>\n"]
        for y in TRAP_YEARS:
            out.append(f"<h3><a href='{self.base}/{y}/'>{y}</a></h3>\n")
            for mo in range(1, 13):
                days = " ".join(f"<a href='{self.base}/{y}/{mo:02d}/{d:02d}/'>{d}</a>"
                                for d in range(1, calendar.monthrange(y, mo)[1] + 1))
                out.append(f"<p class='calendar'><a href='{self.base}/{y}/{mo:02d}/'>{calendar.month_name[mo]}</a>: "
                           f"{days}</p>\n")
        out.append("</div>\n</div>\n</div>")
        return "".join(out)

    def trap_calendar(self) -> str:
        return self._calendar
