// The WARC/1.1 file of a migration's original material, with its CDXJ index,
// written from the staging database's `sources` table.
//
// Layout of the file: blogshift's own `warcinfo` record first (software,
// format, and each source it holds with its kind, SHA-256, size and record
// count; sources left out are named with the reason), then the sources in
// order of their path, each as source_records.h describes: a crawl's WARC
// records copied (HTTP blocks byte for byte), a mirror's files and the
// exports and saved pages as `resource` records.
//
// Before a source is read its SHA-256 is computed again (for a mirror, over
// the same file list extract digested): a source that changed since it was
// staged, or cannot be read, is left out with a WARC_SOURCE_CHANGED or
// WARC_SOURCE_UNREADABLE problem (error), and one with the same SHA-256 as a
// source already written with WARC_SOURCE_DUPLICATE (info).
//
// Determinism: nothing depends on the clock, the machine or chance. Copied
// records keep their WARC-Date and WARC-Record-ID; created records are dated
// by their source (source_date()), else options.date_epoch, else the epoch;
// the warcinfo record by options.date_epoch, else the newest WARC-Date of
// the records after it. Ids are name-based. So the same database and
// sources give the same bytes.
//
// Both files are written atomically (temporary file, then rename); the
// records first go to an unnamed scratch file beside the WARC (the warcinfo
// record, written first, is dated by what follows it). Problems go to the
// database's `problems` table with stage 'load'. Throws FatalError when an
// output cannot be written or a source changes while it is being copied
// (nothing is left in place then).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "sqlite_db.h"
#include "warc/warc_writer.h"

namespace blogshift {

struct WarcOptions {
  WarcDigestAlgorithm digest = WarcDigestAlgorithm::Sha1;
  // SOURCE_DATE_EPOCH: the warcinfo record's date, and the date of records
  // whose source dates nothing (a mirror of images only).
  std::optional<int64_t> date_epoch;
  int gzip_level = 6;
  std::string software = "blogshift";  // the warcinfo `software` field, e.g. "blogshift 0.1.0"
};

struct WarcReport {
  std::string warc_path;
  std::string cdxj_path;
  std::map<std::string, int64_t> records_by_type;  // warcinfo, response, request, resource, ...
  int64_t records = 0;
  int64_t bytes = 0;          // size of the WARC file
  std::string sha256;         // of the WARC file
  int64_t cdxj_lines = 0;
  std::string cdxj_sha256;
  int64_t sources_written = 0;
  int64_t sources_skipped = 0;
  int64_t input_bytes = 0;    // bytes of material (record blocks) written, before compression
  int64_t errors = 0;         // problems recorded, by severity
  int64_t warnings = 0;
};

WarcReport write_sources_warc(Database& db, const std::string& warc_path, const std::string& cdxj_path,
                              const WarcOptions& options);

}  // namespace blogshift
