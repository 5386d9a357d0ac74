// The full-text index: built from a staged blog by load, queried as plain
// words (punctuation and FTS5 keywords are just text) or in FTS5 syntax.
#include "search_index.h"

#include <gtest/gtest.h>

#include <set>

#include "errors.h"
#include "run_command.h"
#include "staging_store.h"
#include "test_paths.h"

namespace blogshift {
namespace {

using testing::fixture;
using testing::shell_quote;

class SearchIndexTest : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    dir_ = new std::filesystem::path(testing::temp_dir("search"));
    auto r = testing::run_command("cli/blogshift", "run " + shell_quote(fixture("sample-blog/feed.atom")) + " " +
                                                        shell_quote(fixture("sample-blog/mirror")) + " --out " +
                                                        shell_quote(dir_->string()) + " --redirects none --archives none");
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() { delete dir_; }
  static std::filesystem::path* dir_;
  StagingStore store{(*dir_ / ".blogshift/staging.db").string()};
};
std::filesystem::path* SearchIndexTest::dir_ = nullptr;

TEST_F(SearchIndexTest, EveryDocumentIsIndexed) {
  EXPECT_EQ(rebuild_search_index(store.db()), 15);
  EXPECT_EQ(rebuild_search_index(store.db()), 15);  // rebuilt, not appended
}

TEST_F(SearchIndexTest, TitleMatchesComeFirst) {
  auto hits = search_documents(store.db(), "sourdough", 10);
  ASSERT_GE(hits.size(), 2u);
  EXPECT_NE(hits[0].title.find("Sourdough"), std::string::npos) << hits[0].title;
  EXPECT_NE(hits[0].snippet.find("["), std::string::npos);
}

TEST_F(SearchIndexTest, AllWordsMustOccur) {
  auto routes = [&](const std::string& q) {
    std::set<std::string> out;
    for (const auto& hit : search_documents(store.db(), q, 50)) out.insert(hit.route);
    return out;
  };
  const auto sourdough = routes("sourdough"), starter = routes("starter"), both = routes("sourdough starter");
  ASSERT_FALSE(both.empty());
  for (const auto& route : both) {
    EXPECT_TRUE(sourdough.count(route)) << route;
    EXPECT_TRUE(starter.count(route)) << route;
  }
  EXPECT_TRUE(routes("sourdough zzyzxnotaword").empty());
}

TEST_F(SearchIndexTest, PunctuationAndKeywordsInPlainQueriesAreText) {
  EXPECT_NO_THROW(search_documents(store.db(), "crème \"brûlée\" AND OR NOT ( * :", 5));
  // Accents are folded: "creme" finds "crème".
  EXPECT_FALSE(search_documents(store.db(), "creme", 5).empty());
  EXPECT_FALSE(search_documents(store.db(), "cardam*", 5).empty());
}

TEST_F(SearchIndexTest, FtsSyntaxIsPassedThroughAndAMalformedQueryIsAUsageError) {
  EXPECT_FALSE(search_documents(store.db(), "title:sourdough", 5, true).empty());
  EXPECT_TRUE(search_documents(store.db(), "title:sourdough NOT sourdough", 5, true).empty());
  EXPECT_THROW(search_documents(store.db(), "title:(", 5, true), UsageError);
  EXPECT_THROW(search_documents(store.db(), "   ", 5), UsageError);
}

TEST_F(SearchIndexTest, TheCommandPrintsRoutesAndExitsOneWhenNothingMatches) {
  auto found = testing::run_command("cli/blogshift", "search cardamom --out " + shell_quote(dir_->string()));
  EXPECT_EQ(found.exit_code, 0) << found.err;
  EXPECT_NE(found.out.find("/2019/11/late-night-cardamom-buns\t"), std::string::npos) << found.out;
  auto none = testing::run_command("cli/blogshift", "search zzyzxnotaword --out " + shell_quote(dir_->string()));
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_EQ(none.out, "");
}

}  // namespace
}  // namespace blogshift
