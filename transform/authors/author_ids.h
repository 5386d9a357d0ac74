// The id a migrated site knows an author by: the file name of the author's
// record (content/authors/<id>.json) and the value of every post's `author`
// field. The slug of the display name ("Thomas Wouters" -> "thomas-wouters"),
// as python-insider-blog's authors are named; people who share a slug get
// "-2", "-3"... in the order of their Blogger profile URI (then name), so the
// same data always gives the same ids; and a person the last run gave an id
// keeps it, so a new author who sorts first takes no one's id.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace blogshift {

// One row of the staging database's authors table.
struct AuthorRow {
  int64_t id = 0;
  std::string name, uri;
};

// A person: a Blogger profile URI names one person whatever name a page
// printed for it; rows without a URI are one person per name, and join the
// person with a URI of that name when there is exactly one (a crawl's RSS
// names the author the export gives a profile for).
struct SiteAuthor {
  std::string site_id;
  std::string name, uri;      // the profile's name and URI ("" for a name only)
  std::vector<int64_t> rows;  // the authors rows that are this person, in id order
};
// What identifies a person across runs: the profile URI, or the name when there is none.
std::string person_key(const std::string& name, const std::string& uri);
// The people in `rows`, each with its site id. `previous`: person_key ->
// the id the last run gave.
std::vector<SiteAuthor> assign_author_ids(const std::vector<AuthorRow>& rows,
                                          const std::map<std::string, std::string>& previous = {});

}  // namespace blogshift
