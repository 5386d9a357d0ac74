// write_front_matter: the seed's exact bytes, key order, quoting style, and
// every string parsed back by yaml-cpp to exactly what was written: a table
// of hostile titles and a generated-strings loop. Each of them also checks
// that the direct writer gives the bytes yaml-cpp's emitter gives
// (write_front_matter_with_yaml_cpp).
#include "metadata/front_matter.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <random>
#include <string>
#include <vector>

namespace blogshift {
namespace {

// The YAML between the "---" lines.
std::string body_of(const std::string& front_matter) {
  EXPECT_EQ(front_matter.rfind("---\n", 0), 0u) << front_matter;
  EXPECT_GE(front_matter.size(), 8u);
  EXPECT_EQ(front_matter.substr(front_matter.size() - 5), "\n---\n") << front_matter;
  return front_matter.substr(4, front_matter.size() - 8);
}

YAML::Node parse(const std::string& front_matter) { return YAML::Load(body_of(front_matter)); }

std::vector<std::string> keys_of(const YAML::Node& node) {
  std::vector<std::string> keys;
  for (const auto& item : node) keys.push_back(item.first.as<std::string>());
  return keys;
}

FrontMatter seed_front_matter() {
  // Values from /work/shared/seed/python-3120b4-released.md.
  FrontMatter fm;
  fm.title = "Python 3.12.0 beta 4 released";
  fm.publish_date = "2023-07-11";
  fm.updated_date = "2023-07-11";
  fm.author = "Thomas Wouters";
  fm.description =
      "I'm pleased to announce the release of Python 3.12 beta 4. "
      "https://www.python.org/downloads/release/python-3120b4/ This is a beta preview of Python 3.12 Pyth...";
  fm.published = true;
  fm.legacy_url = "/2023/07/pleased-to-announce-release-of-python-3.html";
  return fm;
}

TEST(FrontMatter, SeedIsReproducedByteForByte) {
  const std::string expected =
      "---\n"
      "title: Python 3.12.0 beta 4 released\n"
      "publishDate: '2023-07-11'\n"
      "updatedDate: '2023-07-11'\n"
      "author: Thomas Wouters\n"
      "description: 'I''m pleased to announce the release of Python 3.12 beta 4. "
      "https://www.python.org/downloads/release/python-3120b4/ This is a beta preview of Python 3.12 Pyth...'\n"
      "tags: []\n"
      "published: true\n"
      "legacyUrl: /2023/07/pleased-to-announce-release-of-python-3.html\n"
      "---\n";
  EXPECT_EQ(write_front_matter(seed_front_matter()), expected);
}

TEST(FrontMatter, TagsAreABlockListAndOptionalFieldsFollowInOrder) {
  FrontMatter fm = seed_front_matter();
  fm.tags = {"Python", "releases: beta", "3.12"};
  fm.published = false;
  fm.draft = true;
  fm.blogger_id = "8817263540091273846";
  fm.comments = 3;
  fm.aliases = {"/2023/07/pleased-to-announce-release-of-python-3.html"};
  fm.redirect_from = {"/2023/07/pleased-to-announce-release-of-python-3.html?m=1"};
  const std::string text = write_front_matter(fm);
  EXPECT_NE(text.find("\ntags:\n  - Python\n  - 'releases: beta'\n  - '3.12'\npublished: false\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find("\ndraft: true\nbloggerId: '8817263540091273846'\ncomments: 3\naliases:\n  - /2023/07/"),
            std::string::npos)
      << text;
  const YAML::Node node = parse(text);
  EXPECT_EQ(keys_of(node), (std::vector<std::string>{"title", "publishDate", "updatedDate", "author", "description",
                                                     "tags", "published", "legacyUrl", "draft", "bloggerId",
                                                     "comments", "aliases", "redirect_from"}));
  EXPECT_EQ(node["tags"].as<std::vector<std::string>>(), fm.tags);
  EXPECT_FALSE(node["published"].as<bool>());
  EXPECT_TRUE(node["draft"].as<bool>());
  EXPECT_EQ(node["comments"].as<int>(), 3);
  EXPECT_EQ(node["bloggerId"].as<std::string>(), fm.blogger_id);
  EXPECT_EQ(node["redirect_from"][0].as<std::string>(), fm.redirect_from[0]);
}

TEST(FrontMatter, OptionalFieldsAreLeftOutWhenUnset) {
  const YAML::Node node = parse(write_front_matter(seed_front_matter()));
  EXPECT_EQ(keys_of(node), (std::vector<std::string>{"title", "publishDate", "updatedDate", "author", "description",
                                                     "tags", "published", "legacyUrl"}));
  EXPECT_TRUE(node["tags"].IsSequence());
  EXPECT_EQ(node["tags"].size(), 0u);
}

TEST(FrontMatter, DatesAreAlwaysSingleQuotedStrings) {
  FrontMatter fm = seed_front_matter();
  fm.publish_date = "2019-11-30T23:30:00-08:00";
  const std::string text = write_front_matter(fm);
  EXPECT_NE(text.find("publishDate: '2019-11-30T23:30:00-08:00'\nupdatedDate: '2023-07-11'\n"), std::string::npos);
  EXPECT_EQ(parse(text)["publishDate"].Tag(), "!");  // quoted: a string to every reader
}

// The style each kind of string gets; all of them also parse back below.
TEST(FrontMatter, QuotingFollowsTheSeed) {
  const std::pair<std::string, std::string> cases[] = {
      {"Plain words", "title: Plain words\n"},
      {"Hello from Kettle & Crumb", "title: 'Hello from Kettle & Crumb'\n"},
      {"Strawberry Galette: Summer on a Plate", "title: 'Strawberry Galette: Summer on a Plate'\n"},
      {"#TBT: My Grandmother's Gingerbread", "title: '#TBT: My Grandmother''s Gingerbread'\n"},
      {"The \"No-Knead\" Loaf", "title: 'The \"No-Knead\" Loaf'\n"},
      {"Crème Brûlée for Two 🍮", "title: Crème Brûlée for Two 🍮\n"},
      {"yes", "title: 'yes'\n"},
      {"No", "title: 'No'\n"},
      {"null", "title: 'null'\n"},
      {"1.0", "title: '1.0'\n"},
      {"2023-07-11", "title: '2023-07-11'\n"},
      {"- a list?", "title: '- a list?'\n"},
      {"", "title: ''\n"},
      {" padded ", "title: ' padded '\n"},
      {"two\nlines", "title: \"two\\nlines\"\n"},
  };
  for (const auto& [title, line] : cases) {
    FrontMatter fm = seed_front_matter();
    fm.title = title;
    const std::string text = write_front_matter(fm);
    EXPECT_EQ(text.substr(4, line.size()), line) << text;
  }
}

void expect_round_trip(const std::string& value) {
  FrontMatter fm = seed_front_matter();
  fm.title = value;
  fm.author = value;
  fm.description = value;
  fm.legacy_url = value;
  fm.tags = {value, "plain", value};
  fm.aliases = {value};
  const std::string text = write_front_matter(fm);
  EXPECT_EQ(text, write_front_matter_with_yaml_cpp(fm));
  YAML::Node node;
  try {
    node = parse(text);
  } catch (const YAML::Exception& e) {
    ADD_FAILURE() << "does not parse: " << e.what() << "\n" << text;
    return;
  }
  ASSERT_TRUE(node.IsMap()) << text;
  EXPECT_EQ(keys_of(node).size(), 9u) << text;
  for (const char* key : {"title", "author", "description", "legacyUrl"}) {
    ASSERT_TRUE(node[key].IsScalar()) << key << "\n" << text;
    EXPECT_EQ(node[key].as<std::string>(), value) << key << "\n" << text;
  }
  EXPECT_EQ(node["tags"].as<std::vector<std::string>>(), fm.tags) << text;
  EXPECT_EQ(node["aliases"][0].as<std::string>(), value) << text;
  EXPECT_EQ(node["published"].as<std::string>(), "true");
  EXPECT_EQ(node["publishDate"].as<std::string>(), "2023-07-11");
}

TEST(FrontMatter, HostileTitlesParseBackExactly) {
  using namespace std::string_literals;
  const std::vector<std::string> titles = {
      "", " ", "  ", "\t", "\n", "a: b", "a:b", "a :b", "key: value: more", "::", ":", "-", "- item", "--", "---",
      "--- doc", "...", "... end", "? question", "?", "@mention", "`tick`", "*star", "&anchor", "!tag", "!!str x",
      "%YAML 1.2", "|", "| literal", ">", "> folded", "{", "{a: b}", "}", "[", "[1, 2]", "]", "'", "''", "'quoted'",
      "\"", "\"\"", "\"double\"", "it's", "say \"hi\"", "mixed 'single' and \"double\"", "\\", "\\\\", "C:\\path\\to",
      "a\\nb", "\\u0041", "\\x41", "#hashtag", "a #comment", "a#b", "# heading", ",", "a, b", "a,b", "<<", "=", "~",
      " leading", "trailing ", " both ", "\ttab lead", "tab\tinside", "trail tab\t", "yes", "Yes", "YES", "no", "No",
      "NO", "y", "n", "Y", "N", "on", "On", "off", "OFF", "true", "True", "TRUE", "false", "False", "null", "Null",
      "NULL", "1", "0", "-1", "+1", "1.0", "1e3", "1E-3", ".5", "0x1F", "0o17", "0b101", "017", "1_000", "1:20",
      "12:30:00", ".inf", "-.inf", ".Inf", ".nan", ".NaN", "2023-07-11", "2023-07-11T10:00:00Z",
      "2023-07-11 10:00:00", "3.12.0b4", "Python 3.12.0 beta 4 released", "日本語のタイトル", "Привет, мир",
      "مرحبا بالعالم", "שלום עולם", "你好：世界", "한국어 제목", "ελληνικά", "हिन्दी शीर्षक", "ไทย", "🍮", "🍮 Crème Brûlée 🍮",
      "👩‍👩‍👧‍👦 family", "🇸🇪 flag", "e\xCC\x81 combining", "line\nbreak", "two\n\nparagraphs", "trailing newline\n",
      "\nleading newline", "crlf\r\nline", "cr\ronly", "nul\0inside"s, "\0"s, "bell\a", "esc\x1b[31m", "del\x7f",
      "\x01\x02\x03", "form\ffeed", "vtab\v", "nel\xC2\x85here", "nbsp\xC2\xA0here", "\xC2\xA0", "ls\xE2\x80\xA8here",
      "ps\xE2\x80\xA9here", "bom\xEF\xBB\xBFhere", "\xEF\xBB\xBF" "bom first", "zwsp\xE2\x80\x8B", "c1\xC2\x9B",
      "\xEF\xB7\x90" "U+FDD0", "\xF0\x9F\x98\x80\xF0\x9F\x98\x80", "tab\t: colon", "a: #b", "a - b",
      "100% sure", "50 % off", "R&D", "Q&A: answers", "<html>", "<script>alert(1)</script>", "&amp;", "a | b",
      "a > b", "@", "`", "!", "*", "&", "%", "a\"", "a'", "'a", "\"a", "{{template}}", "${var}", "$(cmd)",
      "'single' start", "\"double\" start", "ends with colon:", "ends with dash -", "- ", " -", "-1 leading minus",
      "0", "00", "0.0.1", "1.2.3.4", "v1.0", "1st place", "10 ways to bake", "=value", "a\u2029b",
      std::string(500, 'x'), std::string(300, ' '), "long " + std::string(2000, 'y') + " words",
  };
  for (const auto& title : titles) {
    SCOPED_TRACE(::testing::PrintToString(title));
    expect_round_trip(title);
  }
}

// Random strings from pieces YAML finds interesting, 4000 of them (fixed seed,
// so a failure replays).
TEST(FrontMatter, GeneratedStringsParseBackExactly) {
  using namespace std::string_literals;
  const std::vector<std::string> pieces = {
      "a", "Z", "0", "9", " ", "  ", "\t", "\n", "\r", "\r\n", ":", ": ", " :", "#", " #", "-", "- ", "?", "? ",
      ",", "[", "]", "{", "}", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`", "\\", "\\n", "~", "=", "<<", ".",
      "...", "---", "yes", "no", "true", "null", "1.0", "0x1", "é", "ß", "日本", "Ж", "ע", "ش", "🍮", "👩‍👧",
      "\xE2\x80\xA8", "\xC2\x85", "\xC2\xA0", "\xEF\xBB\xBF", "\0"s, "\x01", "\x1b", "\x7f", "\xE2\x80\x8B",
      "\xF4\x8F\xBF\xBD", "\xEF\xBF\xBD",
  };
  std::mt19937 rng(20230711);
  std::uniform_int_distribution<std::size_t> length(0, 12), pick(0, pieces.size() - 1);
  for (int i = 0; i < 4000; ++i) {
    std::string value;
    for (std::size_t n = length(rng); n > 0; --n) value += pieces[pick(rng)];
    SCOPED_TRACE(::testing::PrintToString(value));
    expect_round_trip(value);
    if (::testing::Test::HasFailure()) break;  // one replayable failure is enough
  }
}

TEST(FrontMatter, MalformedUtf8BecomesReplacementCharacters) {
  FrontMatter fm = seed_front_matter();
  fm.title = "bad \xFF byte";
  EXPECT_EQ(parse(write_front_matter(fm))["title"].as<std::string>(), "bad \xEF\xBF\xBD byte");
}

// yaml-cpp's emitter cannot write the Unicode noncharacters U+xxFFFE and
// U+xxFFFF (not for interchange; YAML 1.2 does not count U+FFFE/U+FFFF as
// printable): it writes U+FFFD, as for malformed bytes.
TEST(FrontMatter, NoncharactersBecomeReplacementCharacters) {
  FrontMatter fm = seed_front_matter();
  fm.title = "x\xEF\xBF\xBEy\xF4\x8F\xBF\xBFz";
  EXPECT_EQ(parse(write_front_matter(fm))["title"].as<std::string>(), "x\xEF\xBF\xBDy\xEF\xBF\xBDz");
}

// Every field, each optional one set and unset, with values of every style:
// the direct writer and yaml-cpp's emitter give the same bytes.
TEST(FrontMatter, DirectWriterMatchesYamlCppEmitter) {
  const std::vector<std::string> values = {"", "plain", "it's", "a: b", "- x", "yes", "1.0", "two\nlines",
                                           "tab\there", "日本語", "🍮 x", "x\xEF\xBF\xBEy", "bad \xFF", " padded ",
                                           "\xEF\xB7\x90", "'", "''"};
  for (const auto& value : values) {
    for (int variant = 0; variant < 4; ++variant) {
      FrontMatter fm = seed_front_matter();
      fm.title = value;
      fm.blogger_id = variant % 2 ? value : "";
      fm.publish_date = variant == 3 ? value : "2019-11-30T23:30:00-08:00";
      fm.updated_date = value;
      fm.tags = variant == 0 ? std::vector<std::string>{} : std::vector<std::string>{value, "b"};
      fm.published = variant % 2 == 0;
      if (variant > 0) fm.draft = variant == 1;
      if (variant > 1) fm.comments = variant == 2 ? 0 : -12;
      if (variant == 2) fm.redirect_from = {value, value};
      if (variant == 3) fm.aliases = {value};
      fm.layout = variant == 1 ? SiteLayout::hugo : variant == 2 ? SiteLayout::jekyll : SiteLayout::astro;
      fm.route = value;
      SCOPED_TRACE(::testing::PrintToString(value) + " variant " + std::to_string(variant));
      EXPECT_EQ(write_front_matter(fm), write_front_matter_with_yaml_cpp(fm));
    }
  }
}

TEST(FrontMatter, OutputIsDeterministic) {
  FrontMatter fm = seed_front_matter();
  fm.tags = {"b", "a"};
  EXPECT_EQ(write_front_matter(fm), write_front_matter(fm));
}

}  // namespace
}  // namespace blogshift

namespace blogshift {
namespace {

TEST(FrontMatter, HugoSpellsDatesAndDraftItsWayAndAddsTheRoute) {
  FrontMatter fm = seed_front_matter();
  fm.layout = SiteLayout::hugo;
  fm.route = "/2023/07/pleased-to-announce-release-of-python-3/";
  fm.published = false;
  fm.draft = true;
  const YAML::Node node = parse(write_front_matter(fm));
  EXPECT_EQ(keys_of(node), (std::vector<std::string>{"title", "date", "lastmod", "author", "description", "tags",
                                                      "draft", "legacyUrl", "url"}));
  EXPECT_EQ(node["date"].as<std::string>(), "2023-07-11");
  EXPECT_TRUE(node["draft"].as<bool>());  // Hugo takes `published` for a date: it must not appear
  EXPECT_EQ(node["url"].as<std::string>(), fm.route);
}

TEST(FrontMatter, JekyllSpellsDatesItsWayAndAddsThePermalink) {
  FrontMatter fm = seed_front_matter();
  fm.layout = SiteLayout::jekyll;
  fm.route = "/2023/07/pleased-to-announce-release-of-python-3/";
  const YAML::Node node = parse(write_front_matter(fm));
  EXPECT_EQ(keys_of(node), (std::vector<std::string>{"title", "date", "last_modified_at", "author", "description",
                                                      "tags", "published", "legacyUrl", "permalink"}));
  EXPECT_TRUE(node["published"].as<bool>());
  EXPECT_EQ(node["permalink"].as<std::string>(), fm.route);
}

TEST(FrontMatter, TheDefaultLayoutIgnoresTheRoute) {
  FrontMatter fm = seed_front_matter();
  fm.route = "/2023/07/x";
  EXPECT_EQ(write_front_matter(fm).find("/2023/07/x\n"), std::string::npos);
}

}  // namespace
}  // namespace blogshift
