#include "site_authors_writer.h"

#include "author_records.h"
#include "site_settings.h"
#include "written_files.h"

namespace blogshift {

namespace {

struct LayoutPlaces {
  std::string records;  // a folder for one file per author, or the one file of all
  bool one_file = false;
  std::string static_dir, static_route;  // where avatars go, and the site path of that folder
};

LayoutPlaces places_for(const std::string& layout) {
  if (layout == "hugo") return {"data/authors", false, "static/authors", "/authors/"};
  if (layout == "jekyll") return {"_data/authors.yml", true, "assets/authors", "/assets/authors/"};
  return {"content/authors", false, "public/authors", "/authors/"};  // astro
}

}  // namespace

AuthorsReport write_author_records(Database& db, const std::string& out_dir, bool overwrite, bool dry_run) {
  AuthorsReport report;
  const std::string layout = site_setting(db, "layout");
  WrittenFiles files(db, out_dir, overwrite, dry_run);
  if (!layout.empty()) {
    const LayoutPlaces places = places_for(layout);
    std::vector<AuthorRecord> records;
    auto people = db.prepare(
        "SELECT s.site_id, s.name, s.profile, s.avatar, s.avatar_file, b.bytes FROM site_authors s"
        " LEFT JOIN assets a ON a.id = s.avatar_asset_id LEFT JOIN blobs b ON b.sha256 = a.sha256"
        " ORDER BY s.site_id");
    while (people.step()) {
      AuthorRecord r{people.column_text(0), people.column_text(1), people.column_text(2), people.column_text(3)};
      const std::string file = people.column_text(4);
      if (!file.empty() && !people.column_is_null(5)) {
        const std::string path = places.static_dir + "/" + file;
        files.write(path, people.column_text(5), "avatar");
        report.files.push_back(path);
        r.avatar = places.static_route + file;
        ++report.avatars_local;
      } else if (!r.avatar.empty()) {
        ++report.avatars_remote;
      }
      if (!places.one_file) {
        const std::string path = places.records + "/" + r.id + (layout == "hugo" ? ".yaml" : ".json");
        files.write(path, layout == "hugo" ? author_record_yaml(r) : author_record_json(r), "author");
        report.files.push_back(path);
      }
      report.ids.push_back(r.id);
      records.push_back(std::move(r));
    }
    if (places.one_file && !records.empty()) {
      files.write(places.records, authors_data_yaml(records), "author");
      report.files.push_back(places.records);
    }
    report.people = static_cast<int64_t>(records.size());
  }
  const WrittenFilesReport written = files.finish({"author", "avatar"});
  report.written = written.written;
  report.kept = written.kept;
  return report;
}

}  // namespace blogshift
