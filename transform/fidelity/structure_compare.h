// The parts of the fidelity check beyond words and breaks: the styles words
// are shown in (emphasis, strong, strikethrough, headings by level, block
// quotes), the lists (items, ordered or not, loose or tight) and the tables
// (rows, columns) of two VisibleText (visible_text.h).
//
// Styles are compared as multisets per style: of the source words shown in
// a style, the share the output shows in the same style is its recall
// (>= kMinStyleRecall passes). Words the output styles and the source did not
// are not a loss (a definition term is written bold).
//
// Lists and tables are compared in the order they open. Differences the
// writer makes on purpose are excused by name instead of failing:
//   empty-item-dropped   list items that showed nothing (no word, no image)
//   empty-list-dropped   a list all of whose items showed nothing
//   empty-table-dropped  a table that showed no word
#pragma once

#include <string>
#include <vector>

#include "visible_text.h"

namespace blogshift {

inline constexpr double kMinStyleRecall = 0.98;

struct StructureComparison {
  size_t styled_words = 0;  // source words shown in some style, counted once per style
  size_t styled_kept = 0;
  bool styles_ok = true;
  bool lists_ok = true;
  bool tables_ok = true;
  std::vector<std::string> differences;  // what fails, for the detail
  std::vector<std::string> excused;      // "rule: what", differences made on purpose
};

StructureComparison compare_structure(const VisibleText& source, const VisibleText& output);

}  // namespace blogshift
