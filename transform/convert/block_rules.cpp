// Block rules: containers, paragraphs (inline runs), headings, lists,
// block quotes, definition lists, thematic breaks, the jump break, raw
// blocks, and inline elements that hold blocks (distributed over them).
#include <charconv>
#include <string_view>

#include "converter.h"
#include "html/html_serializer.h"
#include "text.h"
#include "url.h"

namespace blogshift::convert {

namespace {

bool is_blank_text(const HtmlNode& node) {
  if (!node.is_text()) return false;
  for (char c : node.text)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f') return false;
  return true;
}

// What an inline element applies to each paragraph when it held blocks.
struct Wrapper {
  DocKind kind = DocKind::Document;  // Document: nothing to apply
  std::string url, title;            // Link
  std::string raw_open, raw_close;   // Underline: RawInline pair
};

void wrap_inlines(DocNode& container, const Wrapper& w) {
  if (container.children.empty()) return;
  if (!w.raw_open.empty()) {
    auto open = std::make_unique<DocNode>(DocKind::RawInline);
    open->text = w.raw_open;
    container.children.insert(container.children.begin(), std::move(open));
    container.add(DocKind::RawInline)->text = w.raw_close;
    return;
  }
  DocNode rebuilt(container.kind);
  DocNode* group = nullptr;
  for (auto& child : container.children) {
    // A link does not go around another link: wrap the runs between them.
    if (w.kind == DocKind::Link && child->kind == DocKind::Link) {
      if (group) finish_wrapper(rebuilt);
      group = nullptr;
      rebuilt.add(std::move(child));
      continue;
    }
    if (!group) {
      group = rebuilt.add(w.kind);
      group->url = w.url;
      group->title = w.title;
    }
    group->add(std::move(child));
  }
  if (group) finish_wrapper(rebuilt);
  container.children = std::move(rebuilt.children);
  normalize_inlines(container);
}

void apply_wrapper(DocNode& block, const Wrapper& w) {
  switch (block.kind) {
    case DocKind::Paragraph:
    case DocKind::Heading:
    case DocKind::TableCell: wrap_inlines(block, w); break;
    case DocKind::BlockQuote:
    case DocKind::BulletList:
    case DocKind::OrderedList:
    case DocKind::ListItem:
    case DocKind::Table:
    case DocKind::TableRow:
      for (auto& child : block.children) apply_wrapper(*child, w);
      break;
    default: break;
  }
}

bool has_paragraph_child(const HtmlNode& li) {
  for (const auto& child : li.children)
    if (child->is_element("p") && !text_content(*child).empty()) return true;
  return false;
}

bool has_adjacent_paragraphs(const DocNode& item) {
  for (size_t i = 1; i < item.children.size(); ++i)
    if (item.children[i - 1]->kind == DocKind::Paragraph && item.children[i]->kind == DocKind::Paragraph) return true;
  return false;
}

// <li>one <div>two</div></li>: lines, not paragraphs (no <p>, no space
// between them). Two paragraphs in a row would make the list loose, so they
// are one, a hard break where the next began.
void join_adjacent_paragraphs(DocNode& item) {
  auto& kids = item.children;
  for (size_t i = 1; i < kids.size();) {
    if (kids[i - 1]->kind != DocKind::Paragraph || kids[i]->kind != DocKind::Paragraph) {
      ++i;
      continue;
    }
    DocNode& first = *kids[i - 1];
    first.add(DocKind::LineBreak);
    for (auto& inline_child : kids[i]->children) first.add(std::move(inline_child));
    kids.erase(kids.begin() + static_cast<std::ptrdiff_t>(i));
  }
}

int list_start(const HtmlNode& ol) {
  const std::string* start = ol.attr("start");
  if (!start) return 1;
  std::string_view s = *start;
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  int value = 1;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || ptr == s.data() || value < 0 || value > 999999999) return 1;  // CommonMark's range
  return value;
}

}  // namespace

bool visually_empty(const DocNode& container) {
  for (const auto& child : container.children) {
    switch (child->kind) {
      case DocKind::Text: {
        std::string_view t = child->text;
        while (!t.empty()) {
          if (t.front() == ' ')
            t.remove_prefix(1);
          else if (t.substr(0, 2) == "\xC2\xA0")
            t.remove_prefix(2);
          else
            return false;
        }
        break;
      }
      case DocKind::LineBreak: break;
      case DocKind::Emphasis:
      case DocKind::Strong:
      case DocKind::Strikethrough:
      case DocKind::Superscript:
      case DocKind::Subscript:
        if (!visually_empty(*child)) return false;
        break;
      default: return false;
    }
  }
  return true;
}

std::unique_ptr<DocNode> raw_only(const DocNode& paragraph) {
  std::string html;
  bool any = false;
  for (const auto& child : paragraph.children) {
    if (child->kind == DocKind::RawInline) {
      html += child->text;
      any = true;
    } else if (child->kind == DocKind::LineBreak) {
      html += '\n';
    } else if (child->kind == DocKind::Text && child->text.find_first_not_of(' ') == std::string::npos) {
      html += child->text;
    } else {
      return nullptr;
    }
  }
  if (!any) return nullptr;
  auto block = std::make_unique<DocNode>(DocKind::RawBlock);
  block->text = std::move(html);
  return block;
}

DocNode& Converter::Run::paragraph() {
  if (!para_) para_ = std::make_unique<DocNode>(DocKind::Paragraph);
  return *para_;
}

void Converter::Run::flush() {
  if (!para_) return;
  std::unique_ptr<DocNode> para = std::move(para_);
  normalize_inlines(*para);
  // Two or more hard breaks in a row are a paragraph break in Blogger's editor.
  auto part = std::make_unique<DocNode>(DocKind::Paragraph);
  auto emit = [&] {
    normalize_inlines(*part);
    if (std::unique_ptr<DocNode> raw = raw_only(*part))
      out_.add(std::move(raw));
    else if (!visually_empty(*part))
      out_.add(std::move(part));
    part = std::make_unique<DocNode>(DocKind::Paragraph);
  };
  auto& kids = para->children;
  for (size_t i = 0; i < kids.size(); ++i) {
    if (kids[i]->kind == DocKind::LineBreak && i + 1 < kids.size() && kids[i + 1]->kind == DocKind::LineBreak) {
      while (i + 1 < kids.size() && kids[i + 1]->kind == DocKind::LineBreak) ++i;
      emit();
      continue;
    }
    part->add(std::move(kids[i]));
  }
  emit();
}

void Converter::blocks_from_children(const HtmlNode& parent, DocNode& out) {
  Run run(out);
  for (const auto& child : parent.children) block_child(*child, run);
  run.flush();
}

void Converter::block_child(const HtmlNode& node, Run& run) {
  DepthGuard guard(*this);
  if (guard.deep()) {
    flatten_to_text(node, run.paragraph());
    return;
  }
  if (node.is_text()) {
    inline_node(node, run.paragraph());
    return;
  }
  if (node.kind == HtmlNodeKind::Comment) {
    if (is_more_comment(node)) {
      run.flush();
      run.out().add(DocKind::ExcerptBreak);
    } else {
      inline_node(node, run.paragraph());  // kept as raw HTML, or dropped
    }
    return;
  }
  ElementRole role = role_of(node);
  DocNode& out = run.out();
  switch (role) {
    case ElementRole::Container:
    case ElementRole::ListItem:   // outside a list
    case ElementRole::DefTerm:    // outside a dl
    case ElementRole::DefDesc:
    case ElementRole::TablePart:  // outside a table
      run.flush();
      blocks_from_children(node, out);
      return;
    case ElementRole::Heading: run.flush(); heading(node, out); return;
    case ElementRole::List: run.flush(); list(node, out); return;
    case ElementRole::DefList: run.flush(); definition_list(node, out); return;
    case ElementRole::BlockQuote: {
      run.flush();
      auto quote = std::make_unique<DocNode>(DocKind::BlockQuote);
      blocks_from_children(node, *quote);
      if (!quote->children.empty()) out.add(std::move(quote));
      return;
    }
    case ElementRole::Preformatted:
      run.flush();
      // A fenced block cannot hold links or images: a <pre> with them stays HTML.
      if (find_first(node, [](const HtmlNode& e) {
            return (e.tag == "a" && e.has_attr("href")) || e.tag == "img";
          })) {
        out.add(DocKind::RawBlock)->text = outer_html(node);
        report_.kept_raw.push_back("pre: links or images");
        return;
      }
      if (auto code = code_block_from_pre(node)) out.add(std::move(code));
      return;
    case ElementRole::Table: run.flush(); table(node, out); return;
    case ElementRole::Rule: run.flush(); out.add(DocKind::ThematicBreak); return;
    case ElementRole::More:
      run.flush();
      out.add(DocKind::ExcerptBreak);
      blocks_from_children(node, out);  // an <a name="more"> holding text keeps it
      return;
    case ElementRole::RawEmbed:
      if (!is_highlighter_script(node)) {
        inline_node(node, run.paragraph());
        return;
      }
      [[fallthrough]];
    case ElementRole::Raw:
      run.flush();
      if (is_highlighter_script(node)) {
        if (auto code = code_block_from_script(node)) out.add(std::move(code));
        return;
      }
      raw_block(node, out, false);
      return;
    case ElementRole::Unknown:
      if (holds_block(node)) {
        run.flush();
        raw_block(node, out, true);
      } else {
        inline_node(node, run.paragraph());
      }
      return;
    default:  // inline elements
      if (holds_block(node))
        distribute(node, role, run);
      else
        inline_node(node, run.paragraph());
      return;
  }
}

// An inline element holding blocks: convert its content as blocks, then
// apply the element (strong, link...) to each paragraph and heading in them.
void Converter::distribute(const HtmlNode& element, ElementRole role, Run& run) {
  run.flush();
  Wrapper w;
  switch (role) {
    case ElementRole::Strong: w.kind = DocKind::Strong; break;
    case ElementRole::Emphasis: w.kind = DocKind::Emphasis; break;
    case ElementRole::Strike: w.kind = DocKind::Strikethrough; break;
    case ElementRole::Sub: w.kind = DocKind::Subscript; break;
    case ElementRole::Sup: w.kind = DocKind::Superscript; break;
    case ElementRole::Underline:
      w.raw_open = "<" + element.tag + ">";
      w.raw_close = "</" + element.tag + ">";
      report_.kept_raw.push_back(element.tag);
      break;
    case ElementRole::Link: {
      std::string href(trim(element.attr_or("href")));
      if (is_javascript_url(href)) {
        report_.notes.push_back("javascript: link");
      } else if (element.has_attr("href")) {
        w.kind = DocKind::Link;
        w.url = href;
        w.title = element.attr_or("title");
      }
      break;
    }
    default: break;  // span, font, code...: the content as it is
  }
  if (w.kind != DocKind::Document && active(w.kind)) w.kind = DocKind::Document;
  unsigned saved = active_;
  if (w.kind != DocKind::Document) active_ |= bit(w.kind);
  DocNode blocks(DocKind::Document);
  blocks_from_children(element, blocks);
  active_ = saved;
  for (auto& block : blocks.children) {
    if (w.kind != DocKind::Document || !w.raw_open.empty()) apply_wrapper(*block, w);
    run.out().add(std::move(block));
  }
}

// Line breaks at the start or end of a heading, or twice in a row, say nothing.
static void drop_edge_and_repeated_breaks(DocNode& h) {
  auto& kids = h.children;
  std::vector<std::unique_ptr<DocNode>> kept;
  for (auto& child : kids) {
    const bool is_break = child->kind == DocKind::LineBreak;
    if (is_break && (kept.empty() || kept.back()->kind == DocKind::LineBreak)) continue;
    kept.push_back(std::move(child));
  }
  while (!kept.empty() && kept.back()->kind == DocKind::LineBreak) kept.pop_back();
  kids = std::move(kept);
}

void Converter::heading(const HtmlNode& element, DocNode& out) {
  auto h = std::make_unique<DocNode>(DocKind::Heading);
  h->level = element.tag[1] - '0';
  bool saved = inline_only_;
  inline_only_ = true;
  inline_children(element, *h);
  inline_only_ = saved;
  normalize_inlines(*h);
  drop_edge_and_repeated_breaks(*h);
  normalize_inlines(*h);
  if (!visually_empty(*h)) out.add(std::move(h));
}

void Converter::list(const HtmlNode& element, DocNode& out) {
  auto list = std::make_unique<DocNode>(element.tag == "ol" ? DocKind::OrderedList : DocKind::BulletList);
  if (list->kind == DocKind::OrderedList) list->start = list_start(element);
  bool loose = false;
  DocNode* last = nullptr;
  for (const auto& child : element.children) {
    if (child->is_element("li")) {
      DepthGuard guard(*this);
      last = list->add(DocKind::ListItem);
      if (guard.deep()) {
        flatten_to_text(*child, *last->add(DocKind::Paragraph));
        continue;
      }
      blocks_from_children(*child, *last);
      if (has_paragraph_child(*child))
        loose = true;
      else
        join_adjacent_paragraphs(*last);
      continue;
    }
    if (is_blank_text(*child) || (child->kind == HtmlNodeKind::Comment && !is_more_comment(*child))) continue;
    // Stray content (old editors put a nested <ul> straight inside the
    // outer one): it belongs to the item before. Text after an item shows on
    // a line of its own, so it continues the item's last paragraph after a
    // hard break: a new paragraph would make the list loose.
    const bool inline_content = child->is_text() || (child->is_element() && !holds_block(*child) &&
                                                     !is_block_role(role_of(*child)));
    if (last && inline_content && !last->children.empty() && last->children.back()->kind == DocKind::Paragraph) {
      DocNode& para = *last->children.back();
      DocNode tail(DocKind::Paragraph);
      inline_node(*child, tail);
      normalize_inlines(tail);
      if (!visually_empty(tail)) {
        para.add(DocKind::LineBreak);
        for (auto& inline_child : tail.children) para.add(std::move(inline_child));
      }
      continue;
    }
    // Stray content before any item gets an item of its own, when it shows something.
    if (!last) {
      auto item = std::make_unique<DocNode>(DocKind::ListItem);
      Run run(*item);
      block_child(*child, run);
      run.flush();
      if (!item->children.empty()) last = list->add(std::move(item));
      continue;
    }
    Run run(*last);
    block_child(*child, run);
    run.flush();
  }
  if (list->children.empty()) return;
  for (const auto& item : list->children)
    if (has_adjacent_paragraphs(*item)) loose = true;
  list->tight = !loose;
  out.add(std::move(list));
}

void Converter::definition_list(const HtmlNode& element, DocNode& out) {
  Run run(out);
  for (const auto& child : element.children) {
    if (child->is_element("dt")) {
      run.flush();
      DepthGuard guard(*this);
      auto para = std::make_unique<DocNode>(DocKind::Paragraph);
      DocNode* strong = para->add(DocKind::Strong);
      bool saved = inline_only_;
      inline_only_ = true;
      unsigned saved_active = active_, saved_merged = merged_;
      active_ |= bit(DocKind::Strong);
      merged_ |= bit(DocKind::Strong);  // the term is bold already: <b> inside adds nothing
      if (guard.deep())
        flatten_to_text(*child, *strong);
      else
        inline_children(*child, *strong);
      active_ = saved_active;
      merged_ = saved_merged;
      inline_only_ = saved;
      finish_wrapper(*para);
      normalize_inlines(*para);
      if (!para->children.empty()) out.add(std::move(para));
    } else if (child->is_element("dd")) {
      run.flush();
      DepthGuard guard(*this);
      if (guard.deep())
        flatten_to_text(*child, run.paragraph());
      else
        blocks_from_children(*child, out);
    } else {
      block_child(*child, run);
    }
  }
  run.flush();
}

void Converter::raw_block(const HtmlNode& element, DocNode& out, bool unknown) {
  out.add(DocKind::RawBlock)->text = outer_html(element);
  if (unknown)
    report_.unknown.push_back(element.tag);
  else
    report_.kept_raw.push_back(raw_label(element));
}

}  // namespace blogshift::convert
