#include "staging_store.h"

#include <gtest/gtest.h>

#include "errors.h"
#include "staging_schema.h"
#include "staging_summary.h"
#include "test_paths.h"

using namespace blogshift;

namespace {

ItemRecord post(const std::string& id, const std::string& path, Evidence evidence, const std::string& body) {
  ItemRecord i;
  i.blog_id = "42";
  i.blogger_id = id;
  i.legacy_path = path;
  i.evidence = evidence;
  i.body_html = body;
  i.title = "T " + body;
  i.published = "2020-01-02T03:04:05.000-08:00";
  i.urls = {"https://x.blogspot.com" + path};
  return i;
}

SourceInfo source(const std::string& name) { return {"/src/" + name, "takeout", 1, "abc"}; }

std::string one(Database& db, const std::string& sql) {
  auto s = db.prepare(sql);
  return s.step() ? s.column_text(0) : std::string("<none>");
}

}  // namespace

class StagingStoreTest : public ::testing::Test {
protected:
  void SetUp() override { dir_ = blogshift::testing::temp_dir(::testing::UnitTest::GetInstance()->current_test_info()->name()); }
  std::string db_path() const { return (dir_ / "staging.db").string(); }
  std::filesystem::path dir_;
};

TEST_F(StagingStoreTest, CreatesVersionedSchemaInWalModeWithForeignKeys) {
  StagingStore store(db_path());
  EXPECT_EQ(store.db().user_version(), kStagingSchemaVersion);
  EXPECT_EQ(one(store.db(), "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(one(store.db(), "PRAGMA foreign_keys"), "1");
}

TEST_F(StagingStoreTest, RefusesUnknownSchemaVersion) {
  { Database db(db_path()); db.exec("PRAGMA user_version = 99"); }
  EXPECT_THROW(StagingStore store(db_path()), FatalError);
}

TEST_F(StagingStoreTest, ExportBeatsPermalinkPageWhicheverComesFirst) {
  for (bool export_first : {true, false}) {
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    StagingStore store(db_path());
    ItemRecord from_export = post("777", "/2020/01/a.html", Evidence::Export, "export body");
    ItemRecord from_page = post("", "/2020/01/a.html", Evidence::Permalink, "page body");
    from_page.urls = {"https://x.blogspot.com/2020/01/a.html?m=1"};
    auto& sink = store.begin_source(source("one"));
    if (export_first) {
      sink.item(ItemRecord(from_export));
      sink.item(ItemRecord(from_page));
    } else {
      sink.item(ItemRecord(from_page));
      sink.item(ItemRecord(from_export));
    }
    store.end_source();
    SCOPED_TRACE(export_first ? "export first" : "page first");
    EXPECT_EQ(one(store.db(), "SELECT COUNT(*) FROM items"), "1");
    EXPECT_EQ(one(store.db(), "SELECT body_html FROM items"), "export body");
    EXPECT_EQ(one(store.db(), "SELECT blogger_id FROM items"), "777");
    EXPECT_EQ(one(store.db(), "SELECT evidence FROM items"), "4");
    EXPECT_EQ(one(store.db(), "SELECT COUNT(*) FROM item_urls"), "2");
  }
}

TEST_F(StagingStoreTest, ListingNeverOverwritesPermalinkBody) {
  StagingStore store(db_path());
  auto& sink = store.begin_source(source("one"));
  sink.item(post("", "/2020/01/a.html", Evidence::Permalink, "full"));
  sink.item(post("", "/2020/01/a.html", Evidence::Listing, "excerpt"));
  store.end_source();
  EXPECT_EQ(one(store.db(), "SELECT body_html FROM items"), "full");
}

TEST_F(StagingStoreTest, CommentsFindTheirPostAtTheEndOfTheSource) {
  StagingStore store(db_path());
  auto& sink = store.begin_source(source("one"));
  ItemRecord comment;
  comment.kind = ItemKind::Comment;
  comment.blog_id = "42";
  comment.blogger_id = "900";
  comment.parent_blogger_id = "777";
  comment.published = "2020-01-03T00:00:00Z";
  sink.item(std::move(comment));  // before its post, as feeds may order them
  sink.item(post("777", "/2020/01/a.html", Evidence::Export, "b"));
  store.end_source();
  EXPECT_EQ(one(store.db(), "SELECT p.blogger_id FROM items c JOIN items p ON c.parent_id = p.id WHERE c.kind = 'comment'"),
            "777");
}

TEST_F(StagingStoreTest, LabelsAuthorsAndTimesAreNormalised) {
  StagingStore store(db_path());
  auto& sink = store.begin_source(source("one"));
  ItemRecord a = post("1", "/2020/01/a.html", Evidence::Export, "a");
  a.labels = {"Bread", "Crème brûlée"};
  a.author_name = "Ada";
  a.author_uri = "https://www.blogger.com/profile/1";
  ItemRecord b = post("2", "/2020/01/b.html", Evidence::Export, "b");
  b.labels = {"Bread"};
  b.author_name = "Ada";
  b.author_uri = "https://www.blogger.com/profile/1";
  sink.item(std::move(a));
  sink.item(std::move(b));
  store.end_source();
  EXPECT_EQ(one(store.db(), "SELECT COUNT(*) FROM labels"), "2");
  EXPECT_EQ(one(store.db(), "SELECT COUNT(*) FROM item_labels"), "3");
  EXPECT_EQ(one(store.db(), "SELECT COUNT(*) FROM authors"), "1");
  EXPECT_EQ(one(store.db(), "SELECT published_utc || ' ' || published_offset FROM items WHERE blogger_id = '1'"),
            "2020-01-02T11:04:05.000Z -480");
}

TEST_F(StagingStoreTest, RereadingASourceReplacesItsLedgerAndProblemsOnly) {
  StagingStore store(db_path());
  for (int run = 0; run < 2; ++run) {
    auto& sink = store.begin_source(source("one"));
    sink.item(post("1", "/2020/01/a.html", Evidence::Export, "a"));
    ProblemRecord p;
    p.code = "TEST_PROBLEM";
    p.message = "m";
    sink.problem(std::move(p));
    store.end_source();
  }
  EXPECT_EQ(one(store.db(), "SELECT COUNT(*) FROM items"), "1");
  EXPECT_EQ(one(store.db(), "SELECT COUNT(*) FROM problems"), "1");
  EXPECT_EQ(one(store.db(), "SELECT COUNT(*) FROM source_units"), "2");
  EXPECT_TRUE(store.is_complete(source("one")));
  SourceInfo changed = source("one");
  changed.sha256 = "def";
  EXPECT_FALSE(store.is_complete(changed));
}

TEST_F(StagingStoreTest, UnfinishedSourceKeepsWhatWasStagedButIsNotComplete) {
  {
    StagingStore store(db_path());
    auto& sink = store.begin_source(source("one"));
    sink.item(post("1", "/2020/01/a.html", Evidence::Export, "a"));
    // no end_source(): the run died here
  }
  StagingStore store(db_path());
  EXPECT_EQ(one(store.db(), "SELECT COUNT(*) FROM items"), "1");
  EXPECT_FALSE(store.is_complete(source("one")));
}

TEST_F(StagingStoreTest, AssetsAreContentAddressed) {
  StagingStore store(db_path());
  auto& sink = store.begin_source(source("one"));
  sink.asset({"https://1.bp.blogspot.com/a.png", "image/png", "PNGDATA", {}});
  sink.asset({"https://2.bp.blogspot.com/a.png", "image/png", "PNGDATA", {}});
  sink.asset({"https://1.bp.blogspot.com/a.png", "image/png", "PNGDATA", {}});
  store.end_source();
  StagingSummary s = read_staging_summary(store.db());
  EXPECT_EQ(s.assets, 2);
  EXPECT_EQ(s.blobs, 1);
  EXPECT_EQ(one(store.db(), "SELECT COUNT(*) FROM source_units WHERE outcome = 'asset'"), "3");
}

// Regression (review): a crawl without blog ids read before the export made
// two blogs and two copies of each post; the other order made one.
TEST_F(StagingStoreTest, HostOnlyBlogFoldsIntoTheBlogThatClaimsItsHost) {
  auto summary_of = [&](bool crawl_first) {
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    StagingStore store(db_path());
    ItemRecord scraped = post("", "/2020/01/a.html", Evidence::Permalink, "page body");
    scraped.blog_id = "host:x.blogspot.com";
    scraped.labels = {"Bread"};
    scraped.author_name = "Ada";
    scraped.urls = {"http://x.blogspot.com/2020/01/a.html?m=1"};
    ItemRecord only_scraped = post("", "/2020/02/b.html", Evidence::Permalink, "only in the crawl");
    only_scraped.blog_id = "host:x.blogspot.com";
    ItemRecord exported = post("777", "/2020/01/a.html", Evidence::Export, "export body");
    exported.labels = {"Bread", "Cake"};
    auto crawl = [&] {
      auto& sink = store.begin_source(source("crawl"));
      sink.item(ItemRecord(scraped));
      sink.item(ItemRecord(only_scraped));
      store.end_source();
    };
    auto export_source = [&] {
      auto& sink = store.begin_source(source("export"));
      sink.blog({"42", "X", {"x.blogspot.com"}});
      sink.item(ItemRecord(exported));
      store.end_source();
    };
    if (crawl_first) {
      crawl();
      export_source();
    } else {
      export_source();
      crawl();
    }
    return one(store.db(), "SELECT COUNT(*) FROM blogs") + " blogs, " +
           one(store.db(), "SELECT COUNT(*) FROM items") + " items, " +
           one(store.db(), "SELECT group_concat(body_html, '|') FROM (SELECT body_html FROM items ORDER BY legacy_path)") +
           ", urls " + one(store.db(), "SELECT COUNT(*) FROM item_urls") + ", labels " +
           one(store.db(), "SELECT group_concat(name, ',') FROM (SELECT l.name FROM item_labels il JOIN labels l"
                           " ON l.id = il.label_id ORDER BY l.name)") +
           ", label rows " + one(store.db(), "SELECT COUNT(*) FROM labels") + ", in blog 42 " +
           one(store.db(), "SELECT COUNT(*) FROM items WHERE blog_id = '42'") + ", units on items " +
           one(store.db(), "SELECT COUNT(*) FROM source_units WHERE item_id IN (SELECT id FROM items)");
  };
  const std::string expected =
      "1 blogs, 2 items, export body|only in the crawl, urls 3, labels Bread,Cake, label rows 2, in blog 42 2, "
      "units on items 3";
  EXPECT_EQ(summary_of(true), expected);
  EXPECT_EQ(summary_of(false), expected);
}

TEST_F(StagingStoreTest, VersionOneDatabaseIsMigratedKeepingItsRows) {
  {
    Database db(db_path());
    db.exec(kStagingSchemaV1);
    db.exec("PRAGMA user_version = 1");
    db.exec("INSERT INTO blogs (id) VALUES ('42')");
    db.exec("INSERT INTO items (blog_id, kind, status, evidence) VALUES ('42', 'post', 'LIVE', 3)");
  }
  StagingStore store(db_path());
  EXPECT_EQ(store.db().user_version(), kStagingSchemaVersion);
  EXPECT_EQ(one(store.db(), "SELECT COUNT(*) FROM items"), "1");
  EXPECT_EQ(one(store.db(), "SELECT COUNT(*) FROM documents"), "0");
  EXPECT_EQ(one(store.db(), "SELECT COUNT(*) FROM outputs"), "0");
  // Version 5: the export's rank moves from 3 to 4 (the public feed is 3), and the body keeps its own.
  EXPECT_EQ(one(store.db(), "SELECT evidence || ' ' || body_evidence FROM items"), "4 4");
}
