// Re-reads an archive that write_archive() made (.tar.gz, .tar.zst or .zip;
// recognised by content, so a renamed file still reads) and checks it
// against the SHA-256 manifest inside: every file entry is read back through
// libarchive and hashed; missing, extra and mismatching entries, duplicate
// names, entries outside the root folder, zip CRC errors and unreadable or
// corrupt streams are problems. The first problem in archive order is named
// in VerifyResult::first_bad_entry (its path inside the archive, root folder
// included); a stream too damaged to name an entry leaves it empty and says
// so in the message.
//
// What the manifest cannot see (a changed byte in tar padding, in the gzip
// header, after the end of a gzip stream or zip, in a zip date field or in
// the zip central directory, which libarchive does not compare with the
// local headers it reads) only the archive file's own SHA-256 reveals: pass
// the digest write_archive() returned as `expected.sha256`.
#pragma once

#include <cstdint>
#include <string>

#include "verify_result.h"

namespace blogshift {

struct ArchiveExpectation {
  std::string sha256;   // the archive file's SHA-256 when it was written; empty: not checked
  int64_t entries = -1; // the files its manifest lists; -1: not checked
};

// Never throws for a bad archive: every finding is in the result.
VerifyResult verify_archive(const std::string& path, const ArchiveExpectation& expected = {});

}  // namespace blogshift
