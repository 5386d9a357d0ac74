#include "markdown/markdown_escape.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace blogshift::markdown {
namespace {

bool is_ascii_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_blank(char c) { return c == ' ' || c == '\t'; }

// Unicode punctuation (general category P*), the ranges outside ASCII that
// cmark-gfm's flanking rules see as punctuation. Sorted, inclusive.
constexpr std::array<std::pair<char32_t, char32_t>, 64> kPunct{{
    {0x00A1, 0x00A1}, {0x00A7, 0x00A7}, {0x00AB, 0x00AB}, {0x00B6, 0x00B7}, {0x00BB, 0x00BB},
    {0x00BF, 0x00BF}, {0x037E, 0x037E}, {0x0387, 0x0387}, {0x055A, 0x055F}, {0x0589, 0x058A},
    {0x05BE, 0x05BE}, {0x05C0, 0x05C0}, {0x05C3, 0x05C3}, {0x05C6, 0x05C6}, {0x05F3, 0x05F4},
    {0x0609, 0x060A}, {0x060C, 0x060D}, {0x061B, 0x061B}, {0x061E, 0x061F}, {0x066A, 0x066D},
    {0x06D4, 0x06D4}, {0x0964, 0x0965}, {0x0970, 0x0970}, {0x0E4F, 0x0E4F}, {0x0E5A, 0x0E5B},
    {0x2010, 0x2027}, {0x2030, 0x2043}, {0x2045, 0x2051}, {0x2053, 0x205E}, {0x207D, 0x207E},
    {0x208D, 0x208E}, {0x2308, 0x230B}, {0x2329, 0x232A}, {0x2768, 0x2775}, {0x27C5, 0x27C6},
    {0x27E6, 0x27EF}, {0x2983, 0x2998}, {0x29D8, 0x29DB}, {0x29FC, 0x29FD}, {0x2CF9, 0x2CFC},
    {0x2CFE, 0x2CFF}, {0x2E00, 0x2E2E}, {0x2E30, 0x2E4F}, {0x3001, 0x3003}, {0x3008, 0x3011},
    {0x3014, 0x301F}, {0x3030, 0x3030}, {0x303D, 0x303D}, {0x30A0, 0x30A0}, {0x30FB, 0x30FB},
    {0xFE10, 0xFE19}, {0xFE30, 0xFE52}, {0xFE54, 0xFE61}, {0xFE63, 0xFE63}, {0xFE68, 0xFE68},
    {0xFE6A, 0xFE6B}, {0xFF01, 0xFF03}, {0xFF05, 0xFF0A}, {0xFF0C, 0xFF0F}, {0xFF1A, 0xFF1B},
    {0xFF1F, 0xFF20}, {0xFF3B, 0xFF3D}, {0xFF3F, 0xFF3F}, {0xFF5B, 0xFF65},
}};

CharClass classify(char32_t cp) {
  if (cp < 0x80) {
    char c = static_cast<char>(cp);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return CharClass::Space;
    return is_ascii_punct(c) ? CharClass::Punct : CharClass::Other;
  }
  // Unicode Zs.
  if (cp == 0x00A0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F ||
      cp == 0x3000)
    return CharClass::Space;
  for (auto [lo, hi] : kPunct)
    if (cp >= lo && cp <= hi) return CharClass::Punct;
  return CharClass::Other;
}

// Decodes the UTF-8 sequence starting at `pos` (bad bytes decode as themselves).
char32_t decode_at(std::string_view s, size_t pos) {
  auto b = static_cast<unsigned char>(s[pos]);
  size_t extra = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0;
  if (extra == 0 || pos + extra >= s.size()) return b;
  char32_t cp = b & (0x3Fu >> extra);
  for (size_t k = 1; k <= extra; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[pos + k]) & 0x3Fu);
  return cp;
}

// Whether `rest` (what follows a '&') completes an entity or numeric
// character reference: name;  #digits;  #xhex;
bool entity_like(std::string_view rest) {
  size_t i = 0;
  if (!rest.empty() && rest[0] == '#') {
    i = 1;
    bool hex = rest.size() > 1 && (rest[1] == 'x' || rest[1] == 'X');
    if (hex) i = 2;
    size_t digits = i;
    while (i < rest.size() && (hex ? std::isxdigit(static_cast<unsigned char>(rest[i])) != 0 : is_digit(rest[i]))) ++i;
    return i > digits && i - digits <= (hex ? 6u : 7u) && i < rest.size() && rest[i] == ';';
  }
  while (i < rest.size() && is_ascii_alnum(rest[i])) ++i;
  return i > 0 && i <= 32 && i < rest.size() && rest[i] == ';';
}

// Characters append_escaped_text() may write otherwise than as themselves
// somewhere; the others need a look only at a line start or a line end.
constexpr std::array<bool, 256> kMaybeEscaped = [] {
  std::array<bool, 256> table{};
  for (unsigned char c : std::string_view("\\`*_~[]<&!:.^#>-+=|{$\n")) table[c] = true;
  return table;
}();

}  // namespace

bool is_ascii_punct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

CharClass class_at(std::string_view text, size_t pos) {
  if (pos >= text.size()) return CharClass::Space;
  return classify(decode_at(text, pos));
}

CharClass class_before(std::string_view text, size_t pos) {
  if (pos == 0 || pos > text.size()) return CharClass::Space;
  size_t start = pos - 1;
  while (start > 0 && pos - start < 4 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  return classify(decode_at(text, start));
}

bool left_flanking(CharClass before, CharClass after) {
  return after != CharClass::Space && (after != CharClass::Punct || before != CharClass::Other);
}

bool right_flanking(CharClass before, CharClass after) {
  return before != CharClass::Space && (before != CharClass::Punct || after != CharClass::Other);
}

bool can_open(char c, CharClass before, CharClass after) {
  bool left = left_flanking(before, after);
  if (c != '_') return left;
  return left && (!right_flanking(before, after) || before == CharClass::Punct);
}

bool can_close(char c, CharClass before, CharClass after) {
  bool right = right_flanking(before, after);
  if (c != '_') return right;
  return right && (!left_flanking(before, after) || after == CharClass::Punct);
}

void append_escaped_text(std::string& out, std::string_view text, const TextContext& context) {
  const size_t n = text.size();
  auto at_line_start = [&] { return out.empty() || out.back() == '\n'; };
  // The character after position i: inside the text, else the first of `after`.
  auto next_char = [&](size_t i) -> char {
    if (i + 1 < n) return text[i + 1];
    return context.after.empty() ? '\0' : context.after[0];
  };
  auto rest_after = [&](size_t i) -> std::string {  // a few characters after i, across `after`
    std::string rest(text.substr(std::min(i + 1, n), 40));
    if (rest.size() < 40) rest += context.after.substr(0, 40 - rest.size());
    return rest;
  };
  // The class after position j (exclusive end of a run). A blank at the very
  // end of a line is written as an entity, so it counts as punctuation.
  auto class_after = [&](size_t j) {
    if (j < n) {
      if (j + 1 == n && is_blank(text[j]) && (context.after.empty() || context.break_after)) return CharClass::Punct;
      return class_at(text, j);
    }
    return class_at(context.after, 0);
  };
  bool bracket_later = context.bracket_later;
  const bool kramdown = context.dialect == MarkdownDialect::Kramdown;

  for (size_t i = 0; i < n; ++i) {
    if (!at_line_start()) {  // copy plain characters before the next candidate (or the last character) at once
      size_t j = i;
      while (j + 1 < n && !kMaybeEscaped[static_cast<unsigned char>(text[j])]) ++j;
      out.append(text.data() + i, j - i);
      i = j;
    }
    const char c = text[i];
    const bool line_start = at_line_start();
    const bool line_end = i + 1 == n && (context.after.empty() || context.break_after);
    if (is_blank(c) && (line_start || line_end)) {
      out += c == ' ' ? "&#32;" : "&#9;";
      continue;
    }
    switch (c) {
      case '\\':
        // Goldmark takes "\\" then a line end for no break (it sees a
        // backslash before the break's): the last one is an entity there.
        if (context.dialect == MarkdownDialect::Hugo && i + 1 == n && context.break_after) {
          out += "&#92;";
          continue;
        }
        out += is_ascii_punct(next_char(i)) ? "\\\\" : "\\";
        continue;
      case '`':
        out += "\\`";
        continue;
      case '*':
      case '_':
      case '~': {
        size_t j = i;
        while (j < n && text[j] == c) ++j;
        CharClass before = out.empty() || out.back() == '\n' ? CharClass::Space : class_before(out, out.size());
        CharClass after = class_after(j);
        // kramdown pairs * runs by rules of its own (even between spaces): each is escaped.
        bool escape = (context.line_rules && line_start) || can_open(c, before, after) || can_close(c, before, after) ||
                      (kramdown && c == '*');
        for (; i < j; ++i) {
          if (escape) out += '\\';
          out += c;
        }
        --i;
        continue;
      }
      case '[':
        if (context.in_link_text || bracket_later || text.find(']', i) != std::string_view::npos) out += '\\';
        out += c;
        continue;
      case ']':
        if (context.in_link_text) out += '\\';
        out += c;
        continue;
      case '<': {
        char next = next_char(i);
        if (context.dialect == MarkdownDialect::Hugo && text.substr(i, 11) == "<!--more-->") {
          out += "&lt;";  // Hugo finds its summary divider in the bytes, escaped or not
          continue;
        }
        if (kramdown && next == '<') {  // "<<http://x/>" is no autolink in kramdown
          out += "&lt;";
          continue;
        }
        // kramdown reads a tag name in any letters, not only ASCII ones.
        if (is_ascii_alpha(next) || next == '/' || next == '!' || next == '?' ||
            (kramdown && static_cast<unsigned char>(next) >= 0x80))
          out += '\\';
        out += c;
        continue;
      }
      case '&':
        if (entity_like(rest_after(i))) {
          out += kramdown ? "&amp;" : "\\&";  // kramdown has no \& escape
          continue;
        }
        out += c;
        continue;
      case '!':
        if (next_char(i) == '[') out += '\\';
        out += c;
        continue;
      case ':': {
        // GFM autolink extension: scheme "://" (http, https, ftp) after letters.
        std::string rest = rest_after(i);
        if (rest.rfind("//", 0) == 0) {
          size_t k = out.size();
          while (k > 0 && is_ascii_alpha(out[k - 1])) --k;
          std::string scheme = out.substr(k);
          std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                         [](char ch) { return static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch); });
          if (scheme == "http" || scheme == "https" || scheme == "ftp") {
            out += "\\:";
            continue;
          }
        }
        if (context.line_rules && line_start && next_char(i) == '-') out += '\\';
        // Goldmark (in Hugo) and kramdown read a line starting ": " after a
        // paragraph as a definition list's definition.
        else if (context.line_rules && line_start && context.dialect != MarkdownDialect::CommonMark &&
                 (next_char(i) == ' ' || next_char(i) == '\t' || next_char(i) == '\0'))
          out += '\\';
        out += c;
        continue;
      }
      case '.': {
        // GFM autolink extension: "www." at a word start.
        size_t len = out.size();
        if (len >= 3 && out.compare(len - 3, 3, "www") == 0 &&
            (len == 3 || class_before(out, len - 3) != CharClass::Other)) {
          out += "\\.";
          continue;
        }
        out += c;
        continue;
      }
      case '{': {
        // Hugo's shortcode scanner: the second brace of "{{<" / "{{%" is
        // escaped. Goldmark (as Hugo sets it) and kramdown read a heading's
        // trailing {#id .class} as its attributes: a brace in a heading is.
        const char next = next_char(i);
        const bool opener = !out.empty() && out.back() == '{' && (next == '<' || next == '%');
        if ((context.dialect == MarkdownDialect::Hugo && opener) ||
            (context.dialect != MarkdownDialect::CommonMark && context.heading_text) ||
            (kramdown && next == ':'))  // {: .class} and {::comment} are kramdown's
          out += '\\';
        out += c;
        continue;
      }
      case '^':
        // cmark-gfm reads "[^" as a footnote reference even without footnotes.
        if (!out.empty() && out.back() == '[' && (out.size() < 2 || out[out.size() - 2] != '\\')) {
          out += kramdown ? "&#94;" : "\\^";  // kramdown has no \^ escape
          continue;
        }
        out += c;
        continue;
      case '$':
        // kramdown reads $$ ... $$ as math.
        if (kramdown && (next_char(i) == '$' || (!out.empty() && out.back() == '$'))) out += '\\';
        out += c;
        continue;
      case '#':
        if (context.line_rules && line_start) {
          out += "\\#";
          continue;
        }
        if (context.heading && context.after.empty() &&
            text.find_first_not_of('#', i) == std::string_view::npos &&
            (out.empty() || is_blank(out.back()))) {
          for (; i < n; ++i) out += "\\#";
          continue;
        }
        out += c;
        continue;
      case '>':
        if (kramdown && i == 0 && !out.empty() && out.back() == '>') {  // right after an autolink or a tag
          out += "&gt;";
          continue;
        }
        [[fallthrough]];
      case '-':
      case '+':
      case '=':
        if (context.line_rules && line_start) out += '\\';
        out += c;
        continue;
      case '|':
        // kramdown makes a table row of any line with a | (a table cell's are
        // all escaped by the table writer).
        if ((context.line_rules && line_start) || (kramdown && !context.table_cell)) out += '\\';
        out += c;
        continue;
      default:
        break;
    }
    if (context.line_rules && line_start && is_digit(c)) {
      size_t j = i;
      while (j < n && is_digit(text[j])) ++j;
      if (j - i <= 9 && j < n && (text[j] == '.' || text[j] == ')') &&
          (j + 1 == n ? class_at(context.after, 0) == CharClass::Space : is_blank(text[j + 1]))) {
        out.append(text.substr(i, j - i));
        out += '\\';
        out += text[j];
        i = j;
        continue;
      }
    }
    out += c;
  }
}

std::string link_destination(std::string_view url) {
  int depth = 0;
  bool balanced = true, angle = url.empty() ? false : url[0] == '<';
  for (char c : url) {
    if (c == '(') ++depth;
    if (c == ')' && --depth < 0) balanced = false;
    if (static_cast<unsigned char>(c) <= ' ') angle = true;
  }
  if (depth != 0 || !balanced) angle = true;
  std::string out = angle ? "<" : "";
  for (size_t i = 0; i < url.size(); ++i) {
    char c = url[i];
    char next = i + 1 < url.size() ? url[i + 1] : '\0';
    if (c == '\n' || c == '\r') {
      out += c == '\n' ? "%0A" : "%0D";
      continue;
    }
    // cmark-gfm decodes entities in a destination before it reads backslash
    // escapes, so an & that starts an entity is written &amp; (a "\\&" would
    // not hold). A backslash before punctuation or at the end (the ) or >
    // that closes the destination) is escaped.
    if (c == '&' && entity_like(url.substr(i + 1))) {
      out += "&amp;";
      continue;
    }
    if ((c == '\\' && (is_ascii_punct(next) || i + 1 == url.size())) || (angle && (c == '<' || c == '>')))
      out += '\\';
    out += c;
  }
  if (angle) out += '>';
  return out;
}

std::string link_title(std::string_view title) {
  std::string out = "\"";
  for (size_t i = 0; i < title.size(); ++i) {
    char c = title[i];
    char next = i + 1 < title.size() ? title[i + 1] : '\0';
    if (c == '\n' || c == '\r') {  // a title may span lines, but not hold a blank one
      out += c == '\n' ? "&#10;" : "&#13;";
      continue;
    }
    if (c == '&' && entity_like(title.substr(i + 1))) {  // entities are decoded first, as in destinations
      out += "&amp;";
      continue;
    }
    // A backslash at the end would stand right before the closing quote,
    // where cmark-gfm's title scanner may read \" as an escaped quote and
    // run on to a later one: an entity says it instead.
    if (c == '\\' && i + 1 == title.size()) {
      out += "&#92;";
      continue;
    }
    if (c == '"' || (c == '\\' && is_ascii_punct(next))) out += '\\';
    out += c;
  }
  out += '"';
  return out;
}

std::string code_span(std::string_view code) {
  if (code.empty()) return {};
  std::string body(code);
  std::replace(body.begin(), body.end(), '\n', ' ');
  body.erase(std::remove(body.begin(), body.end(), '\r'), body.end());
  size_t longest = 0, run = 0;
  for (char c : body) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  std::string fence(longest + 1, '`');
  bool all_spaces = body.find_first_not_of(' ') == std::string::npos;
  bool pad = body.front() == '`' || body.back() == '`' || (!all_spaces && body.front() == ' ' && body.back() == ' ');
  return fence + (pad ? " " : "") + body + (pad ? " " : "") + fence;
}

bool can_autolink(std::string_view url) {
  // scheme: a letter, then 1..31 of letter, digit, + . -; then ':'.
  size_t colon = url.find(':');
  if (colon == std::string_view::npos || colon < 2 || colon > 32 || !is_ascii_alpha(url[0])) return false;
  for (size_t i = 1; i < colon; ++i)
    if (!is_ascii_alnum(url[i]) && url[i] != '+' && url[i] != '.' && url[i] != '-') return false;
  for (char c : url)
    if (static_cast<unsigned char>(c) <= ' ' || c == '<' || c == '>' || c == '&' || c == '\\' || c == 0x7F)
      return false;
  return true;
}

}  // namespace blogshift::markdown
