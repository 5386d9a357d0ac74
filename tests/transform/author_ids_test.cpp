// Site ids of authors (transform/authors/author_ids.h): the slug of the
// name, collisions numbered in profile order, one person per profile, a
// name-only sighting folded into the one profile of that name, and ids
// kept from the last run.
#include <gtest/gtest.h>

#include "authors/author_ids.h"

namespace blogshift {
namespace {

std::map<int64_t, std::string> ids_of(const std::vector<SiteAuthor>& people) {
  std::map<int64_t, std::string> out;
  for (const auto& p : people)
    for (int64_t row : p.rows) out[row] = p.site_id;
  return out;
}

TEST(AuthorIds, TheSlugOfTheDisplayName) {
  const auto ids = ids_of(assign_author_ids({{1, "Thomas Wouters", "https://www.blogger.com/profile/1"},
                                              {2, "Élodie Marchand", "https://www.blogger.com/profile/2"},
                                              {3, "Łukasz Langa", ""}}));
  EXPECT_EQ(ids.at(1), "thomas-wouters");
  EXPECT_EQ(ids.at(2), "elodie-marchand");
  EXPECT_EQ(ids.at(3), "lukasz-langa");
}

TEST(AuthorIds, ANameWithNoUsableLettersStillGetsAnId) {
  const auto ids = ids_of(assign_author_ids({{1, "", "https://www.blogger.com/profile/9"}, {2, "???", ""}}));
  EXPECT_EQ(ids.at(1), "author");
  EXPECT_EQ(ids.at(2), "author-2");
}

TEST(AuthorIds, CollisionsAreNumberedInProfileOrderWhateverTheRowOrder) {
  const std::vector<AuthorRow> rows = {{7, "Sam Lee", "https://www.blogger.com/profile/200"},
                                       {3, "Sam Lee", "https://www.blogger.com/profile/100"},
                                       {5, "sam lee", ""}};
  auto reversed = rows;
  std::reverse(reversed.begin(), reversed.end());
  for (const auto& input : {rows, reversed}) {
    const auto ids = ids_of(assign_author_ids(input));
    EXPECT_EQ(ids.at(3), "sam-lee");    // profile 100
    EXPECT_EQ(ids.at(7), "sam-lee-2");  // profile 200
    EXPECT_EQ(ids.at(5), "sam-lee-3");  // a name only comes after the profiles
  }
}

TEST(AuthorIds, OneProfileIsOnePersonWhateverNameThePagesPrinted) {
  const auto people = assign_author_ids({{1, "Maggie", "https://www.blogger.com/profile/5"},
                                         {2, "Maggie Lindqvist", "https://www.blogger.com/profile/5"}});
  ASSERT_EQ(people.size(), 1u);
  EXPECT_EQ(people[0].rows, (std::vector<int64_t>{1, 2}));
}

TEST(AuthorIds, ANameOnlySightingJoinsTheOneProfileOfThatName) {
  // A crawl's RSS names the author without the profile the export gives.
  auto ids = ids_of(assign_author_ids({{1, "Ana Lima", "https://www.blogger.com/profile/1"}, {2, "Ana Lima", ""}}));
  EXPECT_EQ(ids.at(1), "ana-lima");
  EXPECT_EQ(ids.at(2), "ana-lima");
  // With two profiles of that name, it cannot say which: a person of its own.
  ids = ids_of(assign_author_ids({{1, "Ana Lima", "https://www.blogger.com/profile/1"},
                                  {2, "Ana Lima", "https://www.blogger.com/profile/2"},
                                  {3, "Ana Lima", ""}}));
  EXPECT_EQ(ids.at(3), "ana-lima-3");
}

TEST(AuthorIds, IdsFromTheLastRunAreKept) {
  // Last run knew only profile 200 ("sam-lee"); a new author of the same
  // name whose profile sorts first does not take the id away.
  const std::map<std::string, std::string> previous = {{"https://www.blogger.com/profile/200", "sam-lee"}};
  const auto ids = ids_of(assign_author_ids(
      {{1, "Sam Lee", "https://www.blogger.com/profile/100"}, {2, "Sam Lee", "https://www.blogger.com/profile/200"}},
      previous));
  EXPECT_EQ(ids.at(2), "sam-lee");
  EXPECT_EQ(ids.at(1), "sam-lee-2");
  // A renamed author keeps the id the posts' front matter already names.
  const auto renamed = ids_of(assign_author_ids({{1, "Samuel Lee", "https://www.blogger.com/profile/200"}}, previous));
  EXPECT_EQ(renamed.at(1), "sam-lee");
  EXPECT_EQ(person_key("Sam", ""), "name:Sam");
}

}  // namespace
}  // namespace blogshift
