#include "manifest_lines.h"

#include "text.h"

namespace blogshift {

namespace {

bool is_sha256_hex(std::string_view s) {
  if (s.size() != 64) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
  return true;
}

}  // namespace

std::string sha256sum_line(std::string_view hex, std::string_view path) {
  const bool escaped = path.find_first_of("\\\n\r") != std::string_view::npos;
  std::string line;
  line.reserve(hex.size() + path.size() + 4);
  if (escaped) line += '\\';
  line += hex;
  line += "  ";
  for (char c : path) {
    if (escaped && c == '\\') line += "\\\\";
    else if (escaped && c == '\n') line += "\\n";
    else if (escaped && c == '\r') line += "\\r";
    else line += c;
  }
  line += '\n';
  return line;
}

std::optional<ManifestLine> parse_sha256sum_line(std::string_view line, std::string& error) {
  const bool escaped = !line.empty() && line.front() == '\\';
  if (escaped) line.remove_prefix(1);
  // "<hex>  <path>" (text mode) or "<hex> *<path>" (binary mode).
  if (line.size() < 67 || !is_sha256_hex(line.substr(0, 64)) || line[64] != ' ' || (line[65] != ' ' && line[65] != '*')) {
    error = "not a '<sha256 hex>  <path>' line";
    return std::nullopt;
  }
  ManifestLine out{ascii_lower(line.substr(0, 64)), {}};
  const std::string_view path = line.substr(66);
  if (!escaped) {
    out.path = std::string(path);
    return out;
  }
  for (size_t i = 0; i < path.size(); ++i) {
    if (path[i] != '\\') {
      out.path += path[i];
      continue;
    }
    const char next = i + 1 < path.size() ? path[i + 1] : '\0';
    if (next == '\\') out.path += '\\';
    else if (next == 'n') out.path += '\n';
    else if (next == 'r') out.path += '\r';
    else {
      error = "bad escape in the path";
      return std::nullopt;
    }
    ++i;
  }
  return out;
}

std::string bagit_encode_path(std::string_view path) {
  std::string out;
  out.reserve(path.size());
  for (char c : path) {
    if (c == '%') out += "%25";
    else if (c == '\n') out += "%0A";
    else if (c == '\r') out += "%0D";
    else out += c;
  }
  return out;
}

std::string bagit_decode_path(std::string_view path) {
  std::string out;
  out.reserve(path.size());
  for (size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '%' && i + 2 < path.size()) {
      const std::string code = ascii_lower(path.substr(i + 1, 2));
      if (code == "25" || code == "0a" || code == "0d") {
        out += code == "25" ? '%' : code == "0a" ? '\n' : '\r';
        i += 2;
        continue;
      }
    }
    out += path[i];
  }
  return out;
}

std::string bagit_manifest_line(std::string_view hex, std::string_view path) {
  return std::string(hex) + "  " + bagit_encode_path(path) + "\n";
}

std::optional<ManifestLine> parse_bagit_manifest_line(std::string_view line, std::string& error) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  const size_t gap = line.find_first_of(" \t");
  const size_t path_at = gap == std::string_view::npos ? gap : line.find_first_not_of(" \t", gap);
  if (gap == std::string_view::npos || path_at == std::string_view::npos || !is_sha256_hex(line.substr(0, gap))) {
    error = "not a '<sha256 hex> <path>' line";
    return std::nullopt;
  }
  return ManifestLine{ascii_lower(line.substr(0, gap)), bagit_decode_path(line.substr(path_at))};
}

}  // namespace blogshift
