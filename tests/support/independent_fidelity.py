#!/usr/bin/env python3
"""An independent render-back fidelity check for blogshift's output.

Written without reading blogshift's own check (transform/fidelity/): it asks
only what a reader of the post sees, using nothing but the Python standard
library and the cmark-gfm command-line tool.

For each migrated document it renders the Markdown body (after the YAML front
matter) with

    cmark-gfm --unsafe -e table -e strikethrough -e autolink -e tasklist

and compares the result with the post's source HTML (items.body_html in the
staging database, byte for byte as the export held it) on

  * words:  the visible word sequence (script/style/template hidden), as
            recall = words of the source found in order in the render / words
            of the source; CJK text counts one character as one word;
  * links:  every <a href> that shows something (text or an image), after
            blogshift's own mapping (document_links: url -> target) and a
            light normalisation (scheme, trailing slash, percent-encoding);
  * images: every <img src> a reader sees (not 1x1 trackers), also accepted
            when the file name (last path segment) matches, since blogshift
            copies images beside the post and Blogger serves size variants
            (/s320/ vs /s1600/) of one file;
  * code:   the text of <pre>, <code>, <tt>, <kbd>, <samp> and of anything
            styled in a monospace font (font-family: courier, consolas,
            monospace...; <font face="Courier New">), as a token recall; and
            the lines of every <pre> (indentation and inner blank lines kept);
  * breaks: of the words matched in order, those that began a line in the
            source (after <br> or a block edge) must begin one in the render;
  * roles:  matched words must stay in a heading, a quote, or a list of the
            same depth;
  * hidden: words the render shows that the source hid (display:none) or
            never had count against precision.

Not measured: emphasis, list looseness, table shape, image sizes.

Usage:
  independent_fidelity.py --db OUT/.blogshift/staging.db [--out OUT]
                          [--json FILE] [--only-disagreements]
  independent_fidelity.py --pair SNIPPET.html RENDERED.md   (one snippet)

Exit status 0; the report goes to stdout (one line per document, then a
summary).
"""

import argparse
import bisect
import difflib
import html
import json
import os
import re
import sqlite3
import subprocess
import sys
import unicodedata
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

CMARK = ["cmark-gfm", "--unsafe", "-e", "table", "-e", "strikethrough",
         "-e", "autolink", "-e", "tasklist"]

HIDDEN = {"script", "style", "template", "head", "title"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "param", "source", "track", "wbr"}
BLOCK = {"p", "div", "br", "li", "ul", "ol", "table", "tr", "td", "th",
         "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "hr",
         "dd", "dt", "dl", "section", "article", "figure", "figcaption",
         "center", "address", "thead", "tbody", "tfoot", "caption"}
CODE = {"pre", "code", "tt", "kbd", "samp"}
MONO = re.compile(r"font-family\s*:[^;\"]*(courier|consolas|monospace|monaco|"
                  r"lucida console|menlo|inconsolata|fixedsys)", re.I)
NONE = re.compile(r"display\s*:\s*none", re.I)
ROLE = {"h1": "h", "h2": "h", "h3": "h", "h4": "h", "h5": "h", "h6": "h",
        "blockquote": "quote", "li": "li"}
BREAK = "\x00"   # a visual line break between words

RECALL_MIN = 0.98      # words: what the independent verdict calls faithful
CODE_MIN = 0.99
BREAK_MIN = 0.95
PRECISION_MIN = 0.98


class Reader(HTMLParser):
    """Collects what a reader sees of one HTML fragment."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []            # open elements
        self.hidden = 0            # depth inside hidden elements
        self.text = []             # visible text pieces (with block breaks)
        self.code_depth = 0
        self.code = []             # visible text inside code elements
        self.links = []            # [href, shows_something, [images inside]]
        self.link_stack = []       # indices into self.links of open <a>
        self.images = []
        self.pre_depth = 0
        self.pres = []             # text of each <pre>, lines kept
        self.hide_stack = []       # per open element: did it hide / count as code
        self.roles = []            # per visible text piece: the roles around it

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        style = a.get("style") or ""
        hides = tag in HIDDEN or bool(NONE.search(style))
        if tag in VOID and hides:
            return              # a hidden image or input: nothing to see, nothing to close
        mono = tag in CODE or bool(MONO.search(style)) or \
            (tag == "font" and MONO.search("font-family:" + (a.get("face") or "")))
        if hides:
            self.hidden += 1
        if tag in BLOCK:
            self.text.append(BREAK)
            if self.code_depth:
                self.code.append(" ")
            if self.pre_depth:
                self.pres[-1].append("\n")
        if tag == "pre" and not self.hidden:
            self.pre_depth += 1
            self.pres.append([])
        if tag == "a":
            href = a.get("href")
            if href is not None and not self.hidden:
                self.links.append([href.strip(), False, []])
                self.link_stack.append(len(self.links) - 1)
            else:
                self.link_stack.append(None)
        if tag == "img" and not self.hidden:
            src = (a.get("src") or "").strip()
            w, h = a.get("width", ""), a.get("height", "")
            tracker = (w.strip() in ("0", "1") and h.strip() in ("0", "1")) \
                or "/tracker/" in src
            if src and not tracker:
                self.images.append(src)
                self._mark_link()
                for i in self.link_stack:
                    if i is not None:
                        self.links[i][2].append(src)
        is_code = bool(mono) and not self.hidden
        if is_code:
            self.code_depth += 1
            self.code.append(" ")
        if tag not in VOID:
            self.stack.append(tag)
            self.hide_stack.append((hides, is_code))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1] == tag:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if tag not in self.stack:
            return
        while self.stack:
            t = self.stack.pop()
            self._close(t, *self.hide_stack.pop())
            if t == tag:
                break

    def _close(self, t, hides=False, is_code=False):
        if hides:
            self.hidden = max(0, self.hidden - 1)
        if t in BLOCK:
            self.text.append(BREAK)
            if self.pre_depth and t != "pre":
                self.pres[-1].append("\n")
        if t == "pre" and self.pre_depth and not self.hidden:
            self.pre_depth -= 1
        if t == "a" and self.link_stack:
            self.link_stack.pop()
        if is_code and self.code_depth:
            self.code_depth -= 1
            self.code.append(" ")

    def role(self):
        # headings and quotes as such; lists by their nesting depth (Blogger
        # nests a <ul> straight inside a <ul>, which shows as a nested list)
        rs = [ROLE[t] for t in self.stack if t in ROLE and ROLE[t] != "li"]
        depth = sum(1 for t in self.stack if t in ("ul", "ol"))
        if depth:
            rs.append(f"list{depth}")
        return "/".join(rs)

    def _mark_link(self):
        for i in self.link_stack:
            if i is not None:
                self.links[i][1] = True

    def handle_data(self, data):
        if self.hidden:
            return
        if self.pre_depth:
            self.pres[-1].append(data)
            # inside <pre> a newline is a visible break
            self.text.append(data.replace("\n", BREAK))
        else:
            self.text.append(data)
        self.roles.append((len(self.text) - 1, self.role()))
        if data.strip():
            self._mark_link()
        if self.code_depth:
            self.code.append(data)

    def close(self):
        super().close()
        while self.stack:
            self._close(self.stack.pop(), *self.hide_stack.pop())


def read_html(s):
    r = Reader()
    r.feed(s)
    r.close()
    return r


CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
                 r"\uf900-\ufaff\uff66-\uff9f]")
WORD = re.compile(r"\w+", re.UNICODE)


def norm_word(w):
    return unicodedata.normalize("NFKC", w).casefold()


def split_cjk(w):
    if not CJK.search(w):
        return [w]
    out, buf = [], ""
    for ch in w:
        if CJK.match(ch):
            if buf:
                out.append(buf)
                buf = ""
            out.append(ch)
        else:
            buf += ch
    if buf:
        out.append(buf)
    return out


def words(text):
    out = []
    for w in WORD.findall(text):
        out.extend(norm_word(x) for x in split_cjk(w))
    return out


def tokens(r):
    """(word, break before it, roles around it) for what the reader sees."""
    starts, roles, pos = [], [], 0
    role_at = dict(r.roles)
    buf = []
    for i, piece in enumerate(r.text):
        starts.append(pos)
        roles.append(role_at.get(i, ""))
        buf.append(piece)
        pos += len(piece)
    s = "".join(buf)
    out, last = [], 0
    for m in WORD.finditer(s):
        brk = BREAK in s[last:m.start()]
        last = m.end()
        k = bisect.bisect_right(starts, m.start()) - 1
        role = roles[k] if k >= 0 else ""
        for j, w in enumerate(split_cjk(m.group(0))):
            out.append((norm_word(w), brk and j == 0, role))
    return out


def pre_lines(r):
    lines = []
    for block in r.pres:
        text = "".join(block).replace("\u00a0", " ").replace("\r", "")
        ls = [l.rstrip() for l in text.split("\n")]
        while ls and not ls[0]:
            ls.pop(0)
        while ls and not ls[-1]:
            ls.pop()
        lines.extend(ls)
        if ls:
            lines.append("\x01")   # end of a block
    return lines


def seq_recall(src, dst):
    """Share of src found, in order, in dst; and the first missing runs."""
    if not src:
        return 1.0, []
    sm = difflib.SequenceMatcher(None, src, dst, autojunk=False)
    matched = sum(b.size for b in sm.get_matching_blocks())
    missing = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op in ("delete", "replace"):
            missing.append(" ".join(src[i1:i2][:12]) +
                           (" ..." if i2 - i1 > 12 else "") +
                           ("  => " + " ".join(dst[j1:j2][:8]) if op == "replace" else ""))
    return matched / len(src), missing


def norm_url(u):
    u = html.unescape(u.strip())
    try:
        u = unquote(u)
    except Exception:
        pass
    s = urlsplit(u)
    host = (s.hostname or "").lower()
    path = s.path.rstrip("/")
    q = s.query
    # Blogger's mobile switch and view-size flags are not another page.
    q = "&".join(p for p in q.split("&") if p and p not in ("m=1", "m=0"))
    frag = s.fragment
    return f"{host}{path}" + (f"?{q}" if q else "") + (f"#{frag}" if frag else "")


def filename(u):
    u = html.unescape(u.strip())
    try:
        u = unquote(u)
    except Exception:
        pass
    p = urlsplit(u).path.rstrip("/")
    return p.rsplit("/", 1)[-1].lower()


def render(markdown):
    p = subprocess.run(CMARK, input=markdown.encode("utf-8"),
                       stdout=subprocess.PIPE, check=True)
    return p.stdout.decode("utf-8")


def strip_front_matter(md):
    if md.startswith("---\n"):
        end = md.find("\n---\n", 4)
        if end >= 0:
            return md[end + 5:]
    return md


def compare(src_html, md, mapping=None):
    """mapping: {source url: set(targets)} from document_links."""
    mapping = mapping or {}
    out_html = render(md)
    s, d = read_html(src_html), read_html(out_html)
    st, dt = tokens(s), tokens(d)
    sw, dw = [t[0] for t in st], [t[0] for t in dt]
    recall, missing_words = seq_recall(sw, dw)
    precision, extra_words = seq_recall(dw, sw)

    # breaks and block roles, over the words matched in order
    sm = difflib.SequenceMatcher(None, sw, dw, autojunk=False)
    brk_src = brk_kept = 0
    role_diff = []
    for blk in sm.get_matching_blocks():
        for k in range(blk.size):
            a, b = st[blk.a + k], dt[blk.b + k]
            if a[1] and (blk.a + k) > 0:
                brk_src += 1
                brk_kept += b[1]
            if a[2] != b[2] and len(role_diff) < 50:
                role_diff.append((a[0], a[2] or "-", b[2] or "-"))
    break_recall = brk_kept / brk_src if brk_src else 1.0

    def kept(url, rendered, by_name):
        cands = {url} | mapping.get(url, set()) | mapping.get(html.unescape(url), set())
        rn = {norm_url(x) for x in rendered}
        for c in cands:
            if c in rendered or norm_url(c) in rn:
                return True
        if by_name:
            names = {filename(x) for x in rendered}
            for c in cands:
                if filename(c) and filename(c) in names:
                    return True
        return False

    src_links = [(h, imgs) for h, shows, imgs in s.links if shows and h]
    out_links = [h for h, _, _ in d.links]
    missing_links = []
    for h, imgs in src_links:
        if kept(h, out_links, False):
            continue
        # an image's link to its own (larger) file: kept when the image is
        if imgs and (kept(h, d.images, True) or any(kept(i, d.images, True) for i in imgs)):
            continue
        missing_links.append(h)
    missing_images = [u for u in s.images if not kept(u, d.images, True)]

    sc, dc = words("".join(s.code)), words("".join(d.code))
    code_recall, code_missing = seq_recall(sc, dc)
    # code text the reader still sees, but no longer as code
    code_as_text = code_recall < CODE_MIN and seq_recall(sc, dw)[0] >= CODE_MIN
    sp, dp = pre_lines(s), pre_lines(d)
    pre_recall, pre_missing = seq_recall(sp, dp)
    pre_missing = [m for m in pre_missing][:5]

    faithful = (recall >= RECALL_MIN and not missing_links and
                not missing_images and code_recall >= CODE_MIN and
                break_recall >= BREAK_MIN and pre_recall >= CODE_MIN and
                len(role_diff) == 0 and precision >= PRECISION_MIN)
    return {
        "faithful": faithful,
        "recall": round(recall, 4), "precision": round(precision, 4),
        "src_words": len(sw), "out_words": len(dw),
        "missing_words": missing_words[:5], "extra_words": extra_words[:5],
        "break_recall": round(break_recall, 4), "breaks": brk_src,
        "role_changed": len(role_diff), "role_diff": role_diff[:5],
        "links_total": len(src_links), "missing_links": missing_links[:10],
        "images_total": len(s.images), "missing_images": missing_images[:10],
        "code_words": len(sc), "code_recall": round(code_recall, 4),
        "code_missing": code_missing[:5], "code_as_text": code_as_text,
        "pre_lines": len(sp), "pre_line_recall": round(pre_recall, 4),
        "pre_missing": pre_missing,
    }


def run_db(args):
    db = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    out_dir = args.out or os.path.dirname(os.path.dirname(os.path.abspath(args.db)))
    maps = {}
    for item_id, url, target in db.execute(
            "SELECT item_id, url, target FROM document_links WHERE target IS NOT NULL AND target <> ''"):
        maps.setdefault(item_id, {}).setdefault(url, set()).add(target)
    rows = db.execute(
        "SELECT d.item_id, d.path, d.markdown, d.fidelity_passed, d.fidelity_detail, "
        "i.body_html, i.legacy_path, i.title FROM documents d JOIN items i ON i.id = d.item_id "
        "ORDER BY d.item_id").fetchall()
    results = []
    agree = ind_ok = bs_ok = 0
    for item_id, path, markdown, passed, detail, body, legacy, title in rows:
        md = None
        fp = os.path.join(out_dir, path)
        if os.path.isfile(fp):
            with open(fp, encoding="utf-8") as f:
                md = strip_front_matter(f.read())
        if md is None:
            md = strip_front_matter(markdown)
        r = compare(body or "", md, maps.get(item_id))
        r.update(item_id=item_id, path=path, legacy=legacy, title=title,
                 blogshift_passed=bool(passed), blogshift_detail=detail)
        results.append(r)
        ind_ok += r["faithful"]
        bs_ok += bool(passed)
        agree += (r["faithful"] == bool(passed))
        if args.only_disagreements and r["faithful"] == bool(passed):
            continue
        cls = "agree" if r["faithful"] == bool(passed) else \
              ("FALSE-ALARM?" if passed == 0 else "MISSED-LOSS?")
        print(f"{cls:13} {item_id:5} {path}\n"
              f"   blogshift={'pass' if passed else 'FAIL'} independent={'ok' if r['faithful'] else 'LOSS'}"
              f" recall={r['recall']} precision={r['precision']} words={r['src_words']}->{r['out_words']}"
              f" links={r['links_total'] - len(r['missing_links'])}/{r['links_total']}"
              f" images={r['images_total'] - len(r['missing_images'])}/{r['images_total']}"
              f" code={r['code_recall']}({r['code_words']}w){' as-text' if r['code_as_text'] else ''}"
              f" breaks={r['break_recall']}({r['breaks']}) pre-lines={r['pre_line_recall']}({r['pre_lines']})"
              f" roles-changed={r['role_changed']}")
        if not passed and detail:
            print(f"   blogshift says: {detail[:300]}")
        for k in ("missing_words", "missing_links", "missing_images", "code_missing",
                  "pre_missing", "role_diff"):
            if r[k] and (not r["faithful"] or args.verbose):
                print(f"   {k}: {r[k][:3]}")
    n = len(results)
    print(f"\nsummary: documents={n} blogshift_passed={bs_ok}/{n} "
          f"independent_faithful={ind_ok}/{n} agree={agree}/{n}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(results, f, ensure_ascii=False, indent=1)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db")
    ap.add_argument("--out")
    ap.add_argument("--json")
    ap.add_argument("--pair", nargs=2, metavar=("HTML", "MD"))
    ap.add_argument("--only-disagreements", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    if args.pair:
        with open(args.pair[0], encoding="utf-8") as f:
            h = f.read()
        with open(args.pair[1], encoding="utf-8") as f:
            md = strip_front_matter(f.read())
        print(json.dumps(compare(h, md), ensure_ascii=False, indent=1))
    elif args.db:
        run_db(args)
    else:
        ap.error("give --db or --pair")


if __name__ == "__main__":
    main()
