// report.json: the report's facts for machines. Keys in a fixed order,
// lists in the order of ReportData (worst first where that matters), two
// spaces of indentation, one trailing newline; numbers as written by
// std::to_chars (shortest form, no locale); unknown values (a position the
// source did not give, an archive not verified yet) are null.
// posts_per_month lists the months that have posts (the plot fills the gaps);
// an outputs row's detail is its JSON as stored, as a string.
//
// "fetch" (after "sources") is there only when blogshift crawled the live
// blog: totals by outcome (fetched; held: in the WARC file from an earlier
// run; failed; robots: disallowed by robots.txt) and out_of_scope (found,
// not the blog's), per WARC file with its counts by role, the runs, and the
// failed and robots-skipped URLs, each list (and a run's seeds) with the
// count of all of them and at most ReportData::kFetchListLimit entries (a
// failed URL's status is null when no HTTP answer came).
#pragma once

#include <string>

#include "report_data.h"
#include "report_writer.h"

namespace blogshift {

inline constexpr int kReportJsonVersion = 1;

std::string report_json(const ReportData& data, const ReportOptions& options);

}  // namespace blogshift
