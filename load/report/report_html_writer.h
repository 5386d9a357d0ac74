// report.html: the migration report for people, one self-contained static
// page. No script, no network (a Content-Security-Policy forbids any fetch),
// no external fonts or images: the style is inline and the plots are SVG
// drawn by report_svg_plots. Every string from the database is escaped.
//
// At the top, one sentence answers "can I switch the old site off?"; then a
// table of contents of in-page links and the sections: what was migrated
// (counts, posts per month, by year), what was not and why, the problems by
// code, the fidelity of every document (worst first, with what differs),
// images still remote, links to old posts not found, redirects, archives and
// the sources read.
//
// Stable hooks for tests and scripts: the count cells carry
// id="count-<name>" and data-count; rows carry a class (problem,
// fidelity-row, remote-image, missing-link, redirect-shape, redirect-map,
// archive) and data-* attributes with their raw values.
#pragma once

#include <string>

#include "report_data.h"
#include "report_writer.h"

namespace blogshift {

std::string report_html(const ReportData& data, const ReportOptions& options);

}  // namespace blogshift
