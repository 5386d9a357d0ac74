#include "mirror_urls.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <string_view>
#include <utility>

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

}  // namespace

MirrorUrls::MirrorUrls(const MirrorWalk& walk) : root_(walk.root) {
  // Is the top level made of host-name folders?
  for (const auto& f : walk.files) {
    auto rel = f.lexically_relative(root_);
    if (std::distance(rel.begin(), rel.end()) >= 2 && looks_like_host(rel.begin()->string())) host_layout_ = true;
  }
}

std::string MirrorUrls::url_for(const fs::path& file) const {
  std::string rel = file.lexically_relative(root_).generic_string();
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

std::string MirrorUrls::type_for(const fs::path& file) const {
  std::string path, query;
  path = "/" + file.lexically_relative(root_).generic_string();
  split_saved_query(path, query);
  return content_type_for(path);
}

}  // namespace blogshift
