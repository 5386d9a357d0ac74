#include "warc_record_reader.h"

#include <algorithm>
#include <cctype>

#include "text.h"

namespace blogshift {

namespace {

constexpr size_t kMaxLine = 64 * 1024;
constexpr size_t kMaxHeaderBytes = 1024 * 1024;
constexpr size_t kMaxStray = 1024;  // stray bytes after a record that are only a warning

// WARC headers are trimmed of spaces, tabs and line ends (not \f or \v), into a string.
std::string trimmed(std::string_view s) { return std::string(trim(s, kHeaderSpace)); }

// Printable sample of unexpected bytes for a message.
std::string sample(std::string_view bytes) {
  std::string out;
  for (char c : bytes) {
    if (c == '\r' || c == '\n') break;
    out += std::isprint(static_cast<unsigned char>(c)) ? c : '?';
  }
  return out;
}

std::optional<int64_t> parse_length(std::string_view text) {
  std::string t = trimmed(text);
  if (t.empty() || t.size() > 18) return std::nullopt;
  int64_t value = 0;
  for (char c : t) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

const std::string* WarcRecord::header(std::string_view name) const { return find_header(headers, name); }

WarcRecordReader::WarcRecordReader(const std::string& path, size_t max_block_size)
    : stream_(path), max_block_(max_block_size) {}

bool WarcRecordReader::next(WarcRead& out) {
  out = WarcRead{};
  if (done_) return false;
  if (read_unit(out)) return true;
  done_ = true;
  return false;
}

int64_t WarcRecordReader::position_of(int64_t decoded) const {
  const WarcByteStream::Segment* seg = stream_.segment_at(decoded);
  if (!seg) return decoded;
  if (!seg->gzip) return seg->file_start + (decoded - seg->decoded_start);
  return decoded == seg->decoded_start ? seg->file_start : decoded;
}

void WarcRecordReader::skip_separators() {
  for (;;) {
    std::string_view next = stream_.peek(1);
    if (next.empty() || (next[0] != '\r' && next[0] != '\n')) return;
    stream_.get();
  }
}

bool WarcRecordReader::at_version_line() { return stream_.peek(7) == "WARC/1."; }

int64_t WarcRecordReader::resync(bool at_line_start, std::string* skipped) {
  const int64_t from = stream_.offset();
  bool line_start = at_line_start;
  for (;;) {
    if (line_start && at_version_line()) break;
    int c = stream_.get();
    if (c < 0) break;
    if (skipped && skipped->size() <= kMaxStray) *skipped += static_cast<char>(c);
    line_start = c == '\n';
  }
  return stream_.offset() - from;
}

bool WarcRecordReader::read_line(std::string& line, LineStatus& status) {
  line.clear();
  for (;;) {
    int c = stream_.get();
    if (c < 0) {
      status = LineStatus::End;
      return false;
    }
    if (c == '\n') break;
    if (line.size() >= kMaxLine) {
      status = LineStatus::TooLong;
      return false;
    }
    line += static_cast<char>(c);
  }
  while (!line.empty() && line.back() == '\r') line.pop_back();
  status = LineStatus::Ok;
  return true;
}

WarcIssue WarcRecordReader::truncation(int64_t offset, const std::string& what) {
  WarcIssue issue{offset, Severity::Error, "WARC_TRUNCATED_RECORD", what};
  switch (stream_.end_state()) {
    case WarcByteStream::End::TruncatedGzip:
      issue.code = "WARC_TRUNCATED_GZIP";
      break;
    case WarcByteStream::End::CorruptGzip:
      issue.code = "WARC_GZIP_CORRUPT";
      break;
    case WarcByteStream::End::ReadError:
      issue.code = "WARC_READ_ERROR";
      break;
    default:
      issue.message += " (the file ends first)";
      return issue;
  }
  issue.message += ": " + stream_.end_message() + " at compressed offset " + std::to_string(stream_.end_file_offset());
  end_reported_ = true;
  return issue;
}

void WarcRecordReader::check_alignment(int64_t start, int64_t end, int64_t offset, WarcRead& out) {
  if (!stream_.gzipped() || misaligned_reported_) return;
  const WarcByteStream::Segment* seg = stream_.segment_at(start);
  std::string why;
  if (seg && !seg->gzip) {
    why = "this record is not gzipped although the file is";
  } else if (seg && seg->decoded_start != start) {
    why = "this record starts inside the gzip member at compressed offset " + std::to_string(seg->file_start) +
          " (the file is not gzipped one member per record; offsets of such records are in the decompressed stream)";
  } else if (stream_.member_starts_between(start, end)) {
    why = "a new gzip member starts inside this record";
  } else {
    return;
  }
  misaligned_reported_ = true;
  out.notes.push_back({offset, Severity::Warning, "WARC_GZIP_MISALIGNED",
                       "gzip members do not match record boundaries: " + why +
                           "; read anyway, but tools that seek to records by offset will fail on this file"});
}

bool WarcRecordReader::read_unit(WarcRead& out) {
  skip_separators();
  const int64_t start = stream_.offset();
  stream_.forget_before(start);
  const std::string_view head = stream_.peek(WarcByteStream::kMaxPeek);
  const int64_t offset = position_of(start);

  if (head.empty()) {
    // The end. Damage in the gzip layer that no record has reported yet.
    if (end_reported_) return false;
    end_reported_ = true;
    const auto end = stream_.end_state();
    const std::string where = " at compressed offset " + std::to_string(stream_.end_file_offset());
    if (end == WarcByteStream::End::TruncatedGzip) {
      out.notes.push_back({stream_.end_file_offset(), Severity::Warning, "WARC_TRUNCATED_GZIP",
                           stream_.end_message() + where + " (after the last whole record)"});
    } else if (end == WarcByteStream::End::CorruptGzip || end == WarcByteStream::End::ReadError) {
      out.damage = WarcIssue{stream_.end_file_offset(), Severity::Error,
                             end == WarcByteStream::End::ReadError ? "WARC_READ_ERROR" : "WARC_GZIP_CORRUPT",
                             stream_.end_message() + where + "; nothing after it could be read"};
      return true;
    }
    return false;
  }

  const bool after_record = after_record_;
  after_record_ = false;
  // Skips to the next record and reports what was skipped as this unit.
  auto malformed = [&](const std::string& what, std::optional<bool> at_line_start) {
    if (at_line_start) resync(*at_line_start, nullptr);
    std::string message = what + "; skipped " + std::to_string(stream_.offset() - start) + " bytes";
    message += stream_.peek(1).empty() ? " to the end of the file" : " to the next record";
    if (stream_.peek(1).empty() && stream_.end_state() != WarcByteStream::End::Clean &&
        stream_.end_state() != WarcByteStream::End::None && !end_reported_) {
      // Damaged gzip data is the likely cause: name it.
      out.damage = truncation(offset, message);
      return true;
    }
    out.damage = WarcIssue{offset, Severity::Error, "WARC_MALFORMED", message};
    return true;
  };

  if (head.substr(0, 7) != "WARC/1.") {
    const std::string found = sample(head);
    std::string skipped;
    resync(false, &skipped);
    // A few stray bytes right after a whole record (its Content-Length was
    // short, or a writer added padding) lose nothing: a warning, not a unit.
    if (after_record && skipped.size() <= kMaxStray && skipped.find("WARC") == std::string::npos) {
      out.notes.push_back({offset, Severity::Warning, "WARC_MALFORMED",
                           std::to_string(skipped.size()) + " stray bytes between records (\"" +
                               found + "\"); the Content-Length of the record before may be short"});
      return read_unit(out);
    }
    return malformed("not a WARC record (expected a WARC/1.0 or WARC/1.1 line, found \"" + found + "\")", std::nullopt);
  }

  WarcRecord record;
  record.offset = offset;
  std::string line;
  LineStatus status{};
  if (!read_line(line, status)) {
    if (status == LineStatus::TooLong) return malformed("overlong version line", false);
    out.damage = truncation(offset, "record cut short in its version line");
    return true;
  }
  if (line != "WARC/1.0" && line != "WARC/1.1")
    return malformed("unsupported WARC version line \"" + sample(line) + "\"", true);
  record.version = line;

  size_t header_bytes = 0;
  for (;;) {
    if (!read_line(line, status)) {
      if (status == LineStatus::TooLong) return malformed("header line longer than 64 KiB", false);
      out.damage = truncation(offset, "record cut short in its headers");
      return true;
    }
    if (line.empty()) break;
    header_bytes += line.size();
    if (header_bytes > kMaxHeaderBytes) return malformed("record headers larger than 1 MiB", true);
    if ((line[0] == ' ' || line[0] == '\t') && !record.headers.empty()) {
      record.headers.back().second += " " + trimmed(line);  // folded continuation line
      continue;
    }
    const size_t colon = line.find(':');
    if (colon == std::string::npos || colon == 0)
      return malformed("header line without a name and colon: \"" + sample(line) + "\"", true);
    record.headers.emplace_back(trimmed(std::string_view(line).substr(0, colon)),
                                trimmed(std::string_view(line).substr(colon + 1)));
  }

  const std::string* length_text = record.header("Content-Length");
  const std::optional<int64_t> length = length_text ? parse_length(*length_text) : std::nullopt;
  if (!length) return malformed(length_text ? "bad Content-Length \"" + sample(*length_text) + "\"" : "no Content-Length", true);

  const size_t want = static_cast<size_t>(*length);
  if (want > max_block_) {
    const size_t got = stream_.read(want, nullptr);
    if (got < want) {
      out.damage = truncation(offset, "record of " + std::to_string(want) + " bytes (over the limit) cut short");
    } else {
      out.damage = WarcIssue{offset, Severity::Error, "WARC_RECORD_TOO_LARGE",
                             "record block of " + std::to_string(want) + " bytes is larger than the limit of " +
                                 std::to_string(max_block_) + " bytes; skipped"};
    }
    return true;
  }

  record.block.reserve(std::min<size_t>(want, size_t{1} << 20));
  const size_t got = stream_.read(want, &record.block);
  if (got < want) {
    out.damage = truncation(offset, "record shorter than its Content-Length (" + std::to_string(got) + " of " +
                                        std::to_string(want) + " bytes)");
    return true;
  }
  check_alignment(start, stream_.offset(), offset, out);
  after_record_ = true;

  if (const std::string* type = record.header("WARC-Type")) record.type = ascii_lower(*type);
  if (const std::string* uri = record.header("WARC-Target-URI")) {
    record.target_uri = trimmed(*uri);
    if (record.target_uri.size() >= 2 && record.target_uri.front() == '<' && record.target_uri.back() == '>')
      record.target_uri = trimmed(std::string_view(record.target_uri).substr(1, record.target_uri.size() - 2));
  }
  out.record = std::move(record);
  return true;
}

}  // namespace blogshift
