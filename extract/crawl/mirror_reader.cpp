// Overview: walks a wget/HTTrack mirror folder in sorted order
// (mirror_walk.h: the same walk the source's digest uses), rebuilds each
// file's URL from its path, guesses its type from the extension (sniffing
// for HTML), and hands it to ingest_crawled_file(). A file or folder that
// cannot be read becomes a MIRROR_UNREADABLE problem, a file over 512 MiB a
// MIRROR_FILE_TOO_LARGE problem (it is not read), and the walk goes on.
//
// URLs: when the top-level folders are host names (wget -m, HTTrack), a
// file `<host>/a/b.html` is http://<host>/a/b.html, `<host>/index.html` is
// the host's `/`, and the names wget gives query strings (`slug.html?m=1`,
// `slug.html@m=1`, `slug.html%3Fm=1`) get their `?` back. Otherwise the URL
// is the bare path (`/2009/01/slug.html`) and the scraper takes the page's
// own canonical URL.
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
#include "mirror_walk.h"
#include "text.h"

namespace blogshift {

namespace fs = std::filesystem;

namespace {

bool looks_like_host(const std::string& name) {
  if (name.find('.') == std::string::npos || name.front() == '.' || name.back() == '.') return false;
  std::string host = name.substr(0, name.find_first_of(":+"));  // wget: host:port, HTTrack/Windows: host+port
  bool letter = false;
  for (char c : host) {
    if (std::isalpha(static_cast<unsigned char>(c))) letter = true;
    else if (!std::isdigit(static_cast<unsigned char>(c)) && c != '.' && c != '-') return false;
  }
  return letter || std::count(host.begin(), host.end(), '.') == 3;
}

// "slug.html@m=1" / "slug.html%3Fm=1" / "slug.html?m=1" -> path and query.
void split_saved_query(std::string& path, std::string& query) {
  for (const char* sep : {"?", "%3F", "%3f", "@"}) {
    size_t slash = path.rfind('/');
    size_t at = path.find(sep, slash == std::string::npos ? 0 : slash);
    if (at == std::string::npos) continue;
    std::string q = path.substr(at + std::string_view(sep).size());
    if (std::string_view(sep) == "@" && q.find('=') == std::string::npos) continue;  // a real '@' in a name
    query = q;
    path.resize(at);
    return;
  }
}

std::string content_type_for(const std::string& path) {
  std::string ext = ascii_lower(fs::path(path).extension().string());
  static const std::pair<const char*, const char*> kTypes[] = {
      {".html", "text/html"}, {".htm", "text/html"},        {".css", "text/css"},          {".js", "application/javascript"},
      {".png", "image/png"},  {".jpg", "image/jpeg"},       {".jpeg", "image/jpeg"},       {".gif", "image/gif"},
      {".webp", "image/webp"}, {".svg", "image/svg+xml"},    {".ico", "image/x-icon"},      {".xml", "application/xml"},
      {".atom", "application/atom+xml"}, {".json", "application/json"}, {".txt", "text/plain"}, {".pdf", "application/pdf"},
      {".woff", "font/woff"}, {".woff2", "font/woff2"},
  };
  for (const auto& [e, type] : kTypes)
    if (ext == e) return type;
  return {};
}

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
      : walk_(walk), sink_(sink), max_file_bytes_(max_file_bytes) {
    // Is the top level made of host-name folders?
    for (const auto& f : walk_.files) {
      auto rel = f.lexically_relative(walk_.root);
      if (std::distance(rel.begin(), rel.end()) >= 2 && looks_like_host(rel.begin()->string())) host_layout_ = true;
    }
  }

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
  std::string url_for(const fs::path& file) const {
    std::string rel = file.lexically_relative(walk_.root).generic_string();
    std::string path, query, host;
    if (host_layout_) {
      size_t slash = rel.find('/');
      host = slash == std::string::npos ? std::string() : ascii_lower(rel.substr(0, slash));
      if (host.find('+') != std::string::npos) host[host.find('+')] = ':';
      path = slash == std::string::npos ? "/" + rel : rel.substr(slash);
    } else {
      path = "/" + rel;
    }
    split_saved_query(path, query);
    if (path.size() >= 11 && path.substr(path.size() - 11) == "/index.html") path.resize(path.size() - 10);
    std::string url = !host.empty() && looks_like_host(host) ? "http://" + host + path : path;
    if (!query.empty()) url += "?" + query;
    return url;
  }

  std::string type_for(const fs::path& file) const {
    std::string path, query;
    path = "/" + file.lexically_relative(walk_.root).generic_string();
    split_saved_query(path, query);
    return content_type_for(path);
  }

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
    std::string item = issue.folder ? issue.path.lexically_relative(walk_.root).generic_string() + "/" : url_for(issue.path);
    problem(issue.path, std::move(item), "MIRROR_UNREADABLE", (issue.folder ? "folder: " : "") + issue.reason);
  }

  void read(const fs::path& f) {
    CrawledFile file;
    file.position.file = f.string();
    file.url = url_for(f);
    std::string detail;
    switch (read_capped(f, max_file_bytes_, file.bytes, detail)) {
      case ReadResult::Ok: break;
      case ReadResult::Unreadable: return problem(f, file.url, "MIRROR_UNREADABLE", detail);
      case ReadResult::TooLarge: return problem(f, file.url, "MIRROR_FILE_TOO_LARGE", detail);
    }
    std::string type = type_for(f);
    if (type.empty() && looks_like_html("", file.bytes)) type = "text/html";
    file.content_type = type;
    ingest_crawled_file(file, sink_);
  }

  const MirrorWalk& walk_;
  ExtractSink& sink_;
  size_t max_file_bytes_;
  bool host_layout_ = false;
};

}  // namespace

void read_mirror(const std::string& folder, ExtractSink& sink, const MirrorReadOptions& options) {
  MirrorWalk walk = walk_mirror(folder, options.fault);
  MirrorReader(walk, sink, options.max_file_bytes).run();
}

}  // namespace blogshift
