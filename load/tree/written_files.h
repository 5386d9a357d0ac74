// The ledger of files load wrote (table `written_files`): it lets a re-run
// tell a file it wrote itself from one a person has edited since, and leave
// the edited one alone unless --overwrite is given.
//
// For each file offered, write():
//   - writes it (atomically) when it is new, or when the file on disk is
//     exactly what the last run wrote;
//   - leaves it untouched when the disk already holds these bytes;
//   - keeps the file on disk and reports it when its bytes are neither what
//     the last run wrote nor what this run would write (a person edited it,
//     or it was never ours), unless overwrite is set.
// finish() then removes files the last run wrote that this run did not
// offer (a post deleted or renamed), unless they were edited, and commits
// the ledger.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "sqlite_db.h"

namespace blogshift {

struct WrittenFilesReport {
  int64_t written = 0;    // new or changed files written
  int64_t unchanged = 0;  // already on disk with these bytes
  int64_t removed = 0;    // written by the last run, no longer produced
  std::vector<std::string> kept;  // edited files left as they are (relative paths)
  std::vector<std::string> created, changed, deleted;  // relative paths, for --dry-run and -v
};

class WrittenFiles {
public:
  // With `dry_run`, decides and reports everything but writes, removes and
  // records nothing.
  WrittenFiles(Database& db, std::string out_dir, bool overwrite, bool dry_run = false);

  // `relative` is under the output folder; it is checked never to leave it.
  void write(const std::string& relative, std::string_view bytes, const std::string& role);
  // Files of `role` the last run wrote and this one did not offer are removed.
  WrittenFilesReport finish(const std::set<std::string>& roles);

private:
  Database& db_;
  std::string out_dir_;
  bool overwrite_;
  bool dry_run_;
  std::map<std::string, std::string> previous_;  // path -> sha256 as last written
  std::map<std::string, std::string> previous_role_;
  std::map<std::string, std::pair<std::string, int64_t>> now_;  // path -> sha256, size
  std::map<std::string, std::string> now_role_;
  WrittenFilesReport report_;
};

// OUT/relative, refusing paths that would leave the output folder.
std::string path_inside(const std::string& out_dir, const std::string& relative);

}  // namespace blogshift
