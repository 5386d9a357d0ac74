// The classic "Back up content" reader, on fixtures/exports/classic-small.xml
// (hand-written in the real layout) and on the corpus exports.
#include <gtest/gtest.h>

#include "collecting_sink.h"
#include "test_paths.h"
#include "xml/atom_export_reader.h"

using namespace blogshift;
using blogshift::testing::CollectingSink;

TEST(ClassicReader, ReadsEveryKindOfEntry) {
  CollectingSink sink;
  read_atom_export(blogshift::testing::fixture("exports/classic-small.xml"), sink);
  EXPECT_TRUE(sink.problems.empty());
  EXPECT_EQ(sink.count(ItemKind::Template), 1u);
  EXPECT_EQ(sink.count(ItemKind::Settings), 2u);
  EXPECT_EQ(sink.count(ItemKind::Post), 3u);
  EXPECT_EQ(sink.count(ItemKind::Page), 1u);
  EXPECT_EQ(sink.count(ItemKind::Comment), 2u);
  ASSERT_EQ(sink.blogs.size(), 1u);
  EXPECT_EQ(sink.blogs[0].blog_id, "1111222233334444555");
  EXPECT_EQ(sink.blogs[0].hosts, std::vector<std::string>{"smallclassic.blogspot.com"});
}

TEST(ClassicReader, PostFieldsKeepOriginalOffsetAndLabels) {
  CollectingSink sink;
  read_atom_export(blogshift::testing::fixture("exports/classic-small.xml"), sink);
  const ItemRecord* p = sink.find_by_path("/2014/03/late-night.html");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->blogger_id, "9000000000000000001");
  EXPECT_EQ(p->title, "Late night: \"quotes\" & colons");
  EXPECT_EQ(p->published, "2014-03-02T23:30:00.000-08:00");
  EXPECT_EQ(p->status, ItemStatus::Live);
  EXPECT_EQ(p->labels, (std::vector<std::string>{"Garden", "Crème brûlée"}));
  EXPECT_EQ(p->urls, std::vector<std::string>{"http://smallclassic.blogspot.com/2014/03/late-night.html"});
  EXPECT_NE(p->body_html.find("imageanchor=\"1\""), std::string::npos);
  EXPECT_NE(p->extra_json.find("\"featurename\":\"Portland, OR, USA\""), std::string::npos);
  EXPECT_NE(p->extra_json.find("\"comments\":\"2\""), std::string::npos);
}

TEST(ClassicReader, DraftInOldAppNamespaceAndScheduledPost) {
  CollectingSink sink;
  read_atom_export(blogshift::testing::fixture("exports/classic-small.xml"), sink);
  EXPECT_EQ(sink.count(ItemKind::Post, ItemStatus::Draft), 1u);
  const ItemRecord* scheduled = sink.find_by_path("/2015/07/coming-soon.html");
  ASSERT_NE(scheduled, nullptr);
  EXPECT_EQ(scheduled->status, ItemStatus::Scheduled);  // published after the export's <updated>
}

TEST(ClassicReader, CommentsPointAtTheirPost) {
  CollectingSink sink;
  read_atom_export(blogshift::testing::fixture("exports/classic-small.xml"), sink);
  size_t comments = 0;
  for (const auto& i : sink.items) {
    if (i.kind != ItemKind::Comment) continue;
    ++comments;
    EXPECT_EQ(i.parent_blogger_id, "9000000000000000001");
    EXPECT_TRUE(i.legacy_path.empty());
  }
  EXPECT_EQ(comments, 2u);
}

// Counts from ../shared/corpus/arborlodge-classic-export/SOURCE.md ("counted
// with a script over the parsed XML"): 749 entries = 1 template, 51 settings,
// 628 posts (11 drafts), 13 pages, 56 comments; 617 posts with an alternate link.
TEST(ClassicReaderCorpus, ArborlodgeCountsMatchSource) {
  BLOGSHIFT_REQUIRE_CORPUS();
  CollectingSink sink;
  read_atom_export(blogshift::testing::corpus("arborlodge-classic-export/blogger-export-2022-02.xml.gz"), sink);
  EXPECT_TRUE(sink.problems.empty());
  EXPECT_EQ(sink.items.size(), 749u);
  EXPECT_EQ(sink.count(ItemKind::Template), 1u);
  EXPECT_EQ(sink.count(ItemKind::Settings), 51u);
  EXPECT_EQ(sink.count(ItemKind::Post), 628u);
  EXPECT_EQ(sink.count(ItemKind::Post, ItemStatus::Draft), 11u);
  EXPECT_EQ(sink.count(ItemKind::Page), 13u);
  EXPECT_EQ(sink.count(ItemKind::Comment), 56u);
  size_t with_path = 0;
  for (const auto& i : sink.items)
    if (i.kind == ItemKind::Post && !i.legacy_path.empty()) ++with_path;
  EXPECT_EQ(with_path, 617u);
  ASSERT_EQ(sink.blogs.size(), 1u);
  EXPECT_EQ(sink.blogs[0].hosts, std::vector<std::string>{"www.arborlodgeneighborhood.com"});
}

// ../shared/corpus/pelican-fixture-classic-export/SOURCE.md: 64 entries =
// 58 settings, 1 template, 2 posts, 2 pages, 1 comment; pretty-printed (text
// nodes carry whitespace) and with undeclared app: prefixes on its drafts.
TEST(ClassicReaderCorpus, PelicanFixtureWithWhitespaceAndUndeclaredPrefix) {
  BLOGSHIFT_REQUIRE_CORPUS();
  CollectingSink sink;
  read_atom_export(blogshift::testing::corpus("pelican-fixture-classic-export/bloggerexport.xml"), sink);
  EXPECT_EQ(sink.items.size(), 64u);
  EXPECT_EQ(sink.count(ItemKind::Settings), 58u);
  EXPECT_EQ(sink.count(ItemKind::Post), 2u);
  EXPECT_EQ(sink.count(ItemKind::Page), 2u);
  EXPECT_EQ(sink.count(ItemKind::Comment), 1u);
  EXPECT_EQ(sink.count(ItemKind::Post, ItemStatus::Draft), 1u);
  EXPECT_EQ(sink.blogs[0].blog_id, "6303278419262689239");
  for (const auto& i : sink.items) EXPECT_EQ(i.blogger_id.find_first_of(" \n"), std::string::npos);
  EXPECT_EQ(sink.count_problems("XML_NAMESPACE"), 4u);
}
