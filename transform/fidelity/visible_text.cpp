#include "visible_text.h"

#include <initializer_list>

namespace blogshift {

namespace {

bool hidden_element(std::string_view tag) {
  return tag == "script" || tag == "style" || tag == "noscript" || tag == "template" || tag == "head" ||
         tag == "iframe";
}

// Compared by length first: most tags are ruled out without a look at their bytes.
bool block_element(std::string_view tag) {
  auto any_of = [&](std::initializer_list<std::string_view> names) {
    for (std::string_view name : names)
      if (tag == name) return true;
    return false;
  };
  switch (tag.size()) {
    case 1: return tag == "p";
    case 2: return (tag[0] == 'h' && ((tag[1] >= '1' && tag[1] <= '6') || tag[1] == 'r')) ||
                   any_of({"dd", "dl", "dt", "li", "ol", "tr", "ul"});
    case 3: return any_of({"dir", "div", "nav", "pre"});
    case 4: return any_of({"body", "form", "html", "main", "menu"});
    case 5: return any_of({"aside", "table", "tbody", "tfoot", "thead"});
    case 6: return any_of({"center", "dialog", "figure", "footer", "header", "hgroup", "legend"});
    case 7: return any_of({"address", "article", "caption", "details", "section", "summary"});
    case 8: return tag == "fieldset";
    case 10: return tag == "blockquote" || tag == "figcaption";
    default: return false;
  }
}

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
  if (hidden_element(tag)) return false;
  if (tag == "br") {
    line_break();
    if (pre_depth_ > 0) code_ += '\n';
    return false;
  }
  // A table cell is a box of its own: its edges are breaks, as blocks are.
  if (block_element(tag) || tag == "td" || tag == "th") line_break();
  // Browsers show <q> with quotation marks; so does the Markdown.
  if (tag == "q") text("\u201C");
  if (tag == "a") {
    if (url) out_.links.push_back(*url);
  } else if (tag == "img") {
    if (url) out_.images.push_back(*url);
  } else if (tag == "pre") {
    if (pre_depth_++ == 0) code_.clear();
  } else if (tag == "code" && pre_depth_ == 0) {
    if (code_depth_++ == 0) code_.clear();
  }
  return true;
}

void VisibleTextBuilder::close(std::string_view tag) {
  if (hidden_element(tag) || tag == "br") return;
  if (block_element(tag) || tag == "td" || tag == "th") line_break();
  if (tag == "q") text("\u201D");
  if (tag == "pre") {
    if (pre_depth_ > 0 && --pre_depth_ == 0) out_.code_blocks.push_back(finish_block_code());
  } else if (tag == "code" && pre_depth_ == 0 && code_depth_ > 0) {
    if (--code_depth_ == 0) out_.inline_code.push_back(collapse_whitespace(code_));
  }
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
  out_.breaks.reserve(text_bytes / 64);
}

void VisibleTextBuilder::add_char(std::string_view bytes) {
  if (!in_word_) {
    if (break_pending_ && !out_.words.empty()) out_.breaks.push_back(static_cast<uint32_t>(out_.words.size()));
    break_pending_ = false;
    in_word_ = true;
    word_start_ = out_.chars.size();
  }
  out_.chars.append(bytes);
}

void VisibleTextBuilder::end_word() {
  if (!in_word_) return;
  in_word_ = false;
  size_t length = out_.chars.size() - word_start_;
  out_.words.push_back({static_cast<uint32_t>(word_start_), static_cast<uint32_t>(length)});
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
