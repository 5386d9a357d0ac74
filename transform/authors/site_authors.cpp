#include "site_authors.h"

#include <map>
#include <optional>
#include <set>

#include "author_ids.h"
#include "links/link_rewriter.h"

namespace blogshift {

int64_t write_site_authors(Database& db, const SitePlan& plan) {
  std::set<int64_t> named;
  {
    auto author_of = db.prepare("SELECT author_id FROM items WHERE id = ? AND author_id IS NOT NULL");
    for (PlannedDocuments docs(plan); docs.next();) {
      author_of.bind(1, docs.item_id());
      if (author_of.step()) named.insert(author_of.column_int(0));
      author_of.reset();
    }
  }
  std::vector<AuthorRow> rows;
  std::map<int64_t, std::string> avatars;
  auto row = db.prepare("SELECT name, uri, avatar FROM authors WHERE id = ?");
  for (int64_t id : named) {
    row.bind(1, id);
    if (row.step()) {
      rows.push_back({id, row.column_text(0), row.column_text(1)});
      avatars[id] = row.column_text(2);
    }
    row.reset();
  }
  std::map<std::string, std::string> previous;
  {
    auto last = db.prepare("SELECT name, profile, site_id FROM site_authors");
    while (last.step()) previous[person_key(last.column_text(0), last.column_text(1))] = last.column_text(2);
  }
  db.exec("DELETE FROM site_authors; DELETE FROM author_site_ids;");
  auto person = db.prepare(
      "INSERT INTO site_authors (site_id, name, profile, avatar, avatar_asset_id, avatar_file)"
      " VALUES (?, ?, ?, ?, ?, ?)");
  auto alias = db.prepare("INSERT INTO author_site_ids (author_id, site_id) VALUES (?, ?)");
  PlanLookup lookup(plan);
  const std::vector<SiteAuthor> people = assign_author_ids(rows, previous);
  for (const SiteAuthor& p : people) {
    std::string avatar;  // the image the person's latest-staged row names
    for (int64_t id : p.rows)
      if (!avatars[id].empty()) avatar = avatars[id];
    const auto held = avatar.empty() ? std::nullopt : lookup.asset(asset_key(avatar));
    person.bind(1, p.site_id).bind(2, p.name).bind(3, p.uri).bind(4, avatar);
    if (held) person.bind(5, held->asset_id).bind(6, p.site_id + "." + extension_for(held->content_type, avatar));
    else person.bind_null(5).bind(6, "");
    person.run();
    for (int64_t id : p.rows) alias.bind(1, id).bind(2, p.site_id).run();
  }
  return static_cast<int64_t>(people.size());
}

}  // namespace blogshift
