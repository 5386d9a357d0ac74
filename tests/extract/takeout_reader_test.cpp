// The Takeout feed.atom reader, on entries written in Takeout's layout
// (see ../shared/corpus/arborlodge-takeout-derived/SOURCE.md).
#include <gtest/gtest.h>

#include "collecting_sink.h"
#include "temp_file.h"
#include "test_paths.h"
#include "xml/atom_export_reader.h"

using namespace blogshift;
using blogshift::testing::CollectingSink;

namespace {

const char* kHead =
    "<?xml version='1.0' encoding='utf-8'?>\n"
    "<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:blogger=\"http://schemas.google.com/blogger/2018\">"
    "<id>tag:blogger.com,1999:blog-123.archive</id><title>Takeout Test</title>\n";

std::string entry(const std::string& id, const std::string& type, const std::string& status,
                  const std::string& more = "") {
  return "<entry><id>tag:blogger.com,1999:blog-123." + id + "</id>" + more + "<blogger:type>" + type +
         "</blogger:type><blogger:status>" + status +
         "</blogger:status><author><name>Ada</name><uri>https://www.blogger.com/profile/1</uri>"
         "<blogger:type>BLOGGER</blogger:type></author><title>T " + id +
         "</title><content type=\"html\">&lt;p&gt;Body &amp;amp; more&lt;/p&gt;</content>"
         "<blogger:created>2020-01-01T10:00:00.000Z</blogger:created>"
         "<published>2020-01-02T07:30:00.000Z</published><updated>2020-01-03T00:00:00.000Z</updated>"
         "<category scheme=\"tag:blogger.com,1999:blog-123\" term=\"Bread\"/>"
         "<blogger:filename>/2020/01/" + id + ".html</blogger:filename></entry>\n";
}

CollectingSink read(const std::string& xml, const std::string& name) {
  auto dir = blogshift::testing::temp_dir(name);
  CollectingSink sink;
  read_atom_export(blogshift::testing::write_file(dir / "feed.atom", xml), sink);
  return sink;
}

}  // namespace

TEST(TakeoutReader, ReadsPostsPagesCommentsWithTheirFields) {
  std::string xml = std::string(kHead) + entry("post-1", "POST", "LIVE") + entry("page-2", "PAGE", "LIVE") +
                    entry("post-3", "COMMENT", "LIVE", "<blogger:parent>tag:blogger.com,1999:blog-123.post-1</blogger:parent>") +
                    "</feed>";
  CollectingSink sink = read(xml, "takeout-fields");
  ASSERT_EQ(sink.items.size(), 3u);
  EXPECT_TRUE(sink.problems.empty());
  ASSERT_EQ(sink.blogs.size(), 1u);
  EXPECT_EQ(sink.blogs[0].blog_id, "123");
  EXPECT_EQ(sink.blogs[0].title, "Takeout Test");
  const ItemRecord& p = sink.items[0];
  EXPECT_EQ(p.kind, ItemKind::Post);
  EXPECT_EQ(p.blogger_id, "1");
  EXPECT_EQ(p.status, ItemStatus::Live);
  EXPECT_EQ(p.title, "T post-1");
  EXPECT_EQ(p.body_html, "<p>Body &amp; more</p>");
  EXPECT_EQ(p.author_name, "Ada");
  EXPECT_EQ(p.author_uri, "https://www.blogger.com/profile/1");
  EXPECT_EQ(p.created, "2020-01-01T10:00:00.000Z");
  EXPECT_EQ(p.published, "2020-01-02T07:30:00.000Z");
  EXPECT_EQ(p.labels, std::vector<std::string>{"Bread"});
  EXPECT_EQ(p.legacy_path, "/2020/01/post-1.html");
  EXPECT_EQ(p.position.line, 3);
  EXPECT_EQ(sink.items[1].kind, ItemKind::Page);
  EXPECT_EQ(sink.items[2].kind, ItemKind::Comment);
  EXPECT_EQ(sink.items[2].parent_blogger_id, "1");
}

TEST(TakeoutReader, MapsEveryStatus) {
  std::string xml = std::string(kHead) + entry("post-1", "POST", "DRAFT") + entry("post-2", "POST", "SCHEDULED") +
                    entry("post-3", "POST", "LIVE", "<blogger:trashed>2021-01-01T00:00:00Z</blogger:trashed>") +
                    entry("post-4", "POST", "SOFT_TRASHED") + entry("post-5", "POST", "WEIRD") + "</feed>";
  CollectingSink sink = read(xml, "takeout-status");
  ASSERT_EQ(sink.items.size(), 5u);
  EXPECT_EQ(sink.items[0].status, ItemStatus::Draft);
  EXPECT_EQ(sink.items[1].status, ItemStatus::Scheduled);
  EXPECT_EQ(sink.items[2].status, ItemStatus::Trashed);
  EXPECT_EQ(sink.items[3].status, ItemStatus::Trashed);
  EXPECT_EQ(sink.items[4].status, ItemStatus::Unknown);
  EXPECT_EQ(sink.items[4].status_raw, "WEIRD");
  EXPECT_EQ(sink.count_problems("ENTRY_UNKNOWN_STATUS"), 1u);
}

TEST(TakeoutReader, KeepsLocationAndMetaDescriptionAsExtra) {
  std::string more =
      "<blogger:metaDescription>Short</blogger:metaDescription><blogger:location><blogger:name>Oslo</blogger:name>"
      "<blogger:latitude>59.9</blogger:latitude></blogger:location>";
  CollectingSink sink = read(std::string(kHead) + entry("post-1", "POST", "LIVE", more) + "</feed>", "takeout-extra");
  ASSERT_EQ(sink.items.size(), 1u);
  EXPECT_NE(sink.items[0].extra_json.find("\"metaDescription\":\"Short\""), std::string::npos);
  EXPECT_NE(sink.items[0].extra_json.find("\"location.name\":\"Oslo\""), std::string::npos);
}

TEST(TakeoutReader, GzippedFeedReadsTheSame) {
  auto dir = blogshift::testing::temp_dir("takeout-gz");
  CollectingSink sink;
  read_atom_export(blogshift::testing::write_gzip(dir / "feed.atom.gz",
                                                  std::string(kHead) + entry("post-1", "POST", "LIVE") + "</feed>"),
                   sink);
  EXPECT_EQ(sink.items.size(), 1u);
}

// Counts from ../shared/corpus/arborlodge-takeout-derived/SOURCE.md ("counted
// with an XML parser"): POST/LIVE 617, POST/DRAFT 11, PAGE/LIVE 13, COMMENT/LIVE 56.
TEST(TakeoutReaderCorpus, ArborlodgeTakeoutCountsMatchSource) {
  BLOGSHIFT_REQUIRE_CORPUS();
  CollectingSink sink;
  read_atom_export(blogshift::testing::corpus("arborlodge-takeout-derived/feed.atom.gz"), sink);
  EXPECT_EQ(sink.count(ItemKind::Post, ItemStatus::Live), 617u);
  EXPECT_EQ(sink.count(ItemKind::Post, ItemStatus::Draft), 11u);
  EXPECT_EQ(sink.count(ItemKind::Page, ItemStatus::Live), 13u);
  EXPECT_EQ(sink.count(ItemKind::Comment, ItemStatus::Live), 56u);
  EXPECT_EQ(sink.items.size(), 697u);
  EXPECT_TRUE(sink.problems.empty());
  for (const auto& i : sink.items) {
    if (i.kind == ItemKind::Comment) {
      EXPECT_FALSE(i.parent_blogger_id.empty()) << i.blogger_id;
    }
  }
}
