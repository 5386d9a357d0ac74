#!/usr/bin/env python3
"""Generate fixtures/sample-blog/: a small, complete, made-up Blogger blog.

"Kettle & Crumb" (kettleandcrumb.blogspot.com, blog id 4815162342108000001) is
a baking blog written for blogshift's tests. From the data in this file the
script writes:

  feed.atom              a Blogger Takeout export (2018 schema, Takeout layout)
  mirror/                the same blog as a wget mirror (Simple template pages,
                         one ?m=1 mobile page, images under their own hosts)
  sample-blog.warc.gz    the mirror captured by real wget through a local
                         proxy (see run_wget), so record URIs are the real
                         https://kettleandcrumb.blogspot.com/... URLs

feed.atom and mirror/ are byte-for-byte reproducible. The WARC differs in
dates, record ids and TLS details on every run, so it is generated once and
committed; use --no-warc to rewrite only feed.atom and mirror/.

Python 3.11 standard library only; the WARC step also needs wget and openssl.
Nothing leaves 127.0.0.1.

  python3 scripts/make-sample-blog.py            # everything
  python3 scripts/make-sample-blog.py --no-warc  # feed.atom + mirror/ only
  python3 scripts/make-sample-blog.py --check    # validate what is on disk
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import gzip
import hashlib
import http.server
import os
import re
import shutil
import socket
import ssl
import struct
import subprocess
import sys
import tempfile
import threading
import urllib.parse
import xml.etree.ElementTree as ET
import zlib
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "fixtures" / "sample-blog"

BLOG_ID = "4815162342108000001"
HOST = "kettleandcrumb.blogspot.com"
BASE = "https://" + HOST
BLOG_TITLE = "Kettle & Crumb"
BLOG_DESC = "Bread, pastry and the occasional kitchen disaster, from a small flat in Portland."
TAG = f"tag:blogger.com,1999:blog-{BLOG_ID}"
# The real Takeout-layout file in the corpus uses "<blog>.archive" for the
# feed id and the category scheme; copy that exactly.
SCHEME = TAG + ".archive"

MAGGIE = ("Maggie Lindqvist", "https://www.blogger.com/profile/07341122905588136420")
PRIYA = ("Priya Raman", "https://www.blogger.com/profile/11894520367712093385")
ELODIE = ("Élodie Marchand", "https://www.blogger.com/profile/16402281197350038842")
TOM = ("Tom Hadley", "https://www.blogger.com/profile/03318847260915577201")
RAVI = ("Ravi K.", "https://www.blogger.com/profile/09977435120866412356")
ANON = ("Anonymous", None)

BGU_PREFIX = "https://blogger.googleusercontent.com/img/b/R29vZ2xl/"


# --------------------------------------------------------------------------
# time

def la_offset(utc: dt.datetime) -> int:
    """Hours offset of America/Los_Angeles at a UTC instant (US rules since 2007)."""
    y = utc.year
    march = dt.datetime(y, 3, 1)
    second_sunday = march + dt.timedelta(days=(6 - march.weekday()) % 7 + 7)
    nov = dt.datetime(y, 11, 1)
    first_sunday = nov + dt.timedelta(days=(6 - nov.weekday()) % 7)
    start = second_sunday.replace(hour=10)  # 02:00 PST
    end = first_sunday.replace(hour=9)      # 02:00 PDT
    naive = utc.replace(tzinfo=None)
    return -7 if start <= naive < end else -8


def parse_utc(s: str) -> dt.datetime:
    return dt.datetime.strptime(s, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.timezone.utc)


def local(utc: dt.datetime) -> dt.datetime:
    return utc.astimezone(dt.timezone(dt.timedelta(hours=la_offset(utc))))


def iso_local(utc: dt.datetime) -> str:
    """2021-03-14T09:15:00-07:00, as Blogger prints abbr.published titles."""
    return local(utc).strftime("%Y-%m-%dT%H:%M:%S%z")[:-2] + ":" + local(utc).strftime("%z")[-2:]


def clock(t: dt.datetime) -> str:
    return f"{(t.hour % 12) or 12}:{t.minute:02d} {'AM' if t.hour < 12 else 'PM'}"


def date_header(t: dt.datetime) -> str:
    return f"{t.strftime('%A, %B')} {t.day}, {t.year}"


def utc_from_local(s: str) -> str:
    """'2021-03-14T09:15:00-07:00' -> '2021-03-14T16:15:00.000Z' (checks the offset)."""
    t = dt.datetime.fromisoformat(s)
    u = t.astimezone(dt.timezone.utc)
    assert la_offset(u) * 3600 == t.utcoffset().total_seconds(), f"wrong LA offset in {s}"
    return u.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def with_ms(s: str, ms: int) -> str:
    return s[:-4] + f"{ms:03d}Z"


# --------------------------------------------------------------------------
# escaping

def xml_text(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def xml_attr(s: str) -> str:
    return xml_text(s).replace('"', "&quot;")


def h(s: str) -> str:
    """HTML-escape as Blogger's templates do (&#39; for the apostrophe)."""
    return (s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
             .replace('"', "&quot;").replace("'", "&#39;"))


def js(s: str) -> str:
    """Escape for a single-quoted JS string the way Blogger's data context does."""
    out = []
    for c in s:
        if c in "\\'\"<>&=":
            out.append("\\x%02x" % ord(c))
        elif ord(c) > 126:
            out.append("\\u%04x" % ord(c) if ord(c) < 0x10000 else c)
        else:
            out.append(c)
    return "".join(out)


# --------------------------------------------------------------------------
# images: tiny real files, written without any imaging library

def png_bytes(w: int, hgt: int, pixel, rgba: bool = False) -> bytes:
    raw = bytearray()
    for y in range(hgt):
        raw.append(0)
        for x in range(w):
            raw.extend(pixel(x, y))
    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))
    ihdr = struct.pack(">IIBBBBB", w, hgt, 8, 6 if rgba else 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b""))


class _Bits:
    def __init__(self):
        self.acc, self.n, self.out = 0, 0, bytearray()

    def put(self, value: int, nbits: int):
        for i in range(nbits - 1, -1, -1):
            self.acc = (self.acc << 1) | ((value >> i) & 1)
            self.n += 1
            if self.n == 8:
                self.out.append(self.acc)
                if self.acc == 0xFF:
                    self.out.append(0)  # byte stuffing
                self.acc, self.n = 0, 0

    def flush(self) -> bytes:
        while self.n:
            self.put(1, 1)
        return bytes(self.out)


def jpeg_bytes(w: int, hgt: int, block_rgb) -> bytes:
    """Baseline JFIF, 4:4:4, one flat colour per 8x8 block (DC-only coding)."""
    def seg(marker: int, payload: bytes) -> bytes:
        return struct.pack(">BBH", 0xFF, marker, len(payload) + 2) + payload
    app0 = seg(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
    dqt = seg(0xDB, b"\x00" + bytes([1] * 64))
    sof = seg(0xC0, struct.pack(">BHHB", 8, hgt, w, 3) + bytes([1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0]))
    # DC table 0: categories 0..11 as 4-bit codes; AC table 0: only EOB, code "0".
    dht = seg(0xC4, bytes([0x00]) + bytes([0, 0, 0, 12] + [0] * 12) + bytes(range(12))
              + bytes([0x10]) + bytes([1] + [0] * 15) + bytes([0]))
    sos = seg(0xDA, bytes([3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 63, 0]))
    bits, pred = _Bits(), [0, 0, 0]
    for by in range((hgt + 7) // 8):
        for bx in range((w + 7) // 8):
            r, g, b = block_rgb(bx, by)
            ycc = (0.299 * r + 0.587 * g + 0.114 * b,
                   -0.168736 * r - 0.331264 * g + 0.5 * b + 128,
                   0.5 * r - 0.418688 * g - 0.081312 * b + 128)
            for ci, v in enumerate(ycc):
                dc = int(round((v - 128) * 8))
                diff, pred[ci] = dc - pred[ci], dc
                cat = abs(diff).bit_length()
                bits.put(cat, 4)
                if cat:
                    bits.put(diff if diff > 0 else diff + (1 << cat) - 1, cat)
                bits.put(0, 1)  # EOB
    return b"\xff\xd8" + app0 + dqt + sof + dht + sos + bits.flush() + b"\xff\xd9"


def gif_bytes(w: int, hgt: int, palette, index) -> bytes:
    """GIF89a, 4-colour palette, LZW with a clear code every 2 pixels."""
    out = bytearray(b"GIF89a" + struct.pack("<HHBBB", w, hgt, 0x81, 0, 0))
    for c in palette:
        out.extend(bytes(c))
    out.extend(b"\x2c" + struct.pack("<HHHHB", 0, 0, w, hgt, 0))
    out.append(2)  # LZW minimum code size
    codes, pixels = [], [index(x, y) for y in range(hgt) for x in range(w)]
    for i in range(0, len(pixels), 2):
        codes.append(4)
        codes.extend(pixels[i:i + 2])
    codes.append(5)
    acc = nbits = 0
    data = bytearray()
    for c in codes:
        acc |= c << nbits
        nbits += 3
        while nbits >= 8:
            data.append(acc & 0xFF)
            acc >>= 8
            nbits -= 8
    if nbits:
        data.append(acc & 0xFF)
    for i in range(0, len(data), 255):
        block = data[i:i + 255]
        out.append(len(block))
        out.extend(block)
    out.extend(b"\x00\x3b")
    return bytes(out)


def ico_bytes() -> bytes:
    def px(x, y):
        inside = (x - 7.5) ** 2 + (y - 7.5) ** 2 <= 49
        return bytes((196, 120, 60, 255) if inside else (0, 0, 0, 0))
    png = png_bytes(16, 16, px, rgba=True)
    return struct.pack("<HHH", 0, 1, 1) + struct.pack("<BBBBHHII", 16, 16, 0, 0, 1, 32, len(png), 22) + png


def shade(c, k):
    return tuple(max(0, min(255, int(v * k))) for v in c)


@dataclass
class Image:
    key: str
    host: str          # "bgu" (blogger.googleusercontent.com) or "bp" (1.bp.blogspot.com)
    name: str          # file name, as it appears in the URL
    color: tuple
    small: str         # size segment of the <img src>, e.g. "s320" or "w400-h300"

    def _digest(self) -> str:
        return base64.urlsafe_b64encode(hashlib.sha512(self.key.encode()).digest()).decode().rstrip("=")

    def url(self, size: str) -> str:
        d = self._digest()
        if self.host == "bgu":
            token = "AVvXsE" + (d + d[::-1])[:150]
            return f"{BGU_PREFIX}{token}/{size}/{self.name}"
        return (f"https://1.bp.blogspot.com/-{d[0:11]}/{d[11:22]}/AAAAAAAAA{d[22:24]}/"
                f"{d[24:64]}CLcBGAsYHQ/{size}/{self.name}")

    @property
    def big_url(self) -> str:
        return self.url("s1600")

    @property
    def small_url(self) -> str:
        return self.url(self.small)

    def file_bytes(self, big: bool) -> bytes:
        w, hgt = (64, 48) if big else (32, 24)
        c = self.color
        ext = self.name.rsplit(".", 1)[1]
        if ext == "jpg":
            return jpeg_bytes(w, hgt, lambda bx, by: shade(c, 0.6 + 0.08 * ((bx + by) % 6)))
        if ext == "png":
            return png_bytes(w, hgt, lambda x, y: bytes(shade(c, 0.55 + 0.45 * ((x * 3 + y * 5) % 17) / 16)))
        if ext == "gif":
            pal = [c, shade(c, 0.5), (250, 240, 200), (90, 60, 30)]
            return gif_bytes(w, hgt, pal, lambda x, y: (x // 4 + y // 4 + (x * y) % 3) % 4)
        raise ValueError(ext)


IMAGES = {i.key: i for i in [
    Image("galette-top", "bgu", "strawberry-galette.jpg", (196, 44, 62), "w400-h300"),
    Image("galette-slice", "bgu", "galette-slice.jpg", (214, 120, 96), "s320"),
    Image("cardamom", "bp", "cardamom-knots.png", (188, 142, 82), "s320"),
    Image("no-knead", "bgu", "no-knead-crumb.jpg", (222, 196, 150), "w400-h300"),
    Image("torch", "bp", "brulee-torch.png", (230, 160, 40), "s320"),
    Image("recipe-card", "bp", "grandmas+recipe+card.jpg", (168, 120, 70), "s320"),
    Image("starter", "bgu", "starter-jar.jpg", (238, 232, 214), "w400-h300"),
    Image("first-loaf", "bgu", "first-loaf-crumb.jpg", (176, 120, 60), "s320"),
    Image("chart", "bp", "cups-vs-grams.png", (70, 110, 160), "s320"),
    Image("tart", "bgu", "brulee-tart.jpg", (200, 140, 50), "w400-h300"),
    Image("rye", "bp", "rye-caraway-loaf.png", (110, 80, 50), "s320"),
    Image("sprinkles", "bp", "lemon-posset.gif", (245, 220, 80), "s320"),
]}


def img_sep(key: str, align: str = "center") -> str:
    im = IMAGES[key]
    if align == "left":
        style = "clear: left; float: left; margin-bottom: 1em; margin-right: 1em;"
        div = '<div class="separator" style="clear: both;">'
    else:
        style = "margin-left: 1em; margin-right: 1em;"
        div = '<div class="separator" style="clear: both; text-align: center;">'
    hh, ww = ("300", "400") if im.small.startswith("w") else ("240", "320")
    return (f'{div}<a href="{im.big_url}" imageanchor="1" style="{style}"><img border="0" '
            f'data-original-height="1200" data-original-width="1600" height="{hh}" src="{im.small_url}" '
            f'width="{ww}" /></a></div>')


def img_caption(key: str, caption: str) -> str:
    im = IMAGES[key]
    return ('<table align="center" cellpadding="0" cellspacing="0" class="tr-caption-container" '
            'style="margin-left: auto; margin-right: auto;"><tbody><tr><td style="text-align: center;">'
            f'<a href="{im.big_url}" imageanchor="1" style="margin-left: auto; margin-right: auto;">'
            f'<img border="0" data-original-height="1200" data-original-width="1600" height="240" '
            f'src="{im.small_url}" width="320" /></a></td></tr><tr><td class="tr-caption" '
            f'style="text-align: center;">{caption}</td></tr></tbody></table>')


# --------------------------------------------------------------------------
# the blog's content

@dataclass
class Entry:
    id: str                 # numeric part of the post/page id
    kind: str               # POST, PAGE
    status: str             # LIVE, DRAFT, SCHEDULED
    title: str
    body: str
    published_local: str    # ISO with offset (blog time zone)
    filename: str           # "" for drafts
    labels: list = field(default_factory=list)
    author: tuple = MAGGIE
    created_ms: int = 0
    updated_delta: int = 0  # seconds after publishing
    trashed: str = ""       # UTC timestamp when moved to the trash

    @property
    def published(self) -> str:
        return with_ms(utc_from_local(self.published_local), self.created_ms)

    @property
    def updated(self) -> str:
        t = parse_utc(self.published) + dt.timedelta(seconds=self.updated_delta)
        return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{(self.created_ms * 7 + 311) % 1000:03d}Z"

    @property
    def url(self) -> str:
        return BASE + self.filename

    @property
    def atom_id(self) -> str:
        return f"{TAG}.{'page' if self.kind == 'PAGE' else 'post'}-{self.id}"


@dataclass
class Comment:
    id: str
    post: str               # Entry.id
    author: tuple
    published: str          # UTC, Takeout style
    body: str
    anonymous: bool = False


JUMP = "<a name='more'></a>"

P1 = Entry(
    "5502719346108823541", "POST", "LIVE", "Hello from Kettle & Crumb",
    "Hi, and welcome to Kettle &amp; Crumb!<br /><br />I'm Maggie. I bake in a tiny flat kitchen in "
    "Portland, with an oven that runs 15&nbsp;degrees hot and a kettle that is always on. This blog is "
    "where I'll keep my recipes, my failures and the notes I scribble on the backs of envelopes.<br /><br />"
    "There's a little more about me on the <a href=\"https://kettleandcrumb.blogspot.com/p/about.html\">About "
    "page</a>.<br /><br />First proper post next week: bread, obviously.<br /><div><br /></div>",
    "2019-02-10T08:30:00-08:00", "/2019/02/hello-from-kettle-crumb.html", ["Kitchen Notes"],
    created_ms=4, updated_delta=412)

P2 = Entry(
    "1930485527716602193", "POST", "LIVE", "Strawberry Galette: Summer on a Plate",
    img_sep("galette-top") + "<div><br /></div><div>The first flat of Hood strawberries showed up at the "
    "market on Saturday, and I had a galette in the oven before the kettle boiled.&nbsp;</div><div><br /></div>"
    "<div><b>You'll need</b></div><ul style=\"text-align: left;\"><li>1 disc of all-butter pastry (250&nbsp;g "
    "flour, 180&nbsp;g butter, a pinch of salt, iced water)</li><li>500&nbsp;g strawberries, hulled and halved"
    "</li><li>2 tbsp semolina</li><li>60&nbsp;g sugar &amp; the zest of one lemon</li></ul><div>Roll the pastry "
    "into a rough circle, scatter the semolina over the middle (it soaks up the juice), pile on the fruit and "
    "fold the edges over. Bake at 200&nbsp;°C for 40 minutes.</div><div><br /></div>"
    + img_caption("galette-slice", "Rustic is the polite word for it.")
    + "<div><br /></div><div>Serve warm, with cold cream.</div>",
    "2019-06-22T10:05:00-07:00", "/2019/06/strawberry-galette-summer-on-plate.html", ["Pastry"],
    created_ms=1, updated_delta=3605)

P3 = Entry(
    "8817263540091273846", "POST", "LIVE", "Late-Night Cardamom Buns",
    img_sep("cardamom", "left") + "It is half past eleven at night and I have just taken a tray of cardamom "
    "knots out of the oven, so this will be short.<br /><br />The dough is an enriched one: milk, butter, "
    "one egg and a <i>lot</i> of freshly ground cardamom. The filling is soft butter, sugar and more "
    "cardamom. Twist, knot, prove for an hour, bake at 200&nbsp;°C for 12 minutes.<br /><br />"
    "<span style=\"font-size: x-small;\">(Yes, I know what time it is.)</span><br /><br />"
    "Recipe adapted from a Swedish cookbook my mormor gave me.",
    "2019-11-30T23:30:00-08:00", "/2019/11/late-night-cardamom-buns.html", ["Bread", "Pastry"],
    created_ms=2, updated_delta=95)

P4 = Entry(
    "2649105838220174460", "POST", "LIVE", 'The "No-Knead" Loaf That Saved Lockdown',
    img_sep("no-knead") + "<p>Everybody is baking bread this month, and most of the flour is gone. Here is the "
    "loaf I keep coming back to because it needs no mixer, no kneading and almost no attention.</p>" + JUMP
    + "<h3 style=\"text-align: left;\">Baker's percentages</h3><table border=\"1\" cellpadding=\"4\" "
    "cellspacing=\"0\"><tbody><tr><th>Ingredient</th><th>Grams</th><th>%</th></tr><tr><td>Bread flour</td>"
    "<td>500</td><td>100</td></tr><tr><td>Water</td><td>375</td><td>75</td></tr><tr><td>Salt</td><td>10</td>"
    "<td>2</td></tr><tr><td>Instant yeast</td><td>2</td><td>0.4</td></tr></tbody></table><h3>Method</h3><ol>"
    "<li>Mix everything in a big bowl until no dry flour remains.<ul><li>Use a spatula, not your hands.</li>"
    "<li>The dough will look shaggy; that is fine.</li></ul></li><li>Cover and leave 12–18 hours at room "
    "temperature.</li><li>Shape, then bake in a preheated Dutch oven:<ul><li>30 minutes lid on at 240&nbsp;°C"
    "</li><li>15 minutes lid off at 230&nbsp;°C</li></ul></li></ol><p>Let it cool for an hour. I know.</p>",
    "2020-04-05T14:20:00-07:00", "/2020/04/the-no-knead-loaf-that-saved-lockdown.html", ["Bread"],
    created_ms=7, updated_delta=86400 * 2 + 77)

P5 = Entry(
    "7340058812694377105", "POST", "LIVE", "Crème Brûlée for Two 🍮",
    "<h2>A small pudding for a small kitchen</h2><p>Two ramekins, one vanilla pod, ten minutes of work. "
    "The crackly top is the whole point, so here is a short video of the torch in action:</p>"
    "<div class=\"separator\" style=\"clear: both; text-align: center;\"><iframe allowfullscreen=\"\" "
    "class=\"BLOG_video_class\" height=\"266\" src=\"https://www.youtube.com/embed/Xq7vK2pLm4Q\" "
    "width=\"320\" youtube-src-id=\"Xq7vK2pLm4Q\"></iframe></div><p>&nbsp;</p>" + img_sep("torch")
    + "<h3>Ingredients</h3><ul><li>200&nbsp;ml double cream</li><li>3 egg yolks</li><li>35&nbsp;g caster "
    "sugar, plus more for the tops</li><li>½ vanilla pod</li></ul><p>Bake in a water bath at 150&nbsp;°C "
    "for 30 minutes, chill overnight, sugar, torch. No torch? Two minutes under a very hot grill.</p>",
    "2020-08-16T11:45:00-07:00", "/2020/08/creme-brulee-for-two.html", ["Crème brûlée", "Quick Bakes"],
    created_ms=3, updated_delta=560)

P6 = Entry(
    "3096617723480156218", "POST", "LIVE", "#TBT: My Grandmother's Gingerbread",
    "<div style=\"text-align: left;\"><span style=\"font-family: Georgia, serif; font-size: large;\">"
    "Throwback Thursday, on a Saturday.</span></div><div style=\"text-align: left;\"><br /></div>"
    "<div style=\"text-align: left;\">This is the card my grandmother wrote out for me in 1988. The butter "
    "stain is original.</div><div style=\"text-align: left;\"><br /></div>" + img_sep("recipe-card")
    + "<div><br /></div><div><font color=\"#990000\" face=\"georgia\"><b>Grandma's gingerbread</b></font>"
    "</div><div><font face=\"georgia\">Melt 115&nbsp;g butter with 150&nbsp;g black treacle and 100&nbsp;g "
    "brown sugar.&nbsp;</font></div><div><font face=\"georgia\">Stir in 225&nbsp;g flour, 2 tsp ground ginger, "
    "1 tsp cinnamon, 1 tsp bicarb, 1 egg and 150&nbsp;ml milk.</font></div><div><font face=\"georgia\">Bake "
    "in a lined tin at 160&nbsp;°C for 45 minutes.</font></div><div><br /></div><div><span style=\"color: "
    "#666666;\"><i>It's better on day two. It has always been better on day two.</i></span></div>",
    "2020-12-19T09:10:00-08:00", "/2020/12/tbt-my-grandmothers-gingerbread.html",
    ["Kitchen Notes", "Quick Bakes"], created_ms=9, updated_delta=1200)

P7 = Entry(
    "6068524419813302557", "POST", "LIVE", "Sourdough, Part 1: Waking Up the Starter",
    img_sep("starter") + "<p>My starter, Gloria, has lived in the back of the fridge since last spring. "
    "Before I bake with her again she needs a week of regular meals.</p>" + JUMP
    + "<p>Here is the feeding schedule taped inside my cupboard door:</p><pre>day  flour  water  notes\n"
    "1    50 g   50 g   discard all but 25 g\n2    50 g   50 g   smells like nail polish: normal\n"
    "3-6  50 g   50 g   twice a day, 12 h apart\n7    100 g  100 g  ready when it doubles in &lt; 6 h\n"
    "</pre><p>Keep her at 24–26&nbsp;°C if you can. The top of the fridge works; the oven with the "
    "light on works better.</p><p>Part 2 next week: the first loaf.</p>",
    "2021-03-07T08:00:00-08:00", "/2021/03/sourdough.html", ["Sourdough", "Bread"],
    created_ms=5, updated_delta=86400 * 7 + 3)

P8 = Entry(
    "4402938817263354919", "POST", "LIVE", "Sourdough, Part 2: The First Loaf",
    "<p>Gloria is awake (see <a href=\"https://kettleandcrumb.blogspot.com/2021/03/sourdough.html\">part 1"
    "</a>, or the <a href=\"https://kettleandcrumb.blogspot.com/2021/03/sourdough.html?m=1\">phone-friendly "
    "version</a>), so this morning we baked.</p>"
    + img_caption("first-loaf", "The crumb of loaf number one: open enough!") + JUMP
    + "<p>The recipe is the usual one: 450&nbsp;g bread flour, 50&nbsp;g wholemeal, 350&nbsp;g water, "
    "100&nbsp;g starter, 10&nbsp;g salt. Four sets of stretch-and-folds, a night in the fridge, "
    "45 minutes in a Dutch oven.</p><p>Everything else I have written about sourdough is under the "
    "<a href=\"https://kettleandcrumb.blogspot.com/search/label/Sourdough\">Sourdough label</a>, and "
    "all of this month's posts are in the <a href=\"https://kettleandcrumb.blogspot.com/2021/03/\">March "
    "archive</a>.</p>",
    "2021-03-14T09:15:00-07:00", "/2021/03/sourdough_12.html", ["Sourdough", "Bread"],
    created_ms=6, updated_delta=86400 + 930)

P9 = Entry(
    "9155302176648810321", "POST", "LIVE", "Cups vs. Grams: Why I Weigh Everything",
    "<p>A cup of flour weighs anything from 120&nbsp;g to 150&nbsp;g depending on who scoops it. That is a "
    "25% difference before you have even started. Here are the numbers I use:</p><table><thead><tr>"
    "<th>Ingredient</th><th>1 cup</th><th>1 tbsp</th></tr></thead><tbody><tr><td>Plain flour</td>"
    "<td>125&nbsp;g</td><td>8&nbsp;g</td></tr><tr><td>Caster sugar</td><td>200&nbsp;g</td><td>12&nbsp;g</td>"
    "</tr><tr><td>Butter</td><td>225&nbsp;g</td><td>14&nbsp;g</td></tr><tr><td>Water &amp; milk</td>"
    "<td>240&nbsp;g</td><td>15&nbsp;g</td></tr></tbody></table><p>" + img_sep("chart")
    + "</p><p>And because I cannot help myself, the little script I use to scale recipes:</p><pre><code>"
    "def scale(recipe, factor):\n    \"\"\"Scale every weight; keep salt &lt;= 2% of the flour.\"\"\"\n"
    "    out = {k: round(v * factor) for k, v in recipe.items()}\n    if out[\"salt\"] &gt; 0.02 * out[\"flour\"]:\n"
    "        out[\"salt\"] = round(0.02 * out[\"flour\"])\n    return out\n</code></pre>"
    "<p>Buy a scale. It is the best ten dollars you will spend on baking.</p>",
    "2021-10-02T13:30:00-07:00", "/2021/10/cups-vs-grams-why-i-weigh-everything.html", ["Kitchen Notes"],
    created_ms=8, updated_delta=240)

P10 = Entry(
    "1178004926635510482", "POST", "LIVE", "Burnt-Sugar Crème Brûlée Tart",
    img_sep("tart") + "<p>For Valentine's Day: the custard from the <a href=\"https://kettleandcrumb.blogspot.com/"
    "2020/08/creme-brulee-for-two.html\">crème brûlée for two</a>, baked in a sweet pastry case and torched "
    "just before serving.</p>" + JUMP + "<ol><li>Blind-bake a 20&nbsp;cm sweet pastry case.</li><li>Fill "
    "with the custard:<ol><li>300&nbsp;ml cream, 4 yolks, 50&nbsp;g sugar</li><li>bake at 140&nbsp;°C until "
    "just set, about 35 minutes</li></ol></li><li>Chill, then sugar and torch in two thin layers.</li></ol>"
    "<p><span style=\"color: #cc0000;\"><b>Tip:</b></span> torch the second layer darker than feels safe.</p>",
    "2022-02-14T10:00:00-08:00", "/2022/02/burnt-sugar-creme-brulee-tart.html", ["Crème brûlée", "Pastry"],
    created_ms=2, updated_delta=86400 * 30 + 5)

P11 = Entry(
    "2290047711539368014", "POST", "LIVE", "Rye & Caraway Sandwich Loaf",
    img_sep("rye") + "<p>A soft, sliceable rye for sandwiches, leavened with the same starter as the "
    "<a href=\"http://kettleandcrumb.blogspot.com/2021/03/sourdough_12.html#more\">first sourdough loaf</a>."
    "</p>" + JUMP + "<p>30% rye, 70% bread flour, 72% water, 2 tsp caraway seeds, 1 tbsp honey. Bake in a "
    "buttered tin at 220&nbsp;°C for 40 minutes.</p><p>More loaves: <a href=\"https://kettleandcrumb."
    "blogspot.com/search/label/Bread\">everything labelled Bread</a>.</p>",
    "2022-09-10T07:40:00-07:00", "/2022/09/rye-caraway-sandwich-loaf.html", ["Bread", "Sourdough"],
    created_ms=4, updated_delta=1800)

P12 = Entry(
    "8043391650027714235", "POST", "LIVE", "Lemon Possets with a Brûléed Top",
    "<div>Three ingredients, no oven, thirty minutes (plus chilling).</div><div><br /></div>"
    + img_sep("sprinkles") + "<div><br /></div><div>Bring 300&nbsp;ml double cream and 75&nbsp;g sugar to "
    "the boil, simmer for 3 minutes, take off the heat and stir in the juice of 1½ lemons. Pour into "
    "glasses, chill for 3 hours, then sprinkle with sugar and torch.</div>",
    "2023-05-20T15:05:00-07:00", "/2023/05/lemon-possets-with-bruleed-top.html",
    ["Quick Bakes", "Crème brûlée"], created_ms=1, updated_delta=33)

ABOUT = Entry(
    "6690212375510027739", "PAGE", "LIVE", "About",
    "<p>I'm Maggie Lindqvist, a home baker in Portland, Oregon. Kettle &amp; Crumb started in 2019 as a "
    "place to keep my recipes in one place; it is now mostly bread.</p><p>Everything here is tested in a "
    "very ordinary kitchen. Questions and corrections are welcome: "
    "<a href=\"mailto:hello@kettleandcrumb.example\">hello@kettleandcrumb.example</a>.</p>",
    "2019-02-09T20:00:00-08:00", "/p/about.html", [], created_ms=0, updated_delta=86400 * 200)

DRAFT = Entry(
    "3371926604458801126", "POST", "DRAFT", "Croissant Diary (work in progress)",
    "<p>Day 1: détrempe made, butter block is too soft. Fridge.</p><p>Day 2: lamination attempt #3...</p>",
    "2023-08-01T12:12:00-07:00", "", ["Pastry"], created_ms=2, updated_delta=86400 * 3 + 61)

SCHEDULED = Entry(
    "5124837766102499370", "POST", "SCHEDULED", "Hot Cross Buns, Properly",
    "<p>Spiced, sticky, and with crosses piped from flour paste, not icing. Scheduled for Easter.</p>",
    "2034-03-31T08:00:00-07:00", "/2034/03/hot-cross-buns-properly.html", ["Bread"],
    created_ms=0, updated_delta=-86400 * 3800)

TRASHED = Entry(
    "7008215593344105218", "POST", "LIVE", "test post please ignore",
    "<p>testing 1 2 3</p>",
    "2020-01-05T10:00:00-08:00", "/2020/01/test-post-please-ignore.html", [],
    created_ms=0, updated_delta=7, trashed="2020-01-05T18:05:41.000Z")

LIVE_POSTS = [P1, P2, P3, P4, P5, P6, P7, P8, P9, P10, P11, P12]   # oldest first
ALL_ENTRIES = [SCHEDULED, DRAFT, P12, P11, P10, P9, P8, P7, P6, P5, P4, TRASHED, P3, P2, P1, ABOUT]

COMMENTS = [
    Comment("2117733094580265132", P2.id, RAVI, "2019-06-23T01:14:37.777Z",
            "Made this with rhubarb too. Don't skip the semolina layer!"),
    Comment("6604931772208519435", P5.id, ELODIE, "2020-08-17T07:31:55.640Z",
            "Ramekins from the dollar store work just fine, I can confirm. Merci pour la recette !"),
    Comment("1984470021736628154", P5.id, TOM, "2020-08-20T19:05:02.003Z",
            "No blowtorch here: the grill trick worked. 2 minutes, and watch it like a hawk."),
    Comment("8830192635044718211", P8.id, PRIYA, "2021-03-14T22:02:11.512Z",
            "Your crumb shot looks amazing! How long did you cold-proof it in the fridge?"),
    Comment("3359018442157700936", P8.id, ANON, "2021-03-15T03:47:09.208Z",
            "Tried this with all wholemeal &amp; it came out a brick :( any tips?", anonymous=True),
    Comment("5567213098822043617", P8.id, MAGGIE, "2021-03-15T16:20:44.019Z",
            "@Anonymous wholemeal drinks more water: try 80% hydration and an extra 30 minutes of bulk "
            "fermentation. Priya: about 14 hours.<br /><br />The starter schedule is in "
            "<a href=\"https://kettleandcrumb.blogspot.com/2021/03/sourdough.html\">part 1</a>."),
]

ENTRY_BY_ID = {e.id: e for e in ALL_ENTRIES}


def labels_count() -> dict:
    counts: dict = {}
    for p in LIVE_POSTS:
        for lab in p.labels:
            counts[lab] = counts.get(lab, 0) + 1
    return counts


# --------------------------------------------------------------------------
# feed.atom (Takeout layout)

def comment_title(body: str) -> str:
    """Takeout titles comments with the start of the HTML-escaped body ('&#39;' and all)."""
    text = re.sub(r"<[^>]+>", "", body).replace("'", "&#39;")
    return text if len(text) <= 50 else text[:47] + "..."


def author_xml(a: tuple, anonymous: bool = False) -> str:
    name, uri = a
    if anonymous or uri is None:
        return f"<author><name>{xml_text(name)}</name><blogger:type>ANONYMOUS</blogger:type></author>"
    return (f"<author><name>{xml_text(name)}</name><uri>{xml_text(uri)}</uri>"
            f"<blogger:type>BLOGGER</blogger:type></author>")


def entry_xml(e: Entry) -> str:
    title = f"<title>{xml_text(e.title)}</title>" if e.title else "<title />"
    cats = "".join(f'<category scheme="{SCHEME}" term="{xml_attr(lab)}" />' for lab in e.labels)
    fn = f"<blogger:filename>{xml_text(e.filename)}</blogger:filename>" if e.filename else "<blogger:filename />"
    trashed = f"<blogger:trashed>{e.trashed}</blogger:trashed>" if e.trashed else ""
    created = e.published if e.status != "SCHEDULED" else \
        (parse_utc(e.published) + dt.timedelta(seconds=e.updated_delta)).strftime("%Y-%m-%dT%H:%M:%S.004Z")
    return (f"<entry><id>{e.atom_id}</id><blogger:type>{e.kind}</blogger:type>"
            f"<blogger:status>{e.status}</blogger:status>{author_xml(e.author)}{title}"
            f'<content type="html">{xml_text(e.body)}</content><blogger:created>{created}</blogger:created>'
            f"<published>{e.published}</published><updated>{e.updated}</updated>{cats}{fn}{trashed}</entry>")


def comment_xml(c: Comment) -> str:
    return (f"<entry><id>{TAG}.post-{c.id}</id><blogger:parent>{ENTRY_BY_ID[c.post].atom_id}</blogger:parent>"
            f"<blogger:type>COMMENT</blogger:type><blogger:status>LIVE</blogger:status>"
            f"{author_xml(c.author, c.anonymous)}<title>{xml_text(comment_title(c.body))}</title>"
            f'<content type="html">{xml_text(c.body)}</content><blogger:created>{c.published}</blogger:created>'
            f"<published>{c.published}</published><updated>{c.published}</updated></entry>")


def feed_atom() -> str:
    parts = ["<?xml version='1.0' encoding='utf-8'?>\n",
             '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:blogger="http://schemas.google.com/blogger/2018">',
             f"<id>{SCHEME}</id><title>{xml_text(BLOG_TITLE)}</title>"]
    parts += [entry_xml(e) for e in ALL_ENTRIES]
    parts += [comment_xml(c) for c in COMMENTS]
    parts.append("</feed>\n")
    return "".join(parts)


# --------------------------------------------------------------------------
# rendered pages: Blogger "Simple" (Layouts v2) template

SKIN_CSS = """/*
-----------------------------------------------
Blogger Template Style
Name:     Simple
Designer: Blogger
URL:      www.blogger.com
----------------------------------------------- */
body {
font: normal normal 12px Arial, Tahoma, Helvetica, FreeSans, sans-serif;
}
"""

CAPS = "<div class='cap-left'></div>\n<div class='cap-right'></div>"


def abs_path_url(e: Entry, mobile: bool = False) -> str:
    return e.url + ("?m=1" if mobile else "")


def comments_of(e: Entry) -> list:
    return [c for c in COMMENTS if c.post == e.id]


def comment_count_text(n: int) -> str:
    return "No comments:" if n == 0 else ("1 comment:" if n == 1 else f"{n} comments:")


def post_html(e: Entry, item: bool, mobile: bool = False) -> str:
    url = abs_path_url(e, mobile)
    pub = parse_utc(e.published)
    lt = local(pub)
    body = e.body
    jump = ""
    if not item and JUMP in body:
        body = body.split(JUMP, 1)[0]
        jump = (f"<div class='jump-link'>\n<a href='{e.url}#more' title='{h(e.title)}'>Read more &#187;</a>\n"
                "</div>\n")
    title_inner = h(e.title) if item else f"<a href='{e.url}'>{h(e.title)}</a>"
    n = len(comments_of(e))
    labels = ""
    if e.labels:
        links = ",\n".join(
            f"<a href='{BASE}/search/label/{urllib.parse.quote(lab)}' rel='tag'>{h(lab)}</a>" for lab in e.labels)
        labels = f"Labels:\n{links}\n"
    comment_link = "" if item else (
        f"<a class='comment-link' href='{e.url}#comment-form' onclick=''>\n{comment_count_text(n)}\n    </a>\n")
    share = ""
    return f"""<div class='post-outer'>
<div class='post hentry uncustomized-post-template' itemprop='blogPost' itemscope='itemscope' itemtype='http://schema.org/BlogPosting'>
<meta content='{BLOG_ID}' itemprop='blogId'/>
<meta content='{e.id}' itemprop='postId'/>
<a name='{e.id}'></a>
<h3 class='post-title entry-title' itemprop='name'>
{title_inner}
</h3>
<div class='post-header'>
<div class='post-header-line-1'></div>
</div>
<div class='post-body entry-content' id='post-body-{e.id}' itemprop='description articleBody'>
{body}
<div style='clear: both;'></div>
</div>
{jump}<div class='post-footer'>
<div class='post-footer-line post-footer-line-1'>
<span class='post-author vcard'>
Posted by
<span class='fn' itemprop='author' itemscope='itemscope' itemtype='http://schema.org/Person'>
<meta content='{e.author[1]}' itemprop='url'/>
<a class='g-profile' href='{e.author[1]}' rel='author' title='author profile'>
<span itemprop='name'>{h(e.author[0])}</span>
</a>
</span>
</span>
<span class='post-timestamp'>
at
<meta content='{e.url}' itemprop='url'/>
<a class='timestamp-link' href='{url}' rel='bookmark' title='permanent link'><abbr class='published' itemprop='datePublished' title='{iso_local(pub)}'>{clock(lt)}</abbr></a>
</span>
<span class='post-comment-link'>
{comment_link}</span>
<span class='post-icons'>
<span class='item-control blog-admin pid-1873520645'>
<a href='https://www.blogger.com/post-edit.g?blogID={BLOG_ID}&postID={e.id}&from=pencil' title='Edit Post'>
<img alt='' class='icon-action' height='18' src='https://resources.blogblog.com/img/icon18_edit_allbkg.gif' width='18'/>
</a>
</span>
</span>
<div class='post-share-buttons goog-inline-block'>
{share}
</div>
</div>
<div class='post-footer-line post-footer-line-2'>
<span class='post-labels'>
{labels}</span>
</div>
<div class='post-footer-line post-footer-line-3'>
<span class='post-location'>
</span>
</div>
</div>
</div>
{comments_html(e, mobile) if item and e.kind == 'POST' else ''}</div>
"""


def comments_html(e: Entry, mobile: bool) -> str:
    cs = comments_of(e)
    rows = []
    for c in cs:
        t = parse_utc(c.published)
        lt = local(t)
        ms = int(t.timestamp() * 1000)
        name, uri = c.author
        blog_author = " blog-author" if c.author == e.author else ""
        if c.anonymous or uri is None:
            avatar = ("<div class=\"avatar-image-container avatar-stock\"><span dir=\"ltr\"><img src=\"//resources."
                      "blogblog.com/img/blank.gif\" width=\"35\" height=\"35\" alt=\"\" title=\"Anonymous\">"
                      "\n\n</span></div>")
            who = "Anonymous"
        else:
            avatar = (f"<div class=\"avatar-image-container vcard\"><span dir=\"ltr\"><a href=\"{uri}\" "
                      f"target=\"\" rel=\"nofollow\" onclick=\"\" class=\"avatar-hovercard\" id=\"av-{c.id}-"
                      f"{uri.rsplit('/', 1)[1]}\"><img src=\"//www.blogger.com/img/blogger_logo_round_35.png\" "
                      f"width=\"35\" height=\"35\" alt=\"\" title=\"{h(name)}\"></a></span></div>")
            who = f"<a href='{uri}' rel='nofollow'>{h(name)}</a>"
        permalink = f"{e.url}?showComment={ms}{'&m=1' if mobile else ''}#c{c.id}"
        rows.append(f"""<dt class='comment-author{blog_author}' id='c{c.id}'>
<a name='c{c.id}'></a>
{avatar}
{who}
said...
</dt>
<dd class='comment-body' id='Blog1_cmt-{c.id}'>
<p>
{c.body}
</p>
</dd>
<dd class='comment-footer'>
<span class='comment-timestamp'>
<a href='{permalink}' title='comment permalink'>
{lt.strftime('%B')} {lt.day}, {lt.year} at {clock(lt)}
</a>
<span class='item-control blog-admin pid-1873520645'>
<a class='comment-delete' href='https://www.blogger.com/comment/delete/{BLOG_ID}/{c.id}' title='Delete Comment'>
<img src='https://resources.blogblog.com/img/icon_delete13.gif'/>
</a>
</span>
</span>
</dd>
""")
    return f"""<div class='comments' id='comments'>
<a name='comments'></a>
<h4>{comment_count_text(len(cs))}</h4>
<div id='Blog1_comments-block-wrapper'>
<dl class='avatar-comment-indent' id='comments-block'>
{"".join(rows)}</dl>
</div>
<p class='comment-footer'>
<a href='https://www.blogger.com/comment/fullpage/post/{BLOG_ID}/{e.id}' onclick=''>Post a Comment</a>
</p>
</div>
"""


def blog_posts_html(entries: list, item: bool, mobile: bool = False, status_msg: str = "") -> str:
    out = ["<div class='blog-posts hfeed'>\n"]
    if status_msg:
        out.append(f"""<div class='status-msg-wrap'>
<div class='status-msg-body'>
{status_msg}
</div>
<div class='status-msg-border'>
<div class='status-msg-bg'>
<div class='status-msg-hidden'>{status_msg}</div>
</div>
</div>
</div>
<div style='clear: both;'></div>
""")
    last_date = None
    for e in entries:
        d = date_header(local(parse_utc(e.published)))
        if e.kind == "PAGE":
            out.append("\n          <div class=\"date-outer\">\n        \n\n          <div class=\"date-posts\">\n        \n")
        elif mobile:
            out.append(f"<div class='mobile-date-outer date-outer'>\n<div class='date-header'>\n<span>{d}</span>\n"
                       "</div>\n<div class='mobile-post-outer'>\n")
        elif d != last_date:
            if last_date is not None:
                out.append("\n          </div></div>\n        \n")
            out.append(f"\n          <div class=\"date-outer\">\n        \n<h2 class='date-header'><span>{d}</span></h2>\n"
                       "\n          <div class=\"date-posts\">\n        \n")
        last_date = d
        out.append(post_html(e, item, mobile))
        if mobile:
            out.append("</div>\n</div>\n")
    if entries and not mobile:
        out.append("\n        </div></div>\n      \n")
    out.append("</div>\n")
    return "".join(out)


def pager_html(newer: str | None, older: str | None, mobile: bool = False, older_title: str = "Older Post",
               newer_title: str = "Newer Post", desktop: str = "") -> str:
    if mobile:
        parts = ["<div class='blog-pager' id='blog-pager'>\n"]
        if newer:
            parts.append(f"<div class='mobile-link-button' id='blog-pager-newer-link'>\n<a class='blog-pager-newer-link' "
                         f"href='{newer}' id='Blog1_blog-pager-newer-link' title='{newer_title}'>&lsaquo;</a>\n</div>\n")
        if older:
            parts.append(f"<div class='mobile-link-button' id='blog-pager-older-link'>\n<a class='blog-pager-older-link' "
                         f"href='{older}' id='Blog1_blog-pager-older-link' title='{older_title}'>&rsaquo;</a>\n</div>\n")
        parts.append(f"<div class='mobile-link-button' id='blog-pager-home-link'>\n<a class='home-link' "
                     f"href='{BASE}/?m=1'>Home</a>\n</div>\n<div class='mobile-desktop-link'>\n"
                     f"<a class='home-link' href='{desktop}?m=0'>View web version</a>\n</div>\n"
                     "</div>\n<div class='clear'></div>\n")
        return "".join(parts)
    parts = ["<div class='blog-pager' id='blog-pager'>\n"]
    if newer:
        parts.append(f"<span id='blog-pager-newer-link'>\n<a class='blog-pager-newer-link' href='{newer}' "
                     f"id='Blog1_blog-pager-newer-link' title='{newer_title}'>{newer_title}</a>\n</span>\n")
    if older:
        parts.append(f"<span id='blog-pager-older-link'>\n<a class='blog-pager-older-link' href='{older}' "
                     f"id='Blog1_blog-pager-older-link' title='{older_title}'>{older_title}</a>\n</span>\n")
    parts.append(f"<a class='home-link' href='{BASE}/'>Home</a>\n</div>\n<div class='clear'></div>\n")
    return "".join(parts)


def page_html(*, url: str, title: str, page_type: str, main: str, description: str, post: Entry | None = None,
              mobile: bool = False) -> str:
    canonical = url.replace("?m=1", "")
    comments_feed = ""
    if post is not None and post.kind == "POST":
        comments_feed = (f'<link rel="alternate" type="application/atom+xml" title="{h(BLOG_TITLE)} - Atom" '
                         f'href="{BASE}/feeds/{post.id}/comments/default" />\n')
    viewport = ("width=device-width,initial-scale=1.0,minimum-scale=1.0,maximum-scale=1.0" if mobile else "width=1100")
    css = "3416767676-css_bundle_v2.css" if not mobile else "1964470060-css_bundle_v2_mobile.css"
    body_class = "loading mobile variant-simplysimple" if mobile else "loading variant-simplysimple"
    m_suffix = "?m\\x3d1" if mobile else ""
    ctx_post = (f", 'postId': '{post.id}', 'pageName': '{js(post.title)}', 'pageTitle': '{js(BLOG_TITLE)}: "
                f"{js(post.title)}'") if post is not None else f", 'pageTitle': '{js(title)}'"
    return f"""<!DOCTYPE html>
<html class='v2' dir='ltr' lang='en' xmlns='http://www.w3.org/1999/xhtml' xmlns:b='http://www.google.com/2005/gml/b' xmlns:data='http://www.google.com/2005/gml/data' xmlns:expr='http://www.google.com/2005/gml/expr'>
<head>
<link href='https://www.blogger.com/static/v1/widgets/{css}' rel='stylesheet' type='text/css'/>
<meta content='{viewport}' name='viewport'/>
<meta content='text/html; charset=UTF-8' http-equiv='Content-Type'/>
<meta content='blogger' name='generator'/>
<link href='{BASE}/favicon.ico' rel='icon' type='image/x-icon'/>
<link href='{canonical}' rel='canonical'/>
<link rel="alternate" type="application/atom+xml" title="{h(BLOG_TITLE)} - Atom" href="{BASE}/feeds/posts/default" />
<link rel="alternate" type="application/rss+xml" title="{h(BLOG_TITLE)} - RSS" href="{BASE}/feeds/posts/default?alt=rss" />
<link rel="service.post" type="application/atom+xml" title="{h(BLOG_TITLE)} - Atom" href="https://www.blogger.com/feeds/{BLOG_ID}/posts/default" />
{comments_feed}<meta content='{canonical}' property='og:url'/>
<meta content='{h(post.title if post else BLOG_TITLE)}' property='og:title'/>
<meta content='{h(description)}' property='og:description'/>
<title>{h(title)}</title>
<style id='page-skin-1' type='text/css'><!--
{SKIN_CSS}--></style>
</head>
<body class='{body_class}'>
<div class='navbar section' id='navbar' name='Navbar'><div class='widget Navbar' data-version='1' id='Navbar1'><div id="navbar-iframe-container"></div>
</div></div>
<div class='content'>
<div class='content-outer'>
<div class='content-cap-top cap-top'>
{CAPS}
</div>
<div class='fauxborder-left content-fauxborder-left'>
<div class='fauxborder-right content-fauxborder-right'></div>
<div class='content-inner'>
<header>
<div class='header-outer'>
<div class='fauxborder-left header-fauxborder-left'>
<div class='fauxborder-right header-fauxborder-right'></div>
<div class='region-inner header-inner'>
<div class='header section' id='header' name='Header'><div class='widget Header' data-version='1' id='Header1'>
<div id='header-inner'>
<div class='titlewrapper'>
<h1 class='title'>
<a href='{BASE}/{'?m=1' if mobile else ''}'>{h(BLOG_TITLE)}</a>
</h1>
</div>
<div class='descriptionwrapper'>
<p class='description'><span>{h(BLOG_DESC)}</span></p>
</div>
</div>
</div></div>
</div>
</div>
</div>
</header>
<div class='tabs-outer'>
<div class='fauxborder-left tabs-fauxborder-left'>
<div class='fauxborder-right tabs-fauxborder-right'></div>
<div class='region-inner tabs-inner'>
<div class='tabs section' id='crosscol' name='Cross-Column'><div class='widget PageList' data-version='1' id='PageList1'>
<div class='widget-content'>
<ul>
<li><a href='{BASE}/'>Home</a></li>
<li><a href='{BASE}/p/about.html'>About</a></li>
</ul>
<div class='clear'></div>
</div>
</div></div>
</div>
</div>
</div>
<div class='main-outer'>
<div class='fauxborder-left main-fauxborder-left'>
<div class='fauxborder-right main-fauxborder-right'></div>
<div class='region-inner main-inner'>
<div class='columns fauxcolumns'>
<div class='columns-inner'>
<div class='column-center-outer'>
<div class='column-center-inner'>
<div class='main section' id='main' name='Main'><div class='widget Blog' data-version='1' id='Blog1'>
{main}<div class='post-feeds'>
</div>
</div></div>
</div>
</div>
<div class='column-right-outer'>
<div class='column-right-inner'>
<aside>
</aside>
</div>
</div>
</div>
<div style='clear: both'></div>
</div>
</div>
</div>
</div>
<footer>
<div class='footer-outer'>
<div class='region-inner footer-inner'>
<div class='foot section' id='footer-3' name='Footer'><div class='widget Attribution' data-version='1' id='Attribution1'>
<div class='widget-content' style='text-align: center;'>
Simple theme. Powered by <a href='https://www.blogger.com' target='_blank'>Blogger</a>.
</div>
<div class='clear'></div>
</div></div>
</div>
</div>
</footer>
</div>
</div>
</div>
</div>
<script type='text/javascript'>
    window.setTimeout(function() {{
        document.body.className = document.body.className.replace('loading', '');
      }}, 10);
  </script>

<script type="text/javascript" src="https://www.blogger.com/static/v1/widgets/2028843038-widgets.js"></script>
<script type='text/javascript'>
window['__wavt'] = 'AOuZoY4s1d2c3b4a5ZzYyXxWwVvUuTtSsRrQq:1700000000000';_WidgetManager._Init('//www.blogger.com/rearrange?blogID\\x3d{BLOG_ID}','//{HOST}{urllib.parse.urlsplit(url).path}{m_suffix}','{BLOG_ID}');
_WidgetManager._SetDataContext([{{'name': 'blog', 'data': {{'blogId': '{BLOG_ID}', 'title': '{js(BLOG_TITLE)}', 'url': '{js(url)}', 'canonicalUrl': '{js(canonical)}', 'homepageUrl': '{BASE}/', 'bloggerUrl': 'https://www.blogger.com', 'hasCustomDomain': false, 'httpsEnabled': true, 'locale': 'en', 'isMobile': {'true' if mobile else 'false'}, 'isMobileRequest': {'true' if mobile else 'false'}, 'mobileClass': '{' mobile' if mobile else ''}', 'pageType': '{page_type}'{ctx_post}}}}}]);
_WidgetManager._RegisterWidget('_HeaderView', new _WidgetInfo('Header1', 'header', document.getElementById('Header1'), {{}}, 'displayModeFull'));
_WidgetManager._RegisterWidget('_BlogView', new _WidgetInfo('Blog1', 'main', document.getElementById('Blog1'), {{'cmtInteractionsEnabled': false, 'lightboxEnabled': true}}, 'displayModeFull'));
</script>
</body>
</html>
"""


def snippet(e: Entry) -> str:
    text = re.sub(r"<[^>]+>", " ", e.body.split(JUMP, 1)[0]).replace("&nbsp;", " ").replace("&amp;", "&")
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= 150 else text[:150].rsplit(" ", 1)[0] + " ..."


def mirror_files() -> dict:
    """Relative path under mirror/ -> bytes."""
    files: dict = {}
    hp = f"{HOST}/"
    newest_first = list(reversed(LIVE_POSTS))
    for i, e in enumerate(newest_first):
        newer = newest_first[i - 1].url if i > 0 else None
        older = newest_first[i + 1].url if i + 1 < len(newest_first) else None
        main = blog_posts_html([e], item=True) + pager_html(newer, older)
        files[hp + e.filename.lstrip("/")] = page_html(
            url=e.url, title=f"{BLOG_TITLE}: {e.title}", page_type="item", main=main,
            description=snippet(e), post=e).encode()
    # one post as the mobile template serves it (?m=1); wget saves it under that literal name
    m = P7
    i = newest_first.index(m)
    main = blog_posts_html([m], item=True, mobile=True) + pager_html(
        newest_first[i - 1].url + "?m=1", newest_first[i + 1].url + "?m=1", mobile=True, desktop=m.url)
    files[hp + m.filename.lstrip("/") + "?m=1"] = page_html(
        url=m.url + "?m=1", title=f"{BLOG_TITLE}: {m.title}", page_type="item", main=main,
        description=snippet(m), post=m, mobile=True).encode()
    # the About page
    main = blog_posts_html([ABOUT], item=True) + pager_html(None, None)
    files[hp + "p/about.html"] = page_html(
        url=ABOUT.url, title=f"{BLOG_TITLE}: {ABOUT.title}", page_type="static_page", main=main,
        description=snippet(ABOUT), post=ABOUT).encode()
    # home page: the three newest posts, cut at the jump break
    home = newest_first[:3]
    older = (f"{BASE}/search?updated-max={urllib.parse.quote(iso_local(parse_utc(home[-1].published)))}"
             f"&max-results=3")
    main = blog_posts_html(home, item=False) + pager_html(None, older, older_title="Older Posts")
    files[hp + "index.html"] = page_html(url=BASE + "/", title=BLOG_TITLE, page_type="index", main=main,
                                         description=BLOG_DESC).encode()
    # one label page (all Bread posts fit on it, so no pager)
    bread = [e for e in newest_first if "Bread" in e.labels]
    msg = f"Showing posts with the label <b>Bread</b>. <a href=\"{BASE}/\">Show all posts</a>"
    main = blog_posts_html(bread, item=False, status_msg=msg) + pager_html(None, None)
    files[hp + "search/label/Bread.html"] = page_html(
        url=BASE + "/search/label/Bread", title=f"{BLOG_TITLE}: Bread", page_type="index", main=main,
        description=BLOG_DESC).encode()
    # one monthly archive
    march = [e for e in newest_first if e.filename.startswith("/2021/03/")]
    main = blog_posts_html(march, item=False) + pager_html(
        f"{BASE}/search?updated-min={urllib.parse.quote(iso_local(parse_utc(march[0].published)))}"
        f"&max-results=20&reverse-paginate=true",
        f"{BASE}/search?updated-max={urllib.parse.quote(iso_local(parse_utc(march[-1].published)))}"
        f"&max-results=20", newer_title="Newer Posts", older_title="Older Posts")
    files[hp + "2021/03/index.html"] = page_html(
        url=BASE + "/2021/03/", title=f"{BLOG_TITLE}: March 2021", page_type="archive", main=main,
        description=BLOG_DESC).encode()
    files[hp + "favicon.ico"] = ico_bytes()
    # images, both size variants, under their own host folders
    for im in IMAGES.values():
        for big in (True, False):
            u = urllib.parse.urlsplit(im.big_url if big else im.small_url)
            files[u.netloc + u.path] = im.file_bytes(big)
    return dict(sorted(files.items()))


# --------------------------------------------------------------------------
# WARC: real wget through a local HTTPS-capable proxy

# URLs the sample deliberately does not hold: feeds, search result pages,
# label pages other than Bread, comment permalinks, ?m=1/?m=0 variants (the
# one mobile page is a start URL, which wget fetches regardless).
REJECT_REGEX = r"/feeds/|/search\?|/search/label/[^B]|showComment=|[?&]m=[01]"


class MirrorProxy(http.server.BaseHTTPRequestHandler):
    """Answers proxy requests from mirror/<host>/<path>.

    CONNECT host:443 is accepted and the tunnel is terminated with a throw-away
    self-signed certificate (wget runs with --no-check-certificate), so wget
    records the real https:// URLs. Plain http:// requests to the blog get the
    301 to https:// that blogspot answers with.
    """
    protocol_version = "HTTP/1.1"
    server_version = "blogshift-sample-proxy"
    sys_version = ""
    tunnel_host = None

    def log_message(self, fmt, *args):
        pass

    def version_string(self):
        return self.server_version

    def do_CONNECT(self):
        host = self.path.rsplit(":", 1)[0]
        self.send_response(200, "Connection established")
        self.end_headers()
        self.wfile.flush()
        tls = self.server.ssl_ctx.wrap_socket(self.connection, server_side=True)
        handler = type("Tunnel", (MirrorProxy,), {"tunnel_host": host})
        try:
            handler(tls, self.client_address, self.server)
        finally:
            tls.close()
        self.close_connection = True

    def do_GET(self):
        if self.tunnel_host:
            scheme, host = "https", self.tunnel_host
            target = urllib.parse.urlsplit(self.path)
        else:
            target = urllib.parse.urlsplit(self.path)
            scheme, host = target.scheme, target.hostname
        url = f"{scheme}://{host}{target.path}{'?' + target.query if target.query else ''}"
        if scheme == "http" and host == HOST:
            self.server.log.append((url, 301))
            self._send(301, b"", "text/html; charset=UTF-8", {"Location": "https://" + url[len("http://"):]})
            return
        root = self.server.mirror / host
        rel = urllib.parse.unquote(target.path).lstrip("/")
        candidates = []
        if target.query:
            candidates.append(rel + "?" + target.query)
        else:
            candidates.append(rel + "index.html" if rel.endswith("/") or rel == "" else rel)
            candidates.append(rel + ".html")
        for c in candidates:
            p = (root / c).resolve()
            if c and p.is_file() and str(p).startswith(str(self.server.mirror.resolve()) + os.sep):
                self.server.log.append((url, 200))
                self._send(200, p.read_bytes(), content_type(p.name))
                return
        self.server.log.append((url, 404))
        self._send(404, b"<html><body>Not Found</body></html>", "text/html; charset=UTF-8")

    def _send(self, code, data, ctype, extra=None):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)


def content_type(name: str) -> str:
    ext = name.split("?", 1)[0].rsplit(".", 1)[-1].lower()
    return {"jpg": "image/jpeg", "png": "image/png", "gif": "image/gif", "ico": "image/x-icon"}.get(
        ext, "text/html; charset=UTF-8")


def run_wget(mirror: Path, warc_out: Path) -> list:
    if not shutil.which("wget") or not shutil.which("openssl"):
        sys.exit("wget and openssl are needed for the WARC (use --no-warc to skip it)")
    with tempfile.TemporaryDirectory(prefix="sample-blog-") as tmp:
        tmp = Path(tmp)
        san = "subjectAltName=" + ",".join(f"DNS:{x}" for x in (HOST, "blogger.googleusercontent.com",
                                                                 "1.bp.blogspot.com"))
        subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                        "-nodes", "-keyout", tmp / "key.pem", "-out", tmp / "cert.pem", "-days", "2",
                        "-subj", f"/CN={HOST}", "-addext", san], check=True, capture_output=True)
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(tmp / "cert.pem", tmp / "key.pem")
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), MirrorProxy)
        server.daemon_threads = True
        server.ssl_ctx, server.mirror, server.log = ctx, mirror, []
        port = server.server_address[1]
        thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        thread.start()
        try:
            for _ in range(100):  # bounded wait until the proxy accepts connections
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.05).close()
                    break
                except OSError:
                    threading.Event().wait(0.05)
            else:
                sys.exit("proxy did not start")
            proxy = f"http://127.0.0.1:{port}/"
            env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
            cmd = ["wget", "--no-config", "--no-hsts", "--recursive", "--level=inf", "--page-requisites",
                   "--no-verbose", "-e", "robots=off", "--span-hosts",
                   f"--domains={HOST},blogger.googleusercontent.com,1.bp.blogspot.com",
                   f"--reject-regex={REJECT_REGEX}", "-e", "use_proxy=yes", "-e", f"http_proxy={proxy}",
                   "-e", f"https_proxy={proxy}", "--no-check-certificate", "--tries=1", "--timeout=20",
                   f"--warc-file={tmp / 'sample-blog'}", f"--directory-prefix={tmp / 'out'}",
                   f"{BASE}/", f"{BASE}/2021/03/sourdough.html?m=1"]
            res = subprocess.run(cmd, cwd=tmp, env=env, capture_output=True, text=True, timeout=300)
            if res.returncode not in (0, 8):
                sys.exit(f"wget failed ({res.returncode}):\n{res.stderr}")
            shutil.copyfile(tmp / "sample-blog.warc.gz", warc_out)
        finally:
            server.shutdown()
            server.server_close()
            thread.join(timeout=5)
        return list(server.log)


# --------------------------------------------------------------------------
# checks

def warc_records(path: Path):
    """Yield (headers dict, block bytes) for each record of a (per-record gzipped) WARC."""
    data = gzip.decompress(path.read_bytes())
    pos = 0
    while pos < len(data):
        end = data.index(b"\r\n\r\n", pos)
        lines = data[pos:end].decode("utf-8").split("\r\n")
        assert lines[0].startswith("WARC/"), lines[0]
        hdr = {k.strip(): v.strip() for k, v in (ln.split(":", 1) for ln in lines[1:])}
        n = int(hdr["Content-Length"])
        yield hdr, data[end + 4:end + 4 + n]
        pos = end + 4 + n + 4  # block, then CRLF CRLF


def check() -> int:
    ok = True
    def expect(what, got, want):
        nonlocal ok
        flag = "ok " if got == want else "BAD"
        ok &= got == want
        shown = got if len(repr(got)) < 300 else f"<{len(got)} items/chars>"
        print(f"  [{flag}] {what}: {shown}" + ("" if got == want else " (differs from expected)"))
    ns = {"a": "http://www.w3.org/2005/Atom", "b": "http://schemas.google.com/blogger/2018"}
    root = ET.parse(OUT / "feed.atom").getroot()
    entries = root.findall("a:entry", ns)
    kinds: dict = {}
    for en in entries:
        trashed = en.find("b:trashed", ns) is not None and (en.find("b:trashed", ns).text or "").strip()
        key = (en.find("b:type", ns).text, "TRASHED" if trashed else en.find("b:status", ns).text)
        kinds[key] = kinds.get(key, 0) + 1
    print("feed.atom")
    expect("entries", len(entries), 22)
    expect("by type/status", dict(sorted(kinds.items())),
           {("COMMENT", "LIVE"): 6, ("PAGE", "LIVE"): 1, ("POST", "DRAFT"): 1, ("POST", "LIVE"): 12,
            ("POST", "SCHEDULED"): 1, ("POST", "TRASHED"): 1})
    expect("feed is byte-identical to the script's", (OUT / "feed.atom").read_text("utf-8") == feed_atom(), True)
    live_labels: dict = {}
    for en in entries:
        if (en.find("b:type", ns).text, en.find("b:status", ns).text) == ("POST", "LIVE") and \
                en.find("b:trashed", ns) is None:
            for cat in en.findall("a:category", ns):
                live_labels[cat.get("term")] = live_labels.get(cat.get("term"), 0) + 1
    expect("labels on LIVE posts", dict(sorted(live_labels.items())), dict(sorted(labels_count().items())))
    print("mirror/")
    want = mirror_files()
    have = {str(p.relative_to(OUT / "mirror")): p.read_bytes() for p in (OUT / "mirror").rglob("*") if p.is_file()}
    expect("files", len(have), len(want))
    expect("files identical to the script's", have == want, True)
    feed_bodies = {en.find("b:filename", ns).text: en.find("a:content", ns).text for en in entries
                   if en.find("b:status", ns).text == "LIVE" and en.find("b:type", ns).text in ("POST", "PAGE")
                   and en.find("b:trashed", ns) is None}
    same = 0
    for fn, body in feed_bodies.items():
        page = have.get(HOST + fn, b"").decode()
        same += f"itemprop='description articleBody'>\n{body}\n<div style='clear: both;'></div>" in page
    expect("item pages whose post-body is the feed's content, byte for byte", same, 13)
    sigs = {b"\xff\xd8\xff": "jpeg", b"\x89PN": "png", b"GIF": "gif", b"\x00\x00\x01": "ico"}
    kinds = {}
    for k, v in have.items():
        if not k.endswith(".html") and "?m=1" not in k:
            t = sigs.get(v[:3], "?")
            kinds[t] = kinds.get(t, 0) + 1
    expect("image files by type", dict(sorted(kinds.items())), {"gif": 2, "ico": 1, "jpeg": 14, "png": 8})
    warc = OUT / "sample-blog.warc.gz"
    if warc.exists():
        print("sample-blog.warc.gz")
        types: dict = {}
        statuses: dict = {}
        uris = set()
        payloads: dict = {}
        for hdr, block in warc_records(warc):
            types[hdr["WARC-Type"]] = types.get(hdr["WARC-Type"], 0) + 1
            if hdr["WARC-Type"] == "response":
                code = int(block.split(b" ", 2)[1])
                statuses[code] = statuses.get(code, 0) + 1
                if code == 200:
                    # wget writes the URI in angle brackets: <https://...>
                    uris.add(hdr["WARC-Target-URI"].strip("<>"))
                    payloads[hdr["WARC-Target-URI"].strip("<>")] = block.split(b"\r\n\r\n", 1)[1]
        print(f"  records by type: {dict(sorted(types.items()))}")
        print(f"  responses by status: {dict(sorted(statuses.items()))}")
        files = set()
        same_payload = 0
        for u in uris:
            s = urllib.parse.urlsplit(u)
            rel = s.netloc + urllib.parse.unquote(s.path)
            rel = rel + "index.html" if rel.endswith("/") else rel
            rel = rel + "?" + s.query if s.query else rel
            rel = rel if rel in want else rel + ".html"
            files.add(rel)
            same_payload += payloads[u] == want.get(rel)
        expect("200 responses cover every mirror file", sorted(files), sorted(want))
        expect("200 payloads identical to the mirror files", same_payload, len(want))
    print("all good" if ok else "PROBLEMS FOUND")
    return 0 if ok else 1


# --------------------------------------------------------------------------

def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--no-warc", action="store_true", help="write feed.atom and mirror/ only")
    ap.add_argument("--check", action="store_true", help="validate the files on disk and exit")
    args = ap.parse_args()
    if args.check:
        return check()
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "feed.atom").write_bytes(feed_atom().encode("utf-8"))
    mirror = OUT / "mirror"
    if mirror.exists():
        shutil.rmtree(mirror)
    for rel, data in mirror_files().items():
        p = mirror / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)
    print(f"wrote {OUT / 'feed.atom'} and {len(mirror_files())} files under {mirror}")
    if not args.no_warc:
        log = run_wget(mirror, OUT / "sample-blog.warc.gz")
        bad = [(u, c) for u, c in log if c == 404]
        print(f"wget made {len(log)} requests through the proxy; 404s: {bad or 'none'}")
        if bad:
            return 1
    return check()


if __name__ == "__main__":
    sys.exit(main())
