#include "text_compare.h"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <unordered_map>

namespace blogshift {

namespace {

constexpr uint32_t kUnknownWord = UINT32_MAX;  // an output word the source never had

struct WordIds {
  std::vector<uint32_t> source;
  std::vector<uint32_t> output;
  size_t vocabulary = 0;
};

// Source words get dense ids; output words the id of the same source word,
// or kUnknownWord.
WordIds intern(const VisibleText& source, const VisibleText& output) {
  WordIds ids;
  std::unordered_map<std::string_view, uint32_t> table;
  table.reserve(source.words.size());
  ids.source.reserve(source.words.size());
  for (size_t i = 0; i < source.words.size(); ++i) {
    auto [it, added] = table.try_emplace(source.word(i), static_cast<uint32_t>(table.size()));
    ids.source.push_back(it->second);
  }
  ids.vocabulary = table.size();
  ids.output.reserve(output.words.size());
  for (size_t i = 0; i < output.words.size(); ++i) {
    auto it = table.find(output.word(i));
    ids.output.push_back(it == table.end() ? kUnknownWord : it->second);
  }
  return ids;
}

void match_words(const WordIds& ids, TextComparison& result) {
  const std::vector<uint32_t>& src = ids.source;
  const std::vector<uint32_t>& out = ids.output;
  size_t prefix = 0;
  while (prefix < src.size() && prefix < out.size() && src[prefix] == out[prefix]) ++prefix;
  size_t suffix = 0;
  while (suffix < src.size() - prefix && suffix < out.size() - prefix &&
         src[src.size() - 1 - suffix] == out[out.size() - 1 - suffix])
    ++suffix;

  std::vector<uint32_t> available(ids.vocabulary, 0);
  for (size_t i = prefix; i < out.size() - suffix; ++i)
    if (out[i] != kUnknownWord) ++available[out[i]];

  result.source_words = src.size();
  result.matched_words = prefix + suffix;
  for (size_t i = prefix; i < src.size() - suffix; ++i) {
    if (available[src[i]] > 0) {
      --available[src[i]];
      ++result.matched_words;
    } else {
      result.lost_words.push_back(i);
    }
  }
}

uint64_t pair_key(const std::vector<uint32_t>& ids, uint32_t at) {
  return (static_cast<uint64_t>(ids[at - 1]) << 32) | ids[at];
}

void match_breaks(const VisibleText& source, const VisibleText& output, const WordIds& ids,
                  TextComparison& result) {
  std::unordered_map<uint64_t, uint32_t> available;
  available.reserve(output.breaks.size());
  for (uint32_t at : output.breaks) {
    if (ids.output[at - 1] == kUnknownWord || ids.output[at] == kUnknownWord) continue;
    ++available[pair_key(ids.output, at)];
  }
  result.source_breaks = source.breaks.size();
  for (size_t b = 0; b < source.breaks.size(); ++b) {
    auto it = available.find(pair_key(ids.source, source.breaks[b]));
    if (it != available.end() && it->second > 0) {
      --it->second;
      ++result.matched_breaks;
    } else {
      result.lost_breaks.push_back(b);
    }
  }
}

// The usual case: the output shows the source's words, in order, with the
// same breaks. Then everything matches and nothing needs interning.
bool same_words_and_breaks(const VisibleText& source, const VisibleText& output) {
  if (source.words.size() != output.words.size() || source.breaks != output.breaks || source.chars != output.chars)
    return false;
  for (size_t i = 0; i < source.words.size(); ++i)
    if (source.words[i].length != output.words[i].length) return false;
  return true;
}

}  // namespace

TextComparison compare_text(const VisibleText& source, const VisibleText& output) {
  TextComparison result;
  if (same_words_and_breaks(source, output)) {
    result.source_words = result.matched_words = source.words.size();
    result.source_breaks = result.matched_breaks = source.breaks.size();
    return result;
  }
  WordIds ids = intern(source, output);
  match_words(ids, result);
  match_breaks(source, output, ids, result);
  return result;
}

}  // namespace blogshift
