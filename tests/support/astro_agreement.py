#!/usr/bin/env python3
"""astro_agreement.py: does the Astro site (remark/micromark) show what cmark-gfm shows?

    python3 tests/support/astro_agreement.py [options] SITE_DIR_OR_FILE...

SITE_DIR is a folder blogshift wrote with `--layout astro`; its documents are
content/posts/*/index.md and content/pages/*/index.md (a folder without
content/ is searched for */index.md; a .md file is taken as it is). Each is
rendered twice:

  * cmark-gfm, as kramdown_agreement.py does (its cmark_renderer(): table,
    strikethrough, autolink, unsafe), from the body after the front matter
    (kramdown_agreement.body_of);
  * Astro 5, through astro_render.mjs beside this script, one node process
    for all documents: @astrojs/markdown-remark's createMarkdownProcessor with
    the options Astro resolves when astro.config sets no `markdown` (the
    skeleton's does not): remark-parse + remark-gfm (autolink literals,
    footnotes, strikethrough, tables, task lists) + remark-smartypants,
    remark-rehype with raw HTML, Shiki, rehype-raw, rehype-stringify; the
    body is taken as Astro's glob() loader takes it (front matter blanked,
    then trimmed). --no-smartypants renders as a site with
    `markdown: { smartypants: false }` would.

Both HTMLs go through kramdown_agreement.normal_form (element events with
only href/src/alt/title, entities decoded, whitespace collapsed; every element
inside <pre> dropped, so a code block is <pre> + its text), with these
normalisations, none of which changes what a reader sees:

  * cmark-gfm's HTML is first parsed by parse5 (the HTML5 tree builder a
    browser runs) and serialised again: rehype-raw does the same to Astro's
    raw HTML, so a fix-up both make (a <p> closed by a <div>, say) is no
    difference;
  * attributes other than href/src/alt/title are not compared: heading ids
    (rehypeHeadingIds), Shiki's class/style/tabindex/data-language on <pre>
    and its <span>s (code text is compared exactly), footnote ids and
    classes, task-list checkbox attributes;
  * whitespace runs in an <img>'s alt count as one space (cmark-gfm writes
    a line break of the description as a space, remark keeps the newline);
  * a local image's src is the reference in the Markdown, not the hashed
    /_astro/ copy Astro's build gives it (astro_render.mjs; a missing file
    is an error, as it is for `astro build`);
  * unlike kramdown_agreement, links are compared as links: remark-gfm's
    autolink literals and cmark-gfm's autolink extension both link bare
    addresses, so a link one makes and the other does not is a difference.

Output: for each differing document, its path and the first difference with
~80 characters of normal form before and after it from each side; then
"N of M documents differ". --json FILE also writes every difference.

Exit status: 0 when no document differs, 1 when some do, 2 on a usage or
renderer error (node or the Astro packages missing).
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import kramdown_agreement as ka  # noqa: E402

REPO = os.path.dirname(os.path.dirname(HERE))
RENDER_MJS = os.path.join(HERE, "astro_render.mjs")
DEFAULT_MODULES = os.path.join(REPO, ".tools", "node", "node_modules")


def merge_text(toks):
    """Stands in for kramdown_agreement.without_autolink_shapes: adjacent
    text tokens merged, links kept as links."""
    out = []
    for t in toks:
        if t[0] == "t" and len(t) == 2 and out and out[-1][0] == "t" and len(out[-1]) == 2:
            out[-1] = ("t", out[-1][1] + t[1])
        else:
            out.append(t)
    return out


def alt_collapsed(tok):
    """An <img>'s alt with whitespace runs as one space: cmark-gfm writes a
    line break in the description as a space, remark as a newline."""
    if tok[0] == "<" and tok[1] == "img":
        return ("<", "img", tuple((k, ka.WS.sub(" ", v) if k == "alt" else v) for k, v in tok[2]))
    return tok


def normal_form(html_text):
    saved = ka.without_autolink_shapes
    ka.without_autolink_shapes = merge_text
    try:
        return [alt_collapsed(t) for t in ka.normal_form(html_text)]
    finally:
        ka.without_autolink_shapes = saved


def collect(paths):
    files = []
    for p in paths:
        if os.path.isfile(p):
            files.append(p)
            continue
        if not os.path.isdir(p):
            raise FileNotFoundError("no such file or folder: " + p)
        content = os.path.join(p, "content")
        bases = ([os.path.join(content, s) for s in ("posts", "pages")]
                 if os.path.isdir(content) else [p])
        for base in bases:
            if not os.path.isdir(base):
                continue
            for name in sorted(os.listdir(base)):
                f = os.path.join(base, name, "index.md")
                if os.path.isfile(f):
                    files.append(f)
    return files


def astro_render_all(docs, smartypants, modules):
    node = shutil.which("node")
    if not node:
        raise RuntimeError("node is not installed")
    if not os.path.isdir(os.path.join(modules, "@astrojs", "markdown-remark")):
        raise RuntimeError("no @astrojs/markdown-remark in " + modules)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".json") as req:
        json.dump({"smartypants": smartypants, "docs": docs}, req)
        req.flush()
        r = subprocess.run([node, RENDER_MJS, modules, req.name],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if r.returncode != 0:
        raise RuntimeError("astro_render.mjs failed: " + r.stderr.decode("utf-8", "replace"))
    return json.loads(r.stdout)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="+", help="site folders (content/posts, content/pages) or .md files")
    ap.add_argument("--no-smartypants", dest="smartypants", action="store_false",
                    help="render as Astro with markdown.smartypants: false")
    ap.add_argument("--node-modules", default=DEFAULT_MODULES,
                    help="node_modules holding astro (default: .tools/node/node_modules)")
    ap.add_argument("--json", metavar="FILE", help="also write every difference as JSON to FILE")
    ap.add_argument("-q", "--quiet", action="store_true", help="print the summary line only")
    args = ap.parse_args()

    try:
        files = collect(args.paths)
    except FileNotFoundError as e:
        print("astro_agreement: %s" % e, file=sys.stderr)
        return 2
    cmark = ka.cmark_renderer()
    docs = []
    for f in files:
        with open(f, encoding="utf-8", errors="replace") as fh:
            source = fh.read()
        docs.append({"path": f, "source": source, "cmark": cmark(ka.body_of(source))})
    try:
        rendered = astro_render_all(docs, args.smartypants, args.node_modules) if docs else []
    except (RuntimeError, ValueError) as e:
        print("astro_agreement: %s" % e, file=sys.stderr)
        return 2
    diffs = []
    for f, r in zip(files, rendered):
        if r["error"] or r["astro"] is None:
            diffs.append({"path": f, "index": -1, "cmark": "", "astro": r["error"]})
            continue
        d = ka.first_difference(normal_form(r["cmark"]), normal_form(r["astro"]))
        if d:
            diffs.append({"path": f, "index": d[0], "cmark": d[1], "astro": d[2]})
    if not args.quiet:
        for d in diffs:
            print(d["path"])
            print("  cmark-gfm: " + d["cmark"].replace("\n", "\\n"))
            print("  astro:     " + d["astro"].replace("\n", "\\n"))
    print("%d of %d documents differ" % (len(diffs), len(files)))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(diffs, fh, ensure_ascii=False, indent=1)
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
