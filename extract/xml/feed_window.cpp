#include "feed_window.h"

#include <algorithm>
#include <cstring>

namespace blogshift {

namespace {
constexpr size_t kReadSize = 1 << 16;
constexpr std::string_view kEntryTag = "<entry";

bool is_tag_end(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '>'; }
}  // namespace

bool FeedWindow::read_more() {
  if (eof_ || !file_) return false;
  const size_t old = data_.size();
  data_.resize(old + kReadSize);
  const long got = file_->read(data_.data() + old, kReadSize);
  if (got <= 0) {
    data_.resize(old);
    eof_ = true;
    if (got < 0) read_error_ = file_->error();
    return false;
  }
  data_.resize(old + static_cast<size_t>(got));
  return true;
}

std::string_view FeedWindow::bytes(int64_t offset, size_t size) {
  if (offset < start_) return {};
  while (end() < offset + static_cast<int64_t>(size) && read_more()) {
  }
  if (offset >= end()) return {};
  const size_t at = static_cast<size_t>(offset - start_);
  return std::string_view(data_).substr(at, size);
}

int64_t FeedWindow::find(std::string_view needle, int64_t from) {
  from = std::max(from, start_);
  for (;;) {
    const size_t at = data_.find(needle, static_cast<size_t>(from - start_));
    if (at != std::string::npos) return start_ + static_cast<int64_t>(at);
    if (!read_more()) return -1;
    // Re-search the tail that may hold the start of a split needle.
    from = std::max(from, end() - static_cast<int64_t>(kReadSize) - static_cast<int64_t>(needle.size()));
  }
}

int64_t FeedWindow::next_entry_start(int64_t from) {
  for (;;) {
    const int64_t at = find(kEntryTag, from);
    if (at < 0) return -1;
    const std::string_view after = bytes(at + static_cast<int64_t>(kEntryTag.size()), 1);
    if (after.empty()) return -1;  // "<entry" at the very end: not an entry
    if (is_tag_end(after[0])) return at;
    from = at + 1;
  }
}

void FeedWindow::forget_before(int64_t offset) {
  if (offset <= start_) return;
  const size_t drop = static_cast<size_t>(std::min(offset, end()) - start_);
  for (size_t i = 0; i < drop; ++i) {
    if (data_[i] == '\n') {
      ++lines_before_;
      last_newline_before_ = start_ + static_cast<int64_t>(i);
    }
  }
  data_.erase(0, drop);
  start_ += static_cast<int64_t>(drop);
}

SourcePosition FeedWindow::position(int64_t offset) const {
  SourcePosition pos;
  pos.file = name_;
  pos.offset = offset;
  if (offset < start_ || offset > end()) return pos;
  const size_t at = static_cast<size_t>(offset - start_);
  int64_t line = lines_before_ + 1;
  int64_t last_newline = last_newline_before_;
  for (size_t i = 0; i < at; ++i) {
    if (data_[i] == '\n') {
      ++line;
      last_newline = start_ + static_cast<int64_t>(i);
    }
  }
  pos.line = line;
  pos.column = offset - last_newline;
  return pos;
}

bool FeedWindow::ends_with_feed_close() {
  while (read_more()) forget_before(end() - 64);  // only the tail matters now
  const size_t last = data_.find_last_not_of(" \t\r\n");
  return last != std::string::npos && last + 1 >= 7 && data_.compare(last + 1 - 7, 7, "</feed>") == 0;
}

}  // namespace blogshift
