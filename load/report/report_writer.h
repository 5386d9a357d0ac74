// The migration report: DIR/report.html for people (one self-contained page)
// and DIR/report.json for machines, both made from the staging database
// alone, so they can be written again at any time (the load stage writes
// them at its end, `blogshift verify` after checking the archives).
//
// The same database and options give the same bytes: nothing in either file
// depends on the clock unless the caller passes a generation time.
#pragma once

#include <cstdint>
#include <string>

#include "sqlite_db.h"

namespace blogshift {

struct ReportOptions {
  // Shown in both files as the time the report was made when not empty
  // (e.g. an ISO 8601 time the caller took from SOURCE_DATE_EPOCH or its
  // clock); left out otherwise, so the bytes stay reproducible.
  std::string generated_at;
  // The bag (path relative to the output folder) this copy of the report is
  // written for. A report inside a bag cannot record the bag's own
  // verification: it names the bag as checked on its own, and the verdict
  // rests on the other outputs. Empty: the report beside the outputs.
  std::string inside_bag;
};

struct ReportSummary {
  std::string html_path, json_path;  // out_dir/report.html, out_dir/report.json
  bool switch_off = false;           // the old site can be switched off
  std::string verdict;               // the one sentence that says so, or what to look at first
  int64_t documents = 0, fidelity_passed = 0;
  int64_t problems_error = 0, problems_warning = 0, problems_info = 0;
  int64_t links_missing = 0, images_remote = 0;
  int64_t redirects = 0, archives = 0, archives_verified = 0;
  int64_t fetch_failed = 0;          // URLs a crawl of the live blog could not fetch
};

// Reads the facts from `db` (and options.inside_bag) and writes both files atomically into `out_dir`
// (created if needed). Throws FatalError naming the file when it cannot write.
ReportSummary write_report(Database& db, const std::string& out_dir, const ReportOptions& options = {});

}  // namespace blogshift
