// Shared by the WARC tests: staging sources into a fresh database, reading a
// WARC file's records back with extract's reader, and editing one gzip member
// of a file (to damage one record on purpose).
#pragma once

#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "extractor.h"
#include "sources_warc_writer.h"
#include "temp_file.h"
#include "test_paths.h"
#include "warc/warc_record_reader.h"

namespace blogshift::testing {

// A staging database in a temporary folder, with sources extracted into it.
struct StagedSources {
  std::filesystem::path dir;
  std::unique_ptr<StagingStore> store;

  explicit StagedSources(const std::string& name) : dir(temp_dir(name)) {
    store = std::make_unique<StagingStore>((dir / "staging.db").string());
  }
  ~StagedSources() {
    store.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
  void extract(const std::string& path) {
    Extractor extractor(*store, nullptr);
    const SourceReport report = extractor.extract(path);
    ASSERT_FALSE(report.unreadable) << path;
  }
  // The three sources of the bundled sample blog.
  void extract_sample_blog() {
    for (const char* source : {"feed.atom", "mirror", "sample-blog.warc.gz"}) extract(fixture("sample-blog/") + source);
  }
  Database& db() { return store->db(); }
  std::string warc() const { return (dir / "out" / "sources.warc.gz").string(); }
  std::string cdxj() const { return (dir / "out" / "sources.cdxj").string(); }
  WarcReport write(const WarcOptions& options = {}) { return write_sources_warc(db(), warc(), cdxj(), options); }
  std::string one(const std::string& sql) {
    auto s = db().prepare(sql);
    return s.step() ? s.column_text(0) : "<none>";
  }
};

// Every whole record of a WARC file, in order (damage is a test failure).
inline std::vector<WarcRecord> read_records(const std::string& path) {
  std::vector<WarcRecord> out;
  WarcRecordReader reader(path);
  WarcRead read;
  while (reader.next(read)) {
    EXPECT_FALSE(read.damage) << path << ": " << (read.damage ? read.damage->message : "");
    if (read.record) out.push_back(std::move(*read.record));
  }
  return out;
}

// Every gzip member of `data`, decompressed and concatenated.
inline std::string gunzip(const std::string& data) {
  z_stream z{};
  inflateInit2(&z, 15 + 16);
  std::string out;
  char buffer[1 << 15];
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  while (z.avail_in > 0) {
    z.next_out = reinterpret_cast<Bytef*>(buffer);
    z.avail_out = sizeof buffer;
    const int status = inflate(&z, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - z.avail_out);
    if (status == Z_STREAM_END) inflateReset(&z);
    else if (status != Z_OK) break;
  }
  inflateEnd(&z);
  return out;
}

inline std::string gzip(const std::string& data) {
  z_stream z{};
  deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

// Offsets of the records of a WARC file (their gzip members), in order.
inline std::vector<int64_t> record_offsets(const std::string& path) {
  std::vector<int64_t> out;
  for (const auto& record : read_records(path)) out.push_back(record.offset);
  return out;
}

// Replaces the decompressed bytes of the gzip member at `offset` (up to the
// next record's offset, or the end) with edit(bytes), recompressed.
template <typename Edit>
void edit_member(const std::string& path, int64_t offset, Edit edit) {
  std::string file = read_file(path);
  const std::vector<int64_t> offsets = record_offsets(path);
  int64_t end = static_cast<int64_t>(file.size());
  for (int64_t o : offsets)
    if (o > offset) {
      end = o;
      break;
    }
  std::string bytes = gunzip(file.substr(static_cast<size_t>(offset), static_cast<size_t>(end - offset)));
  edit(bytes);
  file.replace(static_cast<size_t>(offset), static_cast<size_t>(end - offset), gzip(bytes));
  write_file(path, file);
}

}  // namespace blogshift::testing
