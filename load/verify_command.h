// `blogshift verify`: re-reads every archive, bag and WARC file the load
// stage recorded in the `outputs` table, checks every digest and count in
// it, and the file's own SHA-256 as recorded when it was written. Prints one
// line per output; the first corrupted entry is named. Exit 0 when all
// verify, 1 when one does not, 2 when there is nothing to verify.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "sqlite_db.h"
#include "stage_log.h"
#include "verify_result.h"

namespace blogshift {

struct VerifyOptions {
  std::string out_dir = ".";
  std::string db_path;
  bool quiet = false, verbose = false;  // -q, -v (core/stage_log.h)
};

void add_verify_options(CLI::App& app, VerifyOptions& options);

// Verifies every recorded output under `out_dir` (with `only_unverified`,
// those whose outputs.verified is still NULL) and stores each result in
// outputs.verified. `log` shows a progress step "verify" (one unit per
// output) and, when verbose, a line per output with its time.
std::vector<VerifyResult> verify_outputs(Database& db, const std::string& out_dir, const StageLog& log = StageLog(),
                                         bool only_unverified = false);

int run_verify_command(const std::string& prog, const VerifyOptions& options);

}  // namespace blogshift
