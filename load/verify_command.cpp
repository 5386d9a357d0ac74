#include "verify_command.h"

#include <filesystem>
#include <iostream>

#include "archive_verifier.h"
#include "bag_verifier.h"
#include "digest.h"
#include "errors.h"
#include "report_writer.h"
#include "staging_store.h"
#include "warc_verifier.h"

namespace blogshift {

void add_verify_options(CLI::App& app, VerifyOptions& o) {
  app.add_option("-o,--out", o.out_dir, "output folder whose archives to check (as recorded in its staging database)")
      ->capture_default_str();
  app.add_option("--db", o.db_path, "staging database file (overrides --out)");
  add_verbosity_flags(app, o.quiet, o.verbose);
}

namespace {
VerifyResult verify_one(const std::string& kind, const std::string& path, const std::string& cdxj_path,
                        const std::string& sha256, int64_t entries) {
  if (kind == "bagit") return verify_bag(path);
  if (kind == "warc") return verify_warc(path, cdxj_path);
  if (kind == "redirect-map") {  // plain text: its digest is the whole check
    VerifyResult r;
    r.output = path;
    r.ok = true;
    r.entries_checked = 1;
    return r;
  }
  return verify_archive(path, ArchiveExpectation{sha256, entries});
}
}  // namespace

std::vector<VerifyResult> verify_outputs(Database& db, const std::string& out_dir, const StageLog& log,
                                         bool only_unverified) {
  struct Row {
    std::string path, kind, sha256;
    int64_t entries;
  };
  std::vector<Row> rows;
  auto select = db.prepare(std::string("SELECT path, kind, COALESCE(sha256, ''), entries FROM outputs WHERE kind <> 'cdxj'") +
                           (only_unverified ? " AND verified IS NULL" : "") + " ORDER BY path");
  while (select.step())
    rows.push_back({select.column_text(0), select.column_text(1), select.column_text(2), select.column_int(3)});
  // A WARC file's index is checked with it.
  auto cdxj = db.prepare("SELECT path FROM outputs WHERE kind = 'cdxj' ORDER BY path");
  std::string cdxj_path;
  if (cdxj.step()) cdxj_path = (std::filesystem::path(out_dir) / cdxj.column_text(0)).string();

  std::vector<VerifyResult> results;
  auto update = db.prepare("UPDATE outputs SET verified = ? WHERE path = ?");
  Progress progress = log.progress("verify", "outputs", static_cast<int64_t>(rows.size()));
  for (const auto& row : rows) {
    const StageTimer timer;
    const std::string full = (std::filesystem::path(out_dir) / row.path).string();
    VerifyResult r;
    if (!std::filesystem::exists(full)) {
      r.output = full;
      r.message = "missing: it was written by load but is not there any more";
    } else {
      r = verify_one(row.kind, full, cdxj_path, row.sha256, row.entries);
      // The entries may all check out while bytes outside them changed (a
      // compressed trailer, padding): the file's own digest catches that.
      if (r.ok && !row.sha256.empty() && std::filesystem::is_regular_file(full) && sha256_file(full) != row.sha256) {
        r.ok = false;
        if (r.first_bad_entry.empty()) r.first_bad_entry = row.path;
        r.message = "the file's SHA-256 differs from the one recorded when it was written";
      }
    }
    const std::string verdict = r.ok                        ? std::string("ok")
                                : r.first_bad_entry.empty() ? r.message
                                                            : r.first_bad_entry + ": " + r.message;
    update.bind(1, verdict).bind(2, row.path).run();
    // The index is checked with its WARC file.
    if (row.kind == "warc") db.prepare("UPDATE outputs SET verified = ? WHERE kind = 'cdxj'").bind(1, verdict).run();
    progress.advance();
    log.verbose_line("verify: " + full + ": " + (r.ok ? "ok, " + std::to_string(r.entries_checked) + " entries" : verdict) +
                     timer.in());
    results.push_back(std::move(r));
  }
  return results;
}

int run_verify_command(const std::string& prog, const VerifyOptions& o) {
  const std::string db_path = !o.db_path.empty()
                                  ? o.db_path
                                  : (std::filesystem::path(o.out_dir) / ".blogshift" / "staging.db").string();
  if (!std::filesystem::exists(db_path))
    throw FatalError(db_path, "no staging database here", "verify checks what 'blogshift run' or 'blogshift load' wrote");
  StagingStore store(db_path);
  const auto results = verify_outputs(store.db(), o.out_dir, StageLog(verbosity_of(o.quiet, o.verbose)));
  if (results.empty())
    throw FatalError(db_path, "no archives were recorded to verify", "write some with 'blogshift load --archives ...'");
  // The report shows what verify found.
  const ReportSummary summary = write_report(store.db(), o.out_dir, {});
  bool all_ok = true;
  for (const auto& r : results) {
    if (r.ok) {
      std::cout << "ok\t" << r.output << "\t" << r.entries_checked << " entries verified\n";
    } else {
      all_ok = false;
      std::cout << "FAILED\t" << r.output << "\t" << r.first_bad_entry << "\n";
      std::cerr << prog << ": " << r.output << ": error: "
                << (r.first_bad_entry.empty() ? "" : r.first_bad_entry + ": ") << r.message << " [VERIFY_FAILED]\n";
    }
  }
  std::cout << "report\t" << summary.html_path << "\t" << summary.verdict << '\n';
  return all_ok ? kExitOk : kExitProblems;
}

}  // namespace blogshift
