#!/usr/bin/env python3
"""Writes .tools/peers/ (git-ignored: the peers' test data is not committed): the HTML-to-Markdown test cases of two peer
converters, as input HTML and the peer's expected Markdown, for
tests/transform/peer_suite_test.cpp.

  turndown/cases.txt          the cases of mixmark-io/turndown's test/index.html
                              (<div class="case" data-name=... [data-options=...]>
                               <div class="input">HTML</div><pre class="expected">MD</pre>)
  html-to-markdown/cases.txt  the golden pairs (testdata/GoldenFiles/*.in.html, *.out.md)
                              of JohannesKaufmann/html-to-markdown, each file cut
                              at its top-level <hr /> lines and again before its
                              top-level comments (which the peer's Markdown repeats)

Usage:
  python3 scripts/make-peer-fixtures.py TURNDOWN_GIT_DIR HTML_TO_MARKDOWN_GIT_DIR [.tools/peers]

Each GIT_DIR is a clone (or a bare mirror) of the repository; the files are
read from its HEAD with `git show`, whose commit is written into the folder's
README. Python 3 standard library only; the output is reproducible.

The format of cases.txt (content lines never start with "=== " or "--- ";
the script refuses to write one that would):

  === case <id>
  name: <the peer's name of the case>
  options: <the peer's options, JSON>          (only when the case has some)
  skip: <why blogshift has no equivalent>      (only for skipped cases)
  --- input
  <HTML, any number of lines>
  --- expected
  <the peer's Markdown, any number of lines>
  === end

Input and expected are the lines between their markers joined with "\\n"
(no newline after the last one).
"""
import html
import json
import os
import re
import subprocess
import sys


def git(git_dir, *args):
    return subprocess.run(["git", "--git-dir", git_dir, *args], check=True, capture_output=True).stdout


def show(git_dir, path):
    return git(git_dir, "show", "HEAD:" + path).decode("utf-8")


def head(git_dir):
    return git(git_dir, "rev-parse", "HEAD").decode().strip()


def slug(text, limit=48):
    s = re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")
    return s[:limit].rstrip("_") or "case"


def check_content(case_id, what, text):
    for line in text.split("\n"):
        if line.startswith("=== ") or line.startswith("--- "):
            sys.exit(f"{case_id}: a line of its {what} starts with a marker: {line!r}")


def write_cases(path, cases):
    out = []
    for c in cases:
        check_content(c["id"], "input", c["input"])
        check_content(c["id"], "expected Markdown", c["expected"])
        out.append(f"=== case {c['id']}")
        out.append(f"name: {c['name']}")
        if c.get("options"):
            out.append(f"options: {json.dumps(c['options'], ensure_ascii=False)}")
        if c.get("skip"):
            out.append(f"skip: {c['skip']}")
        out += ["--- input", c["input"], "--- expected", c["expected"], "=== end", ""]
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(out))


# --- Turndown ---------------------------------------------------------------

# Every option of the suite (headingStyle, hr,
# bulletListMarker, br, codeBlockStyle, fence, linkStyle, linkReferenceStyle)
# only changes the Markdown's spelling, not what it renders to, so those cases
# are kept and compared as rendered; preformattedCode does change it.
TURNDOWN_SKIP_WHY = ("Turndown's preformattedCode option keeps the white space inside inline <code> "
                     "as written (a browser collapses it); blogshift has no such option")
# Of the preformattedCode cases, those whose <code> holds white space: the
# option decides their output. The other two ("tightly/loosely surrounded")
# read the same without it and are kept.
TURNDOWN_SKIP = {"preformatted code with leading whitespace", "preformatted code with trailing whitespace",
                 "preformatted code with newlines"}


CASE_RE = re.compile(
    r'<div class="case" data-name="(?P<name>[^"]*)"(?: data-options=\'(?P<options>[^\']*)\')?>\s*'
    r'<div class="input">(?P<input>.*?)</div>\s*<pre class="expected">(?P<expected>.*?)</pre>\s*</div>',
    re.S)


def turndown_cases(git_dir):
    text = show(git_dir, "test/index.html")
    cases = []
    starts = text.count('<div class="case"')
    for n, m in enumerate(CASE_RE.finditer(text), 1):
        name = html.unescape(m.group("name"))
        options = json.loads(html.unescape(m.group("options"))) if m.group("options") else {}
        expected = H2M_COMMENT.sub("", m.group("expected"))  # textContent leaves comments out
        if re.search(r"<[A-Za-z/!?]", expected):
            sys.exit(f"turndown case {name!r}: markup inside <pre class=expected>")
        expected = html.unescape(expected)  # the runner compares with its textContent
        if expected.startswith("\n"):
            expected = expected[1:]  # the HTML parser drops a newline right after <pre>
        case = {"id": f"turndown_{n:03d}_{slug(name)}", "name": name, "options": options,
                "input": m.group("input"), "expected": expected}
        if name in TURNDOWN_SKIP:
            case["skip"] = TURNDOWN_SKIP_WHY
        cases.append(case)
    if len(cases) != starts:
        sys.exit(f"turndown: parsed {len(cases)} of {starts} cases")
    return cases


# --- html-to-markdown -------------------------------------------------------

H2M_SEPARATOR_IN = re.compile(r"^<hr ?/?>$")
H2M_SEPARATOR_OUT = "* * *"
H2M_HR = re.compile(r"<hr\b", re.I)
H2M_COMMENT = re.compile(r"<!--.*?-->", re.S)

# <hr> inside a section that does not become a "* * *" line of its own at the
# start of a line (html-to-markdown keeps it inside the heading).
H2M_HR_NOT_A_LINE = {("heading", "<h4><hr>")}


def hr_lines_made(stem, section):
    """How many top-level "* * *" lines the <hr> inside a section make."""
    body = H2M_COMMENT.sub("", section)
    count = len(H2M_HR.findall(body))
    for s, marker in H2M_HR_NOT_A_LINE:
        if s == stem:
            count -= body.count(marker)
    return count


def split_h2m(stem, html_text, md_text):
    in_lines = html_text.split("\n")
    sections, cur = [], []
    for line in in_lines:
        if H2M_SEPARATOR_IN.match(line):
            sections.append("\n".join(cur))
            cur = []
        else:
            cur.append(line)
    sections.append("\n".join(cur))

    md_lines = md_text.split("\n")
    out_seps = [i for i, line in enumerate(md_lines) if line == H2M_SEPARATOR_OUT]
    md_sections, start, used = [], 0, 0
    for sec in sections[:-1]:
        used += hr_lines_made(stem, sec)
        if used >= len(out_seps):
            sys.exit(f"html-to-markdown {stem}: cannot align its sections with the Markdown")
        sep = out_seps[used]
        md_sections.append("\n".join(md_lines[start:sep]))
        start = sep + 1
        used += 1
    md_sections.append("\n".join(md_lines[start:]))
    if used + hr_lines_made(stem, sections[-1]) != len(out_seps):
        sys.exit(f"html-to-markdown {stem}: {len(out_seps)} '* * *' lines, {used} accounted for")
    return [(s.strip("\n"), m.strip("\n")) for s, m in zip(sections, md_sections)]


def top_level_comments(lines):
    """(line index, full comment text) of each comment that starts a line at column 0."""
    found = []
    for i, line in enumerate(lines):
        if line.startswith("<!--"):
            text = "\n".join(lines[i:])
            end = text.find("-->", 4)
            if end >= 0:
                found.append((i, text[: end + 3]))
    return found


def split_at_comments(inp, exp):
    """Cuts a section further before each top-level comment of the input that
    the Markdown repeats at the start of a line, in the same order (the
    peer's golden tests keep comments as raw HTML). Returns (input, expected)
    pairs, each starting with its comment."""
    in_lines, md_lines = inp.split("\n"), exp.split("\n")
    md_comments = top_level_comments(md_lines)
    cuts, j = [], 0
    for i, text in top_level_comments(in_lines):
        k = j
        while k < len(md_comments) and md_comments[k][1] != text:
            k += 1
        if k == len(md_comments):
            continue
        cuts.append((i, md_comments[k][0]))
        j = k + 1
    cuts = [c for c in cuts if c != (0, 0)]
    pieces, a, b = [], 0, 0
    for i, k in cuts + [(len(in_lines), len(md_lines))]:
        piece_in = "\n".join(in_lines[a:i]).strip("\n")
        piece_md = "\n".join(md_lines[b:k]).strip("\n")
        if H2M_COMMENT.sub("", piece_in).strip() or H2M_COMMENT.sub("", piece_md).strip():
            pieces.append((piece_in, piece_md))  # (not a piece that is only a banner comment)
        a, b = i, k
    return pieces


def h2m_cases(git_dir):
    files = git(git_dir, "ls-tree", "-r", "--name-only", "HEAD").decode().split("\n")
    ins = sorted(f for f in files if re.search(r"testdata/GoldenFiles/[^/]+\.in\.html$", f))
    cases = []
    for path in ins:
        plugin = path.split("/")[1]
        stem = os.path.basename(path)[: -len(".in.html")]
        md = show(git_dir, path[: -len(".in.html")] + ".out.md")
        pieces = []
        for k, (inp, exp) in enumerate(split_h2m(stem, show(git_dir, path), md), 1):
            pieces += [(k, p) for p in split_at_comments(inp, exp)]
        for n, (section, (inp, exp)) in enumerate(pieces, 1):
            cases.append({"id": f"h2m_{slug(plugin)}_{slug(stem)}_{n:02d}",
                          "name": f"{path}, piece {n} of {len(pieces)} (in the section before <hr> number {section})",
                          "input": inp, "expected": exp})
    return cases


# --- output -----------------------------------------------------------------

MIT_NOTE = """The files here are test data of {repo} (https://github.com/{repo}),
commit `{commit}`, under the MIT licence (LICENSE, copied from that
repository). Regenerate with

    python3 scripts/make-peer-fixtures.py TURNDOWN_GIT_DIR HTML_TO_MARKDOWN_GIT_DIR

`cases.txt` holds {total} cases ({skipped} marked `skip:`), each the peer's input
HTML and the Markdown the peer's own test expects; the format is described in
the script. tests/transform/peer_suite_test.cpp converts each input with
blogshift, runs the fidelity check on it and compares both Markdowns as
rendered by cmark-gfm; its verdicts are in tests/transform/peer/differences.txt.
"""


def write_folder(out_dir, repo, git_dir, cases, extra):
    os.makedirs(out_dir, exist_ok=True)
    write_cases(os.path.join(out_dir, "cases.txt"), cases)
    with open(os.path.join(out_dir, "LICENSE"), "w", encoding="utf-8", newline="\n") as f:
        f.write(show(git_dir, "LICENSE"))
    skipped = [c for c in cases if c.get("skip")]
    readme = [f"# .tools/peers/{os.path.basename(out_dir)}", "",
              MIT_NOTE.format(repo=repo, commit=head(git_dir), total=len(cases), skipped=len(skipped)).rstrip(),
              "", extra.rstrip(), ""]
    if skipped:
        readme += ["## Skipped cases", "",
                   "Only cases that depend on a peer option with no blogshift equivalent:", ""]
        readme += [f"- `{c['id']}` ({c['name']!r}, options {json.dumps(c['options'])}): {c['skip']}"
                   for c in skipped]
        readme.append("")
    with open(os.path.join(out_dir, "README.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(readme))


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    turndown_git, h2m_git = sys.argv[1], sys.argv[2]
    out = sys.argv[3] if len(sys.argv) > 3 else os.path.join(os.path.dirname(__file__), "..", ".tools", "peers")
    write_folder(os.path.join(out, "turndown"), "mixmark-io/turndown", turndown_git, turndown_cases(turndown_git),
                 "From `test/index.html`: the input is the raw inner HTML of `<div class=\"input\">`, the "
                 "expected Markdown the text of `<pre class=\"expected\">` (entities decoded), as Turndown's "
                 "runner reads them. Case ids number the cases in file order (`turndown_NNN_<name>`). "
                 "Options that only change the Markdown's spelling (setext or ATX headings, `hr`, "
                 "`bulletListMarker`, `br`, fenced or indented code, reference links) render the same, "
                 "so those cases are kept.")
    write_folder(os.path.join(out, "html-to-markdown"), "JohannesKaufmann/html-to-markdown", h2m_git,
                 h2m_cases(h2m_git),
                 "From `plugin/*/testdata/GoldenFiles/*.in.html` and `*.out.md` (converted by the peer with "
                 "its base and commonmark plugins, plus table or strikethrough for those folders; HTML "
                 "comments kept as raw HTML). Each file is cut at its top-level `<hr />` lines, and its "
                 "Markdown at the matching `* * *` lines, into sections (an `<hr>` nested inside a section "
                 "stays in it); each section is cut again before every comment at the start of an input "
                 "line that its Markdown repeats at the start of a line, in order (`h2m_<plugin>_<file>_NN` "
                 "numbers the pieces of a file). No case is skipped.")


if __name__ == "__main__":
    main()
