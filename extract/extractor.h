// Runs sources into the staging store: recognises each source, skips it when
// it was already read completely and has not changed, otherwise reads it
// with its reader, counting what became of every unit.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "staging_store.h"

namespace blogshift {

struct SourceReport {
  std::string path;
  std::string kind;
  bool unchanged = false;   // already staged from identical bytes; not read again
  bool unreadable = false;  // could not be opened or recognised (exit 2)
  int64_t items = 0, assets = 0, skipped = 0;
  int64_t errors = 0, warnings = 0;  // for an unchanged source: those recorded by its last read
};

// Receives every problem as it is found (the CLI prints them to stderr).
using ProblemObserver = std::function<void(const ProblemRecord&)>;

class Extractor {
public:
  Extractor(StagingStore& store, ProblemObserver observer) : store_(store), observer_(std::move(observer)) {}
  // Called once per unit consumed (item, asset, skipped record, problem), for progress.
  void on_unit(std::function<void()> callback) { on_unit_ = std::move(callback); }

  // `force` reads the source even when it is unchanged since the last run.
  SourceReport extract(const std::string& path, bool force = false);

private:
  StagingStore& store_;
  ProblemObserver observer_;
  std::function<void()> on_unit_;
};

// Size and SHA-256 of a file, or of a folder (over its sorted file list).
SourceInfo describe_source(const std::string& path, const std::string& kind);

}  // namespace blogshift
