// The report page's style sheet, inlined into report.html: a calm single
// column that reads well on a screen, with visible focus for keyboard users,
// and a print layout (no navigation, every <details> open, each section on
// a new page).
#pragma once

namespace blogshift::report {

extern const char* const kReportCss;

}  // namespace blogshift::report
