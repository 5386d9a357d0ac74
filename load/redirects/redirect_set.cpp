// The encodings and header comments every redirect-map writer shares.
#include <algorithm>

#include "redirect_writers.h"

namespace blogshift {

namespace {

constexpr char kHex[] = "0123456789ABCDEF";

void encode_byte(std::string& out, unsigned char c) {
  out += '%';
  out += kHex[c >> 4];
  out += kHex[c & 15];
}

// The order shapes are listed in: an item's own paths, then listings, feeds.
const std::vector<std::string>& shape_order() {
  static const std::vector<std::string> order = {"post",         "page",          "collision-suffix", "alias",
                                                 "comment-feed", "label",         "label-feed",       "archive-year",
                                                 "archive-month", "archive-day",  "feed"};
  return order;
}

}  // namespace

std::string request_path(std::string_view decoded_path) {
  std::string out;
  for (const char ch : decoded_path) {
    const auto c = static_cast<unsigned char>(ch);
    const bool encode = c <= 0x20 || c >= 0x7f || c == '"' || c == '#' || c == '%' || c == '<' || c == '>' ||
                        c == '?' || c == '`' || c == '{' || c == '}';
    if (encode) encode_byte(out, c);
    else out += ch;
  }
  return out;
}

std::string location_path(std::string_view route) {
  std::string out;
  for (const char ch : route) {
    const auto c = static_cast<unsigned char>(ch);
    const bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                      c == '.' || c == '_' || c == '~' || c == '/';
    if (keep) out += ch;
    else encode_byte(out, c);
  }
  return out;
}

std::string coverage_comment(const RedirectSet& set, std::string_view comment) {
  std::string line = std::string(comment) + " covers " + std::to_string(set.entries.size()) + " old paths";
  std::vector<std::string> names = shape_order();
  for (const auto& [shape, count] : set.shapes)
    if (std::find(names.begin(), names.end(), shape) == names.end()) names.push_back(shape);
  const char* separator = ": ";
  for (const auto& name : names) {
    auto it = set.shapes.find(name);
    if (it == set.shapes.end() || it->second == 0) continue;
    line += separator + name + " " + std::to_string(it->second);
    separator = ", ";
  }
  return line + "\n";
}

std::string query_comment(std::string_view comment, std::string_view how) {
  return std::string(comment) + " Query strings (?m=1, ?m=0, ?alt=rss, ?max-results=N) are matched by path alone" +
         std::string(how) + ".\n";
}

}  // namespace blogshift
