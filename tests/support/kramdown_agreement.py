#!/usr/bin/env python3
"""kramdown_agreement.py: does the Jekyll site (kramdown) show what cmark-gfm shows?

    python3 tests/support/kramdown_agreement.py [options] FOLDER_OR_FILE...

Every .md file under the folders (front matter between the first two `---`
lines dropped) is rendered twice:

  * cmark-gfm, with the extensions table, strikethrough and autolink and
    CMARK_OPT_UNSAFE (no tagfilter): the renderer blogshift writes for. Through
    libcmark-gfm with ctypes (the library blogshift links), else the
    `cmark-gfm` CLI when the library cannot be loaded;
  * kramdown, through kramdown_render.rb beside this script (Jekyll 4.3's
    converter with fixtures/sites/jekyll/_config.yml), a few Ruby processes
    in parallel, each for a share of the documents.

Both HTMLs are reduced to a normal form (python html.parser, entities
decoded): element open/close events with the tag name and only the href, src,
alt and title attributes (href/src percent-decoded, so cmark's URL escaping
does not count); text with whitespace runs collapsed and whitespace next to a
block-level tag or a comment dropped; comments kept. Heading ids (kramdown's auto_ids) are
not compared, nor any other attribute (table alignment style/align, classes).
A link whose text is its address (href = text, mailto:text or http://text)
counts as its text: GFM's extended autolinks link a post's plain-text
address, kramdown (like the post) does not.
Code blocks: rouge's <div class="... highlighter-rouge"><div class="highlight">
wrappers and every element inside <pre> are dropped, so a code block is
`<pre>` + its exact text (trailing newlines trimmed) + `</pre>`.

Output: for each file whose normal forms differ, its path and the first
difference with ~80 characters of normal form before and after it from each
side; then "N of M documents differ". --json FILE also writes every
difference (path, index, both contexts) for scripts.

Exit status: 0 when no document differs, 1 when some do, 2 on a usage or
renderer error.
"""

import argparse
import concurrent.futures
import ctypes
import ctypes.util
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
RENDER_RB = os.path.join(HERE, "kramdown_render.rb")

BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "body", "br", "caption", "center",
    "col", "colgroup", "dd", "details", "dialog", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "head", "header", "hr", "html", "iframe", "legend", "li", "link", "main", "menu",
    "nav", "ol", "optgroup", "option", "p", "param", "pre", "script", "section",
    "source", "style", "summary", "table", "tbody", "td", "tfoot", "th", "thead",
    "title", "tr", "track", "ul", "video", "audio", "object", "embed", "noscript",
}
VOID_TAGS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
    "param", "source", "track", "wbr",
}
KEPT_ATTRS = ("href", "src", "alt", "title")
WS = re.compile(r"\s+")


# ---------------------------------------------------------------- cmark-gfm

class CmarkLib:
    OPT_UNSAFE = 1 << 17

    def __init__(self):
        core = ctypes.CDLL(ctypes.util.find_library("cmark-gfm") or "libcmark-gfm.so")
        ext = ctypes.CDLL(ctypes.util.find_library("cmark-gfm-extensions")
                          or "libcmark-gfm-extensions.so")
        libc = ctypes.CDLL(ctypes.util.find_library("c"))
        vp, cp = ctypes.c_void_p, ctypes.c_char_p
        ext.cmark_gfm_core_extensions_ensure_registered.restype = None
        ext.cmark_gfm_core_extensions_ensure_registered()
        core.cmark_parser_new.restype = vp
        core.cmark_parser_new.argtypes = [ctypes.c_int]
        core.cmark_find_syntax_extension.restype = vp
        core.cmark_find_syntax_extension.argtypes = [cp]
        core.cmark_parser_attach_syntax_extension.restype = ctypes.c_int
        core.cmark_parser_attach_syntax_extension.argtypes = [vp, vp]
        core.cmark_parser_feed.restype = None
        core.cmark_parser_feed.argtypes = [vp, cp, ctypes.c_size_t]
        core.cmark_parser_finish.restype = vp
        core.cmark_parser_finish.argtypes = [vp]
        core.cmark_parser_get_syntax_extensions.restype = vp
        core.cmark_parser_get_syntax_extensions.argtypes = [vp]
        core.cmark_render_html.restype = vp  # malloc'd char*, freed below
        core.cmark_render_html.argtypes = [vp, ctypes.c_int, vp]
        core.cmark_node_free.restype = None
        core.cmark_node_free.argtypes = [vp]
        core.cmark_parser_free.restype = None
        core.cmark_parser_free.argtypes = [vp]
        libc.free.restype = None
        libc.free.argtypes = [vp]
        self.core, self.libc = core, libc
        self.exts = []
        for name in (b"table", b"strikethrough", b"autolink"):
            e = core.cmark_find_syntax_extension(name)
            if not e:
                raise RuntimeError("cmark-gfm extension missing: " + name.decode())
            self.exts.append(e)

    def render(self, text):
        c = self.core
        data = text.encode("utf-8")
        p = c.cmark_parser_new(self.OPT_UNSAFE)
        for e in self.exts:
            c.cmark_parser_attach_syntax_extension(p, e)
        c.cmark_parser_feed(p, data, len(data))
        doc = c.cmark_parser_finish(p)
        out = c.cmark_render_html(doc, self.OPT_UNSAFE, c.cmark_parser_get_syntax_extensions(p))
        html_text = ctypes.string_at(out).decode("utf-8", "replace")
        self.libc.free(out)
        c.cmark_node_free(doc)
        c.cmark_parser_free(p)
        return html_text


def cmark_renderer():
    try:
        lib = CmarkLib()
        return lib.render
    except (OSError, AttributeError, RuntimeError):
        exe = shutil.which("cmark-gfm")
        if not exe:
            sys.exit("kramdown_agreement: neither libcmark-gfm nor the cmark-gfm CLI is available")

        def render_cli(text):
            return subprocess.run(
                [exe, "--unsafe", "-e", "table", "-e", "strikethrough", "-e", "autolink"],
                input=text.encode("utf-8"), stdout=subprocess.PIPE, check=True,
            ).stdout.decode("utf-8", "replace")
        return render_cli


# ------------------------------------------------------------------ kramdown

def kramdown_render_all(texts, jobs, config=None):
    """HTML for each text, rendered by kramdown_render.rb in `jobs` processes."""
    if not texts:
        return []
    ruby = shutil.which("ruby")
    if not ruby:
        sys.exit("kramdown_agreement: ruby is not installed")
    cmd = [ruby, RENDER_RB] + ([config] if config else [])
    jobs = max(1, min(jobs, len(texts)))
    # Interleave documents so the big ones spread over the processes.
    shares = [list(range(i, len(texts), jobs)) for i in range(jobs)]

    def run(share):
        r = subprocess.run(cmd, input=json.dumps([texts[i] for i in share]).encode("utf-8"),
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if r.returncode != 0:
            raise RuntimeError("kramdown_render.rb failed: " + r.stderr.decode("utf-8", "replace"))
        if r.stderr:
            sys.stderr.write(r.stderr.decode("utf-8", "replace"))
        return json.loads(r.stdout)

    out = [None] * len(texts)
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        for share, result in zip(shares, pool.map(run, shares)):
            for i, h in zip(share, result):
                out[i] = h
    return out


# ------------------------------------------------------------- normal form

class Normaliser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tokens = []       # ("<", tag, attrs) | (">", tag) | ("t", text) | ("c", text)
        self.div_skip = []     # per open <div>: True when it is a rouge wrapper
        self.pre_depth = 0
        self.pre_text = []

    def handle_starttag(self, tag, attrs):
        if self.pre_depth:
            if tag == "pre":
                self.pre_depth += 1
            return
        if tag == "div":
            cls = dict(attrs).get("class") or ""
            skip = bool(re.search(r"(^|\s)(highlighter-rouge|highlight)(\s|$)", cls))
            self.div_skip.append(skip)
            if skip:
                return
        if tag == "pre":
            self.pre_depth = 1
            self.pre_text = []
        kept = []
        for k, v in attrs:
            if k in KEPT_ATTRS:
                v = v or ""
                if k in ("href", "src"):
                    v = urllib.parse.unquote(v)
                kept.append((k, v))
        self.tokens.append(("<", tag, tuple(sorted(kept))))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS and not self.pre_depth:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if self.pre_depth:
            if tag == "pre":
                self.pre_depth -= 1
                if self.pre_depth == 0:
                    self.tokens.append(("t", "".join(self.pre_text).rstrip("\n"), True))
                    self.tokens.append((">", "pre"))
            return
        if tag in VOID_TAGS:
            return
        if tag == "div" and self.div_skip:
            if self.div_skip.pop():
                return
        self.tokens.append((">", tag))

    def handle_data(self, data):
        if self.pre_depth:
            self.pre_text.append(data)
            return
        if self.tokens and self.tokens[-1][0] == "t" and len(self.tokens[-1]) == 2:
            self.tokens[-1] = ("t", self.tokens[-1][1] + data)
        else:
            self.tokens.append(("t", data))

    def handle_comment(self, data):
        if self.pre_depth:
            return
        self.tokens.append(("c", WS.sub(" ", data).strip()))

    def unknown_decl(self, data):
        self.handle_comment(data)


def is_block(tok):
    # Comments count as block boundaries too: kramdown puts a comment that
    # stands alone on its own lines, cmark-gfm may not.
    return tok[0] == "c" or (tok[0] in "<>" and tok[1] in BLOCK_TAGS)


def without_autolink_shapes(toks):
    """Links whose text is their address (GFM's extended autolinks of a bare
    e-mail address or www./http: URL, which kramdown does not make) become
    their text, on both sides: a post's plain-text address that cmark-gfm
    links is not a difference of kramdown's."""
    out = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if (t[0] == "<" and t[1] == "a" and i + 2 < len(toks) and toks[i + 1][0] == "t"
                and len(toks[i + 1]) == 2 and toks[i + 2] == (">", "a")):
            text = toks[i + 1][1]
            href = dict(t[2]).get("href", "")
            if href in (text, "mailto:" + text, "http://" + text):
                if out and out[-1][0] == "t" and len(out[-1]) == 2:
                    out[-1] = ("t", out[-1][1] + text)
                else:
                    out.append(("t", text))
                i += 3
                continue
        if t[0] == "t" and len(t) == 2 and out and out[-1][0] == "t" and len(out[-1]) == 2:
            out[-1] = ("t", out[-1][1] + t[1])
        else:
            out.append(t)
        i += 1
    return out


def normal_form(html_text):
    n = Normaliser()
    n.feed(html_text)
    n.close()
    toks = without_autolink_shapes(n.tokens)
    out = []
    for i, t in enumerate(toks):
        if t[0] != "t" or len(t) == 3:           # a tag, a comment, or <pre> text
            out.append(t[:2] if t[0] == "t" else t)
            continue
        s = WS.sub(" ", t[1])
        if i == 0 or is_block(toks[i - 1]):
            s = s.lstrip(" ")
        if i + 1 == len(toks) or is_block(toks[i + 1]):
            s = s.rstrip(" ")
        if s:
            out.append(("t", s))
    return out


def serialise(tok):
    if tok[0] == "<":
        return "<" + tok[1] + "".join(' %s="%s"' % kv for kv in tok[2]) + ">"
    if tok[0] == ">":
        return "</" + tok[1] + ">"
    if tok[0] == "c":
        return "<!--" + tok[1] + "-->"
    return tok[1]


def first_difference(a, b, width=80):
    """(index, context_a, context_b) of the first differing token, or None."""
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    if i == len(a) == len(b):
        return None

    def context(toks, other):
        before = "".join(serialise(t) for t in toks[max(0, i - 12):i])
        rest = "".join(serialise(t) for t in toks[i:i + 12])
        if i < len(toks) and i < len(other) and toks[i][0] == other[i][0] == "t":
            mine, theirs = toks[i][1], other[i][1]
            k = 0
            while k < min(len(mine), len(theirs)) and mine[k] == theirs[k]:
                k += 1
            before += mine[:k]
            rest = rest[k:]
        return before[-width:] + " \u27e6HERE\u27e7 " + rest[:width]
    return i, context(a, b), context(b, a)


# --------------------------------------------------------------------- main

FRONT = re.compile(r"\A---[ \t]*\r?\n.*?^---[ \t]*\r?\n", re.S | re.M)


def body_of(text):
    m = FRONT.match(text)
    return text[m.end():] if m else text


def collect(paths):
    files = []
    for p in paths:
        if os.path.isfile(p):
            files.append(p)
            continue
        if not os.path.isdir(p):
            sys.exit("kramdown_agreement: no such file or folder: " + p)
        for root, dirs, names in os.walk(p):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            files.extend(os.path.join(root, f) for f in sorted(names) if f.endswith(".md"))
    return files


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="+", help="content folders (searched for .md) or .md files")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 4,
                    help="kramdown processes at once (default: CPUs)")
    ap.add_argument("--config", help="Jekyll _config.yml for kramdown_render.rb "
                    "(default: fixtures/sites/jekyll/_config.yml)")
    ap.add_argument("--json", metavar="FILE", help="also write every difference as JSON to FILE")
    ap.add_argument("-q", "--quiet", action="store_true", help="print the summary line only")
    args = ap.parse_args()

    files = collect(args.paths)
    bodies = []
    for f in files:
        with open(f, encoding="utf-8", errors="replace") as fh:
            bodies.append(body_of(fh.read()))
    cmark = cmark_renderer()
    try:
        kram = kramdown_render_all(bodies, args.jobs, args.config)
    except RuntimeError as e:
        print(e, file=sys.stderr)
        return 2
    diffs = []
    for f, body, kh in zip(files, bodies, kram):
        if kh is None:
            diffs.append({"path": f, "index": -1, "cmark": "", "kramdown": "kramdown raised"})
            continue
        d = first_difference(normal_form(cmark(body)), normal_form(kh))
        if d:
            diffs.append({"path": f, "index": d[0], "cmark": d[1], "kramdown": d[2]})
    if not args.quiet:
        for d in diffs:
            print(d["path"])
            print("  cmark-gfm: " + d["cmark"].replace("\n", "\\n"))
            print("  kramdown:  " + d["kramdown"].replace("\n", "\\n"))
    print("%d of %d documents differ" % (len(diffs), len(files)))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(diffs, fh, ensure_ascii=False, indent=1)
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
