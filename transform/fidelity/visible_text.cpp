#include "visible_text.h"

#include <algorithm>
#include <cstdint>

#include "html/html_elements.h"

namespace blogshift {

namespace {

// One code point at text[i]; invalid or truncated sequences decode as one
// byte (cp = the byte, which is then neither space nor CJK).
struct CodePoint {
  uint32_t cp;
  size_t length;
};

CodePoint decode(std::string_view text, size_t i) {
  auto b0 = static_cast<unsigned char>(text[i]);
  if (b0 < 0x80) return {b0, 1};
  size_t n = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 0;
  if (n == 0 || i + n > text.size()) return {b0, 1};
  uint32_t cp = b0 & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) {
    auto b = static_cast<unsigned char>(text[i + k]);
    if ((b & 0xC0) != 0x80) return {b0, 1};
    cp = (cp << 6) | (b & 0x3F);
  }
  return {cp, n};
}

bool unicode_space(uint32_t cp) {
  if (cp <= 0x20) return cp == 0x20 || (cp >= 0x09 && cp <= 0x0D);
  if (cp < 0x85) return false;
  return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 ||
         cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

bool ignorable(uint32_t cp) { return cp == 0xAD || cp == 0xFEFF; }

bool cjk(uint32_t cp) {
  if (cp < 0x2E80) return false;
  return (cp <= 0x2FDF) ||                    // radicals, Kangxi
         (cp >= 0x3000 && cp <= 0x312F) ||    // CJK symbols and punctuation, kana, bopomofo
         (cp >= 0x31A0 && cp <= 0x4DBF) ||    // bopomofo ext., strokes, katakana ext., enclosed, compat, ext. A
         (cp >= 0x4E00 && cp <= 0x9FFF) ||    // unified ideographs
         (cp >= 0xF900 && cp <= 0xFAFF) ||    // compatibility ideographs
         (cp >= 0xFE30 && cp <= 0xFE4F) ||    // compatibility forms
         (cp >= 0xFF00 && cp <= 0xFFEF) ||    // half- and full-width forms
         (cp >= 0x20000 && cp <= 0x3FFFF);    // ideographs ext. B and later
}

// Spaces and tabs at the end of a code line are invisible, and Markdown
// writers drop them: they are not part of what is compared.
void strip_trailing_blanks(std::string& text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.pop_back();
}

}  // namespace

void VisibleTextBuilder::walk(const HtmlNode& root) {
  struct Frame {
    const HtmlNode* node;
    size_t next;
  };
  std::vector<Frame> stack;
  if (!enter(root)) {
    leave(root);
    return;
  }
  stack.push_back({&root, 0});
  while (!stack.empty()) {
    Frame& top = stack.back();
    if (top.next >= top.node->children.size()) {
      const HtmlNode* done = top.node;
      stack.pop_back();
      leave(*done);
      continue;
    }
    const HtmlNode* child = top.node->children[top.next++].get();
    if (enter(*child)) stack.push_back({child, 0});
    else leave(*child);
  }
}

VisibleText VisibleTextBuilder::finish() {
  end_word();
  return std::move(out_);
}

// Returns whether to descend into `n`; leave() is called either way.
bool VisibleTextBuilder::enter(const HtmlNode& n) {
  if (n.is_text()) {
    text(n.text);
    return false;
  }
  if (!n.is_element()) return false;
  const std::string* url = n.tag == "a" ? n.attr("href") : n.tag == "img" ? n.attr("src") : nullptr;
  return open(n.tag, url);
}

void VisibleTextBuilder::leave(const HtmlNode& n) {
  if (n.is_element()) close(n.tag);
}

bool VisibleTextBuilder::open(std::string_view tag, const std::string* url) {
  const HtmlElement* e = html_element(tag);
  const ElementDisplay display = e ? e->display : ElementDisplay::Inline;
  if (display == ElementDisplay::None) return false;
  ElementMeaning meaning = e ? e->meaning : ElementMeaning::Plain;
  if (meaning == ElementMeaning::LineBreak) {
    line_break();
    if (pre_depth_ > 0) code_ += '\n';
    return false;
  }
  // A block, a list item, a table cell: a box of its own, whose edges are
  // breaks; inside a code block, the start of a line.
  if (display == ElementDisplay::Block) {
    line_break();
    if (pre_depth_ > 0) code_line();
  }
  // A heading is one line of Markdown: the blocks inside it (a quote, a list,
  // a table, a code block) are lines of the heading, its code inline
  // (block-in-heading).
  const bool in_heading = !headings_.empty();
  // Inside a code block, lists and tables are lines of code.
  const bool structure = !in_heading && pre_depth_ == 0;
  if (in_heading && meaning == ElementMeaning::Preformatted && pre_depth_ == 0) meaning = ElementMeaning::Code;
  OpenKind kind = OpenKind::Other;
  uint32_t index = 0;
  switch (meaning) {
    case ElementMeaning::InlineQuote: text("\u201C"); break;  // browsers show <q> with quotation marks
    case ElementMeaning::Link:
      if (url) out_.links.push_back(*url);
      break;
    case ElementMeaning::Image:
      if (url) out_.images.push_back(*url);
      break;
    case ElementMeaning::Preformatted:
      kind = OpenKind::Pre;
      if (code_depth_ > 0) code_held_pre_ = true;
      if (pre_depth_++ == 0) code_.clear();
      break;
    case ElementMeaning::Code:
      if (pre_depth_ > 0) break;
      kind = OpenKind::Code;
      if (code_depth_++ == 0) {
        code_.clear();
        code_held_pre_ = false;
        code_continues_ = !out_.inline_code.empty() && in_word_ && !break_pending_ &&
                          out_.chars.size() == code_end_chars_ && out_.images.size() + out_.links.size() == code_end_refs_;
      }
      break;
    case ElementMeaning::Emphasis: kind = OpenKind::Emphasis; ++emphasis_; break;
    case ElementMeaning::Strong: kind = OpenKind::Strong; ++strong_; break;
    case ElementMeaning::Strike: kind = OpenKind::Strike; ++strike_; break;
    case ElementMeaning::BlockQuote:
      if (in_heading) break;
      kind = OpenKind::Quote;
      ++quote_;
      break;
    case ElementMeaning::Heading:
      kind = OpenKind::Heading;
      headings_.push_back(static_cast<uint8_t>(tag[1] - '0'));
      break;
    case ElementMeaning::List:
      if (!structure) break;
      kind = OpenKind::List;
      index = static_cast<uint32_t>(out_.lists.size());
      out_.lists.push_back({tag == "ol", 0, 0, false});
      fixed_lists_.push_back(false);
      break;
    case ElementMeaning::ListItem:
      for (auto it = open_.rbegin(); it != open_.rend(); ++it) {
        if (it->kind != OpenKind::List) continue;
        ListShape& list = out_.lists[it->index];
        if (list.items == 0 && shows_since(*it)) list.leading_stray = true;
        ++list.items;
        kind = OpenKind::Item;
        index = it->index;
        break;
      }
      break;
    case ElementMeaning::Section:
      // A paragraph straight inside a list item: margins around it (a loose list).
      if (tag == "p" && !open_.empty() && open_.back().kind == OpenKind::Item) {
        kind = OpenKind::ItemParagraph;
        index = open_.back().index;
      }
      break;
    case ElementMeaning::Table:
      if (!structure) break;
      kind = OpenKind::Table;
      index = static_cast<uint32_t>(out_.tables.size());
      out_.tables.push_back({});
      break;
    case ElementMeaning::TablePart:
      if (tag == "tr") {
        for (auto it = open_.rbegin(); it != open_.rend(); ++it) {
          if (it->kind != OpenKind::Table) continue;
          ++out_.tables[it->index].rows;
          kind = OpenKind::Row;
          index = it->index;
          break;
        }
      }
      break;
    case ElementMeaning::TableCell:
      for (auto it = open_.rbegin(); it != open_.rend(); ++it) {
        if (it->kind != OpenKind::Row) continue;
        TableShape& table = out_.tables[it->index];
        table.columns = std::max(table.columns, ++it->cells);
        break;
      }
      break;
    default: break;
  }
  open_structure(kind, index, display == ElementDisplay::Block, meaning == ElementMeaning::InlineQuote);
  return true;
}

void VisibleTextBuilder::open_list(bool ordered, bool loose) {
  line_break();
  const auto index = static_cast<uint32_t>(out_.lists.size());
  out_.lists.push_back({ordered, 0, 0, loose});
  fixed_lists_.push_back(true);
  open_structure(OpenKind::List, index, true, false);
}

void VisibleTextBuilder::open_structure(OpenKind kind, uint32_t index, bool block, bool quote_marks) {
  Open o;
  o.kind = kind;
  o.block = block;
  o.quote_marks = quote_marks;
  o.index = index;
  o.words_at = out_.words.size() + (in_word_ ? 1 : 0);
  o.images_at = out_.images.size();
  open_.push_back(o);
}

void VisibleTextBuilder::code_line() {
  if (!code_.empty() && code_.back() != '\n') code_ += '\n';
}

void VisibleTextBuilder::close(std::string_view tag) {
  const ElementDisplay display = element_display(tag);
  if (display == ElementDisplay::None || element_meaning(tag) == ElementMeaning::LineBreak) return;
  if (open_.empty()) return;  // more closed than opened: nothing to undo
  const Open o = open_.back();
  open_.pop_back();
  if (o.block) {
    line_break();
    if (pre_depth_ > (o.kind == OpenKind::Pre ? 1 : 0)) code_line();
  }
  if (o.quote_marks) text("\u201D");
  switch (o.kind) {
    case OpenKind::Pre:
      if (pre_depth_ > 0 && --pre_depth_ == 0) out_.code_blocks.push_back(finish_block_code());
      break;
    case OpenKind::Code:
      if (code_depth_ > 0 && --code_depth_ == 0 && !code_held_pre_) {
        // Spaces at the seam move out of the code when it is written: two spans then.
        auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; };
        if (code_continues_ && (code_.empty() || space(code_.front()) || code_ends_in_space_)) code_continues_ = false;
        code_ends_in_space_ = !code_.empty() && space(code_.back());
        if (code_continues_) append_collapsed_whitespace(out_.inline_code.back(), code_);  // linear in the run
        else out_.inline_code.push_back(collapse_whitespace(code_));
        code_end_chars_ = out_.chars.size();
        code_end_refs_ = out_.images.size() + out_.links.size();
      }
      break;
    case OpenKind::Emphasis: --emphasis_; break;
    case OpenKind::Strong: --strong_; break;
    case OpenKind::Strike: --strike_; break;
    case OpenKind::Quote: --quote_; break;
    case OpenKind::Heading: headings_.pop_back(); break;
    case OpenKind::Item:
      if (!shows_since(o)) ++out_.lists[o.index].empty_items;
      break;
    case OpenKind::ItemParagraph:  // a list opened by open_list() has its looseness already
      if (shows_since(o) && !fixed_lists_[o.index]) out_.lists[o.index].loose = true;
      break;
    case OpenKind::Row: {
      TableShape& table = out_.tables[o.index];
      if (table.rows == 1) table.first_row_empty = !shows_since(o);
      break;
    }
    case OpenKind::List:
      if (out_.lists[o.index].items == 0 && shows_since(o)) out_.lists[o.index].leading_stray = true;
      break;
    case OpenKind::Table:
      out_.tables[o.index].words = static_cast<uint32_t>(out_.words.size() - o.words_at);
      break;
    default: break;
  }
}

WordStyle VisibleTextBuilder::current_style() const {
  WordStyle style;
  if (pre_depth_ > 0 || code_depth_ > 0) return style;
  if (emphasis_ > 0) style.bits |= kStyleEmphasis;
  if (strong_ > 0) style.bits |= kStyleStrong;
  if (strike_ > 0) style.bits |= kStyleStrike;
  if (quote_ > 0) style.bits |= kStyleQuote;
  if (!headings_.empty()) style.heading = headings_.back();
  return style;
}

void VisibleTextBuilder::text(std::string_view run) {
  if (pre_depth_ > 0 || code_depth_ > 0) code_.append(run);
  for (size_t i = 0; i < run.size();) {
    auto c = static_cast<unsigned char>(run[i]);
    if (c < 0x80) {  // fast path
      if (c == ' ' || (c >= 0x09 && c <= 0x0D)) {
        if (pre_depth_ > 0 && c == '\n') line_break();
        else end_word();
        ++i;
      } else {  // a run of printable ASCII at once
        size_t end = i + 1;
        while (end < run.size() && static_cast<unsigned char>(run[end]) > 0x20 &&
               static_cast<unsigned char>(run[end]) < 0x80)
          ++end;
        add_char(run.substr(i, end - i));
        i = end;
      }
      continue;
    }
    if (c >= 0xE4 && c <= 0xE9 && i + 2 < run.size() && (static_cast<unsigned char>(run[i + 1]) & 0xC0) == 0x80 &&
        (static_cast<unsigned char>(run[i + 2]) & 0xC0) == 0x80) {
      // Fast path for the unified ideographs (U+4E00..U+9FFF), most of any
      // CJK text: each a word of its own, like cjk() below.
      const uint32_t cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(run[i + 1]) & 0x3Fu) << 6) |
                          (static_cast<unsigned char>(run[i + 2]) & 0x3Fu);
      if (cp >= 0x4E00) {
        end_word();
        if (break_pending_ && !out_.words.empty()) out_.breaks.push_back(static_cast<uint32_t>(out_.words.size()));
        break_pending_ = false;
        out_.words.push_back({static_cast<uint32_t>(out_.chars.size()), 3});
        out_.styles.push_back(current_style());
        out_.chars.append(run.data() + i, 3);
        i += 3;
        continue;
      }
    }
    CodePoint cp = decode(run, i);
    if (unicode_space(cp.cp)) {
      end_word();
    } else if (cjk(cp.cp)) {  // a word of its own (add_char and end_word, without the bookkeeping between)
      end_word();
      if (break_pending_ && !out_.words.empty()) out_.breaks.push_back(static_cast<uint32_t>(out_.words.size()));
      break_pending_ = false;
      out_.words.push_back({static_cast<uint32_t>(out_.chars.size()), static_cast<uint32_t>(cp.length)});
      out_.styles.push_back(current_style());
      out_.chars.append(run.substr(i, cp.length));
    } else if (!ignorable(cp.cp)) {
      add_char(run.substr(i, cp.length));
    }
    i += cp.length;
  }
}

void VisibleTextBuilder::reserve(size_t text_bytes) {
  out_.chars.reserve(text_bytes);
  out_.words.reserve(text_bytes / 4);
  out_.styles.reserve(text_bytes / 4);
  out_.breaks.reserve(text_bytes / 64);
}

void VisibleTextBuilder::add_char(std::string_view bytes) {
  if (!in_word_) {
    if (break_pending_ && !out_.words.empty()) out_.breaks.push_back(static_cast<uint32_t>(out_.words.size()));
    break_pending_ = false;
    in_word_ = true;
    word_start_ = out_.chars.size();
    word_style_ = {};
  }
  WordStyle now = current_style();
  word_style_.bits |= now.bits;
  if (now.heading != 0) word_style_.heading = now.heading;
  out_.chars.append(bytes);
}

void VisibleTextBuilder::end_word() {
  if (!in_word_) return;
  in_word_ = false;
  size_t length = out_.chars.size() - word_start_;
  out_.words.push_back({static_cast<uint32_t>(word_start_), static_cast<uint32_t>(length)});
  out_.styles.push_back(word_style_);
}

void VisibleTextBuilder::line_break() {
  end_word();
  break_pending_ = true;
}

std::string VisibleTextBuilder::finish_block_code() {
  std::string block;
  block.reserve(code_.size());
  for (size_t i = 0; i < code_.size(); ++i) {
    char c = code_[i];
    if (c == '\r') {
      block += '\n';
      if (i + 1 < code_.size() && code_[i + 1] == '\n') ++i;
    } else if (static_cast<unsigned char>(c) == 0xC2 && i + 1 < code_.size() &&
               static_cast<unsigned char>(code_[i + 1]) == 0xA0) {
      block += ' ';
      ++i;
    } else {
      if (c == '\n') strip_trailing_blanks(block);
      block += c;
    }
  }
  strip_trailing_blanks(block);
  while (!block.empty() && block.back() == '\n') block.pop_back();
  return block;
}

VisibleText extract_visible_text(const HtmlNode& root, size_t expected_bytes) {
  VisibleTextBuilder builder;
  builder.reserve(expected_bytes);
  builder.walk(root);  // 32-bit offsets: html_reader caps input at 64 MiB
  return builder.finish();
}

}  // namespace blogshift
