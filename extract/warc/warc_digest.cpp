#include "warc_digest.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "digest.h"
#include "text.h"

namespace blogshift {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = ascii_lower(c);
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::optional<std::string> from_hex(std::string_view text) {
  if (text.size() % 2 != 0) return std::nullopt;
  std::string out;
  for (size_t i = 0; i < text.size(); i += 2) {
    int hi = hex_value(text[i]);
    int lo = hex_value(text[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out += static_cast<char>(hi * 16 + lo);
  }
  return out;
}

// Decodes base32 (RFC 4648, any case) or base64 (standard or filename-safe);
// padding is optional. `bits` per character: 5 or 6.
std::optional<std::string> from_base(std::string_view text, int bits) {
  while (!text.empty() && text.back() == '=') text.remove_suffix(1);
  std::string out;
  unsigned buffer = 0;
  int have = 0;
  for (char c : text) {
    int v = -1;
    if (bits == 5) {
      char u = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      if (u >= 'A' && u <= 'Z') v = u - 'A';
      else if (u >= '2' && u <= '7') v = u - '2' + 26;
    } else {
      if (c >= 'A' && c <= 'Z') v = c - 'A';
      else if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
      else if (c >= '0' && c <= '9') v = c - '0' + 52;
      else if (c == '+' || c == '-') v = 62;
      else if (c == '/' || c == '_') v = 63;
    }
    if (v < 0) return std::nullopt;
    buffer = (buffer << bits) | static_cast<unsigned>(v);
    have += bits;
    if (have >= 8) {
      have -= 8;
      out += static_cast<char>((buffer >> have) & 0xffu);
    }
  }
  return out;
}

// The raw digest a spelled value stands for, if it is one of `size` bytes.
std::optional<std::string> decode_value(std::string_view value, size_t size) {
  std::string_view bare = value;
  while (!bare.empty() && bare.back() == '=') bare.remove_suffix(1);
  if (value.size() == size * 2) {
    if (auto raw = from_hex(value)) return raw;
  }
  if (bare.size() == (size * 8 + 4) / 5) {
    if (auto raw = from_base(bare, 5); raw && raw->size() == size) return raw;
  }
  if (bare.size() == (size * 8 + 5) / 6) {
    if (auto raw = from_base(bare, 6); raw && raw->size() == size) return raw;
  }
  return std::nullopt;
}

}  // namespace

DigestCheck check_warc_digest(std::string_view header_value, std::string_view data, std::string* detail) {
  size_t colon = header_value.find(':');
  if (colon == std::string_view::npos) return DigestCheck::Unchecked;
  std::string algorithm;
  for (char c : header_value.substr(0, colon))
    if (c != '-' && c != ' ') algorithm += ascii_lower(c);
  std::string_view value = header_value.substr(colon + 1);
  while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  while (!value.empty() && value.back() == ' ') value.remove_suffix(1);

  std::string actual;
  if (algorithm == "sha1") {
    actual = sha1_raw(data);
  } else if (algorithm == "sha256") {
    actual = *from_hex(sha256_hex(data));
  } else {
    return DigestCheck::Unchecked;
  }
  auto claimed = decode_value(value, actual.size());
  if (claimed && *claimed == actual) return DigestCheck::Match;
  if (detail) {
    *detail = claimed ? "recorded " + std::string(header_value) + ", computed " + algorithm + ":" + base32(actual)
                      : "recorded value " + std::string(header_value) + " is not a valid " + algorithm + " digest";
  }
  return DigestCheck::Mismatch;
}

}  // namespace blogshift
