// The gumbo adapter: tag soup, implied end tags, entities, the depth cap,
// inner-HTML byte ranges, the serializer and the query helpers.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

#include "html/gumbo_arena.h"
#include "html/html_reader.h"
#include "html/html_serializer.h"

namespace blogshift {
namespace {

const HtmlNode& body_of(const HtmlDocument& doc) {
  const HtmlNode* body = find_first(*doc.root, by_tag("body"));
  EXPECT_NE(body, nullptr);
  return *body;
}

TEST(HtmlReader, TagSoupParsesLikeABrowser) {
  HtmlDocument doc = parse_html("<p>one<p>two<b>bold<i>both</b>italic</i>");
  const HtmlNode& body = body_of(doc);
  ASSERT_EQ(body.children.size(), 2u);  // the second <p> closes the first
  EXPECT_EQ(text_content(*body.children[0]), "one");
  EXPECT_EQ(text_content(*body.children[1]), "twoboldbothitalic");
  EXPECT_EQ(inner_html(*body.children[1]), "two<b>bold<i>both</i></b><i>italic</i>");
}

TEST(HtmlReader, ImpliedEndTagsHaveNoByteRange) {
  std::string src = "<ul><li>a<li>b</ul><div class='x'>hello <b>w</b></div>";
  HtmlDocument doc = parse_html(src);
  auto items = find_all(*doc.root, by_tag("li"));
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0]->inner_begin, -1);  // </li> implied
  EXPECT_EQ(original_inner_html(doc, *items[0]), "a");
  const HtmlNode* div = find_first(*doc.root, by_class("x"));
  ASSERT_NE(div, nullptr);
  EXPECT_EQ(original_inner_html(doc, *div), "hello <b>w</b>");
}

TEST(HtmlReader, InnerHtmlIsCopiedByteForByte) {
  std::string src = "<div id=a><P CLASS='x'  >Hi&nbsp;there <br/>&#x4e2d;</P ></div>";
  HtmlDocument doc = parse_html(src);
  const HtmlNode* a = find_first(*doc.root, by_attr("id", "a"));
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(original_inner_html(doc, *a), "<P CLASS='x'  >Hi&nbsp;there <br/>&#x4e2d;</P >");
  // The serializer says the same thing its own way.
  EXPECT_EQ(inner_html(*a), "<p class=\"x\">Hi&nbsp;there <br>\xE4\xB8\xAD</p>");
}

TEST(HtmlReader, EntitiesAreDecodedAndReEscaped) {
  HtmlDocument doc = parse_html("<p title=\"a&amp;b &quot;c&quot;\">&lt;x&gt; &eacute; &#20013; AT&T</p>");
  const HtmlNode* p = find_first(*doc.root, by_tag("p"));
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->attr_or("title"), "a&b \"c\"");
  EXPECT_EQ(text_content(*p), "<x> \xC3\xA9 \xE4\xB8\xAD AT&T");
  EXPECT_EQ(outer_html(*p), "<p title=\"a&amp;b &quot;c&quot;\">&lt;x&gt; \xC3\xA9 \xE4\xB8\xAD AT&amp;T</p>");
}

TEST(HtmlReader, ScriptTextIsRaw) {
  HtmlDocument doc = parse_html("<script>if (a < b && c) x = '</p>';</script>");
  const HtmlNode* s = find_first(*doc.root, by_tag("script"));
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(inner_html(*s), "if (a < b && c) x = '</p>';");
  EXPECT_EQ(text_content(*doc.root), "");  // script text is not page text
}

// Found by fuzz/body_converter_fuzzer: an unknown tag's name was the source's
// raw bytes, so a NUL or a stray byte in it reached the Markdown (raw HTML).
// The tokenizer's spelling: NUL and bytes outside UTF-8 become U+FFFD.
TEST(HtmlReader, UnknownTagNamesAreSpelledAsTheTokenizerReadsThem) {
  using namespace std::string_literals;
  std::string src = "<p\x04\0\0\0>a</p\x04\0\0\0><X-\xFF\xC3\xA9\xC3>b</X-\xFF\xC3\xA9\xC3>"s;
  HtmlDocument doc = parse_html(src);
  const HtmlNode& body = body_of(doc);
  ASSERT_EQ(body.children.size(), 2u);
  EXPECT_EQ(body.children[0]->tag, "p\x04\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(body.children[1]->tag, "x-\xEF\xBF\xBD\xC3\xA9\xEF\xBF\xBD");
  EXPECT_EQ(outer_html(body).find('\0'), std::string::npos);
}

// Found by fuzz/body_converter_fuzzer: gumbo's numeric character references
// overflow an int past 8 hex digits and came out as bytes that are not UTF-8.
TEST(HtmlReader, HugeCharacterReferencesBecomeReplacementCharacters) {
  HtmlDocument doc = parse_html("<p title='&#x5500000000000;'>a&#x05500eeeeeeeeeeeeeeeeeeeee5;b &#x110000;c &#x4e2d;</p>");
  const HtmlNode* p = find_first(*doc.root, by_tag("p"));
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(text_content(*p), "a\xEF\xBF\xBD""b \xEF\xBF\xBD""c \xE4\xB8\xAD");
  EXPECT_EQ(p->attr_or("title"), "\xEF\xBF\xBD");
}

TEST(HtmlReader, DepthIsCapped) {
  std::string src;
  for (int i = 0; i < 2000; ++i) src += "<div>";
  src += "deep text";
  HtmlReadOptions options;
  options.max_depth = 64;
  HtmlReadResult r = read_html(src, options);
  EXPECT_TRUE(r.document.depth_capped);
  EXPECT_GT(r.document.nodes_dropped, 1000);
  EXPECT_EQ(text_content(*r.document.root), "deep text");  // flattened, not lost
  size_t depth = 0;
  for (const HtmlNode* n = find_all(*r.document.root, by_tag("div")).back(); n; n = n->parent) ++depth;
  EXPECT_LE(depth, 65u);
}

TEST(HtmlReader, PathologicalNestingDoesNotCrash) {
  std::string src;
  for (int i = 0; i < 100000; ++i) src += "<span>";
  HtmlReadResult r = read_html(src);
  EXPECT_TRUE(r.document.depth_capped);
  std::string serialised = outer_html(*r.document.root);
  EXPECT_FALSE(serialised.empty());
}

TEST(HtmlReader, LongInputIsCut) {
  HtmlReadOptions options;
  options.max_bytes = 10;
  HtmlReadResult r = read_html("<p>0123456789abcdef</p>", options);
  EXPECT_TRUE(r.truncated);
  EXPECT_EQ(text_content(*r.document.root), "0123456");
}

TEST(HtmlTree, QueriesAndClasses) {
  HtmlDocument doc = parse_html(
      "<div class='post hentry'><h3 class=' post-title  entry-title'>  Title\n here </h3>"
      "<div class='post-body'><a rel=tag href='/x'>x</a></div></div>");
  const HtmlNode* title = find_first(*doc.root, by_class("entry-title"));
  ASSERT_NE(title, nullptr);
  EXPECT_TRUE(title->has_class("post-title"));
  EXPECT_FALSE(title->has_class("post"));
  EXPECT_EQ(text_content(*title), "Title here");
  const HtmlNode* a = find_first(*doc.root, by_attr("rel", "tag"));
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(closest_ancestor(*a, by_class("hentry")), find_first(*doc.root, by_class("hentry")));
  EXPECT_TRUE(is_descendant_of(*a, *find_first(*doc.root, by_class("post-body"))));
  EXPECT_EQ(find_all(*doc.root, by_tag_class("div", "post")).size(), 1u);
  EXPECT_EQ(collapse_whitespace(" a \xC2\xA0 b\n"), "a b");
}

TEST(HtmlTree, CommentsAndSourcePositions) {
  HtmlDocument doc = parse_html("<!-- top -->\n<p>x<!--in--></p>");
  ASSERT_FALSE(doc.root->children.empty());
  EXPECT_EQ(doc.root->children[0]->kind, HtmlNodeKind::Comment);
  const HtmlNode* p = find_first(*doc.root, by_tag("p"));
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->line, 2);
  EXPECT_EQ(outer_html(*p), "<p>x<!--in--></p>");
}

// The allocator gumbo calls from C: aligned, distinct, writable blocks, and
// no exception can leave it (it is noexcept; running out aborts with a message).
TEST(GumboArena, HandsOutAlignedDistinctBlocks) {
  static_assert(noexcept(GumboArena::allocate(nullptr, 1)));
  static_assert(noexcept(GumboArena::release(nullptr, nullptr)));
  GumboArena arena;
  std::vector<char*> blocks;
  for (size_t size : {size_t{0}, size_t{1}, size_t{7}, size_t{100}, size_t{20000}, size_t{1} << 20, size_t{3}}) {
    auto* p = static_cast<char*>(GumboArena::allocate(&arena, size));
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(reinterpret_cast<uintptr_t>(p) % alignof(std::max_align_t), 0u);
    std::memset(p, 'x', size);
    blocks.push_back(p);
  }
  for (size_t i = 0; i < 4000; ++i) blocks.push_back(static_cast<char*>(GumboArena::allocate(&arena, 48)));
  std::sort(blocks.begin(), blocks.end());
  EXPECT_EQ(std::adjacent_find(blocks.begin(), blocks.end()), blocks.end());
}

TEST(GumboArenaDeathTest, AnImpossibleRequestAbortsWithAMessage) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  GumboArena arena;
  // SIZE_MAX would wrap the rounding arithmetic into a tiny block.
  EXPECT_DEATH(GumboArena::allocate(&arena, SIZE_MAX), "out of memory while parsing HTML");
  EXPECT_DEATH(GumboArena::allocate(&arena, static_cast<size_t>(PTRDIFF_MAX)), "out of memory while parsing HTML");
}

}  // namespace
}  // namespace blogshift
