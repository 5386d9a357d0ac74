#include "feed_url.h"

#include <vector>

#include "text.h"
#include "url.h"

namespace blogshift {

namespace {

bool all_digits(std::string_view s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos; }

std::vector<std::string> segments(std::string_view path) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    if (slash > start) out.emplace_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return out;
}

// The root element's name, after what may precede it; empty when none is found.
std::string_view root_name(std::string_view b) {
  if (b.substr(0, 3) == "\xEF\xBB\xBF") b.remove_prefix(3);
  for (;;) {
    b = trim(b);
    if (b.substr(0, 2) == "<?" || b.substr(0, 4) == "<!--") {
      const size_t end = b.find(b[1] == '?' ? "?>" : "-->");
      if (end == std::string_view::npos) return {};
      b.remove_prefix(end + (b[1] == '?' ? 2 : 3));
      continue;
    }
    break;
  }
  if (b.empty() || b[0] != '<') return {};
  const size_t end = b.find_first_of(" \t\r\n>/", 1);
  return b.substr(1, end == std::string_view::npos ? std::string_view::npos : end - 1);
}

}  // namespace

FeedUrl classify_feed_url(std::string_view url) {
  FeedUrl out;
  const UrlParts parts = parse_url(url);
  const std::vector<std::string> s = segments(parts.path);
  if (s.size() == 1 && (s[0] == "atom.xml" || s[0] == "rss.xml")) {
    out.kind = FeedKind::Posts;
    return out;
  }
  if (s.empty() || s[0] != "feeds") return out;
  size_t i = 1;
  // www.blogger.com names the blog first: /feeds/BLOGID/posts/default.
  if (parts.host == "www.blogger.com" && i < s.size() && all_digits(s[i])) out.blog_id = s[i++];
  if (i + 1 < s.size() && all_digits(s[i]) && s[i + 1] == "comments") {
    out.kind = FeedKind::Comments;
    out.post_id = s[i];
    return out;
  }
  if (i + 1 >= s.size()) return out;
  const std::string& what = s[i];
  const std::string& projection = s[i + 1];
  if (projection != "default" && projection != "summary" && projection != "full") return out;
  if (what == "posts") out.kind = FeedKind::Posts;
  else if (what == "pages") out.kind = FeedKind::Pages;
  else if (what == "comments") out.kind = FeedKind::Comments;
  out.summary = projection == "summary";
  return out;
}

FeedForm blogger_feed_form(std::string_view url, std::string_view content_type, std::string_view bytes) {
  const std::string type = std::string(trim(ascii_lower(content_type.substr(0, content_type.find(';')))));
  static const char* const kTypes[] = {"",         "application/atom+xml", "application/rss+xml",     "application/xml",
                                       "text/xml", "text/plain",           "application/octet-stream"};
  bool xml_type = false;
  for (const char* t : kTypes) xml_type = xml_type || type == t;
  if (!xml_type) return FeedForm::None;
  const std::string_view head = bytes.substr(0, 8192);
  const std::string_view root = root_name(head);
  const FeedForm form = root == "feed" ? FeedForm::Atom : root == "rss" ? FeedForm::Rss : FeedForm::None;
  if (form == FeedForm::None) return form;
  const bool blogger = head.find("tag:blogger.com,1999:blog-") != std::string_view::npos ||
                       classify_feed_url(url).kind != FeedKind::Unknown;
  return blogger ? form : FeedForm::None;
}

}  // namespace blogshift
