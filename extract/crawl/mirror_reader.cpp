// Overview: walks a wget/HTTrack mirror folder in sorted order (symlinks
// that leave the folder are not followed), rebuilds each file's URL from
// its path, guesses its type from the extension (sniffing for HTML), and
// hands it to ingest_crawled_file(). An unreadable file becomes a
// MIRROR_UNREADABLE problem and the walk goes on.
//
// URLs: when the top-level folders are host names (wget -m, HTTrack), a
// file `<host>/a/b.html` is http://<host>/a/b.html, `<host>/index.html` is
// the host's `/`, and the names wget gives query strings (`slug.html?m=1`,
// `slug.html@m=1`, `slug.html%3Fm=1`) get their `?` back. Otherwise the URL
// is the bare path (`/2009/01/slug.html`) and the scraper takes the page's
// own canonical URL.
#include "mirror_reader.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>
#include <vector>

#include "crawl_ingest.h"
#include "errors.h"

namespace blogshift {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

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
  std::string ext = lower(fs::path(path).extension().string());
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

bool read_whole(const fs::path& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return false;
  out = std::move(buffer).str();
  return true;
}

}  // namespace

void read_mirror(const std::string& folder, ExtractSink& sink) {
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) throw FatalError(folder, "not a folder (or it does not exist)");
  fs::path root = fs::weakly_canonical(fs::path(folder), ec);
  if (ec) throw FatalError(folder, "cannot resolve folder: " + ec.message());

  std::vector<fs::path> files;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
  if (ec) throw FatalError(folder, "cannot list folder: " + ec.message());
  std::vector<fs::path> unreadable;
  for (; it != end; it.increment(ec)) {
    if (ec) break;
    const fs::directory_entry& entry = *it;
    std::error_code e2;
    if (entry.is_symlink(e2)) {
      // Followed only when it stays inside the folder (and never into a folder: no loops).
      fs::path target = fs::weakly_canonical(entry.path(), e2);
      auto rel = target.lexically_relative(root);
      bool inside = !e2 && !rel.empty() && *rel.begin() != "..";
      if (!inside || fs::is_directory(target, e2)) {
        if (fs::is_directory(entry.path(), e2)) it.disable_recursion_pending();
        if (!inside) {
          SourcePosition pos;
          pos.file = entry.path().string();
          sink.skipped(pos, entry.path().string(), "symbolic link leaving the mirror folder");
        }
        continue;
      }
      files.push_back(entry.path());
      continue;
    }
    if (entry.is_regular_file(e2)) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());

  // Is the top level made of host-name folders?
  bool host_layout = false;
  for (const auto& f : files) {
    auto rel = f.lexically_relative(root);
    if (std::distance(rel.begin(), rel.end()) >= 2 && looks_like_host(rel.begin()->string())) host_layout = true;
  }

  for (const auto& f : files) {
    CrawledFile file;
    file.position.file = f.string();
    std::string rel = f.lexically_relative(root).generic_string();
    std::string path, query, host;
    if (host_layout) {
      size_t slash = rel.find('/');
      host = slash == std::string::npos ? std::string() : lower(rel.substr(0, slash));
      if (host.find('+') != std::string::npos) host[host.find('+')] = ':';
      path = slash == std::string::npos ? "/" + rel : rel.substr(slash);
    } else {
      path = "/" + rel;
    }
    split_saved_query(path, query);
    std::string type = content_type_for(path);
    if (path.size() >= 11 && path.substr(path.size() - 11) == "/index.html") path.resize(path.size() - 10);
    if (!host.empty() && looks_like_host(host)) file.url = "http://" + host + path;
    else file.url = path;
    if (!query.empty()) file.url += "?" + query;

    if (!read_whole(f, file.bytes)) {
      ProblemRecord p;
      p.position = file.position;
      p.item = file.url;
      p.severity = Severity::Error;
      p.code = "MIRROR_UNREADABLE";
      p.message = "cannot read file";
      sink.problem(std::move(p));
      continue;
    }
    if (type.empty() && looks_like_html("", file.bytes)) type = "text/html";
    file.content_type = type;
    ingest_crawled_file(file, sink);
  }
}

}  // namespace blogshift
