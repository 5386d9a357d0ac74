// Iterates the records of a WARC/1.0 or WARC/1.1 file: plain, gzipped one
// member per record, or gzipped as one whole-file member.
//
// Each call of next() yields one unit: a record, or a stretch of damage
// (a truncated record, unreadable bytes) that the caller reports as the
// unit's outcome. Warnings about the file (gzip members not aligned with
// records, a gzip member without its trailer) come as notes beside it.
//
// Offsets (WarcRecord::offset, WarcIssue::offset): when a record starts at a
// gzip member, the compressed offset of that member (what CDX indexes and
// `warcio extract` use); in a plain file or plain stretch, the file offset;
// when it starts inside a member (whole-file gzip, misaligned members), its
// offset in the decompressed stream.
//
// Bounds: a header line of 64 KiB, 1 MiB of headers, a block of
// max_block_size bytes (512 MiB by default); a larger block is skipped and
// reported. Memory is bounded by the largest record read, not the file.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "records.h"
#include "warc_byte_stream.h"

namespace blogshift {

struct WarcRecord {
  std::string version;     // "WARC/1.0" or "WARC/1.1"
  std::string type;        // WARC-Type, lower case; empty when missing
  std::string target_uri;  // WARC-Target-URI without the <...> wget puts around it
  std::vector<std::pair<std::string, std::string>> headers;  // as written, in order
  std::string block;
  int64_t offset = -1;

  // The first header of that name (case-insensitive), or nullptr.
  const std::string* header(std::string_view name) const;
};

struct WarcIssue {
  int64_t offset = -1;
  Severity severity = Severity::Error;
  std::string code;
  std::string message;
};

struct WarcRead {
  std::optional<WarcRecord> record;    // a whole record, or
  std::optional<WarcIssue> damage;     // the error that ends this unit
  std::vector<WarcIssue> notes;        // warnings beside either (not outcomes)
};

class WarcRecordReader {
public:
  static constexpr size_t kDefaultMaxBlock = size_t{512} << 20;

  // Throws FatalError when the file cannot be opened.
  explicit WarcRecordReader(const std::string& path, size_t max_block_size = kDefaultMaxBlock);

  // The next unit; false at the end (`out` may then still carry notes).
  bool next(WarcRead& out);

  bool gzipped() const { return stream_.gzipped(); }

private:
  enum class LineStatus { Ok, End, TooLong };

  bool read_unit(WarcRead& out);
  bool read_line(std::string& line, LineStatus& status);
  void skip_separators();
  bool at_version_line();
  // Skips to the next "WARC/1." line start, keeping the first bytes skipped
  // in `skipped` (when not null); returns how many were skipped.
  int64_t resync(bool at_line_start, std::string* skipped);
  int64_t position_of(int64_t decoded) const;
  WarcIssue truncation(int64_t offset, const std::string& what);
  void check_alignment(int64_t start, int64_t end, int64_t offset, WarcRead& out);

  WarcByteStream stream_;
  size_t max_block_;
  bool done_ = false;
  bool misaligned_reported_ = false;
  bool after_record_ = false;  // the last unit was a whole record
  bool end_reported_ = false;  // gzip-layer damage already named in a problem
};

}  // namespace blogshift
