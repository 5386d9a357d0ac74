// html_to_document() on whole posts: every post body of the sample blog
// converts with no unknown element; corpus pages convert without crashing;
// deep nesting neither overflows the stack nor loses text.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "convert/html_to_document.h"
#include "document/document.h"
#include "html/html_reader.h"
#include "test_paths.h"

namespace blogshift {
namespace {

namespace fs = std::filesystem;

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// The five XML entities and numeric references (what Atom <content> uses).
std::string xml_unescape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    size_t semi = s.find(';', i);
    std::string entity = semi == std::string::npos ? "" : s.substr(i + 1, semi - i - 1);
    if (entity == "lt") out += '<';
    else if (entity == "gt") out += '>';
    else if (entity == "amp") out += '&';
    else if (entity == "quot") out += '"';
    else if (entity == "apos") out += '\'';
    else if (!entity.empty() && entity[0] == '#') {
      unsigned long cp = entity.size() > 1 && (entity[1] == 'x' || entity[1] == 'X') ? std::stoul(entity.substr(2), nullptr, 16)
                                                                                   : std::stoul(entity.substr(1));
      if (cp < 0x80) out += static_cast<char>(cp);
      else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
      } else {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
      }
    } else {
      out += '&';
      continue;
    }
    i = semi;
  }
  return out;
}

std::vector<std::string> atom_contents(const std::string& feed) {
  std::vector<std::string> out;
  static const std::regex content(R"(<content type=['"]html['"]>([\s\S]*?)</content>)");
  for (std::sregex_iterator it(feed.begin(), feed.end(), content), end; it != end; ++it)
    out.push_back(xml_unescape((*it)[1].str()));
  return out;
}

std::string convert_html(const std::string& html, ConvertReport& report) {
  HtmlDocument doc = parse_html("<body>" + html);
  const HtmlNode* body = find_first(*doc.root, by_tag("body"));
  if (!body) return {};
  return dump_document(*html_to_document(*body, report));
}

TEST(ConvertSampleBlog, EveryPostBodyConvertsWithNoUnknownElement) {
  fs::path feed = fs::path(BLOGSHIFT_FIXTURES_DIR) / "sample-blog" / "feed.atom";
  std::vector<std::string> bodies = atom_contents(read_all(feed));
  ASSERT_GE(bodies.size(), 10u);
  for (const auto& html : bodies) {
    ConvertReport report;
    std::string dump = convert_html(html, report);
    EXPECT_FALSE(dump.empty());
    EXPECT_TRUE(report.unknown.empty()) << report.unknown.front() << " in\n" << html;
  }
}

TEST(ConvertSampleBlog, KeepsTheTextOfEveryBody) {
  // Every word of the HTML's text appears in the dump (nothing dropped).
  fs::path feed = fs::path(BLOGSHIFT_FIXTURES_DIR) / "sample-blog" / "feed.atom";
  for (const auto& html : atom_contents(read_all(feed))) {
    HtmlDocument doc = parse_html(html);
    const HtmlNode* body = find_first(*doc.root, by_tag("body"));
    ASSERT_NE(body, nullptr);
    ConvertReport report;
    std::string dump = dump_document(*html_to_document(*body, report));
    std::vector<std::string> words;
    for (const HtmlNode* n : find_all(*body, [](const HtmlNode&) { return true; }))
      for (const auto& child : n->children)
        if (child->is_text() && n->tag != "script" && n->tag != "style") {
          std::istringstream in(child->text);
          for (std::string w; in >> w;) words.push_back(w);
        }
    for (const auto& child : body->children)
      if (child->is_text()) {
        std::istringstream in(child->text);
        for (std::string w; in >> w;) words.push_back(w);
      }
    for (const auto& word : words) {
      if (word.find_first_of("\"\\") != std::string::npos) continue;  // escaped in the dump
      EXPECT_NE(dump.find(word), std::string::npos) << word << " missing from\n" << dump;
    }
  }
}

TEST(ConvertCorpus, RenderedPagesConvert) {
  fs::path dir = fs::path(BLOGSHIFT_CORPUS_DIR) / "blogger-rendered-pages";
  if (!fs::is_directory(dir)) GTEST_SKIP() << "corpus not present";
  int converted = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".html") continue;
    HtmlDocument doc = parse_html(read_all(entry.path()));
    const HtmlNode* post = find_first(*doc.root, by_class("post-body"));
    if (!post) post = find_first(*doc.root, by_tag("body"));
    if (!post) continue;
    ConvertReport report;
    auto document = html_to_document(*post, report);
    EXPECT_EQ(document->kind, DocKind::Document);
    ++converted;
  }
  EXPECT_GT(converted, 5);
}

std::string nested(const std::string& open, const std::string& close, int depth, const std::string& inner) {
  std::string html;
  for (int i = 0; i < depth; ++i) html += open;
  html += inner;
  for (int i = 0; i < depth; ++i) html += close;
  return html;
}

class ConvertDeepNesting : public ::testing::TestWithParam<std::pair<const char*, const char*>> {};

TEST_P(ConvertDeepNesting, FiveHundredTwelveLevelsKeepTheText) {
  auto [open, close] = GetParam();
  std::string html = nested(open, close, 520, "deep text");  // past the reader's cap of 512
  ConvertReport report;
  std::string dump = convert_html(html, report);
  EXPECT_NE(dump.find("deep text"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Elements, ConvertDeepNesting,
                         ::testing::Values(std::make_pair("<div>", "</div>"), std::make_pair("<span>", "</span>"),
                                           std::make_pair("<b><i>", "</i></b>"),
                                           std::make_pair("<blockquote>", "</blockquote>"),
                                           std::make_pair("<ul><li>", "</li></ul>"),
                                           std::make_pair("<a href=x><div>", "</div></a>"),
                                           std::make_pair("<table><tr><td>", "</td></tr></table>"),
                                           std::make_pair("<dl><dd>", "</dd></dl>"),
                                           std::make_pair("<h2><span>", "</span></h2>")));

TEST(ConvertDeepNestingBuilt, TreesDeeperThanTheCapFlattenToText) {
  // A tree built in memory (not by the reader) 5000 levels deep.
  auto body = HtmlNode::element("body");
  HtmlNode* at = body.get();
  for (int i = 0; i < 5000; ++i) at = at->append(HtmlNode::element(i % 2 ? "div" : "em"));
  at->append(HtmlNode::text_node("bottom"));
  ConvertReport report;
  auto document = html_to_document(*body, report);
  std::string dump = dump_document(*document);
  EXPECT_NE(dump.find("bottom"), std::string::npos);
  ASSERT_FALSE(report.notes.empty());
  EXPECT_EQ(report.notes.back(), "nesting too deep: flattened to text");
  // Tear the input down iteratively too (HtmlNode's destructor recurses).
  while (!body->children.empty()) {
    auto child = std::move(body->children.front());
    body->children = std::move(child->children);
  }
}

// plain_text(root, n): the start of plain_text(root) (which is trimmed at
// its end), at least n bytes of it unless that is all there is.
TEST(ConvertRobustness, PlainTextStartIsTheStartOfTheText) {
  HtmlDocument html = parse_html(
      "<h2>Title here</h2><p>One <b>two</b>\tthree<br>four &nbsp; five</p><ul><li>six</li><li>seven "
      "<i>eight</i></li></ul><pre>code left out</pre><p>nine <code>ten</code> \xE6\xBC\xA2\xE5\xAD\x97 </p>");
  ConvertReport report;
  const auto document = html_to_document(*html.root, report);
  const std::string whole = plain_text(*document);
  ASSERT_GT(whole.size(), 40u);
  for (size_t n = 0; n <= whole.size() + 4; ++n) {
    const std::string start = plain_text(*document, n);
    if (start.size() < n) {
      EXPECT_EQ(start, whole) << n;
      continue;
    }
    const size_t common = std::min(start.size(), whole.size());
    EXPECT_EQ(start.substr(0, common), whole.substr(0, common)) << n;
    EXPECT_EQ(start.find_first_not_of(' ', common), std::string::npos) << n;  // past the text: only its trailing spaces
  }
}

}  // namespace
}  // namespace blogshift
