#!/usr/bin/env python3
"""Writes fixtures/feeds/: a made-up blog's public feeds in the layout Blogger serves.

Usage: python3 scripts/make-feed-fixtures.py [fixtures/feeds]
Python 3.11 standard library only; the output is byte-for-byte reproducible.
"""
import html, os, sys
from datetime import datetime, timezone, timedelta
from email.utils import format_datetime

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "fixtures", "feeds")
BLOG = "7301234567890123456"
TAG = f"tag:blogger.com,1999:blog-{BLOG}"
HOST = "lanternlane.blogspot.com"
BASE = f"https://{HOST}"
TITLE = "Lantern Lane Kitchen"
OWNER = ("Wren Okafor", "https://www.blogger.com/profile/15550001112223334445")
GD_IMAGE = ("<gd:image rel='http://schemas.google.com/g/2005#thumbnail' width='16' height='16' "
            "src='https://img1.blogblog.com/img/b16-rounded.gif'/>")
ANON_IMAGE = ("<gd:image rel='http://schemas.google.com/g/2005#thumbnail' width='16' height='16' "
              "src='https://img1.blogblog.com/img/blank.gif'/>")
NS = ("xmlns='http://www.w3.org/2005/Atom' xmlns:openSearch='http://a9.com/-/spec/opensearchrss/1.0/' "
      "xmlns:blogger='http://schemas.google.com/blogger/2008' xmlns:georss='http://www.georss.org/georss' "
      "xmlns:gd=\"http://schemas.google.com/g/2005\" xmlns:thr='http://purl.org/syndication/thread/1.0'")
RSS_NS = NS.replace("xmlns='http://www.w3.org/2005/Atom'", "xmlns:atom='http://www.w3.org/2005/Atom'")
x = lambda s: html.escape(s, quote=False)
xa = lambda s: html.escape(s, quote=True).replace("&#x27;", "&#39;")

IMG = "https://blogger.googleusercontent.com/img/b/R29vZ2xl/AVvXsEhLanternToastFake01"
POSTS = [  # newest first, as Blogger orders them
    dict(id="3333333333333333333", title="Rye, again", path="/2021/11/rye-again.html",
         published="2021-11-20T07:05:00.000+01:00", updated="2021-11-20T07:05:00.000+01:00",
         labels=["Bread", "Notes"],
         body="<p>The third rye this month.</p><pre>rye 60%\nwheat 40%</pre>",
         summary="The third rye this month. rye 60% wheat 40%"),
    dict(id="2222222222222222222", title="Crème caramel, slowly", path="/2021/06/creme-caramel-slowly.html",
         published="2021-06-05T17:45:10.456+02:00", updated="2021-06-06T10:00:00.000+02:00",
         labels=["Desserts"],
         body="<div>Low oven, <i>long</i> bake &amp; patience.</div><div><br /></div>",
         summary="Low oven, long bake & patience."),
    dict(id="1111111111111111111", title="Tea & toast: a first post", path="/2021/01/tea-toast-first-post.html",
         published="2021-01-10T08:30:00.123+01:00", updated="2021-01-11T09:00:00.000+01:00",
         labels=["Breakfast", "Notes"],
         body=(f"<div>Toast, butter &amp; tea.</div><div class=\"separator\" style=\"clear: both;\"><a href=\"{IMG}/s1600/toast.jpg\">"
               f"<img border=\"0\" src=\"{IMG}/s320/toast.jpg\" /></a></div><a name='more'></a><p>More below the fold.</p>"),
         summary="Toast, butter & tea. More below the fold.", thumb=f"{IMG}/s72-c/toast.jpg"),
]
PAGES = [dict(id="4444444444444444444", title="About", path="/p/about.html",
              published="2020-12-31T12:00:00.000+01:00", updated="2021-02-01T12:30:00.000+01:00", labels=[],
              body="<p>Recipes from a small kitchen. Write to <a href=\"mailto:wren@example.org\">Wren</a>.</p>")]
COMMENTS = [  # newest first
    dict(id="5555555555555555553", post="1111111111111111111", author=("Anonymous", None),
         published="2021-01-12T20:00:00.000+01:00", body="Lovely photo!"),
    dict(id="5555555555555555552", post="2222222222222222222", author=OWNER, reply_to="5555555555555555551",
         published="2021-06-07T09:30:00.000+02:00", body="Thank you Ana &amp; yes, 140 degrees."),
    dict(id="5555555555555555551", post="2222222222222222222",
         author=("Ana Lima", "https://www.blogger.com/profile/09998887776665554443"),
         published="2021-06-07T08:00:00.000+02:00", body="What oven temperature do you use?<br />Thanks!"),
]
post_by_id = {p["id"]: p for p in POSTS}

def utc(t):
    return datetime.fromisoformat(t).astimezone(timezone.utc)

def author(a):
    uri = f"<uri>{x(a[1])}</uri>" if a[1] else ""
    return f"<author><name>{x(a[0])}</name>{uri}<email>noreply@blogger.com</email>{GD_IMAGE if a[1] else ANON_IMAGE}</author>"

def comments_of(pid):
    return [c for c in COMMENTS if c["post"] == pid]

def post_entry(p, kind="post", summary=False):
    cats = "".join(f"<category scheme='http://www.blogger.com/atom/ns#' term='{xa(l)}'/>" for l in p["labels"])
    content = (f"<summary type='text'>{x(p['summary'])}</summary>" if summary
               else f"<content type='html'>{x(p['body'])}</content>")
    api = f"https://www.blogger.com/feeds/{BLOG}/{kind}s/default/{p['id']}"
    url = BASE + p["path"]
    n = len(comments_of(p["id"]))
    replies = (f"<link rel='replies' type='application/atom+xml' href='{BASE}/feeds/{p['id']}/comments/default' "
               f"title='Post Comments'/><link rel='replies' type='text/html' href='{url}#comment-form' "
               f"title='{n} Comments'/>") if kind == "post" else ""
    media = (f"<media:thumbnail xmlns:media='http://search.yahoo.com/mrss/' url='{p['thumb']}' height='72' width='72'/>"
             if p.get("thumb") else "")
    thr = f"<thr:total>{n}</thr:total>" if kind == "post" else ""
    return (f"<entry><id>{TAG}.{kind}-{p['id']}</id><published>{p['published']}</published><updated>{p['updated']}"
            f"</updated>{cats}<title type='text'>{x(p['title'])}</title>{content}{replies}"
            f"<link rel='edit' type='application/atom+xml' href='{api}'/><link rel='self' type='application/atom+xml' "
            f"href='{api}'/><link rel='alternate' type='text/html' href='{url}' title='{xa(p['title'])}'/>"
            f"{author(OWNER)}{media}{thr}</entry>")

def comment_title(body):
    t = html.unescape(body.replace("<br />", " "))
    return t if len(t) <= 50 else t[:47] + "..."

def comment_entry(c):
    p = post_by_id[c["post"]]
    ms = int(utc(c["published"]).timestamp() * 1000)
    link = f"{BASE}{p['path']}?showComment={ms}#c{c['id']}"
    api = f"https://www.blogger.com/feeds/{BLOG}/{p['id']}/comments/default/{c['id']}"
    related = (f"<link rel='related' type='application/atom+xml' href='https://www.blogger.com/feeds/{BLOG}/"
               f"{p['id']}/comments/default/{c['reply_to']}'/>") if c.get("reply_to") else ""
    return (f"<entry><id>{TAG}.post-{c['id']}</id><published>{c['published']}</published><updated>{c['published']}"
            f"</updated><title type='text'>{x(comment_title(c['body']))}</title><content type='html'>{x(c['body'])}"
            f"</content><link rel='edit' type='application/atom+xml' href='{api}'/><link rel='self' "
            f"type='application/atom+xml' href='{api}'/><link rel='alternate' type='text/html' href='{xa(link)}' "
            f"title=''/>{related}{author(c['author'])}<thr:in-reply-to xmlns:thr='http://purl.org/syndication/thread/1.0' "
            f"href='{BASE}{p['path']}' ref='{TAG}.post-{p['id']}' source='http://www.blogger.com/feeds/{BLOG}/posts/"
            f"default/{p['id']}' type='text/html'/><gd:extendedProperty name='blogger.itemClass' value='pid-1234567'/>"
            f"<gd:extendedProperty name='blogger.displayTime' value='{c['published']}'/></entry>")

def atom(fid, title, path, entries, total, start, n, alternate, cats=""):
    updated = "2021-11-20T07:05:00.000+01:00"
    q = f"?start-index={start}&max-results={n}"
    nav = f"<link rel='self' type='application/atom+xml' href='https://www.blogger.com/feeds/{BLOG}{path}{xa(q)}'/>"
    if start - 1 + n < total:
        nq = f"?start-index={start + n}&max-results={n}"
        nav += f"<link rel='next' type='application/atom+xml' href='https://www.blogger.com/feeds/{BLOG}{path}{xa(nq)}'/>"
    return ("<?xml version='1.0' encoding='UTF-8'?><?xml-stylesheet href=\"http://www.blogger.com/styles/atom.css\" "
            f"type=\"text/css\"?><feed {NS}><id>{fid}</id><updated>{updated}</updated>{cats}<title type='text'>"
            f"{x(title)}</title><subtitle type='html'>Small-batch baking.</subtitle><link rel='http://schemas.google.com/g/2005#feed' "
            f"type='application/atom+xml' href='{BASE}/feeds{path}'/>{nav}<link rel='alternate' type='text/html' "
            f"href='{alternate}'/><link rel='hub' href='http://pubsubhubbub.appspot.com/'/>{author(OWNER)}"
            "<generator version='7.00' uri='http://www.blogger.com'>Blogger</generator>"
            f"<openSearch:totalResults>{total}</openSearch:totalResults><openSearch:startIndex>{start}"
            f"</openSearch:startIndex><openSearch:itemsPerPage>{n}</openSearch:itemsPerPage>" + "".join(entries) + "</feed>")

def rfc822(t):
    return format_datetime(utc(t))

def rss_post(p):
    cats = "".join(f"<category domain='http://www.blogger.com/atom/ns#'>{x(l)}</category>" for l in p["labels"])
    n = len(comments_of(p["id"]))
    media = (f"<media:thumbnail xmlns:media='http://search.yahoo.com/mrss/' url='{p['thumb']}' height='72' width='72'/>"
             if p.get("thumb") else "")
    return (f"<item><guid isPermaLink='false'>{TAG}.post-{p['id']}</guid><pubDate>{rfc822(p['published'])}</pubDate>"
            f"<atom:updated>{p['updated']}</atom:updated>{cats}<title>{x(p['title'])}</title><description>"
            f"{x(p['body'])}</description><link>{BASE}{p['path']}</link><author>noreply@blogger.com ({x(OWNER[0])})"
            f"</author>{media}<thr:total>{n}</thr:total></item>")

def rss_comment(c):
    p = post_by_id[c["post"]]
    ms = int(utc(c["published"]).timestamp() * 1000)
    return (f"<item><guid isPermaLink='false'>{TAG}.post-{c['id']}</guid><pubDate>{rfc822(c['published'])}</pubDate>"
            f"<atom:updated>{c['published']}</atom:updated><title>{x(comment_title(c['body']))}</title><description>"
            f"{x(c['body'])}</description><link>{xa(BASE + p['path'])}?showComment={ms}#c{c['id']}</link>"
            f"<author>noreply@blogger.com ({x(c['author'][0])})</author></item>")

def rss(fid, title, items, total, link):
    return (f"<?xml version='1.0' encoding='UTF-8'?><rss {RSS_NS} version='2.0'><channel><atom:id>{fid}</atom:id>"
            f"<lastBuildDate>{rfc822('2021-11-20T07:05:00.000+01:00')}</lastBuildDate><title>{x(title)}</title>"
            f"<description>Small-batch baking.</description><link>{link}</link><managingEditor>noreply@blogger.com "
            f"({x(OWNER[0])})</managingEditor><generator>Blogger</generator><openSearch:totalResults>{total}"
            f"</openSearch:totalResults><openSearch:startIndex>1</openSearch:startIndex><openSearch:itemsPerPage>25"
            "</openSearch:itemsPerPage>" + "".join(items) + "</channel></rss>")

labels = sorted({l for p in POSTS for l in p["labels"]})
cats = "".join(f"<category term='{xa(l)}'/>" for l in labels)
files = {
    "posts-default-start1-max2.atom": atom(TAG, TITLE, "/posts/default", [post_entry(p) for p in POSTS[0:2]], 3, 1, 2, BASE + "/", cats),
    "posts-default-start2-max2.atom": atom(TAG, TITLE, "/posts/default", [post_entry(p) for p in POSTS[1:3]], 3, 2, 2, BASE + "/", cats),
    "posts-summary.atom": atom(TAG, TITLE, "/posts/summary", [post_entry(p, summary=True) for p in POSTS], 3, 1, 25, BASE + "/", cats),
    "pages-default.atom": atom(TAG, TITLE, "/pages/default", [post_entry(p, "page") for p in PAGES], 1, 1, 25, BASE + "/"),
    "comments-default.atom": atom(f"{TAG}.comments", TITLE, "/comments/default", [comment_entry(c) for c in COMMENTS], 3, 1, 25, BASE + "/"),
    "post-2222222222222222222-comments.atom": atom(f"{TAG}.post2222222222222222222..comments", f"{TITLE}: {POSTS[1]['title']}",
        "/2222222222222222222/comments/default", [comment_entry(c) for c in comments_of("2222222222222222222")], 2, 1, 25,
        BASE + POSTS[1]["path"]),
    "posts-default-start26-max25.atom": atom(TAG, TITLE, "/posts/default", [], 3, 26, 25, BASE + "/", cats),
    "posts-default.rss": rss(TAG, TITLE, [rss_post(p) for p in POSTS], 3, BASE + "/"),
    "comments-default.rss": rss(f"{TAG}.comments", TITLE, [rss_comment(c) for c in COMMENTS], 3, BASE + "/"),
}
# A feed page damaged in transit: the middle entry's <title> is never closed.
good = [post_entry(p) for p in POSTS]
broken = good[1].replace("</title>", "", 1)
files["posts-default-damaged-entry.atom"] = atom(TAG, TITLE, "/posts/default", [good[0], broken, good[2]], 3, 1, 25, BASE + "/", cats)
os.makedirs(OUT, exist_ok=True)
for name, text in files.items():
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="") as f:
        f.write(text)
print(len(files), "files")
