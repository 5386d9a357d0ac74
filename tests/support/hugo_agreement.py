#!/usr/bin/env python3
"""hugo_agreement.py: does the Hugo site (Goldmark) show what cmark-gfm shows?

    python3 tests/support/hugo_agreement.py [options] SITE_DIR...

SITE_DIR is a folder blogshift wrote with `--layout hugo`. Every document
content/posts/*/index.md and content/pages/*/index.md (content/posts/*.md and
content/pages/*.md too) is rendered twice:

  * cmark-gfm, as kramdown_agreement.py does (its cmark_renderer(): tables,
    strikethrough, autolink, unsafe), from the Markdown body (front matter
    dropped);
  * Hugo (the `hugo` on PATH, or --hugo), once per SITE_DIR: a scratch site in
    a temporary folder gets SITE_DIR/hugo.toml (the skeleton's; when missing,
    fixtures/sites/hugo/hugo.toml) unchanged, so its [markup] settings are
    exactly what users get, a copy of the compared documents under content/,
    and one layout, _default/single.html = `{{ .Content }}` + a newline (Hugo
    writes no file for empty output; the newline is whitespace to normal_form;
    home and list
    templates are empty). `hugo --source TMP --buildDrafts --buildExpired
    --buildFuture` builds it; a document's page is public/<url>/index.html
    (or public/<url> when the front matter url: ends in .html).

When the build fails on a document (an unknown shortcode, say), that document
counts as differing, with Hugo's message, and the site is built again
without it.

Both HTMLs go through kramdown_agreement.normal_form (element events with only
href/src/alt/title, entities decoded, whitespace collapsed, Chroma's/rouge's
<div class="highlight"> wrapper and every element inside <pre> dropped, so a
code block is <pre> + its text), with these Hugo-specific normalisations,
none of which changes the text or structure a reader sees:

  * Goldmark's attributes are not compared: heading ids (autoHeadingID), table
    cell style="text-align", Chroma's tabindex/style/class/data-lang, the
    footnote ids, classes and roles (normal_form keeps no other attribute);
  * Hugo removes its summary divider from .Content: the first raw
    `<!--more-->` comment in cmark-gfm's HTML is dropped (a `<!--more-->`
    Hugo takes from elsewhere, a code block say, still shows as a
    difference);
  * unlike kramdown_agreement, links are compared as links: Goldmark's linkify
    and cmark-gfm's autolink both link bare addresses, so a link one makes and
    the other does not, or with another href (linkifyProtocol), is a
    difference.

Output: for each differing document, its path and the first difference with
~80 characters of normal form before and after it from each side; then
"N of M documents differ". --json FILE also writes every difference.

Exit status: 0 when no document differs, 1 when some do, 2 on a usage or
renderer error.
"""

import argparse
import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import kramdown_agreement as ka  # noqa: E402

REPO = os.path.dirname(os.path.dirname(HERE))
DEFAULT_CONFIG = os.path.join(REPO, "fixtures", "sites", "hugo", "hugo.toml")
MORE = "<!--more-->"


UNLINK_MAILTO = False  # --mailto-as-text


def merge_text(toks):
    """kramdown_agreement.without_autolink_shapes without the unlinking:
    adjacent text tokens merged, links kept; with --mailto-as-text, a link
    to mailto:X whose text is X (or the end of X: Goldmark's linkify may
    start inside an address) is its text."""
    out = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if (UNLINK_MAILTO and t[0] == "<" and t[1] == "a" and i + 2 < len(toks) and toks[i + 1][0] == "t"
                and len(toks[i + 1]) == 2 and toks[i + 2] == (">", "a")
                and dict(t[2]).get("href", "") == "mailto:" + toks[i + 1][1]):
            t = ("t", toks[i + 1][1])
            i += 2
        if t[0] == "t" and len(t) == 2 and out and out[-1][0] == "t" and len(out[-1]) == 2:
            out[-1] = ("t", out[-1][1] + t[1])
        else:
            out.append(t)
        i += 1
    return out


@contextlib.contextmanager
def links_kept():
    saved = ka.without_autolink_shapes
    ka.without_autolink_shapes = merge_text
    try:
        yield
    finally:
        ka.without_autolink_shapes = saved


def normal_form(html_text):
    with links_kept():
        return ka.normal_form(html_text)


def cmark_side(html_text):
    # Hugo takes its summary divider out of .Content.
    return html_text.replace(MORE, "", 1)


# ------------------------------------------------------------ documents

def front_matter(text):
    m = ka.FRONT.match(text)
    if not m:
        return {}
    try:
        import yaml
        fm = yaml.safe_load(text[:m.end()].strip().strip("-")) or {}
        return fm if isinstance(fm, dict) else {}
    except ImportError:
        fm = {}
        for line in text[:m.end()].splitlines():
            mm = re.match(r"^(url|draft):\s*(.*?)\s*$", line)
            if mm:
                v = mm.group(2)
                if len(v) >= 2 and v[0] == v[-1] == "'":
                    v = v[1:-1].replace("''", "'")
                elif len(v) >= 2 and v[0] == v[-1] == '"':
                    v = json.loads(v)
                fm[mm.group(1)] = v
        return fm
    except Exception:  # a YAML error: no url, reported below
        return {}


def documents(site):
    content = os.path.join(site, "content")
    docs = []
    for section in ("posts", "pages"):
        base = os.path.join(content, section)
        if not os.path.isdir(base):
            continue
        for name in sorted(os.listdir(base)):
            p = os.path.join(base, name)
            if os.path.isdir(p) and os.path.isfile(os.path.join(p, "index.md")):
                docs.append(os.path.join(p, "index.md"))
            elif name.endswith(".md") and name != "_index.md" and os.path.isfile(p):
                docs.append(p)
    return docs


def page_path(public, url):
    url = urllib.parse.unquote(url.strip())
    rel = url.strip("/")
    if rel.endswith(".html") or rel.endswith(".htm"):
        cands = [rel]
    else:
        cands = [os.path.join(rel, "index.html")]
    cands += [c.lower() for c in cands]
    for c in cands:
        p = os.path.join(public, c)
        if os.path.isfile(p):
            return p
    return None


# ----------------------------------------------------------------- hugo

ERR_PATH = re.compile(r'"?(/[^":\n]+\.md)(?::\d+(?::\d+)?)?"?')


def build(hugo, site, docs, log):
    """{doc: html or None} plus {doc: build error} for one SITE_DIR."""
    config = os.path.join(site, "hugo.toml")
    if not os.path.isfile(config):
        config = DEFAULT_CONFIG
    tmp = tempfile.mkdtemp(prefix="hugo_agreement.")
    try:
        shutil.copy(config, os.path.join(tmp, "hugo.toml"))
        layouts = os.path.join(tmp, "layouts", "_default")
        os.makedirs(layouts)
        with open(os.path.join(layouts, "single.html"), "w") as fh:
            # The newline: Hugo writes no file for an empty page (an empty post).
            fh.write("{{ .Content }}\n")
        for name in ("list.html",):
            open(os.path.join(layouts, name), "w").close()
        open(os.path.join(tmp, "layouts", "index.html"), "w").close()
        content = os.path.join(site, "content")
        copies = {}
        for d in docs:
            dst = os.path.join(tmp, "content", os.path.relpath(d, content))
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            shutil.copyfile(d, dst)
            copies[os.path.realpath(dst)] = d
        errors = {}
        cmd = [hugo, "--source", tmp, "--destination", os.path.join(tmp, "public"),
               "--cacheDir", os.path.join(tmp, "cache"), "--buildDrafts", "--buildExpired",
               "--buildFuture", "--quiet", "--noBuildLock"]
        while True:
            r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            if r.returncode == 0:
                break
            msg = (r.stderr + r.stdout).decode("utf-8", "replace")
            bad = []
            for m in ERR_PATH.finditer(msg):
                rp = os.path.realpath(m.group(1))
                if rp in copies and copies[rp] not in errors and os.path.exists(rp):
                    bad.append(rp)
            if not bad:
                raise RuntimeError("hugo failed on %s:\n%s" % (site, msg))
            for rp in dict.fromkeys(bad):
                line = next((l for l in msg.splitlines() if rp in l), msg.strip())
                errors[copies[rp]] = line.replace(tmp, "TMP").strip()
                os.remove(rp)
                log("hugo_agreement: Hugo fails on %s, building without it" % copies[rp])
        pages = {}
        public = os.path.join(tmp, "public")
        for d in docs:
            if d in errors:
                continue
            with open(d, encoding="utf-8", errors="replace") as fh:
                fm = front_matter(fh.read())
            url = fm.get("url")
            p = page_path(public, str(url)) if url else None
            if p is None:
                pages[d] = None
                continue
            with open(p, encoding="utf-8", errors="replace") as fh:
                pages[d] = fh.read()
        return pages, errors
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


# ----------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sites", nargs="+", help="folders blogshift wrote with --layout hugo")
    ap.add_argument("--hugo", default=shutil.which("hugo"), help="the hugo binary (default: PATH)")
    ap.add_argument("--json", metavar="FILE", help="also write every difference as JSON to FILE")
    ap.add_argument("-q", "--quiet", action="store_true", help="print the summary line only")
    ap.add_argument("--mailto-as-text", action="store_true",
                    help="a bare e-mail address counts as its text, linked or not (cmark-gfm links one "
                    "anywhere, Goldmark's linkify only after a space or ( * _ ~, the post had text)")
    args = ap.parse_args()
    global UNLINK_MAILTO
    UNLINK_MAILTO = args.mailto_as_text
    if not args.hugo:
        print("hugo_agreement: hugo is not installed", file=sys.stderr)
        return 2
    cmark = ka.cmark_renderer()
    diffs, total = [], 0
    for site in args.sites:
        if not os.path.isdir(os.path.join(site, "content")):
            print("hugo_agreement: no content/ in " + site, file=sys.stderr)
            return 2
        docs = documents(site)
        total += len(docs)
        try:
            pages, errors = build(args.hugo, site, docs,
                                  lambda s: None if args.quiet else print(s, file=sys.stderr))
        except (RuntimeError, OSError) as e:
            print(e, file=sys.stderr)
            return 2
        for d in docs:
            if d in errors:
                diffs.append({"path": d, "index": -1, "cmark": "", "hugo": errors[d]})
                continue
            if pages.get(d) is None:
                diffs.append({"path": d, "index": -1, "cmark": "",
                              "hugo": "no built page (front matter url: missing or not built)"})
                continue
            with open(d, encoding="utf-8", errors="replace") as fh:
                body = ka.body_of(fh.read())
            df = ka.first_difference(normal_form(cmark_side(cmark(body))), normal_form(pages[d]))
            if df:
                diffs.append({"path": d, "index": df[0], "cmark": df[1], "hugo": df[2]})
    if not args.quiet:
        for d in diffs:
            print(d["path"])
            print("  cmark-gfm: " + d["cmark"].replace("\n", "\\n"))
            print("  hugo:      " + d["hugo"].replace("\n", "\\n"))
    print("%d of %d documents differ" % (len(diffs), total))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(diffs, fh, ensure_ascii=False, indent=1)
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
