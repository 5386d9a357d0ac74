// Local dates, descriptions, slugs, routes and slug collisions.
#include "metadata/post_metadata.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

#include "test_paths.h"

namespace blogshift {
namespace {

std::size_t code_points(const std::string& s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

bool valid_utf8(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const std::size_t n = b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

// ---- local dates -------------------------------------------------------------

TEST(LocalDate, ShiftsByTheOffset) {
  EXPECT_EQ(local_date("2019-12-01T07:30:00.002Z", -480), "2019-11-30");
  EXPECT_EQ(local_date("2019-12-01T07:30:00.002Z", 0), "2019-12-01");
  EXPECT_EQ(local_date("2019-12-31T23:30:00Z", 60), "2020-01-01");
  EXPECT_EQ(local_date("2020-03-01T00:10:00Z", -60), "2020-02-29");
  EXPECT_EQ(local_date("2019-11-30T23:30:00-08:00", -480), "2019-11-30");  // offsets in the input are honoured
  EXPECT_EQ(local_date("1969-12-31T23:00:00Z", 120), "1970-01-01");
}

TEST(LocalDate, BareDatesStayAndGarbageIsEmpty) {
  EXPECT_EQ(local_date("2019-11-30", -480), "2019-11-30");
  EXPECT_EQ(local_date("yesterday", 0), "");
  EXPECT_EQ(local_date("", 0), "");
  EXPECT_EQ(local_timestamp("nope", 0), "");
}

TEST(LocalTimestamp, IsRfc3339WithTheOffset) {
  EXPECT_EQ(local_timestamp("2019-12-01T07:30:00.002Z", -480), "2019-11-30T23:30:00-08:00");
  EXPECT_EQ(local_timestamp("2023-07-11T18:30:00Z", 330), "2023-07-12T00:00:00+05:30");
  EXPECT_EQ(local_timestamp("2023-07-11T18:30:00Z", 0), "2023-07-11T18:30:00+00:00");
  EXPECT_EQ(local_timestamp("2023-01-01T00:00:00Z", -570), "2022-12-31T14:30:00-09:30");
}

std::string local_date_in(const std::string& zone, const std::string& utc) {
  const auto offset = zone_offset_minutes(zone, utc);
  EXPECT_TRUE(offset.has_value()) << zone;
  return local_date(utc, offset.value_or(0));
}

TEST(ZoneOffset, LosAngelesAndItsDaylightSaving) {
  EXPECT_EQ(zone_offset_minutes("America/Los_Angeles", "2019-12-01T07:30:00.002Z"), -480);
  EXPECT_EQ(zone_offset_minutes("America/Los_Angeles", "2023-07-11T12:00:00Z"), -420);
  // 2023-03-12 02:00 PST = 10:00 UTC; 2023-11-05 02:00 PDT = 09:00 UTC.
  EXPECT_EQ(zone_offset_minutes("America/Los_Angeles", "2023-03-12T09:59:59Z"), -480);
  EXPECT_EQ(zone_offset_minutes("America/Los_Angeles", "2023-03-12T10:00:00Z"), -420);
  EXPECT_EQ(zone_offset_minutes("America/Los_Angeles", "2023-11-05T08:59:59Z"), -420);
  EXPECT_EQ(zone_offset_minutes("America/Los_Angeles", "2023-11-05T09:00:00Z"), -480);
  EXPECT_EQ(local_date_in("America/Los_Angeles", "2023-07-12T06:30:00Z"), "2023-07-11");  // 23:30 PDT
}

TEST(ZoneOffset, BerlinAroundBothChanges) {
  // 2023-03-26 02:00 CET = 01:00 UTC; 2023-10-29 03:00 CEST = 01:00 UTC.
  EXPECT_EQ(zone_offset_minutes("Europe/Berlin", "2023-03-26T00:59:59Z"), 60);
  EXPECT_EQ(zone_offset_minutes("Europe/Berlin", "2023-03-26T01:00:00Z"), 120);
  EXPECT_EQ(zone_offset_minutes("Europe/Berlin", "2023-10-29T00:59:59Z"), 120);
  EXPECT_EQ(zone_offset_minutes("Europe/Berlin", "2023-10-29T01:00:00Z"), 60);
  EXPECT_EQ(local_date_in("Europe/Berlin", "2023-07-11T21:30:00Z"), "2023-07-11");  // 23:30 CEST
  EXPECT_EQ(local_date_in("Europe/Berlin", "2023-07-11T22:30:00Z"), "2023-07-12");  // 00:30 CEST
  EXPECT_EQ(local_date_in("Europe/Berlin", "2023-01-11T22:30:00Z"), "2023-01-11");  // 23:30 CET
}

TEST(ZoneOffset, KolkataHalfHour) {
  EXPECT_EQ(zone_offset_minutes("Asia/Kolkata", "2023-07-11T12:00:00Z"), 330);
  EXPECT_EQ(local_date_in("Asia/Kolkata", "2023-07-11T18:00:00Z"), "2023-07-11");  // 23:30 IST
  EXPECT_EQ(local_date_in("Asia/Kolkata", "2023-07-11T18:30:00Z"), "2023-07-12");  // 00:00 IST
}

TEST(ZoneOffset, FarFutureUsesTheZoneRule) {
  EXPECT_EQ(zone_offset_minutes("America/Los_Angeles", "2100-07-01T12:00:00Z"), -420);
  EXPECT_EQ(zone_offset_minutes("America/Los_Angeles", "2100-01-01T12:00:00Z"), -480);
  EXPECT_EQ(zone_offset_minutes("Europe/Berlin", "2100-07-01T12:00:00Z"), 120);
  EXPECT_EQ(zone_offset_minutes("Australia/Sydney", "2100-01-01T12:00:00Z"), 660);
  EXPECT_EQ(zone_offset_minutes("Australia/Sydney", "2100-07-01T12:00:00Z"), 600);
}

TEST(ZoneOffset, UnknownAndUnsafeZoneNames) {
  for (const std::string zone : {"", "Mars/Olympus_Mons", "../etc/passwd", "/etc/localtime", "America/../UTC",
                                 "America", "America/", ".", "Europe/Berlin\n", "zone.tab"}) {
    EXPECT_EQ(zone_offset_minutes(zone, "2023-07-11T12:00:00Z"), std::nullopt) << zone;
  }
  EXPECT_EQ(zone_offset_minutes("UTC", "2023-07-11T12:00:00Z"), 0);
  EXPECT_EQ(zone_offset_minutes("Europe/Berlin", "not a time"), std::nullopt);
}

TEST(ZoneOffset, ManyThreadsAgree) {
  const std::vector<std::pair<std::string, int>> cases = {
      {"America/Los_Angeles", -420}, {"Europe/Berlin", 120}, {"Asia/Kolkata", 330}, {"Asia/Kathmandu", 345},
      {"Australia/Adelaide", 570},   {"Pacific/Chatham", 765}, {"America/St_Johns", -150}};
  std::vector<std::thread> threads;
  std::vector<int> failures(8, 0);
  for (std::size_t t = 0; t < failures.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        const auto& [zone, expected] = cases[(t + static_cast<std::size_t>(i)) % cases.size()];
        const bool southern = expected == 570 || expected == 765;
        const auto got = zone_offset_minutes(zone, southern ? "2023-01-11T12:00:00Z" : "2023-07-11T12:00:00Z");
        if (got != (southern ? expected + 60 : expected)) ++failures[t];
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (const int f : failures) EXPECT_EQ(f, 0);
}

// The sample blog's 23:30 post keeps its local date in America/Los_Angeles.
TEST(ZoneOffset, SampleBlogLateNightPostKeepsItsLocalDate) {
  std::ifstream in(testing::fixture("sample-blog/feed.atom"));
  ASSERT_TRUE(in);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string feed = buffer.str();
  const auto filename = feed.find("<blogger:filename>/2019/11/late-night-cardamom-buns.html<");
  ASSERT_NE(filename, std::string::npos);
  const auto published = feed.rfind("<published>", filename);
  ASSERT_NE(published, std::string::npos);
  const auto begin = published + std::string("<published>").size();
  const std::string utc = feed.substr(begin, feed.find('<', begin) - begin);
  EXPECT_EQ(utc, "2019-12-01T07:30:00.002Z");
  const auto offset = zone_offset_minutes("America/Los_Angeles", utc);
  ASSERT_EQ(offset, -480);
  EXPECT_EQ(local_date(utc, *offset), "2019-11-30");
  EXPECT_EQ(local_timestamp(utc, *offset), "2019-11-30T23:30:00-08:00");
  EXPECT_EQ(local_date(utc, 0), "2019-12-01");  // what a UTC-only migration would have said
}

// ---- descriptions --------------------------------------------------------------

// The seed post's plain text, as the seed's script saw it (Markdown stripped,
// line breaks made spaces).
const std::string kSeedText =
    "I'm pleased to announce the release of Python 3.12 beta 4.\n\n"
    "https://www.python.org/downloads/release/python-3120b4/\n\n"
    "This is a beta preview of Python 3.12\n\n"
    "Python 3.12 is still in development. This release, 3.12.0b4, is the final of four beta release previews of "
    "3.12.";

TEST(Description, HardCutReproducesTheSeed) {
  EXPECT_EQ(make_description_hard_cut(kSeedText),
            "I'm pleased to announce the release of Python 3.12 beta 4. "
            "https://www.python.org/downloads/release/python-3120b4/ This is a beta preview of Python 3.12 Pyth...");
}

TEST(Description, CutsAtAWordBoundaryWithinTheSeedsLength) {
  const std::string d = make_description(kSeedText);
  EXPECT_EQ(d,
            "I'm pleased to announce the release of Python 3.12 beta 4. "
            "https://www.python.org/downloads/release/python-3120b4/ This is a beta preview of Python 3.12...");
  EXPECT_LE(code_points(d), 160u);
}

TEST(Description, ShortTextIsOnlyCollapsed) {
  EXPECT_EQ(make_description("  Hello,\n\n\tworld \xC2\xA0 again\xE2\x80\xA8!  "), "Hello, world again !");
  EXPECT_EQ(make_description(""), "");
  EXPECT_EQ(make_description(" \n\t "), "");
  const std::string exactly(160, 'x');
  EXPECT_EQ(make_description(exactly), exactly);
  EXPECT_EQ(make_description(exactly + " y"), std::string(157, 'x') + "...");
}

TEST(Description, WordEndingExactlyAtTheLimitIsKept) {
  const std::string text = std::string(150, 'a') + " bcdefg hij";  // 157th code point ends "bcdefg"
  EXPECT_EQ(make_description(text), std::string(150, 'a') + " bcdefg...");
}

TEST(Description, NoDanglingPunctuationBeforeTheEllipsis) {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "word, ";
  const std::string d = make_description(text);
  EXPECT_EQ(d.substr(d.size() - 7), "word...");
  EXPECT_LE(code_points(d), 160u);
}

TEST(Description, CjkWithoutSpacesIsCutOnACodePoint) {
  std::string text;
  for (int i = 0; i < 200; ++i) text += "漢";
  const std::string d = make_description(text);
  EXPECT_EQ(code_points(d), 160u);
  EXPECT_EQ(d.substr(d.size() - 3), "...");
  EXPECT_TRUE(valid_utf8(d));
  EXPECT_EQ(d.size(), 157u * 3 + 3);
}

TEST(Description, LongUrlIsCutHard) {
  const std::string text = "See https://example.com/" + std::string(300, 'p') + " for more";
  const std::string d = make_description(text);
  EXPECT_EQ(code_points(d), 160u);
  EXPECT_EQ(d.rfind("See https://example.com/ppp", 0), 0u);
}

TEST(Description, MalformedUtf8BecomesReplacementCharacters) {
  // One U+FFFD per malformed byte (here a lone 0xFF and a cut-off 3-byte sequence).
  EXPECT_EQ(make_description("a\xFF" "b \xE6\xBC"), "a\xEF\xBF\xBD" "b \xEF\xBF\xBD\xEF\xBF\xBD");
}

// A description read from the start of a text is the description of the
// whole text, whenever that start was enough to decide it; and a long
// enough start always is.
TEST(Description, FromAPrefixIsTheWholeTextsOrNothing) {
  const std::vector<std::string> pieces = {"a", "bc", " ", "\n", "\xE3\x80\x80", "\xC2\xA0", "é", "漢字", "🍮",
                                           ",", "word", "\xFF", "\x01"};
  std::mt19937 rng(161);
  std::uniform_int_distribution<std::size_t> count(0, 200), pick(0, pieces.size() - 1), limit(0, 80);
  for (int i = 0; i < 400; ++i) {
    std::string text;
    for (std::size_t n = count(rng); n > 0; --n) text += pieces[pick(rng)];
    const std::size_t max = limit(rng);
    const std::string whole = make_description(text, max);
    for (std::size_t k = 0; k <= text.size(); ++k) {
      const auto d = make_description_from_prefix(std::string_view(text).substr(0, k), max);
      if (d) {
        ASSERT_EQ(*d, whole) << ::testing::PrintToString(text) << " cut at " << k << ", limit " << max;
      }
    }
  }
  const std::string long_text = kSeedText + " " + kSeedText + " " + kSeedText;
  const auto d = make_description_from_prefix(std::string_view(long_text).substr(0, 200));
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(*d, make_description(long_text));
  EXPECT_FALSE(make_description_from_prefix(std::string_view(long_text).substr(0, 150)).has_value());
}

TEST(Description, GeneratedTextNeverBreaksUtf8OrTheLimit) {
  const std::vector<std::string> pieces = {"a", "bc", " ", "\n", "é", "漢字", "🍮", "👩‍👧", ",", "\xC2\xA0", "word"};
  std::mt19937 rng(160);
  std::uniform_int_distribution<std::size_t> count(0, 120), pick(0, pieces.size() - 1), limit(0, 200);
  for (int i = 0; i < 3000; ++i) {
    std::string text;
    for (std::size_t n = count(rng); n > 0; --n) text += pieces[pick(rng)];
    const std::size_t max = limit(rng);
    for (const std::string& d : {make_description(text, max), make_description_hard_cut(text, max)}) {
      ASSERT_TRUE(valid_utf8(d)) << ::testing::PrintToString(text) << " " << max;
      ASSERT_LE(code_points(d), max) << ::testing::PrintToString(text);
      ASSERT_EQ(d.find("  "), std::string::npos);
      ASSERT_TRUE(d.empty() || (d.front() != ' ' && d.back() != ' ')) << ::testing::PrintToString(d);
    }
  }
}

// ---- slugs -------------------------------------------------------------------

TEST(Slug, FromLegacyPaths) {
  const std::pair<std::string, std::string> cases[] = {
      {"/2023/07/pleased-to-announce.html", "pleased-to-announce"},
      {"/2023/07/pleased-to-announce-release-of-python-3.html", "pleased-to-announce-release-of-python-3"},
      {"/2021/03/sourdough_12.html", "sourdough"},
      {"/2021/03/sourdough_.html", "sourdough"},
      {"/2021/03/sour_dough.html", "sour-dough"},
      {"/p/about.html", "about"},
      {"https://kettleandcrumb.blogspot.com/2020/01/Late-Night.html?m=1#more", "late-night"},
      {"/2023/07/python-3.12.html", "python-3-12"},
      {"/2020/08/cr%C3%A8me-br%C3%BBl%C3%A9e.html", "crème-brûlée"},
      {"/2020/08/%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82.html", "привет"},
      {"/2020/08/日本語.HTML", "日本語"},
      {"/2020/08/a%2F..%2F..%2Fetc%2Fpasswd.html", "a-etc-passwd"},
      {"..\\..\\windows\\system32.html", "system32"},
      {"/2020/08/.hidden.html", "hidden"},
      {"/2020/08/with%00nul.html", "with-nul"},
      {"/2020/08/emoji-🍮-post.html", "emoji-post"},
      {"/2020/08/--dashes--.html", "dashes"},
      {"/2020/08/", "08"},
  };
  for (const auto& [path, slug] : cases) EXPECT_EQ(slug_from_legacy_path(path, "post-1"), slug) << path;
}

TEST(Slug, FallsBackWhenThePathHasNothing) {
  EXPECT_EQ(slug_from_legacy_path("", "post-8817263540091273846"), "post-8817263540091273846");
  EXPECT_EQ(slug_from_legacy_path("/2020/01/..html", "post-1"), "post-1");
  EXPECT_EQ(slug_from_legacy_path("/2020/01/🍮.html", "post-1"), "post-1");
  EXPECT_EQ(slug_from_legacy_path("", ""), "post");
  EXPECT_EQ(slug_from_legacy_path("", "../../x"), "x");
}

TEST(Slug, FromTitles) {
  const std::pair<std::string, std::string> cases[] = {
      {"Late-Night Cardamom Buns", "late-night-cardamom-buns"},
      {"#TBT: My Grandmother's Gingerbread", "tbt-my-grandmothers-gingerbread"},
      {"Hello from Kettle & Crumb", "hello-from-kettle-crumb"},
      {"Crème Brûlée for Two 🍮", "creme-brulee-for-two"},
      {"The \"No-Knead\" Loaf That Saved Lockdown", "the-no-knead-loaf-that-saved-lockdown"},
      {"Straße & Œuvre, Łódź", "strasse-oeuvre-lodz"},
      {"Cre\xCC\x80me", "creme"},
      {"Python 3.12.0 beta 4 released", "python-3-12-0-beta-4-released"},
      {"Привет, мир", "привет-мир"},
      {"Ωmega ΑΒΓ Ёлка", "ωmega-αβγ-ёлка"},
      {"日本語のタイトル", "日本語のタイトル"},
      {"你好，世界", "你好-世界"},
      {"  ../../etc/passwd  ", "etc-passwd"},
      {"🍮🍮🍮", ""},
      {"!!!", ""},
      {"", ""},
  };
  for (const auto& [title, slug] : cases) EXPECT_EQ(slug_from_title(title), slug) << title;
}

TEST(Slug, LongTitlesAreCutAtAHyphen) {
  std::string title;
  for (int i = 0; i < 30; ++i) title += "sourdough ";
  const std::string slug = slug_from_title(title);
  EXPECT_LE(slug.size(), 80u);
  EXPECT_EQ(slug.back(), 'h');
  std::string cjk;
  for (int i = 0; i < 60; ++i) cjk += "漢";
  const std::string cut = slug_from_title(cjk);
  EXPECT_LE(cut.size(), 80u);
  EXPECT_TRUE(valid_utf8(cut));
}

TEST(Slug, GeneratedInputNeverGivesAnUnsafeSlug) {
  using namespace std::string_literals;
  const std::vector<std::string> pieces = {"a", "Z", "9", ".", "..", "/", "\\", "_", "_1", "-", " ", "\0"s, "\n",
                                           "%2e", "%2F", "%00", ".html", "é", "漢", "🍮", "\xFF", "\xC3", ":", "?",
                                           "#", "'", "&", "\xE2\x80\xAE"};
  std::mt19937 rng(42);
  std::uniform_int_distribution<std::size_t> count(0, 16), pick(0, pieces.size() - 1);
  for (int i = 0; i < 5000; ++i) {
    std::string text;
    for (std::size_t n = count(rng); n > 0; --n) text += pieces[pick(rng)];
    const std::string legacy = slug_from_legacy_path(text, "post-7");
    ASSERT_TRUE(is_safe_slug(legacy)) << ::testing::PrintToString(text) << " -> " << legacy;
    ASSERT_EQ(legacy.find(".."), std::string::npos);
    ASSERT_EQ(legacy.find('.'), std::string::npos);
    ASSERT_TRUE(valid_utf8(legacy));
    const std::string titled = slug_from_title(text);
    ASSERT_TRUE(titled.empty() || is_safe_slug(titled)) << ::testing::PrintToString(text) << " -> " << titled;
    ASSERT_EQ(titled.find('.'), std::string::npos);
    ASSERT_TRUE(valid_utf8(titled));
  }
}

TEST(Slug, SafetyCheck) {
  EXPECT_TRUE(is_safe_slug("sourdough"));
  EXPECT_TRUE(is_safe_slug("привет"));
  for (const std::string& bad : std::vector<std::string>{"", ".", "..", ".hidden", "a/b", "a\\b", "a\nb", std::string("a\0b", 3)})
    EXPECT_FALSE(is_safe_slug(bad)) << ::testing::PrintToString(bad);
  EXPECT_FALSE(is_safe_slug(std::string(201, 'a')));
}

// ---- routes ------------------------------------------------------------------

TEST(Route, Placeholders) {
  EXPECT_EQ(route_for("/:year/:month/:slug", "2019-11-30", "late-night-cardamom-buns"),
            "/2019/11/late-night-cardamom-buns");
  EXPECT_EQ(route_for("", "2019-11-30", "buns"), "/2019/11/buns");
  EXPECT_EQ(route_for(":slug", "2019-11-30", "buns"), "buns");
  EXPECT_EQ(route_for("/posts/:slug/", "2019-11-30", "buns"), "/posts/buns/");
  EXPECT_EQ(route_for("/:year/:month/:day/:slug.html", "2019-11-30T23:30:00-08:00", "buns"),
            "/2019/11/30/buns.html");
  EXPECT_EQ(route_for("/:year/:month/:slug", "", "buns"), "/buns");
  EXPECT_EQ(route_for("/:year/:month/:slug", "garbage!!", "buns"), "/buns");
  EXPECT_EQ(route_for("/blog/:slugs", "2019-11-30", "a"), "/blog/as");
}

// ---- collisions --------------------------------------------------------------

using Candidates = std::vector<std::pair<std::string, std::string>>;

TEST(Collisions, PublicationOrderDecides) {
  EXPECT_EQ(resolve_slug_collisions({{"a", "2020-02"}, {"a", "2020-01"}, {"a", "2020-03"}}),
            (std::vector<std::string>{"a-2", "a", "a-3"}));
}

TEST(Collisions, NumberedSlugNeverTakesAnotherPostsOwnSlug) {
  EXPECT_EQ(resolve_slug_collisions({{"a", "1"}, {"a", "2"}, {"a-2", "3"}}),
            (std::vector<std::string>{"a", "a-3", "a-2"}));
  EXPECT_EQ(resolve_slug_collisions({{"a-2", "1"}, {"a", "2"}, {"a", "3"}, {"a-3", "4"}}),
            (std::vector<std::string>{"a-2", "a", "a-4", "a-3"}));
}

TEST(Collisions, BloggersSuffixedDuplicateFromTheSampleBlog) {
  const Candidates candidates = {
      {slug_from_legacy_path("/2021/03/sourdough_12.html", "x"), "2021-03-14T16:15:00.006Z"},
      {slug_from_legacy_path("/2021/03/sourdough.html", "x"), "2021-03-07T16:00:00.005Z"},
      {slug_from_legacy_path("/2019/11/late-night-cardamom-buns.html", "x"), "2019-12-01T07:30:00.002Z"},
  };
  EXPECT_EQ(resolve_slug_collisions(candidates),
            (std::vector<std::string>{"sourdough-2", "sourdough", "late-night-cardamom-buns"}));
}

TEST(Collisions, EqualKeysKeepInputOrderAndResultsAreUnique) {
  EXPECT_EQ(resolve_slug_collisions({{"b", "k"}, {"b", "k"}}), (std::vector<std::string>{"b", "b-2"}));
  EXPECT_TRUE(resolve_slug_collisions({}).empty());

  std::mt19937 rng(7);
  std::uniform_int_distribution<int> pick(0, 5);
  const std::string names[] = {"a", "a-2", "a-3", "b", "a-2-2", "b-2"};
  for (int round = 0; round < 300; ++round) {
    Candidates candidates;
    for (int i = 0; i < 12; ++i) candidates.push_back({names[pick(rng)], std::to_string(100 + i)});
    const auto first = resolve_slug_collisions(candidates);
    std::vector<std::string> sorted = first;
    std::sort(sorted.begin(), sorted.end());
    ASSERT_EQ(std::adjacent_find(sorted.begin(), sorted.end()), sorted.end());
    // Every post whose slug is unique keeps it; shuffling the input changes nothing.
    std::vector<std::size_t> order(candidates.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::shuffle(order.begin(), order.end(), rng);
    Candidates shuffled;
    for (const auto i : order) shuffled.push_back(candidates[i]);
    const auto second = resolve_slug_collisions(shuffled);
    for (std::size_t k = 0; k < order.size(); ++k) ASSERT_EQ(second[k], first[order[k]]);
  }
}

}  // namespace
}  // namespace blogshift
