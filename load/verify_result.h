// What re-reading one written output (an archive, a bag, a WARC file) found.
// Every verifier in load/ returns this, and `blogshift verify` prints it.
#pragma once

#include <cstdint>
#include <string>

namespace blogshift {

struct VerifyResult {
  std::string output;          // the archive, bag folder or WARC file checked
  bool ok = false;
  int64_t entries_checked = 0;  // entries, payload files or records whose digest matched
  std::string first_bad_entry;  // name of the first corrupted/missing/extra entry, or the record's URI@offset
  std::string message;          // what was wrong with it (empty when ok)
};

}  // namespace blogshift
