// Writes a BagIt bag (RFC 8493, BagIt 1.0): a folder holding
//   bagit.txt               "BagIt-Version: 1.0", "Tag-File-Character-Encoding: UTF-8"
//   data/...                the payload, one file per entry (names as given, below data/)
//   manifest-sha256.txt     "<sha256 hex>  data/<path>" per payload file, sorted by path,
//                           CR, LF and '%' in a path percent-encoded (RFC 8493 2.1.3)
//   bag-info.txt            Source-Organization, External-Description, External-Identifier
//                           (each when given), Bagging-Date (the epoch's UTC date, so the
//                           same input gives the same bag), Bag-Software-Agent,
//                           Payload-Oxum ("<octets>.<files>"), then the caller's extra fields
//   tagmanifest-sha256.txt  the SHA-256 of bagit.txt, bag-info.txt and manifest-sha256.txt
// Every file's bytes depend only on the input and the epoch.
//
// Atomic. The bag is built in BAG.tmp-PID beside the target (every file
// flushed) and renamed into place, so a crash never leaves a bag that looks
// complete. An existing bag at BAG (a folder with bagit.txt) or an empty
// folder is replaced in one step; any other existing file or folder is
// refused, never removed.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "archive_entries.h"

namespace blogshift {

struct BagInfo {
  std::string source_organization;   // "Source-Organization"; empty: left out
  std::string external_description;  // "External-Description"; empty: left out
  std::string external_identifier;   // "External-Identifier"; empty: left out
  std::string software_agent;        // "Bag-Software-Agent"; empty: bag_software_agent()
  // Further bag-info.txt fields in this order after ours (e.g. "Contact-Name").
  std::vector<std::pair<std::string, std::string>> extra;
};

struct BagResult {
  std::string path;
  int64_t payload_files = 0;
  int64_t payload_bytes = 0;
  // SHA-256 of tagmanifest-sha256.txt: it pins the tag files, which pin the payload.
  std::string tagmanifest_sha256;
};

// "blogshift <version>".
std::string bag_software_agent();

// Writes the bag at `bag_dir`; `payload` entries are named relative to data/
// (checked and sorted as in archive_entries.h); `epoch` gives Bagging-Date.
// Throws FatalError naming the bag or the entry's file; nothing is left
// behind then, and what was at `bag_dir` is untouched.
BagResult write_bag(const std::string& bag_dir, std::vector<ArchiveEntry> payload, const BagInfo& info, int64_t epoch);

}  // namespace blogshift
