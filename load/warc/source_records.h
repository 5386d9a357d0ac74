// The records one staged source becomes in the WARC file of the original
// material (sources_warc_writer.h runs these, one source after another).
//
// warc sources (copy_warc_source): EVERY record is copied, not only the
// responses: request records say how each response was asked for (replay
// tools pair them, and POST captures need them), revisit records say a URL
// was seen again with the same payload, metadata and resource records hold
// the crawler's log and arguments, and the crawl's own warcinfo records are
// what the copied records' WARC-Warcinfo-ID fields point at. Each copy keeps
// its block byte for byte and its header fields in order with their values
// (WARC-Record-ID, WARC-Date, WARC-Target-URI and the rest), except that
//  - the version line becomes WARC/1.1 (every WARC/1.0 field means the same
//    in 1.1),
//  - WARC-Target-URI loses the <...> that wget writes around it,
//  - Content-Length is written anew (the same number), and
//  - the digests are written anew in the chosen algorithm, after the ones
//    the source gave were checked (a mismatch is a warning, and the record
//    is kept with digests of the bytes it really has). A revisit record's
//    payload digest names the payload it refers to, so it is kept as given.
// A record the reader could not read whole (truncated, corrupt gzip) cannot
// be copied: it is a WARC_SOURCE_RECORD_LOST problem. A record whose id was
// already written (the same crawl given twice) is skipped with a warning.
//
// mirror sources (write_mirror_source): each file the mirror reader reads
// (the same walk) becomes a `resource` record, NOT a `response` record: a
// mirror keeps no status line and no HTTP headers, and a response record
// with made-up headers would tell an archivist the server said things it
// never said. The target URI is the URL the mirror reader staged the file
// under (mirror_urls.h); in a mirror without host folders, the origin the
// source's own pages name (their canonical URLs) is put in front of the
// path. The content type comes from the name (or HTML sniffing), else
// application/octet-stream. A field Blogshift-Source-Path names the file.
//
// takeout, classic and page sources (write_file_source): one `resource`
// record holding the file's bytes as they are (gzip included). A saved page
// is named by the URL it stands for, as extract's scraper reads it (its
// canonical URL), else urn:blogshift:page:<file name>; an export was never
// served at a URL, so it is named urn:blogshift:<kind>:<file name>.
//
// Dates and ids of created records: WARC-Date is the source's date (see
// SourceContext), WARC-Record-ID a name-based UUID of the source's SHA-256,
// the record's type, target URI and the file's place in the source, so a
// re-run gives the same id and two records never share one.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "records.h"
#include "sqlite_db.h"
#include "warc/warc_writer.h"

namespace blogshift {

struct StagedSource {
  int64_t id = 0;
  std::string path;
  std::string kind;
  int64_t size = 0;
  std::string sha256;
};

// What every source's records share while one WARC file is written.
struct SourceContext {
  Database& db;
  WarcWriter& writer;
  std::string warcinfo_id;                       // of the file's own warcinfo record
  std::vector<WarcWrittenRecord>& written;       // every record written so far, in order
  std::set<std::string>& record_ids;             // their ids
  std::function<void(ProblemRecord)> problem;    // records a load-stage problem
  int64_t input_bytes = 0;                       // bytes of material read, for the report
};

// The date for records a source's material does not date itself: the newest
// `updated` time (else `published`) of the items staged from it, to the
// second; else `fallback`.
std::string source_date(Database& db, const StagedSource& source, const std::string& fallback);

// Each returns how many records it wrote for the source.
int64_t copy_warc_source(SourceContext& context, const StagedSource& source, const std::string& fallback_date);
int64_t write_mirror_source(SourceContext& context, const StagedSource& source, const std::string& date);
int64_t write_file_source(SourceContext& context, const StagedSource& source, const std::string& date);

}  // namespace blogshift
