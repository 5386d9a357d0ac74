// The report's two plots, drawn here as inline SVG (no script, no library):
// live posts per month over the blog's whole span, and the documents per
// bin of fidelity text recall. Each is a standalone, well-formed SVG element
// (it parses as XML) with role="img", a <title> and a <desc> that say in
// words what it shows, and a <title> on every bar; the page puts a table
// beside each for readers who cannot see it.
#pragma once

#include <string>
#include <vector>

#include "report_data.h"

namespace blogshift::report {

// Empty when no live post has a date. A span too long for one bar per month
// (over 40 years: a stray date) is drawn as one bar per year.
std::string posts_per_month_svg(const std::vector<ReportData::Month>& months, const std::string& id);

// Bars for the bins, those at or above the pass mark in the pass colour.
// Empty when there are no documents.
std::string recall_histogram_svg(const std::vector<ReportData::HistogramBin>& bins, const std::string& id);

}  // namespace blogshift::report
