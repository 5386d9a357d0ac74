#include "json_writer.h"

#include <cstdio>

namespace blogshift {

std::string json_quote(std::string_view text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
          out += buffer;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
  return out;
}

std::string json_object(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string out = "{";
  std::vector<bool> done(fields.size(), false);
  for (size_t i = 0; i < fields.size(); ++i) {
    if (done[i]) continue;
    std::vector<size_t> same{i};
    for (size_t j = i + 1; j < fields.size(); ++j)
      if (fields[j].first == fields[i].first) same.push_back(j);
    if (out.size() > 1) out += ',';
    out += json_quote(fields[i].first) + ':';
    if (same.size() == 1) {
      out += json_quote(fields[i].second);
    } else {
      out += '[';
      for (size_t k = 0; k < same.size(); ++k) {
        if (k) out += ',';
        out += json_quote(fields[same[k]].second);
        done[same[k]] = true;
      }
      out += ']';
    }
  }
  return out + "}";
}

}  // namespace blogshift
