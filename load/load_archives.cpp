// The archives part of the load stage: what goes into the tarballs, the bag
// and the WARC file, and where they are written (OUT/archives/).
//   site.tar.gz / .tar.zst / .zip  the content tree (every folder it wrote) and the redirect maps
//                                  (and the staging database with --archive-db)
//   sources.warc.gz + sources.cdxj the original material as WARC/1.1
//   bag/                           BagIt: the same as the tarballs, plus the
//                                  original sources and a copy of the
//                                  migration report
// The bag comes last: every output written before it (maps, tarballs, WARC)
// is verified first, so the report copy inside the bag can say they are. It
// cannot say so of the bag that holds it; it says the bag is checked on its
// own (load verifies it after writing it, `blogshift verify` any time).
#include "load_archives.h"

#include <algorithm>
#include <filesystem>

#include "archive_entries.h"
#include "archive_writer.h"
#include "bagit_writer.h"
#include "digest.h"
#include "report_writer.h"
#include "sources_warc_writer.h"
#include "verify_command.h"

namespace blogshift {

namespace {
namespace fs = std::filesystem;

bool wants(const LoadOptions& o, const std::string& format) {
  return std::find(o.archive_formats.begin(), o.archive_formats.end(), format) != o.archive_formats.end();
}

void add_folder(std::vector<ArchiveEntry>& entries, const fs::path& dir, const std::string& prefix) {
  if (!fs::is_directory(dir)) return;
  for (auto& e : list_folder(dir.string(), prefix)) entries.push_back(std::move(e));
}

// The staging database as one consistent file (VACUUM INTO a scratch copy:
// the live file has a write-ahead log beside it).
std::string snapshot_database(Database& db, const fs::path& scratch_dir) {
  fs::create_directories(scratch_dir);
  const fs::path copy = scratch_dir / "staging.db";
  fs::remove(copy);
  db.prepare("VACUUM INTO ?").bind(1, copy.string()).run();
  return copy.string();
}

// The original sources, under sources/<name>: files as they are, mirror folders whole.
void add_sources(Database& db, std::vector<ArchiveEntry>& entries) {
  auto rows = db.prepare("SELECT path FROM sources ORDER BY path");
  std::vector<std::string> names;
  while (rows.step()) {
    const fs::path path = rows.column_text(0);
    // "mirror/" names its folder too (a path ending in a separator has an empty filename).
    const fs::path named = path.filename().empty() ? path.parent_path() : path;
    std::string name = named.filename().string();
    // Two sources with the same file name: the second gets its number.
    const std::string base = name;
    for (int n = 2; std::count(names.begin(), names.end(), name); ++n) name = base + "-" + std::to_string(n);
    names.push_back(name);
    if (fs::is_directory(path)) add_folder(entries, path, "sources/" + name + "/");
    else if (fs::is_regular_file(path)) entries.push_back(ArchiveEntry::file("sources/" + name, path.string()));
  }
}

std::string rel(const std::string& out_dir, const fs::path& p) {
  return p.lexically_relative(out_dir).generic_string();
}
}  // namespace

void write_archives(Database& db, const LoadOptions& options, LoadReport& report,
                    const std::function<void(const OutputRecord&, const std::string&)>& record) {
  const fs::path out = options.out_dir;
  const fs::path dir = out / "archives";
  const fs::path scratch = out / ".blogshift" / "scratch";
  std::vector<ArchiveEntry> tree;
  // The folders the content tree wrote (content/ for Astro and Hugo; _posts/,
  // pages/, assets/, _data/ for Jekyll), then the redirect maps.
  std::vector<std::string> roots = report.tree.roots;
  if (roots.empty()) roots.push_back("content");
  for (const auto& root : roots) add_folder(tree, out / root, root + "/");
  // The feed alone, not the static folder it is in (which is the site's).
  if (!report.feed.path.empty() && fs::is_regular_file(out / report.feed.path))
    tree.push_back(ArchiveEntry::file(report.feed.path, (out / report.feed.path).string()));
  // The author records, avatars and listing pages outside those folders
  // (data/, public/, static/, listings/).
  std::vector<std::string> site_files = report.authors.files;
  site_files.insert(site_files.end(), report.listings.files.begin(), report.listings.files.end());
  for (const auto& file : site_files) {
    const std::string top = file.substr(0, file.find('/'));
    if (std::find(roots.begin(), roots.end(), top) == roots.end() && fs::is_regular_file(out / file))
      tree.push_back(ArchiveEntry::file(file, (out / file).string()));
  }
  add_folder(tree, out / "redirects", "redirects/");
  if (options.archive_staging_db) tree.push_back(ArchiveEntry::file("staging.db", snapshot_database(db, scratch)));

  for (const auto& [name, format] : {std::pair{"site.tar.gz", ArchiveFormat::kTarGz},
                                     std::pair{"site.tar.zst", ArchiveFormat::kTarZst},
                                     std::pair{"site.zip", ArchiveFormat::kZip}}) {
    if (!wants(options, archive_kind(format))) continue;
    const ArchiveResult a = write_archive((dir / name).string(), format, tree, report.epoch);
    OutputRecord o{rel(options.out_dir, a.path), archive_kind(format), a.sha256, a.size, a.entries};
    record(o, "{\"root\":\"" + a.root + "\"}");
    report.outputs.push_back(o);
  }

  if (wants(options, "warc")) {
    WarcOptions w;
    w.date_epoch = report.epoch;
    w.software = bag_software_agent();
    const WarcReport r = write_sources_warc(db, (dir / "sources.warc.gz").string(), (dir / "sources.cdxj").string(), w);
    OutputRecord warc{rel(options.out_dir, r.warc_path), "warc", r.sha256, r.bytes, r.records};
    std::string types;
    for (const auto& [type, n] : r.records_by_type)
      types += (types.empty() ? "" : ",") + ("\"" + type + "\":" + std::to_string(n));
    record(warc, "{\"records\":{" + types + "}}");
    report.outputs.push_back(warc);
    OutputRecord cdxj{rel(options.out_dir, r.cdxj_path), "cdxj", r.cdxj_sha256,
                      static_cast<int64_t>(fs::file_size(r.cdxj_path)), r.cdxj_lines};
    record(cdxj, "");
    report.outputs.push_back(cdxj);
    if (r.errors || r.warnings)
      report.warnings.push_back("WARC: " + std::to_string(r.errors) + " errors, " + std::to_string(r.warnings) +
                                " warnings about the sources (see blogshift status)");
  }

  if (wants(options, "bagit")) {
    std::vector<ArchiveEntry> payload = tree;
    add_sources(db, payload);
    for (const VerifyResult& v : verify_outputs(db, options.out_dir, StageLog(), /*only_unverified=*/true))
      if (!v.ok) report.warnings.push_back(v.output + ": does not verify: " + v.first_bad_entry + ": " + v.message);
    const fs::path bag_dir = dir / "bag";
    ReportOptions in_bag;
    in_bag.inside_bag = rel(options.out_dir, bag_dir);
    const ReportSummary copy = write_report(db, (scratch / "report").string(), in_bag);
    payload.push_back(ArchiveEntry::file("report.html", copy.html_path));
    payload.push_back(ArchiveEntry::file("report.json", copy.json_path));
    BagInfo info;
    info.external_description = "A Blogger blog migrated by blogshift: the Markdown tree with its media, the redirect "
                                "maps, the original sources and the migration report.";
    const BagResult b = write_bag(bag_dir.string(), std::move(payload), info, report.epoch);
    OutputRecord o{rel(options.out_dir, b.path), "bagit", "", b.payload_bytes, b.payload_files};
    record(o, "{\"tagmanifest_sha256\":\"" + b.tagmanifest_sha256 + "\"}");
    report.outputs.push_back(o);
  }
  std::error_code ec;
  fs::remove_all(scratch, ec);
}

}  // namespace blogshift
