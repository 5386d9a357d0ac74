// Overview: walks a wget/HTTrack mirror folder in sorted order
// (mirror_walk.h: the same walk the source's digest uses), names each file
// by the URL it was served under and a content type (mirror_urls.h;
// sniffing for HTML when the name says nothing), and hands it to
// ingest_crawled_file(). A file or folder that cannot be read becomes a
// MIRROR_UNREADABLE problem, a file over 512 MiB a MIRROR_FILE_TOO_LARGE
// problem (it is not read), and the walk goes on.
#include "mirror_reader.h"

#include <algorithm>
#include <cstdint>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>
#include <vector>

#include "crawl_ingest.h"
#include "errors.h"
#include "mirror_urls.h"
#include "mirror_walk.h"
#include "text.h"

namespace blogshift {

namespace fs = std::filesystem;

namespace {

enum class ReadResult { Ok, Unreadable, TooLarge };

// The whole file, unless it holds more than `max_bytes` (checked before
// reading, and again while reading in case it grows).
ReadResult read_capped(const fs::path& path, size_t max_bytes, std::string& out, std::string& detail) {
  std::error_code ec;
  const uintmax_t size = fs::file_size(path, ec);
  if (ec) {
    detail = "cannot read file: " + ec.message();
    return ReadResult::Unreadable;
  }
  if (size > max_bytes) {
    detail = "file of " + std::to_string(size) + " bytes is over the " + std::to_string(max_bytes >> 20) +
             " MiB limit: not read";
    return ReadResult::TooLarge;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    detail = "cannot open file";
    return ReadResult::Unreadable;
  }
  out.clear();
  out.reserve(static_cast<size_t>(size));
  char buffer[1 << 16];
  while (in) {
    in.read(buffer, sizeof buffer);
    out.append(buffer, static_cast<size_t>(in.gcount()));
    if (out.size() > max_bytes) {
      detail = "file grew past the " + std::to_string(max_bytes >> 20) + " MiB limit while being read: not read";
      out = std::string();
      return ReadResult::TooLarge;
    }
  }
  if (in.bad()) {
    detail = "cannot read file";
    return ReadResult::Unreadable;
  }
  return ReadResult::Ok;
}

class MirrorReader {
public:
  MirrorReader(const MirrorWalk& walk, ExtractSink& sink, size_t max_file_bytes)
      : walk_(walk), urls_(walk), sink_(sink), max_file_bytes_(max_file_bytes) {}

  // Files and issues in one sorted order, so the units follow the folder.
  void run() {
    size_t f = 0, i = 0;
    while (f < walk_.files.size() || i < walk_.issues.size()) {
      if (i < walk_.issues.size() && (f == walk_.files.size() || walk_.issues[i].path < walk_.files[f]))
        report(walk_.issues[i++]);
      else
        read(walk_.files[f++]);
    }
  }

private:
  void problem(const fs::path& where, std::string item, const char* code, std::string message) {
    ProblemRecord p;
    p.position.file = where.string();
    p.item = std::move(item);
    p.severity = Severity::Error;
    p.code = code;
    p.message = std::move(message);
    sink_.problem(std::move(p));
  }

  // A walk issue is the outcome of its unit: a skipped entry, or an
  // unreadable file or folder (a folder that cannot be listed is one unit:
  // its files are unknown, so they cannot be counted one by one).
  void report(const MirrorWalkIssue& issue) {
    if (issue.kind == MirrorWalkIssue::Kind::Skipped) {
      SourcePosition pos;
      pos.file = issue.path.string();
      sink_.skipped(pos, issue.path.string(), issue.reason);
      return;
    }
    std::string item = issue.folder ? issue.path.lexically_relative(walk_.root).generic_string() + "/" : urls_.url_for(issue.path);
    problem(issue.path, std::move(item), "MIRROR_UNREADABLE", (issue.folder ? "folder: " : "") + issue.reason);
  }

  void read(const fs::path& f) {
    CrawledFile file;
    file.position.file = f.string();
    file.url = urls_.url_for(f);
    std::string detail;
    switch (read_capped(f, max_file_bytes_, file.bytes, detail)) {
      case ReadResult::Ok: break;
      case ReadResult::Unreadable: return problem(f, file.url, "MIRROR_UNREADABLE", detail);
      case ReadResult::TooLarge: return problem(f, file.url, "MIRROR_FILE_TOO_LARGE", detail);
    }
    std::string type = urls_.type_for(f);
    if (type.empty() && looks_like_html("", file.bytes)) type = "text/html";
    file.content_type = type;
    ingest_crawled_file(file, sink_);
  }

  const MirrorWalk& walk_;
  const MirrorUrls urls_;
  ExtractSink& sink_;
  size_t max_file_bytes_;
};

}  // namespace

void read_mirror(const std::string& folder, ExtractSink& sink, const MirrorReadOptions& options) {
  MirrorWalk walk = walk_mirror(folder, options.fault);
  MirrorReader(walk, sink, options.max_file_bytes).run();
}

}  // namespace blogshift
