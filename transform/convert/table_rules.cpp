// Tables: a GFM Table when the HTML table fits one (same cell count in every
// row, no rowspan/colspan, no caption, no nested table, every cell at most
// one paragraph), else the table as raw HTML with the reason in kept_raw.
// A 1×1 table is a layout box (Blogger's editor made many): its content.
#include <string_view>

#include "converter.h"
#include "html/html_serializer.h"
#include "text.h"

namespace blogshift::convert {

namespace {

bool blank_text(const HtmlNode& node) { return node.is_text() && trim(node.text).empty(); }

bool spans(const HtmlNode& cell, std::string_view name) {
  const std::string* v = cell.attr(name);
  if (!v) return false;
  std::string_view value = trim(*v);
  return !value.empty() && value != "1";
}

Align cell_align(const HtmlNode& cell) {
  std::string value = ascii_lower(trim(cell.attr_or("align")));
  if (value.empty()) {
    std::string style = ascii_lower(cell.attr_or("style"));
    if (size_t at = style.find("text-align"); at != std::string::npos) {
      size_t colon = style.find(':', at);
      if (colon != std::string::npos) {
        size_t end = style.find(';', colon);
        value = std::string(trim(std::string_view(style).substr(colon + 1, end == std::string::npos ? end : end - colon - 1)));
      }
    }
  }
  if (value == "left") return Align::Left;
  if (value == "center") return Align::Center;
  if (value == "right") return Align::Right;
  return Align::None;
}

// Appends the <tr> children of a row group; false on anything else.
bool collect_rows(const HtmlNode& group, std::vector<const HtmlNode*>& rows) {
  for (const auto& child : group.children) {
    if (child->is_element("tr"))
      rows.push_back(child.get());
    else if (!blank_text(*child) && child->kind != HtmlNodeKind::Comment)
      return false;
  }
  return true;
}

}  // namespace

std::string Converter::table_problem(const HtmlNode& element, std::vector<std::vector<const HtmlNode*>>& rows,
                                     size_t& header_rows) const {
  std::vector<const HtmlNode*> head, body, foot;
  for (const auto& child : element.children) {
    const HtmlNode& c = *child;
    if (blank_text(c) || c.kind == HtmlNodeKind::Comment || c.is_element("colgroup") || c.is_element("col")) continue;
    bool ok = true;
    if (c.is_element("thead"))
      ok = collect_rows(c, head);
    else if (c.is_element("tbody"))
      ok = collect_rows(c, body);
    else if (c.is_element("tfoot"))
      ok = collect_rows(c, foot);
    else if (c.is_element("tr"))
      body.push_back(&c);
    else if (c.is_element("caption")) {
      if (!text_content(c).empty() || find_first(c, by_tag("img"))) return "table: caption";
    } else
      ok = false;
    if (!ok) return "table: stray content";
  }
  if (head.size() > 1) return "table: multi-row header";
  header_rows = head.size();
  for (const auto* group : {&head, &body, &foot}) {
    for (const HtmlNode* tr : *group) {
      std::vector<const HtmlNode*> cells;
      for (const auto& child : tr->children) {
        if (child->is_element("td") || child->is_element("th")) {
          if (spans(*child, "rowspan")) return "table: rowspan";
          if (spans(*child, "colspan")) return "table: colspan";
          if (find_first(*child, by_tag("table"))) return "table: nested table";
          cells.push_back(child.get());
        } else if (!blank_text(*child) && child->kind != HtmlNodeKind::Comment) {
          return "table: stray content";
        }
      }
      if (cells.empty()) {
        if (group == &head) header_rows = 0;
        continue;
      }
      rows.push_back(std::move(cells));
    }
  }
  for (const auto& row : rows)
    if (row.size() != rows.front().size()) return "table: ragged rows";
  return {};
}

void Converter::table(const HtmlNode& element, DocNode& out) {
  std::vector<std::vector<const HtmlNode*>> rows;
  size_t header_rows = 0;
  std::string problem = table_problem(element, rows, header_rows);
  if (problem.empty()) {
    if (rows.empty()) {
      report_.notes.push_back("empty table");
      return;
    }
    if (rows.size() == 1 && rows.front().size() == 1) {  // layout box
      blocks_from_children(*rows.front().front(), out);
      return;
    }
    const size_t kept = report_.kept_raw.size(), unknown = report_.unknown.size(), notes = report_.notes.size();
    auto table = std::make_unique<DocNode>(DocKind::Table);
    for (const auto& row : rows) {
      DocNode* tr = table->add(DocKind::TableRow);
      for (const HtmlNode* cell : row) {
        DocNode* td = tr->add(DocKind::TableCell);
        DocNode blocks(DocKind::Document);
        blocks_from_children(*cell, blocks);
        if (blocks.children.empty()) continue;
        if (blocks.children.size() == 1 && blocks.children.front()->kind == DocKind::Paragraph) {
          td->children = std::move(blocks.children.front()->children);
          continue;
        }
        problem = "table: block content";
        break;
      }
      if (!problem.empty()) break;
    }
    if (problem.empty()) {
      bool all_th = true;
      for (const HtmlNode* cell : rows.front()) all_th = all_th && cell->tag == "th";
      table->header_row = header_rows == 1 || all_th;
      for (const HtmlNode* cell : rows.front()) table->aligns.push_back(cell_align(*cell));
      out.add(std::move(table));
      return;
    }
    // What the cells reported is moot: the whole table is kept as it is.
    report_.kept_raw.resize(kept);
    report_.unknown.resize(unknown);
    report_.notes.resize(notes);
  }
  out.add(DocKind::RawBlock)->text = outer_html(element);
  report_.kept_raw.push_back(problem);
}

}  // namespace blogshift::convert
