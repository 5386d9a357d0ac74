#include "warc_verifier.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <vector>

#include "cdxj_writer.h"
#include "text.h"
#include "warc/warc_byte_stream.h"
#include "warc/warc_digest.h"
#include "warc/warc_record_reader.h"
#include "warc/warc_writer.h"

namespace blogshift {

namespace fs = std::filesystem;

namespace {

// What the checks need of one record, once its block is gone.
struct Checked {
  WarcWrittenRecord index;  // as the index should describe it (offset: where the reader found it)
  int64_t size = 0;         // head + block + CRLF CRLF, as the writer lays it out
  int64_t block_end = 0;    // decoded offset where its block ends (filled by the framing pass)
  std::string error;        // the first thing wrong with it
};

std::string name_of(const WarcWrittenRecord& record) {
  return (record.target_uri.empty() ? record.type.empty() ? std::string("record") : record.type : record.target_uri) +
         "@" + std::to_string(record.offset);
}

// The fields of a flat JSON object of strings (what a CDXJ line holds), or
// nothing when it is not one.
std::optional<std::map<std::string, std::string>> parse_flat_json(std::string_view text) {
  std::map<std::string, std::string> out;
  size_t i = 0;
  auto skip_space = [&] {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  };
  auto string = [&]() -> std::optional<std::string> {
    if (i >= text.size() || text[i] != '"') return std::nullopt;
    std::string value;
    for (++i; i < text.size(); ++i) {
      char c = text[i];
      if (c == '"') {
        ++i;
        return value;
      }
      if (c != '\\') {
        value += c;
        continue;
      }
      if (++i >= text.size()) return std::nullopt;
      switch (text[i]) {
        case 'b': value += '\b'; break;
        case 'f': value += '\f'; break;
        case 'n': value += '\n'; break;
        case 'r': value += '\r'; break;
        case 't': value += '\t'; break;
        case 'u': {
          if (i + 4 >= text.size()) return std::nullopt;
          unsigned code = 0;
          for (char h : text.substr(i + 1, 4)) {
            if (!std::isxdigit(static_cast<unsigned char>(h))) return std::nullopt;
            code = code * 16 + static_cast<unsigned>(std::isdigit(static_cast<unsigned char>(h)) ? h - '0' : (h | 0x20) - 'a' + 10);
          }
          i += 4;
          if (code < 0x80) {
            value += static_cast<char>(code);
          } else if (code < 0x800) {
            value += static_cast<char>(0xc0 | (code >> 6));
            value += static_cast<char>(0x80 | (code & 0x3f));
          } else {
            value += static_cast<char>(0xe0 | (code >> 12));
            value += static_cast<char>(0x80 | ((code >> 6) & 0x3f));
            value += static_cast<char>(0x80 | (code & 0x3f));
          }
          break;
        }
        default: value += text[i];
      }
    }
    return std::nullopt;
  };
  skip_space();
  if (i >= text.size() || text[i++] != '{') return std::nullopt;
  skip_space();
  if (i < text.size() && text[i] == '}') return out;
  for (;;) {
    skip_space();
    auto key = string();
    skip_space();
    if (!key || i >= text.size() || text[i++] != ':') return std::nullopt;
    skip_space();
    auto value = string();
    if (!value) return std::nullopt;
    out[*key] = *value;
    skip_space();
    if (i < text.size() && text[i] == ',') {
      ++i;
      continue;
    }
    if (i < text.size() && text[i] == '}') return out;
    return std::nullopt;
  }
}

class Verifier {
public:
  Verifier(const std::string& warc_path, const std::string& cdxj_path) : warc_(warc_path), cdxj_(cdxj_path) {
    result_.output = warc_path;
  }

  VerifyResult run() {
    try {
      read_records();
      check_framing();
      result_.ok = report_records() && check_index();
    } catch (const std::exception& e) {
      fail(warc_, e.what());
    }
    return result_;
  }

private:
  // Records the failure; returns false, for `return fail(...)` in the checks.
  bool fail(const std::string& entry, const std::string& message) {
    result_.ok = false;
    result_.first_bad_entry = entry;
    result_.message = message;
    return false;
  }

  void blame(Checked& record, const std::string& message) {
    if (record.error.empty()) record.error = message;
  }

  // Pass 1: the records as the reader sees them, and their digests.
  void read_records() {
    WarcRecordReader reader(warc_);
    WarcRead read;
    for (;;) {
      const bool more = reader.next(read);
      for (const WarcIssue& note : read.notes) {
        // A note is about the bytes at its offset: blame the record they follow.
        Checked* holder = nullptr;
        for (auto& r : records_)
          if (r.index.offset <= note.offset) holder = &r;
        const std::string text = note.message + " [" + note.code + "]";
        if (holder) blame(*holder, text);
        else pending_note_ = text;
      }
      if (!more) break;
      if (read.damage) {
        Checked damaged;
        damaged.index.offset = read.damage->offset;
        damaged.error = read.damage->message + " [" + read.damage->code + "]";
        records_.push_back(std::move(damaged));
        return;  // the framing of what follows cannot be trusted
      }
      check_record(*read.record);
      if (!pending_note_.empty()) {
        blame(records_.back(), pending_note_);
        pending_note_.clear();
      }
    }
    if (!pending_note_.empty() && records_.empty()) {
      Checked nothing;
      nothing.error = pending_note_;
      records_.push_back(std::move(nothing));
    }
  }

  void check_record(const WarcRecord& record) {
    Checked checked;
    WarcWrittenRecord& index = checked.index;
    index.offset = record.offset;
    index.type = record.type;
    index.target_uri = record.target_uri;
    auto value = [&](const char* name) {
      const std::string* v = record.header(name);
      return v ? *v : std::string();
    };
    index.record_id = value("WARC-Record-ID");
    index.date = value("WARC-Date");
    index.content_type = value("Content-Type");
    index.block_digest = value("WARC-Block-Digest");
    index.payload_digest = value("WARC-Payload-Digest");
    index.block_length = static_cast<int64_t>(record.block.size());
    read_http_index_fields(index, record.block);
    checked.size = static_cast<int64_t>(warc_head_bytes(record.headers).size() + record.block.size() + 4);

    if (record.version != "WARC/1.1") blame(checked, "version line is " + record.version + ", not WARC/1.1");
    if (records_.empty() && record.type != "warcinfo") blame(checked, "the first record is not a warcinfo record");
    if (record.type.empty()) blame(checked, "no WARC-Type");
    if (index.date.empty()) blame(checked, "no WARC-Date");
    if (index.record_id.empty()) blame(checked, "no WARC-Record-ID");
    else if (!ids_.insert(index.record_id).second) blame(checked, "WARC-Record-ID " + index.record_id + " is not unique");

    std::string detail;
    if (index.block_digest.empty()) {
      blame(checked, "no WARC-Block-Digest");
    } else {
      const DigestCheck check = check_warc_digest(index.block_digest, record.block, &detail);
      if (check == DigestCheck::Mismatch) blame(checked, "block digest does not match: " + detail);
      if (check == DigestCheck::Unchecked) blame(checked, "block digest " + index.block_digest + " cannot be checked");
    }
    if (record.type != "revisit") {
      const auto payload = warc_payload(record.type, index.content_type, record.block);
      if (payload && index.payload_digest.empty()) {
        blame(checked, "no WARC-Payload-Digest");
      } else if (!payload && !index.payload_digest.empty()) {
        blame(checked, "a WARC-Payload-Digest on a record without a payload");
      } else if (payload) {
        const DigestCheck check = check_warc_digest(index.payload_digest, *payload, &detail);
        if (check == DigestCheck::Mismatch) blame(checked, "payload digest does not match: " + detail);
        if (check == DigestCheck::Unchecked) blame(checked, "payload digest " + index.payload_digest + " cannot be checked");
      }
    }
    records_.push_back(std::move(checked));
  }

  // Pass 2: the decoded bytes walked along the layout the records claim:
  // each one alone in its gzip member, ending in CRLF CRLF, nothing after.
  void check_framing() {
    WarcByteStream stream(warc_);
    const bool gzip = stream.gzipped();
    const int64_t file_size = static_cast<int64_t>(fs::file_size(warc_));
    int64_t at = 0;  // decoded offset of the record's start
    std::string tail;
    for (size_t i = 0; i < records_.size(); ++i) {
      Checked& record = records_[i];
      if (record.size == 0) return;  // damage, reported in order
      const int64_t block_end = at + record.size - 4;
      stream.read(static_cast<size_t>(block_end - stream.offset()), nullptr);
      tail.clear();
      stream.read(4, &tail);
      if (tail != "\r\n\r\n") blame(record, "the block is not followed by CRLF CRLF (Content-Length or framing is wrong)");
      if (gzip) {
        const WarcByteStream::Segment* first = stream.segment_at(at);
        const WarcByteStream::Segment* last = stream.segment_at(at + record.size - 1);
        if (!first || !first->gzip || first->decoded_start != at || first != last) {
          blame(record, "the record is not alone in one gzip member");
        } else if (first->file_start != record.index.offset) {
          blame(record, "its gzip member starts at " + std::to_string(first->file_start));
        }
      } else if (at != record.index.offset) {
        blame(record, "does not start where the record before it ends");
      }
      at += record.size;
    }
    // A record's member runs to the next record's (each was checked to start its own).
    for (size_t i = 0; i < records_.size(); ++i) {
      const int64_t end = i + 1 < records_.size() && records_[i + 1].size > 0 ? records_[i + 1].index.offset : file_size;
      records_[i].index.length = gzip ? end - records_[i].index.offset : records_[i].size;
    }
    if (!stream.peek(1).empty() && !records_.empty())
      blame(records_.back(), "bytes follow the last record");
    const auto end = stream.end_state();
    if (end != WarcByteStream::End::Clean && end != WarcByteStream::End::None && !records_.empty())
      blame(records_.back(), stream.end_message());
  }

  // The URL the index gives for a record at `offset` ("" when none): names a
  // record too damaged to read its own header.
  std::string indexed_url(int64_t offset) const {
    std::ifstream in(cdxj_, std::ios::binary);
    std::string line;
    while (std::getline(in, line)) {
      const size_t brace = line.find(" {");
      if (brace == std::string::npos) continue;
      auto fields = parse_flat_json(std::string_view(line).substr(brace + 1));
      if (fields && (*fields)["offset"] == std::to_string(offset)) return (*fields)["url"];
    }
    return {};
  }

  bool report_records() {
    for (const Checked& record : records_) {
      if (!record.error.empty() && record.size == 0 && record.index.target_uri.empty()) {
        const std::string url = indexed_url(record.index.offset);
        if (!url.empty()) return fail(url + "@" + std::to_string(record.index.offset), record.error);
      }
      if (!record.error.empty()) return fail(name_of(record.index), record.error);
      ++result_.entries_checked;
    }
    if (records_.empty()) return fail(warc_, "holds no record");
    return true;
  }

  // Every line is checked; what is reported is the problem of the record
  // that comes first in the file (a shifted offset makes the lines of every
  // later record point nowhere, which is not where the damage is).
  bool check_index() {
    std::ifstream in(cdxj_, std::ios::binary);
    if (!in) return fail(cdxj_, "the CDXJ index cannot be read");
    std::map<int64_t, const Checked*> at_offset;
    for (const Checked& record : records_) at_offset[record.index.offset] = &record;
    const std::string filename = fs::path(warc_).filename().string();

    struct Problem {
      int64_t offset;
      std::string entry, message;
    };
    std::optional<Problem> first;
    auto problem = [&](int64_t offset, const std::string& entry, const std::string& message) {
      if (!first || offset < first->offset) first = Problem{offset, entry, message};
    };
    std::set<int64_t> indexed;
    std::string line, previous;
    int64_t number = 0;
    while (std::getline(in, line)) {
      ++number;
      const std::string where = "CDXJ line " + std::to_string(number) + ": ";
      const size_t brace = line.find(" {");
      auto fields = brace == std::string::npos ? std::nullopt : parse_flat_json(std::string_view(line).substr(brace + 1));
      if (!fields || !fields->count("offset") || !all_ascii_digits((*fields)["offset"]) ||
          (*fields)["offset"].size() > 18) {
        problem(-1, cdxj_ + ":" + std::to_string(number), where + "not a CDXJ line with an offset");
        continue;
      }
      const std::string url = (*fields)["url"];
      const int64_t offset = std::stoll((*fields)["offset"]);
      const auto found = at_offset.find(offset);
      if (found == at_offset.end()) {
        problem(offset, url + "@" + std::to_string(offset), where + "no record starts at offset " + std::to_string(offset));
        continue;
      }
      const WarcWrittenRecord& record = found->second->index;
      const std::string name = name_of(record);
      const std::string digest = record.payload_digest.substr(record.payload_digest.find(':') + 1);
      const auto expected = cdxj_line(record, filename);
      if (url != record.target_uri)
        problem(offset, name, where + "URL " + url + " is not the record's WARC-Target-URI " + record.target_uri);
      else if ((*fields)["digest"] != digest)
        problem(offset, name, where + "digest " + (*fields)["digest"] + " is not the record's payload digest " + digest);
      else if (!expected)
        problem(offset, name, where + "indexes a " + record.type + " record, which the index leaves out");
      else if (line != *expected)
        problem(offset, name, where + "is \"" + line + "\", expected \"" + *expected + "\"");
      else if (!indexed.insert(offset).second)
        problem(offset, name, where + "indexes the record a second time");
      else if (number > 1 && line < previous)
        problem(offset, name, where + "is out of order (the index must be sorted)");
      previous = line;
    }
    for (const Checked& record : records_)
      if (cdxj_line(record.index, filename) && !indexed.count(record.index.offset))
        problem(record.index.offset, name_of(record.index), "the record is missing from the CDXJ index");
    return first ? fail(first->entry, first->message) : true;
  }

  std::string warc_;
  std::string cdxj_;
  VerifyResult result_;
  std::vector<Checked> records_;
  std::set<std::string> ids_;
  std::string pending_note_;
};

}  // namespace

VerifyResult verify_warc(const std::string& warc_path, const std::string& cdxj_path) {
  return Verifier(warc_path, cdxj_path).run();
}

}  // namespace blogshift
