// The staging database: one SQLite file that every stage reads and writes
// (schema: staging_schema.cpp, documented in docs/staging-schema.md).
//
// Extract writes through begin_source() / the returned ExtractSink /
// end_source(). Work is committed every few hundred units, each unit whole,
// so a killed run leaves a consistent database; a source is marked complete
// only at end_source(), so a re-run reads an unfinished source again.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>

#include "extract_sink.h"
#include "sqlite_db.h"

namespace blogshift {

struct SourceInfo {
  std::string path;    // absolute
  std::string kind;    // takeout | classic | mirror | warc | page
  int64_t size = 0;
  std::string sha256;
};

class StagingStore {
public:
  // Opens or creates the database at `path`, creating or checking the schema.
  // Throws FatalError when the file is not a blogshift database of a version
  // this build knows.
  explicit StagingStore(const std::string& path);
  ~StagingStore();

  // True when this path was already read completely with the same size and digest.
  bool is_complete(const SourceInfo& source);
  // Extract errors and warnings recorded for a source path (by its last read).
  std::pair<int64_t, int64_t> recorded_problems(const std::string& path);

  // Starts (re)reading a source: forgets its previous ledger and extract
  // problems, and returns the sink its reader writes to. Items and assets are
  // merged, never deleted: other sources may have seen them too.
  ExtractSink& begin_source(const SourceInfo& source);
  // Links comments to posts that are now known, marks the source complete, commits.
  void end_source();
  // Ends a source that could not be read to its end: keeps what was staged
  // (each unit whole) but leaves it incomplete, so the next run reads it again.
  void abandon_source();

  // A problem not tied to a readable source (one that cannot be opened).
  void record_problem(const ProblemRecord& problem);

  Database& db() { return db_; }

private:
  class Writer;
  Database db_;
  std::unique_ptr<Writer> writer_;
};

// One row in `problems`, for any stage (source_id 0: not tied to a source).
void insert_problem(Database& db, const ProblemRecord& problem, int64_t source_id = 0);

}  // namespace blogshift
