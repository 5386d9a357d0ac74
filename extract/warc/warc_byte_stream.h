// The decoded bytes of a WARC file, plain or gzipped, read through zlib's
// inflate one gzip member at a time so that the compressed offset where each
// member starts is known (a record's position in a member-per-record file).
//
// Decoded offsets count bytes as the record reader sees them. Each "segment"
// maps a decoded offset back to the file: a gzip member (its compressed start)
// or a stretch of plain bytes (a plain file, or plain bytes after the last
// gzip member, which are passed through unchanged so that the record reader
// can report them).
//
// Damage never throws: the stream just ends, and end_state() says why.
// Memory: two fixed buffers, plus the list of segments not yet forgotten.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace blogshift {

class WarcByteStream {
public:
  enum class End { None, Clean, TruncatedGzip, CorruptGzip, ReadError };

  struct Segment {
    int64_t decoded_start = 0;
    int64_t file_start = 0;  // compressed offset of the gzip member, or file offset of plain bytes
    bool gzip = false;
  };

  // Throws FatalError naming the file when it cannot be opened.
  explicit WarcByteStream(const std::string& path);
  ~WarcByteStream();
  WarcByteStream(const WarcByteStream&) = delete;
  WarcByteStream& operator=(const WarcByteStream&) = delete;

  // Whether the file starts with a gzip member.
  bool gzipped() const { return gzipped_; }

  // Up to `n` bytes at the current position without consuming them; fewer
  // only at the end of the stream. `n` must be at most kMaxPeek.
  std::string_view peek(size_t n);
  // Consumes one byte; -1 at the end.
  int get();
  // Consumes up to `n` bytes, appending them to `out` (when not null);
  // returns how many were consumed (fewer only at the end).
  size_t read(size_t n, std::string* out);

  // Decoded offset of the next byte to be consumed.
  int64_t offset() const { return consumed_; }

  // Why the stream ended (None while it has not), and a message for damage.
  End end_state() const { return end_; }
  const std::string& end_message() const { return end_message_; }
  // Compressed offset where the damage was found.
  int64_t end_file_offset() const { return end_file_offset_; }

  // The segment holding decoded offset `at` (the last one starting at or
  // before it); nullptr when none is known.
  const Segment* segment_at(int64_t at) const;
  // Whether a gzip member starts strictly between `from` and `to`.
  bool member_starts_between(int64_t from, int64_t to) const;
  // Drops segments that end before `at` (keeps the one holding it).
  void forget_before(int64_t at);

  static constexpr size_t kMaxPeek = 64;

private:
  enum class State { AtMemberStart, InMember, Plain, Done };

  bool fill();            // makes at least one more decoded byte available; false at the end
  bool fill_input(size_t want);  // tries to have `want` compressed bytes in the input buffer
  int64_t input_file_offset() const;  // file offset of z_.next_in
  void finish(End end, std::string message);

  std::unique_ptr<FILE, int (*)(FILE*)> file_;
  z_stream z_{};
  bool z_ready_ = false;
  bool gzipped_ = false;
  bool file_eof_ = false;
  State state_ = State::AtMemberStart;
  End end_ = End::None;
  std::string end_message_;
  int64_t end_file_offset_ = -1;

  std::vector<unsigned char> in_;   // compressed input
  int64_t in_file_start_ = 0;       // file offset of in_[0]
  std::vector<char> out_;           // decoded output
  size_t out_begin_ = 0;            // next unread byte in out_
  size_t out_end_ = 0;              // end of decoded bytes in out_
  int64_t consumed_ = 0;            // decoded bytes handed out
  int64_t produced_ = 0;            // decoded bytes written to out_ so far
  std::vector<Segment> segments_;
};

}  // namespace blogshift
