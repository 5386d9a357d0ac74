#include "fidelity_check.h"

#include <algorithm>

#include "html/html_elements.h"
#include "html/html_reader.h"
#include "text.h"
#include "markdown/cmark_render.h"
#include "structure_compare.h"
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

// cmark writes a link or image destination percent-escaped (href_safe); the
// output side holds URLs as the rendered HTML would have had them.
std::string escape_href(std::string_view url) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(url.size());
  for (char ch : url) {
    auto c = static_cast<unsigned char>(ch);
    if (href_safe(c)) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool tag_char(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// One inline HTML tag of the kinds the output walk handles without gumbo.
struct SimpleTag {
  enum Kind { kNone, kComment, kBreak, kOpen, kClose } kind = kNone;
  std::string name;  // lower case, for kOpen and kClose
};

// Inline elements whose tags the walk can apply without parsing the HTML:
// styles and elements without content rules of their own (html_elements.h).
bool simple_inline(std::string_view name) {
  const HtmlElement* e = html_element(name);
  if (!e || e->display != ElementDisplay::Inline || e->void_element) return false;
  switch (e->meaning) {
    case ElementMeaning::Plain:
    case ElementMeaning::Subscript:
    case ElementMeaning::Superscript:
    case ElementMeaning::Marked:
    case ElementMeaning::InlineQuote:
    case ElementMeaning::Emphasis:
    case ElementMeaning::Strong:
    case ElementMeaning::Strike: return true;
    default: return false;
  }
}

// `<br>`, `<br/>`, `<br />`, `<name ...>` and `</name>` of a simple_inline
// element, an HTML comment; anything else is kNone (gumbo reads it).
SimpleTag simple_tag(std::string_view html) {
  SimpleTag tag;
  if (html.size() < 3 || html.front() != '<' || html.back() != '>') return tag;
  if (html.starts_with("<!--")) {
    tag.kind = SimpleTag::kComment;
    return tag;
  }
  bool closing = html[1] == '/';
  size_t i = closing ? 2 : 1;
  while (i < html.size() && tag_char(html[i])) tag.name += ascii_lower(html[i++]);
  if (tag.name.empty()) return tag;
  std::string_view rest = html.substr(i, html.size() - 1 - i);  // between the name and '>'
  bool self_closing = !rest.empty() && rest.back() == '/';
  if (!rest.empty() && rest.front() != ' ' && rest.front() != '\t' && rest.front() != '\n' && rest.front() != '/')
    return tag;  // not the end of the name
  if (tag.name == "br") {
    if (!closing && (rest.empty() || trim(rest) == "/")) tag.kind = SimpleTag::kBreak;
    return tag;
  }
  if (!simple_inline(tag.name)) return tag;
  if (closing) {
    if (trim(rest).empty()) tag.kind = SimpleTag::kClose;
  } else if (!self_closing) {  // <span/> opens a span in HTML; left to gumbo
    tag.kind = SimpleTag::kOpen;
  }
  return tag;
}

// Whether every inline HTML fragment of a paragraph is a simple tag, the
// open and close tags properly nested, so the walk can apply them directly.
bool simple_inline_html(const std::vector<std::string_view>& fragments) {
  std::vector<std::string> open;
  for (std::string_view html : fragments) {
    SimpleTag tag = simple_tag(html);
    switch (tag.kind) {
      case SimpleTag::kNone: return false;
      case SimpleTag::kComment:
      case SimpleTag::kBreak: break;
      case SimpleTag::kOpen: open.push_back(std::move(tag.name)); break;
      case SimpleTag::kClose:
        if (open.empty() || open.back() != tag.name) return false;
        open.pop_back();
        break;
    }
  }
  return open.empty();
}

// The output side of the check: what the Markdown shows, read from
// cmark-gfm's tree with the rules of visible_text.h, as if its HTML
// rendering were read. Only raw HTML goes through gumbo.
class MarkdownText final : public MarkdownVisitor {
public:
  MarkdownDescend enter(const MarkdownNode& node) override {
    switch (node.kind) {
      case MarkdownNodeKind::kText: out_.text(node.literal); break;
      case MarkdownNodeKind::kSoftBreak: out_.text("\n"); break;
      case MarkdownNodeKind::kLineBreak: out_.open("br"); break;
      case MarkdownNodeKind::kCode:
        out_.open("code");
        out_.text(node.literal);
        out_.close("code");
        break;
      case MarkdownNodeKind::kCodeBlock: code_block(node.literal); break;
      case MarkdownNodeKind::kHtmlBlock: html(node.literal); break;
      case MarkdownNodeKind::kHtmlInline: inline_html(node.literal); break;
      case MarkdownNodeKind::kThematicBreak:
        out_.open("hr");
        out_.close("hr");
        break;
      case MarkdownNodeKind::kLink: {
        std::string url = escape_href(node.url);
        out_.open("a", &url);
        break;
      }
      case MarkdownNodeKind::kImage: {  // the alt text is an attribute: not visible
        std::string url = escape_href(node.url);
        out_.open("img", &url);
        return MarkdownDescend::kSkip;
      }
      case MarkdownNodeKind::kList: out_.open_list(node.ordered, !node.tight); break;
      case MarkdownNodeKind::kParagraph:
      case MarkdownNodeKind::kHeading:
      case MarkdownNodeKind::kTableCell:
        out_.open(tag_of(node));
        if (node.inline_html && !simple_inline_html(*node.inline_html)) return MarkdownDescend::kAsHtml;
        break;
      default:
        if (std::string_view tag = tag_of(node); !tag.empty()) out_.open(tag);
        break;
    }
    return MarkdownDescend::kChildren;
  }

  void leave(const MarkdownNode& node) override {
    if (std::string_view tag = tag_of(node); !tag.empty()) out_.close(tag);
  }

  void children_html(std::string_view rendered) override { html(rendered); }

  void reserve(size_t text_bytes) { out_.reserve(text_bytes); }

  VisibleText finish() { return out_.finish(); }

private:
  // The element cmark-gfm's HTML renderer writes for a container node.
  static std::string_view tag_of(const MarkdownNode& node) {
    static constexpr std::string_view kHeadings[] = {"h1", "h2", "h3", "h4", "h5", "h6"};
    switch (node.kind) {
      case MarkdownNodeKind::kBlockQuote: return "blockquote";
      case MarkdownNodeKind::kList: return node.ordered ? "ol" : "ul";
      case MarkdownNodeKind::kItem: return "li";
      case MarkdownNodeKind::kParagraph: return "p";
      case MarkdownNodeKind::kHeading: return kHeadings[std::clamp(node.level, 1, 6) - 1];
      case MarkdownNodeKind::kTable: return "table";
      case MarkdownNodeKind::kTableRow: return "tr";
      case MarkdownNodeKind::kTableCell: return "td";
      case MarkdownNodeKind::kEmph: return "em";
      case MarkdownNodeKind::kStrong: return "strong";
      case MarkdownNodeKind::kStrikethrough: return "del";
      case MarkdownNodeKind::kLink: return "a";
      case MarkdownNodeKind::kImage: return "img";
      default: return {};
    }
  }

  // As <pre><code>literal</code></pre>, the line ends as an HTML parser
  // reads them (CR LF and CR are LF).
  void code_block(std::string_view literal) {
    out_.open("pre");
    if (literal.find('\r') == std::string_view::npos) {
      out_.text(literal);
    } else {
      std::string lines;
      lines.reserve(literal.size());
      for (size_t i = 0; i < literal.size(); ++i) {
        if (literal[i] != '\r') {
          lines += literal[i];
        } else {
          lines += '\n';
          if (i + 1 < literal.size() && literal[i + 1] == '\n') ++i;
        }
      }
      out_.text(lines);
    }
    out_.close("pre");
  }

  void inline_html(std::string_view literal) {
    // Only simple tags get here (the paragraph went to gumbo otherwise).
    SimpleTag tag = simple_tag(literal);
    switch (tag.kind) {
      case SimpleTag::kBreak: out_.open("br"); break;
      case SimpleTag::kOpen: out_.open(tag.name); break;
      case SimpleTag::kClose: out_.close(tag.name); break;
      case SimpleTag::kComment: break;
      case SimpleTag::kNone: html(literal); break;
    }
  }

  void html(std::string_view snippet) {
    HtmlDocument doc = parse_html(snippet);
    out_.walk(*doc.root);
  }

  VisibleTextBuilder out_;
};


double ratio(size_t part, size_t whole) {
  return whole == 0 ? 1.0 : static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace

VisibleText markdown_visible_text(std::string_view markdown) {
  MarkdownText walker;
  walker.reserve(markdown.size());
  walk_commonmark(markdown, walker);
  return walker.finish();
}

FidelityResult check_fidelity(const HtmlNode& cleaned_root, std::string_view markdown, const UrlMap& rewritten) {
  VisibleText source = extract_visible_text(cleaned_root, markdown.size());  // about as much text as the Markdown
  VisibleText output = markdown_visible_text(markdown);

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
  // Code that shows nothing but spaces (<pre></pre>, <code> </code>) is not
  // compared: whether the writer keeps it, nothing of it is seen.
  auto shown = [](const std::vector<std::string>& code) {
    std::vector<std::string> out;
    out.reserve(code.size());
    for (const std::string& c : code)
      if (!trim(c).empty()) out.push_back(c);
    return out;
  };
  bool blocks_ok = compare_code(shown(source.code_blocks), shown(output.code_blocks), "code block", detail);
  bool inline_ok = compare_code(shown(source.inline_code), shown(output.inline_code), "inline code", detail);
  result.code_ok = blocks_ok && inline_ok;

  TextComparison text = compare_text(source, output);
  result.source_words = text.source_words;
  result.matched_words = text.matched_words;
  result.text_recall = ratio(text.matched_words, text.source_words);
  result.source_breaks = text.source_breaks;
  result.matched_breaks = text.matched_breaks;
  result.break_recall = ratio(text.matched_breaks, text.source_breaks);
  describe_text(source, text, detail);

  StructureComparison structure = compare_structure(source, output);
  result.styled_words = structure.styled_words;
  result.styled_kept = structure.styled_kept;
  result.styles_ok = structure.styles_ok;
  result.lists = source.lists.size();
  result.lists_ok = structure.lists_ok;
  result.tables = source.tables.size();
  result.tables_ok = structure.tables_ok;
  for (std::string& difference : structure.differences) detail.add(std::move(difference));
  result.excused = std::move(structure.excused);

  result.passed = result.text_recall >= kMinTextRecall && result.break_recall >= kMinBreakRecall &&
                  result.missing_links.empty() && result.missing_images.empty() && result.code_ok &&
                  result.styles_ok && result.lists_ok && result.tables_ok;
  result.detail = detail.join();
  return result;
}

FidelityResult check_fidelity(std::string_view cleaned_html, std::string_view markdown, const UrlMap& rewritten) {
  HtmlDocument source = parse_html(cleaned_html);
  return check_fidelity(*source.root, markdown, rewritten);
}

}  // namespace blogshift
