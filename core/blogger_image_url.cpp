#include "blogger_image_url.h"

#include <limits>
#include <vector>

#include "text.h"
#include "url.h"

namespace blogshift {

namespace {

struct ImageUrlParts {
  size_t host_begin = 0, host_end = 0;  // host (no port) range
  size_t path_begin = 0, path_end = 0;  // path range (up to ? or #)
};

std::optional<ImageUrlParts> split_url(std::string_view url) {
  size_t start = url.find("//");
  if (start == std::string_view::npos) return std::nullopt;
  if (start > 0) {  // "scheme://", or "//" for protocol-relative URLs
    if (start < 2 || url[start - 1] != ':') return std::nullopt;
    for (size_t i = 0; i + 1 < start; ++i) {
      char c = ascii_lower(url[i]);
      if (!((c >= 'a' && c <= 'z') || c == '+' || c == '-' || c == '.')) return std::nullopt;
    }
  }
  ImageUrlParts parts;
  parts.host_begin = start + 2;
  size_t slash = url.find_first_of("/?#", parts.host_begin);
  if (slash == std::string_view::npos) slash = url.size();
  size_t at = url.rfind('@', slash);
  if (at != std::string_view::npos && at >= parts.host_begin) parts.host_begin = at + 1;
  size_t colon = url.find(':', parts.host_begin);
  parts.host_end = colon != std::string_view::npos && colon < slash ? colon : slash;
  parts.path_begin = slash;
  size_t q = url.find_first_of("?#", slash);
  parts.path_end = q == std::string_view::npos ? url.size() : q;
  return parts;
}


// Parses "s320", "w400-h300-c", "s1600-h"; false when `text` is not options.
bool parse_options(std::string_view text, ImageSizeOptions& out) {
  if (text.empty()) return false;
  bool sized = false;
  int64_t side = -1, width = -1, height = -1;
  size_t i = 0;
  while (i <= text.size()) {
    size_t dash = text.find('-', i);
    if (dash == std::string_view::npos) dash = text.size();
    std::string_view token = text.substr(i, dash - i);
    size_t letters = 0;
    while (letters < token.size() && token[letters] >= 'a' && token[letters] <= 'z') ++letters;
    std::string_view name = token.substr(0, letters), digits = token.substr(letters);
    if (letters == 0 || letters > 3 || (!digits.empty() && !all_ascii_digits(digits)) || digits.size() > 6) return false;
    if (!digits.empty() && (name == "s" || name == "w" || name == "h")) {
      int64_t v = std::stoll(std::string(digits));
      (name == "s" ? side : name == "w" ? width : height) = v;
      sized = true;
    } else if (digits.empty() && (name == "c" || name == "p")) {
      out.cropped = true;
    } else if (digits.empty() && name == "h") {
      out.html_page = true;
    }
    i = dash + 1;
  }
  if (!sized) return false;
  out.longest_side = side >= 0 ? side : std::max(width, height);
  return true;
}

std::string shard_free_host(std::string_view host) {
  std::string h = ascii_lower(host);
  size_t i = 0;
  if (h.starts_with("lh")) i = 2;
  size_t d = i;
  while (d < h.size() && h[d] >= '0' && h[d] <= '9') ++d;
  if (d > i && d < h.size() && (i == 2 || h[d] == '.')) h.erase(i, d - i);
  return h;
}

}  // namespace

bool is_blogger_image_host(std::string_view host) {
  std::string h = ascii_lower(host);
  if (h == "blogger.googleusercontent.com" || h == "bp.blogspot.com" || h.ends_with(".bp.blogspot.com")) return true;
  if (h.starts_with("lh") && (h.ends_with(".googleusercontent.com") || h.ends_with(".ggpht.com"))) {
    size_t dot = h.find('.');
    return dot > 2 && all_ascii_digits(std::string_view(h).substr(2, dot - 2));
  }
  return false;
}

std::optional<ImageSizeOptions> find_size_options(std::string_view url) {
  auto parts = split_url(url);
  if (!parts || !is_blogger_image_host(url.substr(parts->host_begin, parts->host_end - parts->host_begin)))
    return std::nullopt;
  std::string_view path = url.substr(parts->path_begin, parts->path_end - parts->path_begin);
  size_t last_slash = path.rfind('/');
  if (last_slash == std::string_view::npos) return std::nullopt;
  ImageSizeOptions found;
  // Suffix form: the last segment ends "=options".
  std::string_view last = path.substr(last_slash + 1);
  size_t eq = last.rfind('=');
  if (eq != std::string_view::npos && parse_options(last.substr(eq + 1), found)) {
    found.suffix = true;
    found.begin = parts->path_begin + last_slash + 1 + eq + 1;
    found.end = parts->path_end;
    return found;
  }
  // Path form: the segment before the file name.
  if (last_slash == 0) return std::nullopt;
  size_t prev_slash = path.rfind('/', last_slash - 1);
  if (prev_slash == std::string_view::npos) return std::nullopt;
  found = {};
  if (!parse_options(path.substr(prev_slash + 1, last_slash - prev_slash - 1), found)) return std::nullopt;
  found.begin = parts->path_begin + prev_slash + 1;
  found.end = parts->path_begin + last_slash;
  return found;
}

std::string with_size_options(std::string_view url, const ImageSizeOptions& where, std::string_view options) {
  std::string out(url.substr(0, where.begin));
  out += options;
  out += url.substr(where.end);
  return out;
}

std::string largest_image_url(std::string_view url) {
  auto options = find_size_options(url);
  if (!options) return std::string(url);
  bool small = options->longest_side > 0 && options->longest_side < kLargestImageSide;
  if (!small && !options->cropped && !options->html_page) return std::string(url);
  return with_size_options(url, *options, "s" + std::to_string(kLargestImageSide));
}

std::string image_identity(std::string_view url) {
  auto parts = split_url(url);
  if (!parts) return std::string(url);
  std::string key = shard_free_host(url.substr(parts->host_begin, parts->host_end - parts->host_begin));
  auto options = find_size_options(url);
  if (!options) {
    key += url.substr(parts->path_begin);
    return key;
  }
  key += url.substr(parts->path_begin, options->begin - parts->path_begin);
  key += options->suffix ? "" : "*";
  key += url.substr(options->end);
  return key;
}

int64_t image_size_rank(std::string_view url) {
  auto parts = split_url(url);
  if (!parts || !is_blogger_image_host(url.substr(parts->host_begin, parts->host_end - parts->host_begin))) return -1;
  auto options = find_size_options(url);
  if (!options || options->longest_side == 0) return std::numeric_limits<int64_t>::max();
  return options->longest_side;
}

std::string profile_image_url(std::string_view src) {
  std::string url(trim(src));
  if (url.starts_with("//")) url.insert(0, "https:");
  const UrlParts parts = parse_url(url);
  const std::string& host = parts.host;
  if (host.empty() || (parts.scheme != "http" && parts.scheme != "https")) return {};
  // Blogger's own pictures for a profile without one: its theme images
  // (blogblog.com) and its logo and default avatars under blogger.com/img/
  // (blogger_logo_round_35.png). A person's own picture is always an upload
  // (googleusercontent.com, bp.blogspot.com), never there.
  if (host == "blogblog.com" || host.ends_with(".blogblog.com")) return {};
  if ((host == "blogger.com" || host.ends_with(".blogger.com")) && parts.path.starts_with("/img/")) return {};
  return largest_image_url(url);
}

}  // namespace blogshift
