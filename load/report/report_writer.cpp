#include "report_writer.h"

#include <filesystem>

#include "atomic_file.h"
#include "report_data.h"
#include "report_html_writer.h"
#include "report_json_writer.h"

namespace blogshift {

ReportSummary write_report(Database& db, const std::string& out_dir, const ReportOptions& options) {
  const ReportData data = read_report_data(db, options.inside_bag);
  ReportSummary s;
  s.json_path = (std::filesystem::path(out_dir) / "report.json").string();
  s.html_path = (std::filesystem::path(out_dir) / "report.html").string();
  write_file_atomically(s.json_path, report_json(data, options));
  write_file_atomically(s.html_path, report_html(data, options));

  s.switch_off = data.switch_off;
  s.verdict = verdict_sentence(data);
  s.documents = static_cast<int64_t>(data.fidelity.size());
  s.fidelity_passed = data.fidelity_passed;
  s.problems_error = data.problems_error;
  s.problems_warning = data.problems_warning;
  s.problems_info = data.problems_info;
  s.links_missing = data.migrated.links_missing;
  s.images_remote = data.migrated.images_remote;
  s.redirects = data.redirects_total;
  s.archives = static_cast<int64_t>(data.archives.size());
  s.archives_verified = data.archives_verified;
  s.fetch_failed = data.fetch.failed_count;
  return s;
}

}  // namespace blogshift
