// Compares the words and breaks of two VisibleText (visible_text.h) as
// multisets, in O(n): words are interned to ids once, then counted.
// Which occurrence of a repeated word counts as the lost one is decided by
// trimming the common prefix and suffix of the two word sequences first and
// then matching the rest in document order, so a single dropped word is
// reported where it was dropped.
#pragma once

#include <cstddef>
#include <vector>

#include "visible_text.h"

namespace blogshift {

struct TextComparison {
  size_t source_words = 0;
  size_t matched_words = 0;
  std::vector<size_t> lost_words;   // indices into source.words, ascending

  size_t source_breaks = 0;
  size_t matched_breaks = 0;
  std::vector<size_t> lost_breaks;  // indices into source.breaks, ascending
};

TextComparison compare_text(const VisibleText& source, const VisibleText& output);

}  // namespace blogshift
