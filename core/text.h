// Small ASCII string helpers shared by every reader: case folding,
// case-insensitive comparison and whitespace trimming. They never look at
// the locale: only A-Z / a-z and ASCII whitespace are special, every other
// byte (UTF-8 included) passes through unchanged.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace blogshift {

// The whitespace trim() removes by default: space, \t, \n, \r, \f, \v.
inline constexpr std::string_view kAsciiSpace = " \t\n\r\f\v";
// What HTTP and WARC header parsing trims: space, \t, \r, \n.
inline constexpr std::string_view kHeaderSpace = " \t\r\n";

// A-Z to a-z; every other byte unchanged.
constexpr char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// `text` with A-Z turned to a-z.
std::string ascii_lower(std::string_view text);

// Equal, ignoring ASCII case.
bool iequals(std::string_view a, std::string_view b);
// True for a non-empty run of ASCII digits only ("2023", not "", not "2e3").
bool all_ascii_digits(std::string_view text);
// `text` begins / ends with `affix`, ignoring ASCII case.
bool starts_with_ci(std::string_view text, std::string_view prefix);
bool ends_with_ci(std::string_view text, std::string_view suffix);

// `text` without the characters of `chars` at either end (by default ASCII
// whitespace). The result points into `text`.
std::string_view trim(std::string_view text, std::string_view chars = kAsciiSpace);

// Name/value pairs in the order written (HTTP and WARC headers).
using HeaderList = std::vector<std::pair<std::string, std::string>>;
// The value of the first header called `name` (ignoring ASCII case), or null.
const std::string* find_header(const HeaderList& headers, std::string_view name);

}  // namespace blogshift
