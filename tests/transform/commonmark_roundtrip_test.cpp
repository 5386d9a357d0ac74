// The CommonMark writer against cmark-gfm: hostile text renders back as
// itself in every inline context, and the structures the writer emits
// (tables, ordered lists with a start, fenced code with a language, raw
// HTML) come back as those structures.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "document_builder.h"
#include "markdown/cmark_render.h"
#include "markdown/commonmark_writer.h"
#include "writer_checks.h"

namespace blogshift::testing {
namespace {

std::unique_ptr<DocNode> text_node(const std::string& text) {
  auto n = std::make_unique<DocNode>(DocKind::Text);
  n->text = text;
  return n;
}

// Writes `doc`, renders it back and compares the text of every block.
void expect_round_trip(const DocNode& doc) {
  std::string md = write_commonmark(doc);
  SCOPED_TRACE("markdown:\n" + md);
  expect_clean_layout(md);
  EXPECT_EQ(rendered_block_texts(md), expected_block_texts(doc)) << dump_document(doc);
}

const std::vector<std::string>& hostile_texts() {
  static const std::vector<std::string> texts = [] {
    std::vector<std::string> t = {
        "snake_case_words", "__init__", "_leading and trailing_", "2*3*4", "a * b", "**not strong**",
        "*", "**", "***", "_", "__", "~", "~~", "~~~", "~~not struck~~", "a ~ b",
        "1. not a list", "1) not a list", "123456789. nine digits", "2.5 is a number", "# not a heading",
        "#hashtag", "###### six", "> not a quote", "- not a bullet", "+ not a bullet", "* not a bullet",
        "-", "+", "=", "===", "---", "***", "___", "- - -", "* * *", "_ _ _", "| a | b |", ":-- | --:",
        "<b>not html</b>", "<!-- not a comment -->", "<?php no ?>", "<https://not.an.autolink>",
        "a < b > c", "&amp;", "&copy; &#169; &#xA9;", "AT&T", "a & b", "[x](y)", "[x][y]", "[x]",
        "[x]: /not-a-definition", "![not](an-image)", "!important", "] lone", "[ lone",
        "`code`", "``", "a `b` c", "back\\slash", "\\*", "\\", "trailing backslash\\", "C:\\path\\to",
        "    indented four", "  two leading", "trailing two  ", " ", "\ttab", "tab\t", "a\tb",
        "https://example.com/not-linked", "see www.example.com here", "ftp://files.example",
        "price: $5 (50% off!)", "x^2", "a|b", "\"quoted\" 'single'", "e.g. _emph_ *star*",
        "ends with #", "# #", "C#", "f(x) = y[0] * z{1}", "~/path/file_name.txt", "a_b*c_d*e",
        "日本語_テキスト", "«guillemets»_x", "em—dash_x", "nbsp\u00a0_x", "**bold**text", "text**bold**",
    };
    std::string all;
    for (char c = '!'; c <= '~'; ++c)
      if (!std::isalnum(static_cast<unsigned char>(c))) all += c;
    t.push_back(all);
    std::string doubled;
    for (char c : all) doubled += std::string(2, c) + " ";
    t.push_back(doubled);
    for (char c : all) {
      t.push_back(std::string(1, c));
      t.push_back(std::string(3, c));
      t.push_back(std::string("a") + c + "b");
      t.push_back(std::string(1, c) + " x " + c);
    }
    return t;
  }();
  return texts;
}

// Every hostile text alone in a paragraph, a heading, a list item, a block
// quote, a table cell, link text, emphasis, between hard breaks and as alt.
TEST(WriterRoundTrip, HostileTextInEveryContext) {
  for (const std::string& text : hostile_texts()) {
    SCOPED_TRACE("text: [" + text + "]");
    auto doc = std::make_unique<DocNode>(DocKind::Document);
    doc->add(DocKind::Paragraph)->add(text_node(text));
    DocNode* heading = doc->add(DocKind::Heading);
    heading->level = 2;
    heading->add(text_node(text));
    doc->add(DocKind::BulletList)->add(DocKind::ListItem)->add(DocKind::Paragraph)->add(text_node(text));
    doc->add(DocKind::BlockQuote)->add(DocKind::Paragraph)->add(text_node(text));
    DocNode* table = doc->add(DocKind::Table);
    DocNode* row = table->add(DocKind::TableRow);
    row->add(DocKind::TableCell)->add(text_node(text));
    row->add(DocKind::TableCell)->add(text_node("x" + text + "x"));
    DocNode* para = doc->add(DocKind::Paragraph);
    para->add(text_node("before "));
    DocNode* link = para->add(DocKind::Link);
    link->url = "https://example.com/a_b";
    link->add(text_node(text));
    para->add(text_node(" mid "));
    para->add(DocKind::Emphasis)->add(text_node(text));
    para->add(DocKind::LineBreak);
    para->add(text_node(text));
    para->add(DocKind::LineBreak);
    para->add(DocKind::Strong)->add(text_node(text));
    para->add(text_node(text));
    DocNode* image = para->add(DocKind::Image);
    image->url = "a.png";
    image->text = text;
    para->add(DocKind::Strikethrough)->add(text_node(text));
    para->add(text_node(text));
    expect_round_trip(*doc);
  }
}

// Emphasis next to every kind of neighbour still renders as emphasis.
TEST(WriterRoundTrip, EmphasisAgainstNeighbours) {
  const std::vector<std::string> sides = {"", " ", "a", "1", ".", "*", "_", "~", "(", ")", "é", "«", "\u00a0"};
  const std::vector<DocKind> kinds = {DocKind::Emphasis, DocKind::Strong, DocKind::Strikethrough};
  for (DocKind kind : kinds) {
    for (const std::string& before : sides) {
      for (const std::string& inner : {std::string("x"), std::string(".x."), std::string(" x ")}) {
        for (const std::string& after : sides) {
          auto doc = std::make_unique<DocNode>(DocKind::Document);
          DocNode* p = doc->add(DocKind::Paragraph);
          p->add(text_node("w" + before));
          p->add(kind)->add(text_node(inner));
          p->add(text_node(after + "w"));
          std::string md = write_commonmark(*doc);
          SCOPED_TRACE(md);
          expect_round_trip(*doc);
          std::string html = render_commonmark_to_html(md);
          const char* tag = kind == DocKind::Emphasis ? "<em>" : kind == DocKind::Strong ? "<strong>" : "<del>";
          EXPECT_NE(html.find(tag), std::string::npos) << html;
        }
      }
    }
  }
}

TEST(WriterRoundTrip, NestedEmphasisKeepsItsNesting) {
  auto doc = build_document(R"DOC(Paragraph
  Strong
    Emphasis
      Text "both"
  Text " "
  Emphasis
    Strong
      Text "both"
  Text " "
  Emphasis
    Emphasis
      Text "twice"
  Text " "
  Emphasis
    Text "a"
  Emphasis
    Text "b"
)DOC");
  std::string html = render_commonmark_to_html(write_commonmark(*doc));
  EXPECT_EQ(html,
            "<p><strong><em>both</em></strong> <em><strong>both</strong></em> <em><em>twice</em></em> "
            "<em>a</em><em>b</em></p>\n");
}

TEST(WriterStructure, TableRendersAsTable) {
  auto doc = build_document(R"DOC(Table header left center right
  TableRow
    TableCell
      Text "a|b"
    TableCell
      Code "x | y"
    TableCell
      Text "c"
  TableRow
    TableCell
      Text "1"
    TableCell
      Emphasis
        Text "2"
)DOC");
  std::string html = render_commonmark_to_html(write_commonmark(*doc));
  EXPECT_NE(html.find("<table>"), std::string::npos) << html;
  EXPECT_NE(html.find("<th align=\"left\">a|b</th>"), std::string::npos) << html;
  EXPECT_NE(html.find("<th align=\"center\"><code>x | y</code></th>"), std::string::npos) << html;
  EXPECT_NE(html.find("<td align=\"center\"><em>2</em></td>"), std::string::npos) << html;
  EXPECT_NE(html.find("<td align=\"right\"></td>"), std::string::npos) << html;
}

TEST(WriterStructure, HeaderlessTableHasAnEmptyHeader) {
  auto doc = build_document(R"DOC(Table no-header
  TableRow
    TableCell
      Text "first"
  TableRow
    TableCell
      Text "second"
)DOC");
  std::string html = render_commonmark_to_html(write_commonmark(*doc));
  EXPECT_NE(html.find("<th></th>"), std::string::npos) << html;
  EXPECT_NE(html.find("<td>first</td>"), std::string::npos) << html;
  EXPECT_NE(html.find("<td>second</td>"), std::string::npos) << html;
}

TEST(WriterStructure, OrderedListKeepsItsStart) {
  auto doc = build_document(R"DOC(OrderedList start=3 tight
  ListItem
    Paragraph
      Text "three"
  ListItem
    Paragraph
      Text "four"
OrderedList start=1 tight
  ListItem
    Paragraph
      Text "separate"
)DOC");
  std::string html = render_commonmark_to_html(write_commonmark(*doc));
  EXPECT_EQ(html, "<ol start=\"3\">\n<li>three</li>\n<li>four</li>\n</ol>\n<ol>\n<li>separate</li>\n</ol>\n");
}

TEST(WriterStructure, LooseAndTightListsStaySo) {
  auto doc = build_document(R"DOC(BulletList loose
  ListItem
    Paragraph
      Text "a"
  ListItem
    Paragraph
      Text "b"
BulletList tight
  ListItem
    Paragraph
      Text "c"
    BulletList tight
      ListItem
        Paragraph
          Text "d"
  ListItem
    Paragraph
      Text "e"
)DOC");
  std::string html = render_commonmark_to_html(write_commonmark(*doc));
  EXPECT_EQ(html,
            "<ul>\n<li>\n<p>a</p>\n</li>\n<li>\n<p>b</p>\n</li>\n</ul>\n"
            "<ul>\n<li>c\n<ul>\n<li>d</li>\n</ul>\n</li>\n<li>e</li>\n</ul>\n");
}

TEST(WriterStructure, CodeBlockKeepsLanguageAndBackticks) {
  auto doc = build_document(R"DOC(CodeBlock info="python" "def f():\n    return \"```\"\n\n\n# two blank lines above")DOC");
  std::string md = write_commonmark(*doc);
  EXPECT_EQ(md.substr(0, 10), "````python");
  std::string html = render_commonmark_to_html(md);
  EXPECT_EQ(html,
            "<pre><code class=\"language-python\">def f():\n    return &quot;```&quot;\n\n\n"
            "# two blank lines above\n</code></pre>\n");
}

TEST(WriterStructure, RawBlocksStayOneHtmlBlock) {
  const std::vector<std::string> raws = {
      "<iframe src=\"https://www.youtube.com/embed/x\"></iframe>",
      "<div>\n\n*not markdown*\n\n</div>",
      "<table>\n<tr><td>a</td>\n\n<td>*b*</td></tr>\n</table>",
      "<span>inline first</span> *then text*\n\nmore _text_",
      "text first *x*",
      "<pre>code\n\n  *kept*</pre>",
      "<pre>ends early</pre>\n*then markdown*",
      "<!-- a comment\n\nwith a blank line -->",
      "    <div>indented</div>",
      "<script>\nvar a = 1;\n\nvar b = '*';\n</script>",
  };
  for (const std::string& raw : raws) {
    auto doc = std::make_unique<DocNode>(DocKind::Document);
    doc->add(DocKind::Paragraph)->add(text_node("before"));
    doc->add(DocKind::RawBlock)->text = raw;
    doc->add(DocKind::Paragraph)->add(text_node("after"));
    std::string md = write_commonmark(*doc);
    SCOPED_TRACE(md);
    expect_clean_layout(md);
    std::string html = render_commonmark_to_html(md);
    // Only the two paragraphs are Markdown; everything else went through as HTML.
    EXPECT_EQ(rendered_block_texts(md), (std::vector<std::string>{"before", "after"}));
    EXPECT_EQ(html.find("<em>"), std::string::npos) << html;
    EXPECT_TRUE(html.rfind("<p>before</p>\n", 0) == 0) << html;
    EXPECT_NE(html.find("\n<p>after</p>\n"), std::string::npos) << html;
  }
}

TEST(WriterStructure, LinksAutolinksAndImages) {
  auto doc = build_document(R"DOC(Paragraph
  Link url="https://www.python.org/downloads/" title=""
    Text "https://www.python.org/downloads/"
  Text " "
  Link url="https://en.wikipedia.org/wiki/Python_(programming_language)" title="Py \"3\""
    Text "wiki"
  Text " "
  Link url="/a path/with spaces" title=""
    Text "spaced"
  Text " "
  Link url="https://x.org/(unbalanced" title=""
    Text "paren"
  Text " "
  Image url="./image-1.png" alt="a [bracketed] *alt*" title="t"
)DOC");
  std::string md = write_commonmark(*doc);
  EXPECT_EQ(md,
            "<https://www.python.org/downloads/> "
            "[wiki](https://en.wikipedia.org/wiki/Python_(programming_language) \"Py \\\"3\\\"\") "
            "[spaced](</a path/with spaces>) [paren](<https://x.org/(unbalanced>) "
            "![a \\[bracketed\\] \\*alt\\*](./image-1.png \"t\")\n");
  std::string html = render_commonmark_to_html(md);
  EXPECT_NE(html.find("<a href=\"https://www.python.org/downloads/\">https://www.python.org/downloads/</a>"),
            std::string::npos) << html;
  EXPECT_NE(html.find("href=\"https://en.wikipedia.org/wiki/Python_(programming_language)\" title=\"Py &quot;3&quot;\""),
            std::string::npos) << html;
  EXPECT_NE(html.find("href=\"/a%20path/with%20spaces\""), std::string::npos) << html;
  EXPECT_NE(html.find("href=\"https://x.org/(unbalanced\""), std::string::npos) << html;
  EXPECT_NE(html.find("<img src=\"./image-1.png\" alt=\"a [bracketed] *alt*\" title=\"t\" />"), std::string::npos)
      << html;
}

// The destinations cmark-gfm parses back from the written Markdown, in order.
class UrlCollector : public MarkdownVisitor {
public:
  std::vector<std::string> urls;
  MarkdownDescend enter(const MarkdownNode& node) override {
    if (node.kind == MarkdownNodeKind::kLink || node.kind == MarkdownNodeKind::kImage) urls.emplace_back(node.url);
    return MarkdownDescend::kChildren;
  }
  void leave(const MarkdownNode&) override {}
  void children_html(std::string_view) override {}
};

std::string html_attribute(const std::string& value) {  // as cmark-gfm escapes a title
  std::string out;
  for (char c : value) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

// Any destination and title come back byte for byte: cmark-gfm parses the
// destination written for a link and for an image to the same string (but
// for spaces at its ends, which it trims), and renders the title attribute
// from the same text.
TEST(WriterRoundTrip, LinkAndImageDestinationsAndTitlesComeBackByteForByte) {
  std::vector<std::string> urls = {
      "https://example.com/a b", "/a(b", "/a)b", "/a(b)c", "/a((b))", ")(", "<x>", "a<b", "a>b", "a\\b",
      "a\\*b", "\\", "trailing\\", "&amp;", "&copy;", "&#169;", "a&b", "a\"b", "a'b", "`tick`", "``",
      "a*b_c~d", "[x]", "]", "#frag", "a\\&amp;", "&amp;amp;", "\\&copy;", "mailto:a@b.example", "", " ", "  two", "a\tb", "\u00fcber",
      "%20 %", "?q=1&r=2", "<>", "a b <c> (d)", "https://x.org/(unbalanced", "*", "_", "!", "![x](y)",
  };
  std::string all;
  for (char c = '!'; c <= '~'; ++c) all += c;
  urls.push_back(all);
  std::vector<std::string> titles = {
      "", "plain", "a \"quoted\" title", "it's", "(paren)", "back\\slash\\*", "&amp; &copy;", "a\nb",
      "a\n\nb", "\nedges\n", "`x` *y* _z_", "trailing\\", "\\\"", "&#34;", all,
  };
  for (const std::string& url : urls) {
    for (const std::string& title : titles) {
      DocNode doc(DocKind::Document);
      DocNode* para = doc.add(DocKind::Paragraph);
      DocNode* link = para->add(DocKind::Link);
      link->url = url;
      link->title = title;
      link->add(text_node("text"));
      para->add(text_node(" "));
      DocNode* image = para->add(DocKind::Image);
      image->url = url;
      image->title = title;
      image->text = "alt";
      std::string md = write_commonmark(doc);
      SCOPED_TRACE("url [" + url + "] title [" + title + "] markdown:\n" + md);
      UrlCollector collector;
      walk_commonmark(md, collector);
      // cmark-gfm trims the spaces at a destination's ends (a browser strips them from a URL too).
      std::string parsed(url);
      parsed.erase(0, parsed.find_first_not_of(' '));
      parsed.erase(parsed.find_last_not_of(' ') + 1);
      EXPECT_EQ(collector.urls, (std::vector<std::string>{parsed, parsed}));
      std::string html = render_commonmark_to_html(md);
      if (!title.empty()) {
        std::string attribute = "title=\"" + html_attribute(title) + "\"";
        size_t first = html.find(attribute);
        EXPECT_NE(first, std::string::npos) << html;
        if (first != std::string::npos) {
          EXPECT_NE(html.find(attribute, first + 1), std::string::npos) << html;
        }
      } else {
        EXPECT_EQ(html.find("title="), std::string::npos) << html;
      }
    }
  }
}

TEST(WriterStructure, BareUrlsInTextAreNotLinked) {
  auto doc = build_document(R"DOC(Paragraph
  Text "see https://example.com and www.example.org and ftp://x.org"
)DOC");
  std::string html = render_commonmark_to_html(write_commonmark(*doc));
  EXPECT_EQ(html.find("<a "), std::string::npos) << html;
}

TEST(WriterLayout, EmptyDocumentIsEmpty) {
  DocNode doc(DocKind::Document);
  EXPECT_EQ(write_commonmark(doc), "");
  doc.add(DocKind::Paragraph)->add(text_node("  "));
  EXPECT_EQ(write_commonmark(doc), "");
}

}  // namespace
}  // namespace blogshift::testing
