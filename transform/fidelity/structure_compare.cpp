#include "structure_compare.h"

#include <string_view>
#include <unordered_map>

namespace blogshift {

namespace {

struct StyleName {
  char key;
  const char* name;
};

// One key byte per style a word can be shown in; headings by level.
constexpr StyleName kStyles[] = {
    {'e', "emphasis"}, {'s', "strong"}, {'x', "strikethrough"}, {'q', "block quote"},
    {'1', "heading 1"}, {'2', "heading 2"}, {'3', "heading 3"}, {'4', "heading 4"},
    {'5', "heading 5"}, {'6', "heading 6"},
};

template <typename F>
void for_each_style(WordStyle style, F&& f) {
  if (style.bits & kStyleEmphasis) f(0);
  if (style.bits & kStyleStrong) f(1);
  if (style.bits & kStyleStrike) f(2);
  if (style.bits & kStyleQuote) f(3);
  if (style.heading >= 1 && style.heading <= 6) f(3 + style.heading);
}

bool any_style(const VisibleText& text) {
  for (const WordStyle& s : text.styles)
    if (s.bits != 0 || s.heading != 0) return true;
  return false;
}

void compare_styles(const VisibleText& source, const VisibleText& output, StructureComparison& result) {
  if (!any_style(source)) return;
  if (source.styles == output.styles && source.chars == output.chars && source.words.size() == output.words.size()) {
    for (const WordStyle& s : source.styles) for_each_style(s, [&](int) { ++result.styled_words; });
    result.styled_kept = result.styled_words;
    return;
  }
  std::unordered_map<std::string, uint32_t> available;
  std::string key;
  for (size_t i = 0; i < output.words.size(); ++i) {
    for_each_style(output.styles[i], [&](int style) {
      key.assign(1, kStyles[style].key);
      key += output.word(i);
      ++available[key];
    });
  }
  size_t total[std::size(kStyles)] = {};
  size_t kept[std::size(kStyles)] = {};
  std::string first_lost[std::size(kStyles)];
  for (size_t i = 0; i < source.words.size(); ++i) {
    for_each_style(source.styles[i], [&](int style) {
      ++total[style];
      key.assign(1, kStyles[style].key);
      key += source.word(i);
      auto it = available.find(key);
      if (it != available.end() && it->second > 0) {
        --it->second;
        ++kept[style];
      } else if (first_lost[style].empty()) {
        first_lost[style] = std::string(source.word(i));
      }
    });
  }
  for (size_t style = 0; style < std::size(kStyles); ++style) {
    result.styled_words += total[style];
    result.styled_kept += kept[style];
    if (total[style] == 0) continue;
    double recall = static_cast<double>(kept[style]) / static_cast<double>(total[style]);
    if (recall >= kMinStyleRecall) continue;
    result.styles_ok = false;
    result.differences.push_back(std::string(kStyles[style].name) + " lost on " +
                                 std::to_string(total[style] - kept[style]) + " of " + std::to_string(total[style]) +
                                 " words, first '" + first_lost[style] + "'");
  }
}

const char* list_kind(const ListShape& l) { return l.ordered ? "ordered list" : "list"; }

void compare_lists(const VisibleText& source, const VisibleText& output, StructureComparison& result) {
  size_t o = 0;
  for (size_t s = 0; s < source.lists.size(); ++s) {
    const ListShape& src = source.lists[s];
    const uint32_t stray = src.leading_stray ? 1 : 0;
    const uint32_t shown = src.items - src.empty_items + stray;
    if (shown == 0) {  // nothing to show: the writer may leave it out
      if (o < output.lists.size() && output.lists[o].items == src.items && output.lists[o].ordered == src.ordered) {
        ++o;
      } else {
        result.excused.push_back("empty-list-dropped: " + std::string(list_kind(src)) + " " +
                                 std::to_string(s + 1) + " (" + std::to_string(src.items) + " empty items)");
      }
      continue;
    }
    if (o >= output.lists.size()) {
      result.lists_ok = false;
      result.differences.push_back(std::string(list_kind(src)) + " " + std::to_string(s + 1) + " lost (" +
                                   std::to_string(src.items) + " items)");
      continue;
    }
    const ListShape& out = output.lists[o++];
    const std::string which = std::string(list_kind(src)) + " " + std::to_string(s + 1);
    if (out.ordered != src.ordered) {
      result.lists_ok = false;
      result.differences.push_back(which + " became " + (out.ordered ? "ordered" : "unordered"));
    }
    if (out.items != src.items) {
      if (stray && out.items == src.items + 1) {
        result.excused.push_back("stray-content-item: " + which + ", content before its first item");
      } else if (out.items < src.items + stray && out.items >= shown) {
        result.excused.push_back("empty-item-dropped: " + which + ", " + std::to_string(src.items - out.items) +
                                 " of " + std::to_string(src.items) + " items");
      } else {
        result.lists_ok = false;
        result.differences.push_back(which + " has " + std::to_string(out.items) + " items, source " +
                                     std::to_string(src.items));
      }
    }
    if (out.loose != src.loose) {
      result.lists_ok = false;
      result.differences.push_back(which + (src.loose ? " loose in source, tight in output" : " tight in source, loose in output"));
    }
  }
  for (; o < output.lists.size(); ++o) {
    result.lists_ok = false;
    result.differences.push_back("list added (" + std::to_string(output.lists[o].items) + " items)");
  }
}

// A table without rows shows no grid (a caption alone): its words are compared as text.
std::vector<const TableShape*> grids(const VisibleText& text) {
  std::vector<const TableShape*> out;
  for (const TableShape& t : text.tables)
    if (t.rows > 0) out.push_back(&t);
  return out;
}

void compare_tables(const VisibleText& source_text, const VisibleText& output_text, StructureComparison& result) {
  const std::vector<const TableShape*> source = grids(source_text);
  const std::vector<const TableShape*> output = grids(output_text);
  size_t o = 0;
  for (size_t s = 0; s < source.size(); ++s) {
    const TableShape& src = *source[s];
    const std::string which = "table " + std::to_string(s + 1);
    if (o < output.size() && output[o]->rows == src.rows && output[o]->columns == src.columns) {
      ++o;
      continue;
    }
    if (o < output.size() && output[o]->rows == src.rows + 1 && output[o]->columns == src.columns &&
        output[o]->first_row_empty && !src.first_row_empty) {
      ++o;
      result.excused.push_back("empty-header-row-added: " + which + " (a GFM table needs a header row)");
      continue;
    }
    if (src.rows == 1 && src.columns <= 1) {
      result.excused.push_back("layout-box-unwrapped: " + which + " (one cell: its content as blocks)");
      continue;
    }
    if (src.words == 0) {
      result.excused.push_back("empty-table-dropped: " + which);
      continue;
    }
    result.tables_ok = false;
    if (o >= output.size()) {
      result.differences.push_back(which + " lost (" + std::to_string(src.rows) + " rows)");
      continue;
    }
    const TableShape& out = *output[o++];
    result.differences.push_back(which + " has " + std::to_string(out.rows) + "x" + std::to_string(out.columns) +
                                 " cells, source " + std::to_string(src.rows) + "x" + std::to_string(src.columns));
  }
  for (; o < output.size(); ++o) {
    if (output[o]->words == 0) continue;
    result.tables_ok = false;
    result.differences.push_back("table added");
  }
}

}  // namespace

StructureComparison compare_structure(const VisibleText& source, const VisibleText& output) {
  StructureComparison result;
  compare_styles(source, output, result);
  compare_lists(source, output, result);
  compare_tables(source, output, result);
  return result;
}

}  // namespace blogshift
