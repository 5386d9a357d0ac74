// Front-matter descriptions: make_description (word boundary) and
// make_description_hard_cut (the Python Insider script's rule).
//
// Both first collapse white space (ASCII and Unicode spaces, line breaks,
// controls) to single spaces and trim the ends; malformed UTF-8 bytes become
// U+FFFD so the result is always valid UTF-8. Lengths are in code points.
// When the text is longer than `limit`, the result including "..." is
// exactly at most `limit` code points, as in the seed: 157 + "..." = 160.
#include <cstdint>
#include <optional>
#include <vector>

#include "post_metadata.h"
#include "utf8_scan.h"

namespace blogshift {

namespace {

constexpr std::string_view kEllipsis = "...";

// The collapsed text as code points (byte offsets into `out`).
struct Collapsed {
  std::string text;
  std::vector<std::size_t> starts;  // byte offset of each code point
};

// Stops after `max_code_points`: a description needs only one code point
// past its limit to know it must be cut. `consumed` tells how far into the
// input that took.
Collapsed collapse(std::string_view input, std::size_t max_code_points, std::size_t* consumed = nullptr) {
  Collapsed out;
  bool pending_space = false;
  std::size_t pos = 0;
  for (; pos < input.size() && out.starts.size() < max_code_points;) {
    const auto cp = utf8::decode(input, pos);
    const bool control = cp.value < 0x20 || cp.value == 0x7F || (cp.value >= 0x80 && cp.value < 0xA0);
    if (utf8::is_space(cp.value) || control) {
      pending_space = !out.text.empty();
    } else {
      if (pending_space) {
        out.starts.push_back(out.text.size());
        out.text += ' ';
        pending_space = false;
        if (out.starts.size() == max_code_points) break;
      }
      out.starts.push_back(out.text.size());
      if (cp.valid) out.text.append(input.substr(pos, cp.size));
      else out.text += "\xEF\xBF\xBD";
    }
    pos += cp.size;
  }
  if (consumed) *consumed = pos;
  return out;
}

std::size_t one_past(std::size_t limit) { return limit == SIZE_MAX ? limit : limit + 1; }

// The description of a collapsed text that has more than `limit` code points.
std::string cut_description(const Collapsed& c, size_t limit);

}  // namespace

std::string make_description(std::string_view plain_text, size_t limit) {
  Collapsed c = collapse(plain_text, one_past(limit));
  if (c.starts.size() <= limit) return std::move(c.text);
  return cut_description(c, limit);
}

std::optional<std::string> make_description_from_prefix(std::string_view prefix, size_t limit) {
  std::size_t consumed = 0;
  Collapsed c = collapse(prefix, one_past(limit), &consumed);
  // Decided only when it took more than `limit` code points, none of them
  // from the last 4 bytes (where the prefix may cut a UTF-8 sequence short).
  if (c.starts.size() <= limit || consumed + 4 > prefix.size()) return std::nullopt;
  return cut_description(c, limit);
}

namespace {

std::string cut_description(const Collapsed& c, size_t limit) {
  if (limit <= kEllipsis.size()) return std::string(kEllipsis.substr(0, limit));
  const std::size_t budget = limit - kEllipsis.size();  // code points kept before "..."
  auto is_space_at = [&](std::size_t i) { return c.text[c.starts[i]] == ' '; };

  // Cut at the last space at or before `budget` (the word ending exactly at
  // the budget is kept whole). Text with no usable space (CJK, one long
  // URL) is cut at the budget, on a code point boundary. A space too early
  // (under half the budget) would waste the description: cut hard instead.
  std::size_t cut = budget;
  if (!is_space_at(budget)) {
    std::size_t i = budget;
    while (i > 0 && !is_space_at(i)) --i;
    if (i * 2 >= budget) cut = i;
  }
  std::string out = c.text.substr(0, c.starts[cut]);
  // No dangling separator before the ellipsis ("word, ..." reads badly).
  while (!out.empty() && (out.back() == ' ' || out.back() == ',' || out.back() == ';' || out.back() == ':'))
    out.pop_back();
  return out + std::string(kEllipsis);
}

}  // namespace

std::string make_description_hard_cut(std::string_view plain_text, size_t limit) {
  Collapsed c = collapse(plain_text, one_past(limit));
  if (c.starts.size() <= limit) return std::move(c.text);
  if (limit <= kEllipsis.size()) return std::string(kEllipsis.substr(0, limit));
  return c.text.substr(0, c.starts[limit - kEllipsis.size()]) + std::string(kEllipsis);
}

}  // namespace blogshift
