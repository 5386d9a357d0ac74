#include "scope/blogger_hosts.h"

#include "blogger_image_url.h"
#include "text.h"

namespace blogshift::fetch {

namespace {

bool is_letters(std::string_view s, size_t n) {
  if (s.size() != n) return false;
  for (char c : s)
    if (c < 'a' || c > 'z') return false;
  return true;
}

// What follows ".blogspot.": "com", a country code ("fr"), or a country's
// second-level commercial domain ("co.uk", "com.br").
bool is_blogspot_suffix(std::string_view suffix) {
  if (suffix == "com" || is_letters(suffix, 2)) return true;
  const size_t dot = suffix.find('.');
  if (dot == std::string_view::npos) return false;
  const std::string_view second = suffix.substr(0, dot);
  return (second == "co" || second == "com") && is_letters(suffix.substr(dot + 1), 2);
}

bool is_label(std::string_view s) {
  if (s.empty() || s.size() > 63) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

// "prefix" followed by digits only, then ".blogger.com" ("bp2.blogger.com").
bool numbered_blogger_host(std::string_view h, std::string_view prefix) {
  if (!h.starts_with(prefix) || !h.ends_with(".blogger.com")) return false;
  const std::string_view digits = h.substr(prefix.size(), h.size() - prefix.size() - 12);
  return all_ascii_digits(digits);
}

}  // namespace

std::optional<std::string> blogspot_name(std::string_view host) {
  const std::string h = ascii_lower(host);
  const size_t at = h.find(".blogspot.");
  if (at == std::string::npos) return std::nullopt;
  std::string name = h.substr(0, at);
  if (!is_label(name) || name == "bp" || !is_blogspot_suffix(std::string_view(h).substr(at + 10))) return std::nullopt;
  return name;
}

bool is_blogger_site(std::string_view host) {
  const std::string h = ascii_lower(host);
  return h == "blogger.com" || h.ends_with(".blogger.com");
}

bool is_image_server(std::string_view host) {
  const std::string h = ascii_lower(host);
  if (is_blogger_image_host(h)) return true;
  if (h.ends_with(".googleusercontent.com")) return true;
  return numbered_blogger_host(h, "bp") || numbered_blogger_host(h, "photos");
}

}  // namespace blogshift::fetch
