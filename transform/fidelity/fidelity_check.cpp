#include "fidelity_check.h"

#include <algorithm>

#include "html/html_reader.h"
#include "text.h"
#include "markdown/cmark_render.h"
#include "text_compare.h"
#include "visible_text.h"

namespace blogshift {

namespace {

// cmark percent-escapes every byte of a link destination outside this set
// (and writes & and ' as entities, which the parser decodes again).
bool href_safe(unsigned char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  switch (c) {
    case '-': case '_': case '.': case '+': case '!': case '*': case '\'': case '(': case ')': case ',':
    case '%': case '#': case '@': case '?': case '=': case ';': case ':': case '/': case '$': case '~':
    case '&':
      return true;
    default:
      return false;
  }
}

char ascii_upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

bool hex_digit(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// The form both sides are compared in: white space at the ends dropped (as
// browsers do), then what cmark would write, with the hex digits of every
// %XX upper case. Idempotent.
std::string normalize_url(std::string_view url) {
  url = trim(url);
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(url.size());
  for (size_t i = 0; i < url.size(); ++i) {
    auto c = static_cast<unsigned char>(url[i]);
    if (c == '%' && i + 2 < url.size() && hex_digit(url[i + 1]) && hex_digit(url[i + 2])) {
      out += '%';
      out += ascii_upper(url[i + 1]);
      out += ascii_upper(url[i + 2]);
      i += 2;
    } else if (href_safe(c)) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

// Source URLs (mapped through `rewritten`) that the output lacks, counted as
// a multiset; returns how many were kept.
size_t match_urls(const std::vector<std::string>& source, const std::vector<std::string>& output,
                  const UrlMap& rewritten, std::vector<std::string>& missing) {
  std::unordered_map<std::string, size_t> available;
  available.reserve(output.size());
  for (const std::string& url : output) ++available[normalize_url(url)];
  size_t kept = 0;
  for (const std::string& url : source) {
    // An empty href links nowhere; the converter drops the link and keeps its text.
    if (trim(url).empty()) {
      ++kept;
      continue;
    }
    const std::string* expected = &url;
    if (auto it = rewritten.find(url); it != rewritten.end()) expected = &it->second;
    else if (auto trimmed = rewritten.find(std::string(trim(url))); trimmed != rewritten.end()) expected = &trimmed->second;
    auto hit = available.find(normalize_url(*expected));
    if (hit != available.end() && hit->second > 0) {
      --hit->second;
      ++kept;
    } else {
      missing.push_back(*expected);
    }
  }
  return kept;
}

// At most `limit` bytes of `text`, cut at a UTF-8 boundary, newlines shown as
// spaces, "…" when cut.
std::string snippet(std::string_view text, size_t limit = 60) {
  std::string out;
  size_t end = text.size();
  if (end > limit) {
    end = limit;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  }
  for (char c : text.substr(0, end)) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  if (end < text.size()) out += "\u2026";
  return out;
}

class DetailList {
public:
  void add(std::string item) {
    if (items_.size() < kMaxDetailItems) items_.push_back(std::move(item));
    ++total_;
  }
  size_t total() const { return total_; }
  std::string join() const {
    std::string out;
    for (const std::string& item : items_) {
      if (!out.empty()) out += "; ";
      out += item;
    }
    if (total_ > items_.size()) out += "; and " + std::to_string(total_ - items_.size()) + " more";
    return out;
  }

private:
  std::vector<std::string> items_;
  size_t total_ = 0;
};

// Compares code texts in order; false (and detail items) when they differ.
bool compare_code(const std::vector<std::string>& source, const std::vector<std::string>& output,
                  const char* what, DetailList& detail) {
  size_t common = std::min(source.size(), output.size());
  bool same = source.size() == output.size();
  for (size_t i = 0; i < common; ++i) {
    if (source[i] == output[i]) continue;
    same = false;
    size_t at = 0;  // first differing byte, shown from the start of its line
    while (at < source[i].size() && at < output[i].size() && source[i][at] == output[i][at]) ++at;
    size_t line = source[i].rfind('\n', at == 0 ? 0 : at - 1);
    line = (line == std::string::npos || at == 0) ? 0 : line + 1;
    detail.add(std::string(what) + " " + std::to_string(i + 1) + " changed: '" +
               snippet(std::string_view(source[i]).substr(line)) + "' became '" +
               snippet(std::string_view(output[i]).substr(std::min(line, output[i].size()))) + "'");
  }
  if (source.size() > output.size())
    detail.add(std::string(what) + " " + std::to_string(output.size() + 1) + " lost: '" +
               snippet(source[output.size()]) + "' (" + std::to_string(source.size()) + " in source, " +
               std::to_string(output.size()) + " in output)");
  else if (output.size() > source.size())
    detail.add(std::string(what) + " added: '" + snippet(output[source.size()]) + "' (" +
               std::to_string(source.size()) + " in source, " + std::to_string(output.size()) + " in output)");
  return same;
}

void describe_text(const VisibleText& source, const TextComparison& text, DetailList& detail) {
  const std::vector<size_t>& lost = text.lost_words;
  for (size_t i = 0; i < lost.size();) {
    size_t j = i + 1;
    while (j < lost.size() && lost[j] == lost[j - 1] + 1) ++j;
    if (detail.total() >= kMaxDetailItems) {  // only counted from here on
      detail.add({});
    } else {
      std::string run;
      for (size_t k = i; k < j && run.size() < 80; ++k) {
        if (!run.empty()) run += ' ';
        run += source.word(lost[k]);
      }
      detail.add("text lost: '" + snippet(run) + "'");
    }
    i = j;
  }
  for (size_t b : text.lost_breaks) {
    if (detail.total() >= kMaxDetailItems) {
      detail.add({});
      continue;
    }
    uint32_t at = source.breaks[b];
    detail.add("break lost between '" + snippet(source.word(at - 1), 30) + "' and '" +
               snippet(source.word(at), 30) + "'");
  }
}

double ratio(size_t part, size_t whole) {
  return whole == 0 ? 1.0 : static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace

FidelityResult check_fidelity(const HtmlNode& cleaned_root, std::string_view markdown, const UrlMap& rewritten) {
  VisibleText source = extract_visible_text(cleaned_root);
  VisibleText output;
  {
    HtmlDocument rendered = parse_html(render_commonmark_to_html(markdown));
    output = extract_visible_text(*rendered.root);
  }

  FidelityResult result;
  DetailList detail;

  result.links_total = source.links.size();
  result.links_kept = match_urls(source.links, output.links, rewritten, result.missing_links);
  for (const std::string& url : result.missing_links) detail.add("missing link " + snippet(url, 200));

  result.images_total = source.images.size();
  result.images_kept = match_urls(source.images, output.images, rewritten, result.missing_images);
  for (const std::string& url : result.missing_images) detail.add("missing image " + snippet(url, 200));

  result.code_blocks = source.code_blocks.size();
  result.inline_code = source.inline_code.size();
  bool blocks_ok = compare_code(source.code_blocks, output.code_blocks, "code block", detail);
  bool inline_ok = compare_code(source.inline_code, output.inline_code, "inline code", detail);
  result.code_ok = blocks_ok && inline_ok;

  TextComparison text = compare_text(source, output);
  result.source_words = text.source_words;
  result.matched_words = text.matched_words;
  result.text_recall = ratio(text.matched_words, text.source_words);
  result.source_breaks = text.source_breaks;
  result.matched_breaks = text.matched_breaks;
  result.break_recall = ratio(text.matched_breaks, text.source_breaks);
  describe_text(source, text, detail);

  result.passed = result.text_recall >= kMinTextRecall && result.break_recall >= kMinBreakRecall &&
                  result.missing_links.empty() && result.missing_images.empty() && result.code_ok;
  result.detail = detail.join();
  return result;
}

FidelityResult check_fidelity(std::string_view cleaned_html, std::string_view markdown, const UrlMap& rewritten) {
  HtmlDocument source = parse_html(cleaned_html);
  return check_fidelity(*source.root, markdown, rewritten);
}

}  // namespace blogshift
