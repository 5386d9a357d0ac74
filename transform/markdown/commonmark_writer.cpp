// The block half of the CommonMark writer. Each block is written to lines
// joined by '\n' (no final newline); containers prefix their children's lines
// ("> " / ">" for block quotes, the marker then its width in spaces for list
// items; blank lines get no trailing spaces). Blocks are separated by one
// blank line, except inside tight list items where a single line end is
// enough and cannot change the parse (a paragraph or heading followed by a
// list, a heading or a code fence, and so on: see `tight_join`).
//
// Decisions beyond the header comment of commonmark_writer.h:
//  * two lists of the same kind one after the other would merge into one:
//    the second uses the other marker ("*" after "-", ")" after "."), or in
//    the kramdown dialect an HTML comment stands between them;
//  * a thematic break is "---", or "***" as the first line of a "-" item
//    ("- ---" would itself be a thematic break);
//  * code blocks are fenced with ``` (one more backtick than the longest run
//    inside, or ~~~ when the info string has a backtick); trailing
//    whitespace of code lines is stripped; blank lines inside code, first
//    and last ones included, are kept; an empty code block is two fences;
//  * paragraphs of nothing but whitespace are left out;
//  * RawBlock: see raw_html_block.h; tables: see table_writer.h.
#include "markdown/commonmark_writer.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include "markdown/hugo_shortcodes.h"
#include "markdown/inline_writer.h"
#include "markdown/kramdown_syntax.h"
#include "markdown/markdown_escape.h"
#include "markdown/raw_html_block.h"
#include "markdown/table_writer.h"

namespace blogshift {
namespace {

using markdown::InlineMode;

std::string prefix_lines(std::string_view text, std::string_view first, std::string_view rest) {
  std::string out;
  size_t start = 0;
  bool first_line = true;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    std::string_view prefix = first_line ? first : rest;
    if (line.empty()) {
      size_t keep = prefix.find_last_not_of(' ');
      out += prefix.substr(0, keep == std::string_view::npos ? 0 : keep + 1);
    } else {
      out += prefix;
      out += line;
    }
    if (end == text.size()) break;
    out += '\n';
    start = end + 1;
    first_line = false;
  }
  return out;
}

bool only_whitespace(const DocNode& n) {
  for (const auto& c : n.children) {
    switch (c->kind) {
      case DocKind::LineBreak: break;
      case DocKind::Text:
        if (c->text.find_first_not_of(" \t\r\n") != std::string::npos) return false;
        break;
      default: return false;
    }
  }
  return true;
}

int clamped_start(const DocNode& list) {
  long long last = 999999999LL - static_cast<long long>(list.children.empty() ? 0 : list.children.size() - 1);
  return static_cast<int>(std::clamp<long long>(list.start, 0, std::max(0LL, last)));
}

std::string code_info(std::string_view info) {
  std::string line(info.substr(0, info.find_first_of("\r\n")));
  size_t b = line.find_first_not_of(" \t"), e = line.find_last_not_of(" \t");
  line = b == std::string::npos ? "" : line.substr(b, e - b + 1);
  std::string out;
  for (size_t i = 0; i < line.size(); ++i) {
    char next = i + 1 < line.size() ? line[i + 1] : '\0';
    bool entity = line[i] == '&' && (std::isalnum(static_cast<unsigned char>(next)) || next == '#');
    if ((line[i] == '\\' && markdown::is_ascii_punct(next)) || entity) out += '\\';
    out += line[i];
  }
  return out;
}

class BlockWriter {
 public:
  explicit BlockWriter(MarkdownDialect dialect) : dialect_(dialect) {}

  std::string blocks(const DocNode& parent, bool tight) {
    ++nesting_;
    std::string out = blocks_in(parent, tight);
    --nesting_;
    return out;
  }

 private:
  std::string blocks_in(const DocNode& parent, bool tight) {
    std::string out;
    const DocNode* previous = nullptr;
    bool previous_alt = false;
    const auto& kids = parent.children;
    for (size_t i = 0; i < kids.size(); ++i) {
      const DocNode& child = *kids[i];
      std::string text;
      bool alt = false;
      if (!child.is_block()) {  // inlines where blocks belong: a paragraph of their own
        size_t j = i;
        while (j < kids.size() && !kids[j]->is_block()) ++j;
        text = markdown::write_inlines(parent, i, j, InlineMode::Paragraph, dialect_);
        i = j - 1;
        if (!text.empty()) append(out, text, previous, nullptr, tight);
        static const DocNode paragraph(DocKind::Paragraph);
        if (!text.empty()) previous = &paragraph;
        continue;
      }
      const bool list_after_list = is_list(child) && previous && previous->kind == child.kind;
      // kramdown merges lists whatever their markers (and has no ")" lists):
      // an HTML comment keeps them apart there.
      const bool separate = list_after_list && dialect_ == MarkdownDialect::Kramdown;
      alt = list_after_list && !separate && !previous_alt;
      text = block(child, alt);
      if (nesting_ == 1 && divider_pending_) {  // a jump break the block held: after it
        divider_pending_ = false;
        static const DocNode divider(DocKind::ExcerptBreak);
        if (!text.empty()) {
          if (separate) append(out, "<!-- -->", previous, nullptr, tight);
          append(out, text, previous, &child, tight);
        }
        append(out, "<!--more-->", text.empty() ? previous : &child, &divider, tight);
        previous = &divider;
        previous_alt = false;
        continue;
      }
      if (text.empty()) continue;
      if (separate) append(out, "<!-- -->", previous, nullptr, tight);
      append(out, text, previous, &child, tight);
      previous = &child;
      previous_alt = alt;
    }
    return out;
  }

  static bool is_list(const DocNode& n) { return n.kind == DocKind::BulletList || n.kind == DocKind::OrderedList; }

  void append(std::string& out, const std::string& text, const DocNode* previous, const DocNode* next, bool tight) {
    if (!out.empty()) out += tight && previous && next && tight_join(*previous, *next) ? "\n" : "\n\n";
    out += text;
  }

  // Whether a line starting `next` ends a paragraph (or a block quote whose
  // last line is one) rather than continuing it.
  static bool interrupts_paragraph(const DocNode& next) {
    switch (next.kind) {
      case DocKind::BulletList:
      case DocKind::OrderedList:
        // An empty first item cannot interrupt a paragraph; an ordered list
        // can only when it starts at 1.
        if (next.children.empty() || next.children[0]->children.empty()) return false;
        return next.kind == DocKind::BulletList || clamped_start(next) == 1;
      case DocKind::Heading:
      case DocKind::CodeBlock:
      case DocKind::BlockQuote: return true;
      case DocKind::RawBlock: return markdown::opens_interrupting_html_block(markdown::raw_html_block(next.text));
      case DocKind::ExcerptBreak: return true;  // <!-- more -->: an HTML block of kind 2
      default: return false;
    }
  }

  // Whether `next` may follow `previous` on the next line (no blank line)
  // and still parse as two blocks.
  static bool tight_join(const DocNode& previous, const DocNode& next) {
    switch (previous.kind) {
      case DocKind::Heading:  // one line, and ends there
      case DocKind::CodeBlock:  // fenced: ends at its closing fence
        return next.kind != DocKind::Table;
      case DocKind::Paragraph: return interrupts_paragraph(next);
      case DocKind::BlockQuote:
        // A line that would continue the quote's last paragraph lazily, or
        // another quote (it would merge), needs the blank line.
        return next.kind != DocKind::BlockQuote && interrupts_paragraph(next);
      default: return false;
    }
  }

  std::string block(const DocNode& n, bool alt) {
    switch (n.kind) {
      case DocKind::Document:
      case DocKind::ListItem: return blocks(n, false);
      case DocKind::Paragraph: {
        if (only_whitespace(n)) return {};
        // A line starting with an embed (<iframe ...>, <div ...>, <!-- ...)
        // would open an HTML block and swallow the paragraph's Markdown: such
        // leading raw HTML is written as a block of its own first.
        std::string lead;
        size_t first = 0;
        while (first < n.children.size() && n.children[first]->kind == DocKind::RawInline &&
               markdown::opens_interrupting_html_block(n.children[first]->text)) {
          lead += (lead.empty() ? "" : "\n\n") + raw_block(n.children[first]->text);
          ++first;
          while (first < n.children.size() && n.children[first]->kind == DocKind::LineBreak) ++first;
        }
        if (dialect_ == MarkdownDialect::Kramdown && holds_kramdown_block_tag(n, first))
          return (lead.empty() ? "" : lead + "\n\n") + "<p>" + markdown::inlines_as_html(n, first, n.children.size()) + "</p>";
        if (first == 0) return markdown::write_inlines(n, InlineMode::Paragraph, dialect_);
        std::string rest = markdown::write_inlines(n, first, n.children.size(), InlineMode::Paragraph, dialect_);
        return rest.empty() ? lead : lead + "\n\n" + rest;
      }
      case DocKind::Heading: {
        std::string hashes(static_cast<size_t>(std::clamp(n.level, 1, 6)), '#');
        std::string content = markdown::write_inlines(n, InlineMode::Heading, dialect_);
        return content.empty() ? hashes : hashes + " " + content;
      }
      case DocKind::BlockQuote: {
        std::string content = blocks(n, false);
        return content.empty() ? ">" : prefix_lines(content, "> ", "> ");
      }
      case DocKind::BulletList:
      case DocKind::OrderedList: return list(n, alt);
      case DocKind::CodeBlock: return code_block(n);
      case DocKind::ThematicBreak: return "---";
      case DocKind::Table: return markdown::write_table(n, dialect_);
      case DocKind::TableRow:
      case DocKind::TableCell: return markdown::write_inlines(n, InlineMode::Paragraph, dialect_);
      case DocKind::RawBlock: return raw_block(n.text);
      // Hugo's summary divider is exactly "<!--more-->", and splits whatever
      // holds it: inside a quote or a list it goes after the top-level block.
      // The others read any comment.
      case DocKind::ExcerptBreak:
        if (dialect_ != MarkdownDialect::Hugo) return "<!-- more -->";
        if (nesting_ > 1) {
          divider_pending_ = true;
          return {};
        }
        return "<!--more-->";
      default: return {};
    }
  }

  std::string list(const DocNode& n, bool alt) {
    const bool bullet = n.kind == DocKind::BulletList;
    const long long start = clamped_start(n);
    std::string out;
    for (size_t i = 0; i < n.children.size(); ++i) {
      std::string marker = bullet ? (alt ? "*" : "-") : std::to_string(start + static_cast<long long>(i)) + (alt ? ")" : ".");
      std::string content = blocks(*n.children[i], n.tight);
      if (marker == "-" && (content == "---" || content.rfind("---\n", 0) == 0)) content.replace(0, 3, "***");
      // kramdown has no empty list item: an HTML comment fills it.
      if (content.empty() && dialect_ == MarkdownDialect::Kramdown) content = "<!-- -->";
      std::string item = content.empty() ? marker : prefix_lines(content, marker + " ", std::string(marker.size() + 1, ' '));
      if (i) out += n.tight ? "\n" : "\n\n";
      out += item;
    }
    return out;
  }

  // Whether children [first, end) of paragraph `n` hold the opening tag of
  // an element kramdown shows as text inside a paragraph (an <iframe> ...).
  static bool holds_kramdown_block_tag(const DocNode& n, size_t first) {
    for (size_t i = first; i < n.children.size(); ++i)
      if (n.children[i]->kind == DocKind::RawInline &&
          markdown::kramdown_block_element(markdown::start_tag_name(n.children[i]->text)))
        return true;
    return false;
  }

  std::string raw_block(std::string_view html) const {
    std::string block = markdown::raw_html_block(html);
    return dialect_ == MarkdownDialect::Hugo ? markdown::defuse_shortcodes_in_html(block) : block;
  }

  std::string code_block(const DocNode& n) const {
    // Hugo would read an opener in fenced code as a shortcode: such code is
    // said in HTML (an HTML block of kind 1, which ends at its </pre>).
    if (dialect_ == MarkdownDialect::Hugo && markdown::hugo_scans(n.text)) return html_code_block(n);
    std::string info = code_info(n.info);
    const char fence_char = info.find('`') == std::string::npos ? '`' : '~';
    std::vector<std::string> lines;
    size_t longest = 0, run = 0;
    // Blank lines at the end are content (a <pre> shows them); the text has
    // no final line end of its own.
    std::string_view code = n.text;
    if (!code.empty() && code.back() == '\r') code.remove_suffix(1);
    size_t start = 0;
    while (start <= code.size()) {
      size_t end = code.find('\n', start);
      if (end == std::string_view::npos) end = code.size();
      std::string line(code.substr(start, end - start));
      size_t keep = line.find_last_not_of(" \t\r\f\v");
      line.erase(keep == std::string::npos ? 0 : keep + 1);
      lines.push_back(std::move(line));
      start = end + 1;
      if (end == code.size()) break;
    }
    for (char c : code) {
      run = c == fence_char ? run + 1 : 0;
      longest = std::max(longest, run);
    }
    std::string fence(std::max<size_t>(3, longest + 1), fence_char);
    std::string out = fence + info + "\n";
    if (!code.empty())
      for (const auto& line : lines) out += line + "\n";
    return out + fence;
  }

  static std::string html_code_block(const DocNode& n) {
    std::string code = n.text;
    code.erase(std::remove(code.begin(), code.end(), '\r'), code.end());
    std::string language = n.info.substr(0, n.info.find_first_of(" \t\r\n"));
    std::string out = "<pre><code";
    if (!language.empty()) out += " class=\"language-" + markdown::code_as_html(language) + "\"";
    out += ">";
    // Trailing whitespace stripped as in fenced code (the HTML block keeps
    // the lines otherwise as they are, blank ones included).
    size_t start = 0;
    while (start <= code.size()) {
      size_t end = code.find('\n', start);
      if (end == std::string::npos) end = code.size();
      std::string line = code.substr(start, end - start);
      line.erase(line.find_last_not_of(" \t\f\v") == std::string::npos ? 0 : line.find_last_not_of(" \t\f\v") + 1);
      out += markdown::code_as_html(line);
      if (end == code.size()) break;
      out += '\n';
      start = end + 1;
    }
    return out + "</code></pre>";
  }

  MarkdownDialect dialect_;
  int nesting_ = 0;               // blocks() depth: 1 is the document's own blocks
  bool divider_pending_ = false;  // Hugo: a jump break met inside a quote or list
};

}  // namespace

std::string write_commonmark(const DocNode& document, MarkdownDialect dialect) {
  std::string body = BlockWriter(dialect).blocks(document, false);
  if (body.empty()) return {};
  return body + "\n";
}

}  // namespace blogshift
