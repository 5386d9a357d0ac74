// Builds small WARC files in memory for the WARC reader tests (written,
// then read back), and counts a sink's outcomes per record.
#pragma once

#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "collecting_sink.h"
#include "digest.h"

namespace blogshift::testing {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct WarcOptions {
  std::string version = "WARC/1.0";
  std::string eol = "\r\n";               // "\r\r\n" for the broken writers we tolerate
  bool content_length = true;
  long length_delta = 0;                   // added to the true Content-Length
  bool block_digest = false;               // adds a correct sha1 WARC-Block-Digest
};

inline std::string warc_record(const std::string& type, const std::string& uri, const std::string& block,
                               const Headers& extra = {}, const WarcOptions& options = {}) {
  const std::string& eol = options.eol;
  std::string out = options.version + eol;
  out += "WARC-Type: " + type + eol;
  out += "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000000>" + eol;
  out += "WARC-Date: 2023-07-01T12:00:00Z" + eol;
  if (!uri.empty()) out += "WARC-Target-URI: " + uri + eol;
  for (const auto& [name, value] : extra) out += name + ": " + value + eol;
  if (options.block_digest) out += "WARC-Block-Digest: sha1:" + base32(sha1_raw(block)) + eol;
  if (options.content_length)
    out += "Content-Length: " + std::to_string(static_cast<long>(block.size()) + options.length_delta) + eol;
  out += eol;
  out += block;
  out += "\r\n\r\n";
  return out;
}

inline std::string http_block(const std::string& status_line, const Headers& headers, const std::string& body) {
  std::string out = status_line + "\r\n";
  for (const auto& [name, value] : headers) out += name + ": " + value + "\r\n";
  return out + "\r\n" + body;
}

inline std::string http_ok(const std::string& content_type, const std::string& body) {
  return http_block("HTTP/1.1 200 OK",
                    {{"Content-Type", content_type}, {"Content-Length", std::to_string(body.size())}}, body);
}

// One gzip member (windowBits 16+15), or a zlib stream / bare deflate.
enum class Wrapper { Gzip, Zlib, Raw };
inline std::string compress(const std::string& data, Wrapper wrapper = Wrapper::Gzip) {
  z_stream z{};
  const int bits = wrapper == Wrapper::Gzip ? 16 + MAX_WBITS : wrapper == Wrapper::Zlib ? MAX_WBITS : -MAX_WBITS;
  if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, bits, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("deflateInit2");
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

inline std::string gzip_each(const std::vector<std::string>& records) {
  std::string out;
  for (const auto& r : records) out += compress(r);
  return out;
}

inline std::string concat(const std::vector<std::string>& records) {
  std::string out;
  for (const auto& r : records) out += r;
  return out;
}

inline std::string write_file(const std::filesystem::path& dir, const std::string& name, const std::string& bytes) {
  const auto path = dir / name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path.string();
}

// A record's outcome is a staged item/asset, a skip, or an error problem;
// warnings only stand beside an outcome (core/extract_sink.h).
inline bool is_outcome(const ProblemRecord& p) { return p.severity == Severity::Error; }

// Outcome kinds per record offset: "staged", "skipped", "problem". A record
// may give several staged items (a page and its comments) but only one kind.
inline std::map<int64_t, std::set<std::string>> outcomes_by_offset(const CollectingSink& sink) {
  std::map<int64_t, std::set<std::string>> by;
  for (const auto& i : sink.items) by[i.position.offset].insert("staged");
  for (const auto& a : sink.assets) by[a.position.offset].insert("staged");
  for (const auto& s : sink.skips) by[s.where.offset].insert("skipped");
  for (const auto& p : sink.problems)
    if (is_outcome(p)) by[p.position.offset].insert("problem");
  return by;
}

// How many units got an outcome; fails the test when one got two kinds.
inline size_t count_units(const CollectingSink& sink) {
  const auto by = outcomes_by_offset(sink);
  for (const auto& [offset, kinds] : by)
    EXPECT_EQ(kinds.size(), 1u) << "record at offset " << offset << " has more than one kind of outcome";
  return by.size();
}

inline size_t count_skips_with(const CollectingSink& sink, const std::string& why_part) {
  size_t n = 0;
  for (const auto& s : sink.skips)
    if (s.why.find(why_part) != std::string::npos) ++n;
  return n;
}

inline const ProblemRecord* find_problem(const CollectingSink& sink, const std::string& code) {
  for (const auto& p : sink.problems)
    if (p.code == code) return &p;
  return nullptr;
}

}  // namespace blogshift::testing
