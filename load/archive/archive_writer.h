// Reproducible .tar.gz, .tar.zst and .zip archives of a list of entries,
// through libarchive, each with a SHA-256 manifest inside.
//
// Layout. Everything lives under one root folder named after the archive
// file: its name without .tar.gz / .tgz / .tar.zst / .tzst / .zip
// ("site-2024.tar.gz" holds "site-2024/..."), so extracting never spills
// files into the current folder. The root folder comes first, then the
// files sorted by name (byte order), each preceded by the folders it needs
// that are not there yet; ROOT/MANIFEST.sha256 comes last, so that one pass
// over each file both hashes and packs it. The manifest lists every other
// file, "<sha256 hex>  <path relative to ROOT>" in the same order, in
// `sha256sum` format: after extracting, `cd ROOT && sha256sum -c
// MANIFEST.sha256` checks them all.
//
// Reproducible. The same entries and epoch give the same bytes on any
// machine, whatever its locale, time zone, umask, user, or the files' own
// owners and times: owner and group 0/0 without names; modes 0644 (files)
// and 0755 (folders); every time is `epoch`; no atime, ctime, birth time,
// extended attributes or ACLs. tar: POSIX pax (an extended header only when
// a long or non-ASCII name or a large size needs one). gzip: level 6, no
// time or file name in its header. zstd: level 3, one thread. zip: deflate
// (stored for media that is compressed already), UTF-8 names flagged, DOS
// date/times in UTC (see zip_dos_times.h).
//
// Atomic. Written to PATH.tmp-PID beside the target, flushed and renamed, so
// a crash never leaves half an archive at PATH.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "archive_entries.h"

namespace blogshift {

enum class ArchiveFormat { kTarGz, kTarZst, kZip };

inline constexpr const char* kArchiveManifestName = "MANIFEST.sha256";

struct ArchiveResult {
  std::string path;
  std::string root;            // the folder inside the archive that holds everything
  ArchiveFormat format = ArchiveFormat::kTarGz;
  std::string sha256;          // of the archive file
  int64_t size = 0;            // bytes of the archive file
  int64_t entries = 0;         // files listed in the manifest (not folders, not the manifest)
  int64_t payload_bytes = 0;   // their total size
};

// The format an archive file name asks for (.tar.gz/.tgz, .tar.zst/.tzst, .zip; any case).
std::optional<ArchiveFormat> archive_format_for_path(const std::string& path);
// "tar.gz", "tar.zst" or "zip": the extension without its dot, and the `kind` in the outputs table.
const char* archive_kind(ArchiveFormat format);
// The root folder name of the archive at `path` (its file name without the format's extension).
std::string archive_root_name(const std::string& path);

// Writes `entries` (see archive_entries.h; names are checked and sorted here)
// as an archive at `path`, all times set to `epoch` (seconds since 1970,
// 0 .. 2^32-1). A name may not be MANIFEST.sha256. Throws FatalError naming
// the archive or the entry's file on any failure; nothing is left at `path`
// then, and an archive already there is untouched.
ArchiveResult write_archive(const std::string& path, ArchiveFormat format, std::vector<ArchiveEntry> entries,
                            int64_t epoch);

// SOURCE_DATE_EPOCH from the environment, if set. Throws UsageError when it
// is set but is not a whole number of seconds in 0 .. 2^32-1.
std::optional<int64_t> source_date_epoch_from_environment();

}  // namespace blogshift
