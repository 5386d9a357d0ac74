#include "listing_pages_writer.h"

#include <yaml-cpp/yaml.h>

#include <set>

#include "json_writer.h"
#include "site_settings.h"
#include "written_files.h"

namespace blogshift {

namespace {

struct Listing {
  std::string route, kind, title, author;
  int64_t year = 0, month = 0;
  std::vector<std::string> tags;
};

// "/archive/2019/02/" -> "archive-2019-02"; unique among the names given.
std::string file_name(const std::string& route, std::set<std::string>& taken) {
  std::string name;
  for (char c : route) {
    if (c == '/') {
      if (!name.empty() && name.back() != '-') name += '-';
    } else {
      name += c;
    }
  }
  while (!name.empty() && name.back() == '-') name.pop_back();
  if (name.empty() || name[0] == '.' || name[0] == '_') name = "listing-" + name;
  std::string unique = name;
  for (int n = 2; !taken.insert(unique).second; ++n) unique = name + "-" + std::to_string(n);
  return unique;
}

std::string listing_json(const Listing& l) {
  std::string json = "{\n  \"route\": " + json_quote(l.route) + ",\n  \"title\": " + json_quote(l.title) +
                     ",\n  \"kind\": " + json_quote(l.kind);
  if (l.kind == "tag") {
    json += ",\n  \"tags\": [";
    for (size_t i = 0; i < l.tags.size(); ++i) json += (i ? ", " : "") + json_quote(l.tags[i]);
    json += "]";
  }
  if (l.year) json += ",\n  \"year\": " + std::to_string(l.year);
  if (l.month) json += ",\n  \"month\": " + std::to_string(l.month);
  if (!l.author.empty()) json += ",\n  \"author\": " + json_quote(l.author);
  return json + "\n}\n";
}

// A page of front matter only: the generator's layout makes the body.
std::string listing_markdown(const Listing& l, const std::string& layout) {
  YAML::Emitter out;
  out << YAML::BeginMap << YAML::Key << "title" << YAML::Value << YAML::DoubleQuoted << l.title;
  out << YAML::Key << (layout == "hugo" ? "url" : "permalink") << YAML::Value << l.route;
  if (layout == "hugo") out << YAML::Key << "type" << YAML::Value << "listing";
  out << YAML::Key << "layout" << YAML::Value << "listing";
  out << YAML::Key << "listing" << YAML::Value << YAML::BeginMap << YAML::Key << "kind" << YAML::Value << l.kind;
  if (l.kind == "tag") {
    out << YAML::Key << "tags" << YAML::Value << YAML::BeginSeq;
    for (const auto& t : l.tags) out << YAML::DoubleQuoted << t;
    out << YAML::EndSeq;
  }
  if (l.year) out << YAML::Key << "year" << YAML::Value << l.year;
  if (l.month) out << YAML::Key << "month" << YAML::Value << l.month;
  if (!l.author.empty()) out << YAML::Key << "author" << YAML::Value << YAML::DoubleQuoted << l.author;
  out << YAML::EndMap << YAML::EndMap;
  return "---\n" + std::string(out.c_str()) + "\n---\n";
}

}  // namespace

ListingPagesReport write_listing_pages(Database& db, const std::string& out_dir, bool overwrite, bool dry_run) {
  ListingPagesReport report;
  const std::string layout = site_setting(db, "layout");
  WrittenFiles files(db, out_dir, overwrite, dry_run);
  if (!layout.empty()) {
    const std::string folder = layout == "jekyll" ? "listings/" : "content/listings/";
    auto rows = db.prepare(
        "SELECT route, kind, title, COALESCE(year, 0), COALESCE(month, 0), COALESCE(author, '') FROM site_listings"
        " ORDER BY route");
    auto tags = db.prepare("SELECT tag FROM site_listing_tags WHERE route = ? ORDER BY tag");
    std::set<std::string> taken;
    while (rows.step()) {
      Listing l{rows.column_text(0), rows.column_text(1), rows.column_text(2), rows.column_text(5),
                rows.column_int(3), rows.column_int(4), {}};
      tags.bind(1, l.route);
      while (tags.step()) l.tags.push_back(tags.column_text(0));
      tags.reset();
      const std::string path = folder + file_name(l.route, taken) + (layout == "astro" ? ".json" : ".md");
      files.write(path, layout == "astro" ? listing_json(l) : listing_markdown(l, layout), "listing");
      report.files.push_back(path);
      ++report.pages;
    }
  }
  const WrittenFilesReport written = files.finish({"listing"});
  report.written = written.written;
  report.kept = written.kept;
  return report;
}

}  // namespace blogshift
