#include "author_ids.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "metadata/post_metadata.h"

namespace blogshift {

namespace {

using Person = SiteAuthor;

std::string base_id(const Person& p) {
  std::string slug = slug_from_title(p.name);
  return slug.empty() ? "author" : slug;
}

}  // namespace

std::string person_key(const std::string& name, const std::string& uri) {
  return uri.empty() ? "name:" + name : uri;
}

std::vector<SiteAuthor> assign_author_ids(const std::vector<AuthorRow>& input,
                                          const std::map<std::string, std::string>& previous) {
  std::vector<AuthorRow> rows = input;
  std::sort(rows.begin(), rows.end(), [](const AuthorRow& a, const AuthorRow& b) {
    return std::tie(a.uri, a.name, a.id) < std::tie(b.uri, b.name, b.id);
  });
  std::vector<Person> people;
  std::map<std::string, size_t> by_uri, by_name_only;
  std::map<std::string, std::set<size_t>> profiles_named;  // name -> people with a URI
  for (const AuthorRow& r : rows) {
    if (r.uri.empty()) continue;
    auto [it, added] = by_uri.emplace(r.uri, people.size());
    if (added) people.push_back({"", r.name, r.uri, {}});
    Person& p = people[it->second];
    if (p.name.empty()) p.name = r.name;
    p.rows.push_back(r.id);
    if (!r.name.empty()) profiles_named[r.name].insert(it->second);
  }
  for (const AuthorRow& r : rows) {
    if (!r.uri.empty()) continue;
    const auto named = profiles_named.find(r.name);
    if (named != profiles_named.end() && named->second.size() == 1) {
      people[*named->second.begin()].rows.push_back(r.id);
      continue;
    }
    auto [it, added] = by_name_only.emplace(r.name, people.size());
    if (added) people.push_back({"", r.name, "", {}});
    people[it->second].rows.push_back(r.id);
  }
  // Profiles first (in URI order), then names only: a person with a profile
  // keeps the plain id when a name-only row shares it.
  std::stable_sort(people.begin(), people.end(), [](const Person& a, const Person& b) {
    return std::make_tuple(a.uri.empty(), a.uri, a.name) < std::make_tuple(b.uri.empty(), b.uri, b.name);
  });
  std::set<std::string> taken;
  for (Person& p : people) {  // ids from the last run first
    const auto last = previous.find(person_key(p.name, p.uri));
    if (last != previous.end() && !last->second.empty() && taken.insert(last->second).second) p.site_id = last->second;
  }
  for (Person& p : people) {
    std::sort(p.rows.begin(), p.rows.end());
    if (!p.site_id.empty()) continue;
    const std::string base = base_id(p);
    p.site_id = base;
    for (int n = 2; !taken.insert(p.site_id).second; ++n) p.site_id = base + "-" + std::to_string(n);
  }
  return people;
}

}  // namespace blogshift
