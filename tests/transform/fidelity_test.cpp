// The fidelity check (transform/fidelity/): Markdown written by hand here,
// rendered back with cmark-gfm and compared with the cleaned HTML.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "fidelity/fidelity_check.h"
#include "fidelity/visible_text.h"
#include "html/html_reader.h"
#include "markdown/cmark_render.h"

namespace blogshift {
namespace {

FidelityResult check(std::string_view html, std::string_view markdown, const UrlMap& map = {}) {
  return check_fidelity(html, markdown, map);
}

std::vector<std::string> words_of(std::string_view html) {
  HtmlDocument doc = parse_html(html);
  VisibleText text = extract_visible_text(*doc.root);
  std::vector<std::string> words;
  for (size_t i = 0; i < text.words.size(); ++i) words.emplace_back(text.word(i));
  return words;
}

constexpr std::string_view kRichHtml =
    "<h2>A title</h2>\n"
    "<p>Some <em>emphasis</em>, a <a href=\"https://example.com/a?b=1&amp;c=2\">link</a> and "
    "<code>inline_code()</code>.</p>\n"
    "<p><img src=\"https://example.com/pic.png\" alt=\"pic\"></p>\n"
    "<ul><li>first item</li><li>second item</li></ul>\n"
    "<blockquote><p>quoted words</p></blockquote>\n"
    "<pre><code>int main() {\n  return 0;\n}</code></pre>\n"
    "<p>line one<br>line two</p>\n"
    "<table><thead><tr><th>h1</th><th>h2</th></tr></thead><tbody><tr><td>c1</td><td>c2</td></tr></tbody></table>\n";

constexpr std::string_view kRichMarkdown =
    "## A title\n"
    "\n"
    "Some *emphasis*, a [link](https://example.com/a?b=1&c=2) and `inline_code()`.\n"
    "\n"
    "![pic](https://example.com/pic.png)\n"
    "\n"
    "- first item\n"
    "- second item\n"
    "\n"
    "> quoted words\n"
    "\n"
    "```\n"
    "int main() {\n"
    "  return 0;\n"
    "}\n"
    "```\n"
    "\n"
    "line one\\\n"
    "line two\n"
    "\n"
    "| h1 | h2 |\n"
    "| --- | --- |\n"
    "| c1 | c2 |\n";

TEST(FidelityCheck, IdenticalContentPasses) {
  FidelityResult r = check(kRichHtml, kRichMarkdown);
  EXPECT_TRUE(r.passed) << r.detail;
  EXPECT_EQ(r.text_recall, 1.0);
  EXPECT_EQ(r.break_recall, 1.0);
  EXPECT_EQ(r.source_words, r.matched_words);
  EXPECT_GT(r.source_breaks, 8u);
  EXPECT_EQ(r.links_total, 1u);
  EXPECT_EQ(r.links_kept, 1u);
  EXPECT_EQ(r.images_total, 1u);
  EXPECT_EQ(r.images_kept, 1u);
  EXPECT_EQ(r.code_blocks, 1u);
  EXPECT_EQ(r.inline_code, 1u);
  EXPECT_TRUE(r.code_ok);
  EXPECT_EQ(r.detail, "");
}

TEST(FidelityCheck, DroppedWordFailsTextRecall) {
  std::string html = "<p>The quick brown fox jumps over the lazy dog.</p>";
  FidelityResult r = check(html, "The brown fox jumps over the lazy dog.\n");
  EXPECT_FALSE(r.passed);
  EXPECT_EQ(r.source_words, 9u);
  EXPECT_EQ(r.matched_words, 8u);
  EXPECT_LT(r.text_recall, kMinTextRecall);
  EXPECT_EQ(r.break_recall, 1.0);
  EXPECT_EQ(r.detail, "text lost: 'quick'");
}

TEST(FidelityCheck, RepeatedWordLostWhereItWasDropped) {
  FidelityResult r = check("<p>a b a c a d</p>", "a b a c d\n");
  EXPECT_FALSE(r.passed);
  EXPECT_EQ(r.matched_words, 5u);
  EXPECT_EQ(r.detail, "text lost: 'a'");
}

TEST(FidelityCheck, MergedParagraphsFailBreakRecall) {
  FidelityResult r = check("<p>One two.</p><p>Three four.</p>", "One two. Three four.\n");
  EXPECT_FALSE(r.passed);
  EXPECT_EQ(r.text_recall, 1.0);
  EXPECT_EQ(r.source_breaks, 1u);
  EXPECT_EQ(r.matched_breaks, 0u);
  EXPECT_EQ(r.break_recall, 0.0);
  EXPECT_EQ(r.detail, "break lost between 'two.' and 'Three'");
}

TEST(FidelityCheck, LineBreakMustStayABreak) {
  std::string html = "<p>roses are red<br>violets are blue</p>";
  EXPECT_TRUE(check(html, "roses are red  \nviolets are blue\n").passed);
  EXPECT_TRUE(check(html, "roses are red\n\nviolets are blue\n").passed);  // a paragraph break will do
  FidelityResult soft = check(html, "roses are red\nviolets are blue\n");  // a soft break is a space
  EXPECT_FALSE(soft.passed);
  EXPECT_EQ(soft.break_recall, 0.0);
}

TEST(FidelityCheck, DroppedLinkFails) {
  std::string html = "<p>See <a href=\"https://example.com/x\">this</a> and <a href=\"/y\">that</a>.</p>";
  FidelityResult r = check(html, "See [this](https://example.com/x) and that.\n");
  EXPECT_FALSE(r.passed);
  EXPECT_EQ(r.text_recall, 1.0);
  EXPECT_EQ(r.links_total, 2u);
  EXPECT_EQ(r.links_kept, 1u);
  ASSERT_EQ(r.missing_links.size(), 1u);
  EXPECT_EQ(r.missing_links[0], "/y");
  EXPECT_EQ(r.detail, "missing link /y");
}

TEST(FidelityCheck, DroppedImageFails) {
  std::string html = "<p>Look:</p><p><img src=\"https://example.com/a.jpg\"></p><p><img src=\"https://example.com/b.jpg\"></p>";
  FidelityResult r = check(html, "Look:\n\n![](https://example.com/a.jpg)\n");
  EXPECT_FALSE(r.passed);
  EXPECT_EQ(r.images_total, 2u);
  EXPECT_EQ(r.images_kept, 1u);
  ASSERT_EQ(r.missing_images.size(), 1u);
  EXPECT_EQ(r.missing_images[0], "https://example.com/b.jpg");
  EXPECT_EQ(r.detail, "missing image https://example.com/b.jpg");
}

TEST(FidelityCheck, DuplicateLinkCountsTwice) {
  std::string html = "<p><a href=\"/x\">one</a> <a href=\"/x\">two</a></p>";
  EXPECT_TRUE(check(html, "[one](/x) [two](/x)\n").passed);
  FidelityResult r = check(html, "[one](/x) two\n");
  EXPECT_FALSE(r.passed);
  EXPECT_EQ(r.links_kept, 1u);
}

TEST(FidelityCheck, ChangedCodeBlockFails) {
  std::string html = "<pre><code>x = 1\ny = 2</code></pre>";
  EXPECT_TRUE(check(html, "```\nx = 1\ny = 2\n```\n").passed);
  FidelityResult r = check(html, "```\nx = 1\ny = 3\n```\n");
  EXPECT_FALSE(r.passed);
  EXPECT_FALSE(r.code_ok);
  EXPECT_EQ(r.detail.rfind("code block 1 changed: 'y = 2' became 'y = 3'", 0), 0u) << r.detail;
}

TEST(FidelityCheck, ChangedIndentationInCodeFails) {
  // Same words and breaks, so only the code comparison can catch it.
  std::string html = "<pre>if x:\n    go()</pre>";
  FidelityResult r = check(html, "```\nif x:\n  go()\n```\n");
  EXPECT_EQ(r.text_recall, 1.0);
  EXPECT_EQ(r.break_recall, 1.0);
  EXPECT_FALSE(r.code_ok);
  EXPECT_FALSE(r.passed);
}

TEST(FidelityCheck, ChangedOrLostInlineCodeFails) {
  std::string html = "<p>Call <code>f(x)</code> then <code>g(y)</code>.</p>";
  EXPECT_TRUE(check(html, "Call `f(x)` then `g(y)`.\n").passed);
  FidelityResult lost = check(html, "Call `f(x)` then g(y).\n");
  EXPECT_FALSE(lost.passed);
  EXPECT_FALSE(lost.code_ok);
  EXPECT_EQ(lost.text_recall, 1.0);
}

TEST(FidelityCheck, PreWithBrLinesEqualsFencedCode) {
  // Blogger's editor writes code lines as <br> inside <pre>, with &nbsp; indentation.
  std::string html = "<pre>def f():<br>&nbsp;&nbsp;return 1</pre>";
  FidelityResult r = check(html, "```\ndef f():\n  return 1\n```\n");
  EXPECT_TRUE(r.passed) << r.detail;
  EXPECT_EQ(r.source_breaks, 1u);
}

TEST(FidelityCheck, PreLinesAreBreaks) {
  std::string html = "<pre>alpha beta\ngamma delta</pre>";
  FidelityResult r = check(html, "    alpha beta gamma delta\n");
  EXPECT_FALSE(r.passed);
  EXPECT_EQ(r.break_recall, 0.0);
}

TEST(FidelityCheck, RewrittenUrlsPassViaTheMap) {
  std::string html =
      "<p><a href=\"http://old.blogspot.com/2020/01/post.html\">earlier post</a></p>"
      "<p><img src=\"https://blogger.googleusercontent.com/img/a/s1600/cat.png\"></p>";
  std::string markdown = "[earlier post](/2020/01/post)\n\n![](./image-1.png)\n";
  UrlMap map{{"http://old.blogspot.com/2020/01/post.html", "/2020/01/post"},
             {"https://blogger.googleusercontent.com/img/a/s1600/cat.png", "./image-1.png"}};
  FidelityResult mapped = check(html, markdown, map);
  EXPECT_TRUE(mapped.passed) << mapped.detail;
  EXPECT_EQ(mapped.links_kept, 1u);
  EXPECT_EQ(mapped.images_kept, 1u);

  FidelityResult unmapped = check(html, markdown);
  EXPECT_FALSE(unmapped.passed);
  EXPECT_EQ(unmapped.links_kept, 0u);
  EXPECT_EQ(unmapped.images_kept, 0u);

  // A link the map says was rewritten must appear rewritten.
  FidelityResult stale = check(html, "[earlier post](http://old.blogspot.com/2020/01/post.html)\n\n![](./image-1.png)\n", map);
  EXPECT_FALSE(stale.passed);
  EXPECT_EQ(stale.detail, "missing link /2020/01/post");
}

TEST(FidelityCheck, UrlsComparedAfterCmarkEscaping) {
  std::string html = "<p><a href=\"https://example.com/caf\xC3\xA9 menu?q=%c3%a9\">caf\xC3\xA9</a></p>";
  FidelityResult r = check(html, "[caf\xC3\xA9](<https://example.com/caf\xC3\xA9 menu?q=%C3%A9>)\n");
  EXPECT_TRUE(r.passed) << r.detail;
}

TEST(FidelityCheck, SpaceAroundAUrlIsNotPartOfIt) {
  // Browsers strip it; the writer may too.
  FidelityResult r = check("<p><a href=\" /page.html \">page</a></p>", "[page](/page.html)\n");
  EXPECT_TRUE(r.passed) << r.detail;
  EXPECT_FALSE(check("<p><a href=\"/page.html\">page</a></p>", "[page](/page2.html)\n").passed);
}

TEST(FidelityCheck, CjkTextCountedPerCharacter) {
  // 我喜欢吃苹果 : six characters, no spaces.
  std::string html = "<p>\xE6\x88\x91\xE5\x96\x9C\xE6\xAC\xA2\xE5\x90\x83\xE8\x8B\xB9\xE6\x9E\x9C</p>";
  FidelityResult same = check(html, "\xE6\x88\x91\xE5\x96\x9C\xE6\xAC\xA2\xE5\x90\x83\xE8\x8B\xB9\xE6\x9E\x9C\n");
  EXPECT_TRUE(same.passed) << same.detail;
  EXPECT_EQ(same.source_words, 6u);
  FidelityResult lost = check(html, "\xE6\x88\x91\xE5\x96\x9C\xE6\xAC\xA2\xE5\x90\x83\xE6\x9E\x9C\n");  // 苹 dropped
  EXPECT_FALSE(lost.passed);
  EXPECT_EQ(lost.matched_words, 5u);
  EXPECT_EQ(lost.detail, "text lost: '\xE8\x8B\xB9'");
}

TEST(FidelityCheck, NbspAndWhitespaceDifferencesAreNotLosses) {
  std::string html = "<p>\n  Ten&nbsp;km &nbsp; of\t\troad,&#8203;then\xE3\x80\x80" "more.&nbsp;</p>\n<p>&nbsp;</p>";
  FidelityResult r = check(html, "Ten km of road, then more.\n");
  EXPECT_TRUE(r.passed) << r.detail;
  EXPECT_EQ(r.source_words, 6u);
  EXPECT_EQ(r.text_recall, 1.0);
}

TEST(FidelityCheck, RawHtmlInMarkdownCountsNormally) {
  std::string html =
      "<p>Before.</p><table><tr><td colspan=\"2\">wide <a href=\"/t\">cell</a></td></tr></table><p>After.</p>";
  std::string markdown =
      "Before.\n\n<table><tr><td colspan=\"2\">wide <a href=\"/t\">cell</a></td></tr></table>\n\nAfter.\n";
  FidelityResult r = check(html, markdown);
  EXPECT_TRUE(r.passed) << r.detail;
  EXPECT_EQ(r.links_kept, 1u);
}

TEST(FidelityCheck, DetailListsAtMostFiveItems) {
  std::string html;
  for (int i = 0; i < 8; ++i) html += "<p><a href=\"/l" + std::to_string(i) + "\">w" + std::to_string(i) + "</a></p>";
  FidelityResult r = check(html, "nothing\n");
  EXPECT_FALSE(r.passed);
  EXPECT_EQ(r.missing_links.size(), 8u);
  EXPECT_NE(r.detail.find("missing link /l0; missing link /l1"), std::string::npos) << r.detail;
  EXPECT_NE(r.detail.find("; and "), std::string::npos) << r.detail;
  EXPECT_EQ(r.detail.find("/l5"), std::string::npos) << r.detail;
}

TEST(FidelityCheck, TwentyThousandWordDocumentCompletes) {
  std::string html;
  std::string markdown;
  for (int p = 0; p < 2000; ++p) {
    std::string para;
    for (int w = 0; w < 10; ++w) para += (w ? " w" : "w") + std::to_string((p * 7 + w * 13) % 997);
    html += "<p>" + para + "</p>\n";
    markdown += para + "\n\n";
  }
  FidelityResult r = check(html, markdown);
  EXPECT_TRUE(r.passed) << r.detail;
  EXPECT_EQ(r.source_words, 20000u);
  EXPECT_EQ(r.source_breaks, 1999u);
}

// The output side read from cmark-gfm's tree against the way it was read
// before: the Markdown rendered to HTML and that parsed again.
VisibleText via_rendered_html(std::string_view markdown) {
  HtmlDocument doc = parse_html(render_commonmark_to_html(markdown));
  return extract_visible_text(*doc.root);
}

std::vector<std::string> all_words(const VisibleText& text) {
  std::vector<std::string> words;
  for (size_t i = 0; i < text.words.size(); ++i) words.emplace_back(text.word(i));
  return words;
}

// Same words, links, images and code as the rendered HTML; its breaks too,
// and `extra_breaks` more at most (raw HTML read on its own ends a block).
void expect_same_as_rendered(std::string_view markdown, size_t extra_breaks = 0) {
  SCOPED_TRACE(std::string(markdown));
  VisibleText walked = markdown_visible_text(markdown);
  VisibleText rendered = via_rendered_html(markdown);
  EXPECT_EQ(all_words(walked), all_words(rendered));
  if (extra_breaks == 0) {
    EXPECT_EQ(walked.breaks, rendered.breaks);
  } else {
    for (uint32_t b : rendered.breaks)
      EXPECT_TRUE(std::find(walked.breaks.begin(), walked.breaks.end(), b) != walked.breaks.end()) << b;
    EXPECT_LE(walked.breaks.size(), rendered.breaks.size() + extra_breaks);
  }
  EXPECT_EQ(walked.links, rendered.links);
  EXPECT_EQ(walked.images, rendered.images);
  EXPECT_EQ(walked.code_blocks, rendered.code_blocks);
  EXPECT_EQ(walked.inline_code, rendered.inline_code);
}

TEST(MarkdownVisibleText, SameAsTheRenderedHtml) {
  expect_same_as_rendered(kRichMarkdown);
  expect_same_as_rendered("Caf\xC3\xA9 &amp; &lt;b&gt; &copy; \\*not em\\* **strong** ~~gone~~ done\n");
  expect_same_as_rendered("A [link](</a b?c=\xC3\xA9&d='e'>) and <https://auto.example/x> and www.example.com/y "
                          "and mail@example.org.\n");
  expect_same_as_rendered("`a  b` and ``c `d` e``\n\n    indented\n    code\n");
}

TEST(MarkdownVisibleText, RawIframeBlockIsNotText) {
  std::string md = "Before.\n\n<iframe src=\"https://v.example/1\" width=\"5\">fallback words</iframe>\n\nAfter.\n";
  expect_same_as_rendered(md);
  EXPECT_EQ(all_words(markdown_visible_text(md)), (std::vector<std::string>{"Before.", "After."}));
}

TEST(MarkdownVisibleText, InlineBrIsABreak) {
  for (std::string_view md : {"one<br>two<br/>three<br />four\n", "one<BR>two\n", "x <sup>2</sup> y<sub>i</sub> "
                              "<span class=\"c\">in</span><u>u</u><ins>n</ins> <q>quoted</q> <!-- hidden -->end\n"}) {
    expect_same_as_rendered(md);
  }
  VisibleText text = markdown_visible_text("one<br>two<br />three\n");
  EXPECT_EQ(all_words(text), (std::vector<std::string>{"one", "two", "three"}));
  EXPECT_EQ(text.breaks, (std::vector<uint32_t>{1, 2}));
  EXPECT_EQ(all_words(markdown_visible_text("<q>said</q>\n")),
            (std::vector<std::string>{"\xE2\x80\x9C" "said\xE2\x80\x9D"}));
}

TEST(MarkdownVisibleText, OtherInlineHtmlGoesThroughTheParser) {
  expect_same_as_rendered("a <a href=\"/x\">linked <code>c  d</code></a> b <img src=\"/i.png\" alt=\"alt\"> "
                          "<abbr title=\"t\">ab</abbr>br <iframe src=\"/v\">hidden</iframe> end\n");
  expect_same_as_rendered("un<span>balanced and </q> stray <span/> self\n");
  expect_same_as_rendered("# Heading <kbd>k</kbd>\n\n| a <b>b</b> | c |\n| - | - |\n| <em>d</em> | e |\n");
}

TEST(MarkdownVisibleText, TableWithBrInCells) {
  std::string md = "| head one | head two |\n| --- | --- |\n| a<br>b | c<br/>d<br />e |\n| f | g |\n";
  expect_same_as_rendered(md);
  VisibleText text = markdown_visible_text(md);
  EXPECT_EQ(all_words(text), (std::vector<std::string>{"head", "one", "head", "two", "a", "b", "c", "d", "e", "f", "g"}));
  EXPECT_EQ(text.breaks, (std::vector<uint32_t>{2, 4, 5, 6, 7, 8, 9, 10}));
  FidelityResult r = check("<table><tr><th>head one</th><th>head two</th></tr><tr><td>a<br>b</td><td>c<br>d<br>e</td>"
                           "</tr><tr><td>f</td><td>g</td></tr></table>", md);
  EXPECT_TRUE(r.passed) << r.detail;
  EXPECT_EQ(r.break_recall, 1.0);
}

TEST(MarkdownVisibleText, NestedListsAndBlockQuotes) {
  expect_same_as_rendered("- one\n  - one.one\n    1. deep\n    2. deeper\n- two\n\n  two para\n\n> quote\n>\n"
                          "> > nested quote\n> - listed\n\n---\n\nafter\n");
  std::string html = "<ul><li>one<ul><li>inner</li></ul></li><li>two</li></ul><blockquote><p>q1</p><blockquote>"
                     "<p>q2</p></blockquote></blockquote>";
  FidelityResult r = check(html, "- one\n  - inner\n- two\n\n> q1\n>\n> > q2\n");
  EXPECT_TRUE(r.passed) << r.detail;
  EXPECT_EQ(r.source_breaks, 4u);
  EXPECT_EQ(r.break_recall, 1.0);
}

TEST(MarkdownVisibleText, CodeFenceWithBlankLines) {
  std::string md = "```c\nint a;\n\n\n  int b;   \n```\n\ntext `in  line`\n";
  expect_same_as_rendered(md);
  VisibleText text = markdown_visible_text(md);
  EXPECT_EQ(text.code_blocks, (std::vector<std::string>{"int a;\n\n\n  int b;"}));
  EXPECT_EQ(text.inline_code, (std::vector<std::string>{"in line"}));
  expect_same_as_rendered("```\r\nwindows\r\nlines\r\n```\r\n");
  FidelityResult r = check("<pre>int a;\n\n\n  int b;</pre><p>text <code>in line</code></p>", md);
  EXPECT_TRUE(r.passed) << r.detail;
}

TEST(MarkdownVisibleText, ImagesInLinksAndAltText) {
  std::string md = "[![the alt words](</img/a b.png> \"title\")](https://example.com/page) after\n";
  expect_same_as_rendered(md);
  VisibleText text = markdown_visible_text(md);
  EXPECT_EQ(all_words(text), (std::vector<std::string>{"after"}));
  EXPECT_EQ(text.links, (std::vector<std::string>{"https://example.com/page"}));
  EXPECT_EQ(text.images, (std::vector<std::string>{"/img/a%20b.png"}));
  FidelityResult r = check("<p><a href=\"https://example.com/page\"><img src=\"/img/a b.png\" alt=\"x\"></a> after</p>", md);
  EXPECT_TRUE(r.passed) << r.detail;
  EXPECT_EQ(r.images_kept, 1u);
  EXPECT_EQ(r.links_kept, 1u);
}

TEST(MarkdownVisibleText, Autolinks) {
  std::string md = "See https://example.com/a_b, <http://x.example/?q=1> and www.example.org.\n";
  expect_same_as_rendered(md);
  FidelityResult r = check("<p>See <a href=\"https://example.com/a_b\">https://example.com/a_b</a>, "
                           "<a href=\"http://x.example/?q=1\">http://x.example/?q=1</a> and "
                           "<a href=\"http://www.example.org\">www.example.org</a>.</p>", md);
  EXPECT_TRUE(r.passed) << r.detail;
  EXPECT_EQ(r.links_kept, 3u);
}

TEST(MarkdownVisibleText, HtmlBlocksAcrossMarkdown) {
  // An HTML block that opens an element the next one closes: read on their
  // own, each ends a block, so the walk may see more breaks, never fewer.
  expect_same_as_rendered("<div class=\"x\">\n\ninside *md*\n\n</div>\n\n<pre>\n  pre  text\n\n  more</pre>\n\nend\n", 2);
}

TEST(VisibleText, WordsRunAcrossInlineElementsAndStopAtBlocks) {
  EXPECT_EQ(words_of("<p>foo<b>bar</b> baz</p><p>qux</p>"), (std::vector<std::string>{"foobar", "baz", "qux"}));
  EXPECT_EQ(words_of("<table><tr><td>a</td><td>b</td></tr></table>"), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(words_of("<p>seen<script>var hidden;</script><style>p{}</style></p>"),
            (std::vector<std::string>{"seen"}));
  EXPECT_EQ(words_of("<p>soft\xC2\xADhyphen</p>"), (std::vector<std::string>{"softhyphen"}));
}

TEST(VisibleText, BreaksCoalesceAndSkipTheEnds) {
  HtmlDocument doc = parse_html("<div><p>a</p></div><div><p>b<br><br>c</p></div>");
  VisibleText text = extract_visible_text(*doc.root);
  ASSERT_EQ(text.words.size(), 3u);
  EXPECT_EQ(text.breaks, (std::vector<uint32_t>{1, 2}));
}

TEST(VisibleText, CjkMixedWithLatin) {
  // "Use C++ 的模板" : Latin words, then one word per Han character.
  EXPECT_EQ(words_of("<p>Use C++\xE7\x9A\x84\xE6\xA8\xA1\xE6\x9D\xBF</p>"),
            (std::vector<std::string>{"Use", "C++", "\xE7\x9A\x84", "\xE6\xA8\xA1", "\xE6\x9D\xBF"}));
}

// cmark-gfm keeps the characters that start inline syntax in one global
// table that every parse changes (cmark_render.cpp): parses on several
// threads at once (the stage's --jobs) must each still read their document
// as one thread alone does.
TEST(Fidelity, ParsesOnSeveralThreadsReadTheirDocumentAsOneThreadDoes) {
  const std::string markdown =
      "| a | b ~~c~~ |\n|---|---|\n| ~~x~~ | www.example.com |\n| y | z |\n\n"
      "See https://example.com/a and ~~gone~~, a | b, www.example.org.\n";
  const std::string expected = render_commonmark_to_html(markdown);
  ASSERT_NE(expected.find("<table>"), std::string::npos);
  ASSERT_NE(expected.find("<del>"), std::string::npos);
  std::atomic<int> different{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 1000; ++i)
        if (render_commonmark_to_html(markdown) != expected) ++different;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(different.load(), 0);
}

// ---- styles, lists and tables (structure_compare.h) -------------------------

bool detail_has(const FidelityResult& f, std::string_view text) { return f.detail.find(text) != std::string::npos; }

TEST(FidelityStyles, EmphasisLostFails) {
  FidelityResult f = check("<p>a <em>big</em> word</p>", "a big word\n");
  EXPECT_FALSE(f.passed);
  EXPECT_FALSE(f.styles_ok);
  EXPECT_TRUE(detail_has(f, "emphasis lost on 1 of 1 words, first 'big'")) << f.detail;
}

TEST(FidelityStyles, StrongAndStrikeKeptPass) {
  FidelityResult f = check("<p><b>bold</b> and <strike>gone</strike> and <i>it</i></p>", "**bold** and ~~gone~~ and *it*\n");
  EXPECT_TRUE(f.passed) << f.detail;
  EXPECT_EQ(f.styled_words, 3u);
  EXPECT_EQ(f.styled_kept, 3u);
}

TEST(FidelityStyles, NestedEmphasisWrittenOncePasses) {
  FidelityResult f = check("<p><em><em>twice</em></em> <i><em>over</em></i></p>", "*twice* *over*\n");
  EXPECT_TRUE(f.passed) << f.detail;
}

TEST(FidelityStyles, StyleAddedIsNoLoss) {  // a definition term is written bold
  EXPECT_TRUE(check("<dl><dt>term</dt><dd>meaning</dd></dl>", "**term**\n\nmeaning\n").passed);
}

TEST(FidelityStyles, HeadingLevelChangedFails) {
  FidelityResult f = check("<h2>The title</h2>", "### The title\n");
  EXPECT_FALSE(f.passed);
  EXPECT_TRUE(detail_has(f, "heading 2 lost on 2 of 2 words")) << f.detail;
  EXPECT_TRUE(check("<h2>The title</h2>", "## The title\n").passed);
}

TEST(FidelityStyles, QuoteLostFails) {
  FidelityResult f = check("<blockquote>quoted words</blockquote>", "quoted words\n");
  EXPECT_FALSE(f.passed);
  EXPECT_TRUE(detail_has(f, "block quote lost")) << f.detail;
}

TEST(FidelityStyles, StylesInCodeAreNotCompared) {
  EXPECT_TRUE(check("<p><code><b>x</b>()</code></p>", "`x()`\n").passed);
}

TEST(FidelityLists, TightListWrittenLooseFails) {
  FidelityResult f = check("<ul><li>a</li><li>b</li></ul>", "- a\n\n- b\n");
  EXPECT_FALSE(f.passed);
  EXPECT_FALSE(f.lists_ok);
  EXPECT_TRUE(detail_has(f, "list 1 tight in source, loose in output")) << f.detail;
}

TEST(FidelityLists, ParagraphsInItemsMakeALooseList) {
  EXPECT_TRUE(check("<ul><li><p>a</p></li><li><p>b</p></li></ul>", "- a\n\n- b\n").passed);
  FidelityResult f = check("<ul><li><p>a</p></li><li><p>b</p></li></ul>", "- a\n- b\n");
  EXPECT_FALSE(f.passed);
  EXPECT_TRUE(detail_has(f, "loose in source, tight in output")) << f.detail;
}

TEST(FidelityLists, NestedTightListsPass) {
  EXPECT_TRUE(check("<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>", "- a\n  - b\n- c\n").passed);
}

TEST(FidelityLists, OrderedBecomingBulletsFails) {
  FidelityResult f = check("<ol><li>one</li><li>two</li></ol>", "- one\n- two\n");
  EXPECT_FALSE(f.passed);
  EXPECT_TRUE(detail_has(f, "ordered list 1 became unordered")) << f.detail;
}

TEST(FidelityLists, ItemCountChangedFails) {
  FidelityResult f = check("<ul><li>one</li><li>two</li></ul>", "- one two\n");
  EXPECT_FALSE(f.passed);
  EXPECT_TRUE(detail_has(f, "list 1 has 1 items, source 2")) << f.detail;
}

TEST(FidelityLists, EmptyItemsDroppedAreExcusedByName) {
  FidelityResult f = check("<ul><li>one</li><li> </li><li>two</li></ul>", "- one\n- two\n");
  EXPECT_TRUE(f.passed) << f.detail;
  ASSERT_EQ(f.excused.size(), 1u);
  EXPECT_EQ(f.excused[0], "empty-item-dropped: list 1, 1 of 3 items");
  FidelityResult empty = check("<p>text</p><ul><li></li></ul>", "text\n");
  EXPECT_TRUE(empty.passed) << empty.detail;
  ASSERT_EQ(empty.excused.size(), 1u);
  EXPECT_EQ(empty.excused[0].rfind("empty-list-dropped:", 0), 0u);
}

TEST(FidelityTables, ShapeChangedFails) {
  const char* html = "<table><tr><th>a</th><th>b</th></tr><tr><td>c</td><td>d</td></tr></table>";
  EXPECT_TRUE(check(html, "| a | b |\n|---|---|\n| c | d |\n").passed);
  FidelityResult f = check(html, "| a b |\n|---|\n| c d |\n");
  EXPECT_FALSE(f.passed);
  EXPECT_TRUE(detail_has(f, "table 1 has 2x1 cells, source 2x2")) << f.detail;
}

TEST(FidelityTables, EmptyTableDroppedIsExcused) {
  FidelityResult f = check("<p>text</p><table><tr><td> </td><td></td></tr></table>", "text\n");
  EXPECT_TRUE(f.passed) << f.detail;
  ASSERT_EQ(f.excused.size(), 1u);
  EXPECT_EQ(f.excused[0], "empty-table-dropped: table 1");
}

}  // namespace
}  // namespace blogshift
