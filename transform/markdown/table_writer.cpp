#include "markdown/table_writer.h"

#include <algorithm>
#include <vector>

#include "markdown/inline_writer.h"

namespace blogshift::markdown {
namespace {

std::string row_line(const std::vector<std::string>& cells) {
  std::string line = "|";
  for (const std::string& cell : cells) line += cell.empty() ? " |" : " " + cell + " |";
  return line;
}

std::string delimiter_cell(Align align) {
  switch (align) {
    case Align::Left: return ":--";
    case Align::Center: return ":-:";
    case Align::Right: return "--:";
    case Align::None: break;
  }
  return "---";
}

}  // namespace

std::string write_table(const DocNode& table, MarkdownDialect dialect) {
  std::vector<std::vector<std::string>> rows;
  size_t columns = 0;
  for (const auto& row : table.children) {
    std::vector<std::string> cells;
    for (const auto& cell : row->children) cells.push_back(write_inlines(*cell, InlineMode::TableCell, dialect));
    columns = std::max(columns, cells.size());
    rows.push_back(std::move(cells));
  }
  if (rows.empty() || columns == 0) return {};
  for (auto& cells : rows) cells.resize(columns);

  std::vector<std::string> lines;
  size_t body_start = 0;
  if (table.header_row) {
    lines.push_back(row_line(rows[0]));
    body_start = 1;
  } else {
    lines.push_back(row_line(std::vector<std::string>(columns)));
  }
  std::string delimiter = "|";
  for (size_t c = 0; c < columns; ++c)
    delimiter += " " + delimiter_cell(c < table.aligns.size() ? table.aligns[c] : Align::None) + " |";
  lines.push_back(delimiter);
  for (size_t r = body_start; r < rows.size(); ++r) lines.push_back(row_line(rows[r]));

  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) out += (i ? "\n" : "") + lines[i];
  return out;
}

}  // namespace blogshift::markdown
