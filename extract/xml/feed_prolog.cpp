#include "feed_prolog.h"

namespace blogshift {

namespace {
constexpr int64_t kMaxProlog = 1 << 20;

bool is_name_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || (c & 0x80);
}

// Bytes held in memory, read through FeedWindow's two calls.
class MemoryBytes {
public:
  explicit MemoryBytes(std::string_view bytes) : bytes_(bytes) {}
  std::string_view bytes(int64_t offset, size_t size) const {
    const auto at = static_cast<size_t>(offset);
    return at >= bytes_.size() ? std::string_view() : bytes_.substr(at, size);
  }
  int64_t find(std::string_view needle, int64_t from) const {
    const size_t at = bytes_.find(needle, static_cast<size_t>(from));
    return at == std::string_view::npos ? -1 : static_cast<int64_t>(at);
  }

private:
  std::string_view bytes_;
};

template <typename Bytes>
Prolog scan(Bytes& window) {
  Prolog out;
  int64_t i = 0;
  auto at = [&](int64_t offset, size_t size) { return window.bytes(offset, size); };
  for (;;) {
    if (i > kMaxProlog) {
      out.verdict = Prolog::Verdict::TooLong;
      out.offset = i;
      return out;
    }
    std::string_view two = at(i, 2);
    if (two.size() < 2) return out;
    if (two[0] != '<') {
      ++i;
      continue;
    }
    if (two[1] == '?' || at(i, 4) == "<!--") {
      const int64_t end = window.find(two[1] == '?' ? "?>" : "-->", i + 2);
      if (end < 0) return out;
      i = end + 2;
    } else if (two[1] == '!') {
      out.verdict = Prolog::Verdict::Doctype;
      out.offset = i;
      return out;
    } else if (is_name_start(two[1])) {
      char quote = 0;
      for (int64_t j = i + 1;; ++j) {
        std::string_view c = at(j, 1);
        if (c.empty() || j - i > kMaxProlog) return out;
        if (quote) {
          if (c[0] == quote) quote = 0;
        } else if (c[0] == '"' || c[0] == '\'') {
          quote = c[0];
        } else if (c[0] == '>') {
          out.verdict = Prolog::Verdict::Root;
          out.root_tag = std::string(at(i, static_cast<size_t>(j - i + 1)));
          if (out.root_tag.size() >= 2 && out.root_tag[out.root_tag.size() - 2] == '/')
            out.root_tag.erase(out.root_tag.size() - 2, 1);  // <feed .../> re-opened as <feed ...>
          out.offset = i;
          return out;
        }
      }
    } else {
      ++i;
    }
  }
}

}  // namespace

Prolog scan_prolog(FeedWindow& window) { return scan(window); }

Prolog scan_prolog(std::string_view bytes) {
  MemoryBytes memory(bytes);
  return scan(memory);
}

}  // namespace blogshift
