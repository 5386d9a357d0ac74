// report.json: the report's facts for machines. Keys in a fixed order,
// lists in the order of ReportData (worst first where that matters), two
// spaces of indentation, one trailing newline; numbers as written by
// std::to_chars (shortest form, no locale); unknown values (a position the
// source did not give, an archive not verified yet) are null.
// posts_per_month lists the months that have posts (the plot fills the gaps);
// an outputs row's detail is its JSON as stored, as a string.
#pragma once

#include <string>

#include "report_data.h"
#include "report_writer.h"

namespace blogshift {

inline constexpr int kReportJsonVersion = 1;

std::string report_json(const ReportData& data, const ReportOptions& options);

}  // namespace blogshift
