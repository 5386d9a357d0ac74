#include "extractor.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <tuple>

#include "crawl/crawl_ingest.h"
#include "crawl/mirror_reader.h"
#include "crawl/mirror_walk.h"
#include "digest.h"
#include "errors.h"
#include "source_kind.h"
#include "warc/warc_reader.h"
#include "xml/atom_export_reader.h"

namespace fs = std::filesystem;

namespace blogshift {

namespace {

// Forwards to the store and counts outcomes for the report.
class CountingSink : public ExtractSink {
public:
  CountingSink(ExtractSink& inner, SourceReport& report, const ProblemObserver& observer,
               const std::function<void()>& on_unit)
      : inner_(inner), report_(report), observer_(observer), on_unit_(on_unit) {}
  void blog(const BlogRecord& b) override { inner_.blog(b); }
  void item(ItemRecord&& i) override {
    tick();
    ++report_.items;
    inner_.item(std::move(i));
  }
  void asset(AssetRecord&& a) override {
    tick();
    ++report_.assets;
    inner_.asset(std::move(a));
  }
  void skipped(const SourcePosition& where, const std::string& what, const std::string& why) override {
    tick();
    ++report_.skipped;
    inner_.skipped(where, what, why);
  }
  void problem(ProblemRecord&& p) override {
    tick();
    if (p.severity == Severity::Error) ++report_.errors;
    if (p.severity == Severity::Warning) ++report_.warnings;
    if (observer_) observer_(p);
    inner_.problem(std::move(p));
  }

private:
  void tick() {
    if (on_unit_) on_unit_();
  }
  ExtractSink& inner_;
  SourceReport& report_;
  const ProblemObserver& observer_;
  const std::function<void()>& on_unit_;
};

void read_single_page(const std::string& path, ExtractSink& sink) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw FatalError(path, "cannot open for reading");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  CrawledFile file;
  file.content_type = "text/html";
  file.bytes = bytes.str();
  file.position.file = path;
  ingest_crawled_file(file, sink);
}

}  // namespace

SourceInfo describe_source(const std::string& path, const std::string& kind) {
  SourceInfo info;
  info.path = fs::absolute(path).lexically_normal().string();
  info.kind = kind;
  if (!fs::is_directory(path)) {
    info.size = static_cast<int64_t>(fs::file_size(path));
    info.sha256 = sha256_file(path);
    return info;
  }
  // The files the mirror reader will read (the same walk, the same rules);
  // what the walk could not list is reported by the reader.
  const MirrorWalk walk = walk_mirror(path);
  Sha256 listing;
  for (const auto& file : walk.files) {
    std::error_code ec;
    auto size = fs::file_size(file, ec);
    if (!ec) info.size += static_cast<int64_t>(size);
    std::string digest;
    try {
      digest = sha256_file(file.string());
    } catch (const std::exception&) {
      digest = "unreadable";
    }
    listing.update(file.lexically_relative(walk.root).generic_string());
    listing.update(std::string_view("\0", 1));
    listing.update(digest + "\n");
  }
  info.sha256 = listing.hex_digest();
  return info;
}

SourceReport Extractor::extract(const std::string& path, bool force) {
  SourceReport report;
  report.path = path;
  SourceKind kind;
  SourceInfo info;
  try {
    kind = detect_source_kind(path);
    report.kind = to_string(kind);
    info = describe_source(path, report.kind);
  } catch (const std::exception& e) {
    report.unreadable = true;
    ProblemRecord p;
    p.position.file = path;
    p.code = "SOURCE_UNREADABLE";
    // FatalError already starts with the path; keep the message short.
    const FatalError* fatal = dynamic_cast<const FatalError*>(&e);
    p.message = fatal && fatal->file() == path ? std::string(e.what()).substr(path.size() + 2) : e.what();
    if (observer_) observer_(p);
    store_.record_problem(p);
    return report;
  }
  if (!force && store_.is_complete(info)) {
    // Not read again, but its problems still stand: they count for the exit code.
    report.unchanged = true;
    std::tie(report.errors, report.warnings) = store_.recorded_problems(info.path);
    return report;
  }
  CountingSink sink(store_.begin_source(info), report, observer_, on_unit_);
  try {
    switch (kind) {
      case SourceKind::Takeout:
      case SourceKind::Classic: read_atom_export(path, sink); break;
      case SourceKind::Mirror: read_mirror(path, sink); break;
      case SourceKind::Warc: read_warc(path, sink); break;
      case SourceKind::Page: read_single_page(path, sink); break;
    }
  } catch (const FatalError& e) {
    // The source vanished or became unreadable mid-way, or the database
    // failed: what was staged stays, but the source is not complete, so the
    // next run reads it again.
    const bool database_failed = e.file() == store_.db().path();
    report.unreadable = true;
    if (!database_failed) {
      ProblemRecord p;
      p.position.file = path;
      p.code = "SOURCE_UNREADABLE";
      p.message = e.what();
      p.file_level = true;
      sink.problem(std::move(p));
    }
    store_.abandon_source();
    if (database_failed) throw;
    return report;
  }
  store_.end_source();
  return report;
}

}  // namespace blogshift
