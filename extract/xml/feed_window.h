// The decompressed bytes of an export, held from some offset onwards, so the
// parser can go back after a fatal XML error: to the first entry it had not
// yet delivered, and to each entry start after it. Entry starts are found by
// scanning for "<entry" followed by white space or '>' (Blogger's content is
// escaped text, so the tag cannot appear inside an entry).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "input_file.h"
#include "records.h"

namespace blogshift {

class FeedWindow {
public:
  // Reads the file at `path` (gzipped or not) as it is needed.
  explicit FeedWindow(const std::string& path) : file_(std::make_unique<InputFile>(path)), name_(path) {}
  // Holds `bytes` already in memory (a feed crawled into a WARC record);
  // `name` stands for the file in positions.
  FeedWindow(std::string bytes, std::string name) : name_(std::move(name)), data_(std::move(bytes)), eof_(true) {}

  // Bytes [offset, offset + size) as far as the file has them (reads on demand).
  std::string_view bytes(int64_t offset, size_t size);
  // Offset of the first entry start at or after `from`; -1 when there is none.
  int64_t next_entry_start(int64_t from);
  // Offset of `needle` at or after `from`; -1 when the file has none.
  int64_t find(std::string_view needle, int64_t from);
  // Drops bytes before `offset` (no later call may ask for them).
  void forget_before(int64_t offset);

  // Line and column (1-based) of an offset still held.
  SourcePosition position(int64_t offset) const;

  bool at_end() const { return eof_; }
  int64_t end() const { return start_ + static_cast<int64_t>(data_.size()); }
  // Whether the file, read to its end, closes the feed.
  bool ends_with_feed_close();
  const std::string& read_error() const { return read_error_; }
  const std::string& path() const { return name_; }

private:
  bool read_more();

  std::unique_ptr<InputFile> file_;  // null for bytes held in memory
  std::string name_;
  std::string data_;       // file bytes [start_, end())
  int64_t start_ = 0;
  int64_t lines_before_ = 0;         // newlines in [0, start_)
  int64_t last_newline_before_ = -1; // offset of the last newline before start_
  bool eof_ = false;
  std::string read_error_;
};

}  // namespace blogshift
