#include "stale_outputs.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "digest.h"
#include "manifest_lines.h"
#include "written_files.h"

namespace blogshift {

namespace {
namespace fs = std::filesystem;

struct Recorded {
  std::string path, kind, sha256, detail;
};

// One string field of an output's detail JSON ({"format": "nginx"}), or "".
std::string detail_field(const std::string& detail, const char* key) {
  try {
    const YAML::Node node = YAML::Load(detail);
    if (node.IsMap() && node[key] && node[key].IsScalar()) return node[key].Scalar();
  } catch (const YAML::Exception&) {
  }
  return {};
}

bool asked_for(const std::vector<std::string>& formats, const std::string& format, bool empty_means_all) {
  if (formats == std::vector<std::string>{"none"}) return false;
  if (formats.empty()) return empty_means_all;
  return std::find(formats.begin(), formats.end(), format) != formats.end();
}

bool dropped(const Recorded& r, const LoadOptions& o) {
  if (r.kind == "redirect-map") return !asked_for(o.redirect_formats, detail_field(r.detail, "format"), true);
  return !asked_for(o.archive_formats, r.kind == "cdxj" ? "warc" : r.kind, false);
}

std::string file_sha256(const fs::path& path) {
  std::error_code ec;
  return fs::is_regular_file(path, ec) ? sha256_file(path.string()) : std::string();
}

// Removes `path` when it is a file with digest `sha256`; says whether it is gone.
bool remove_if_ours(const fs::path& path, const std::string& sha256) {
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(path, ec))) return true;
  if (fs::is_symlink(fs::symlink_status(path, ec)) || sha256.empty() || file_sha256(path) != sha256) return false;
  return fs::remove(path, ec) && !ec;
}

// Removes folders under `top` (and `top`) that are empty, deepest first.
void remove_empty_folders(const fs::path& top) {
  std::error_code ec;
  std::vector<fs::path> folders;
  for (fs::recursive_directory_iterator it(top, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_directory(ec) && !it->is_symlink(ec)) folders.push_back(it->path());
  std::sort(folders.rbegin(), folders.rend());
  for (const auto& f : folders)
    if (fs::is_empty(f, ec)) fs::remove(f, ec);
  if (fs::is_empty(top, ec)) fs::remove(top, ec);
}

// A manifest's path that stays inside the bag (no "..", not absolute).
bool inside(const std::string& path) {
  const fs::path p(path);
  return !p.is_absolute() && std::none_of(p.begin(), p.end(), [](const fs::path& part) { return part == ".."; });
}

std::vector<ManifestLine> manifest_lines(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::vector<ManifestLine> lines;
  std::string error;
  for (std::string line; std::getline(in, line);)
    if (auto parsed = parse_bagit_manifest_line(line, error)) lines.push_back(std::move(*parsed));
  return lines;
}

// The bag load wrote at `bag`: what its own manifests vouch for goes, the
// rest stays. Returns how many files were kept ("" when none).
std::string remove_bag(const fs::path& bag, const std::string& tagmanifest_sha256) {
  std::error_code ec;
  if (!fs::is_directory(bag, ec)) return {};
  const fs::path tagmanifest = bag / "tagmanifest-sha256.txt";
  if (tagmanifest_sha256.empty() || file_sha256(tagmanifest) != tagmanifest_sha256)
    return "kept whole: its tagmanifest-sha256.txt is not the one blogshift wrote";
  // The tag manifest pins the tag files; the payload manifest, once pinned, pins the payload.
  const auto tags = manifest_lines(tagmanifest);
  const auto pinned = std::find_if(tags.begin(), tags.end(), [&](const ManifestLine& t) {
    return t.path == "manifest-sha256.txt" && file_sha256(bag / t.path) == t.digest;
  });
  if (pinned != tags.end())
    for (const auto& line : manifest_lines(bag / "manifest-sha256.txt"))
      if (line.path.starts_with("data/") && inside(line.path)) remove_if_ours(bag / line.path, line.digest);
  for (const auto& t : tags)
    if (t.path.find('/') == std::string::npos && t.path != "tagmanifest-sha256.txt") remove_if_ours(bag / t.path, t.digest);
  remove_if_ours(tagmanifest, tagmanifest_sha256);
  remove_empty_folders(bag);
  if (!fs::exists(bag, ec)) return {};
  int64_t left = 0;
  for (fs::recursive_directory_iterator it(bag, ec), end; !ec && it != end; it.increment(ec))
    if (!it->is_directory(ec)) ++left;
  return "kept " + std::to_string(left) + (left == 1 ? " file" : " files") +
         " in it that blogshift did not write or that changed since";
}
}  // namespace

std::vector<std::string> remove_dropped_outputs(Database& db, const LoadOptions& options,
                                                std::vector<std::string>& warnings) {
  std::vector<Recorded> stale;
  auto rows = db.prepare("SELECT path, kind, COALESCE(sha256, ''), COALESCE(detail, '') FROM outputs ORDER BY path");
  while (rows.step()) {
    Recorded r{rows.column_text(0), rows.column_text(1), rows.column_text(2), rows.column_text(3)};
    if (dropped(r, options)) stale.push_back(std::move(r));
  }
  std::vector<std::string> removed;
  auto drop = db.prepare("DELETE FROM outputs WHERE path = ?");
  for (const auto& r : stale) {
    // path_inside refuses a recorded path that would leave the output folder.
    const fs::path path = path_inside(options.out_dir, r.path);
    if (r.kind == "bagit") {
      if (const std::string kept = remove_bag(path, detail_field(r.detail, "tagmanifest_sha256")); !kept.empty())
        warnings.push_back(r.path + ": no longer asked for, but " + kept);
    } else if (!remove_if_ours(path, r.sha256)) {
      warnings.push_back(r.path + ": no longer asked for, but kept: it changed since blogshift wrote it");
    }
    // The folders that held it go too when it left them empty (redirects/, archives/).
    std::error_code ec;
    for (fs::path rel = fs::path(r.path).parent_path(); !rel.empty(); rel = rel.parent_path()) {
      const fs::path dir = fs::path(options.out_dir) / rel;
      if (!fs::is_directory(dir, ec) || !fs::is_empty(dir, ec) || !fs::remove(dir, ec)) break;
    }
    drop.bind(1, r.path).run();
    removed.push_back(r.path);
  }
  return removed;
}

}  // namespace blogshift
