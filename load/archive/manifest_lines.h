// The two manifest line formats the archives use, written and read back:
//  - `sha256sum` lines ("<hex>  <path>") in an archive's MANIFEST.sha256, with
//    GNU coreutils' escaping for names holding '\', LF or CR (the line then
//    starts with '\' and those become "\\", "\n", "\r"), so that
//    `sha256sum -c MANIFEST.sha256` checks any name;
//  - BagIt manifest lines (RFC 8493 2.1.3: "<hex> <path>", where CR, LF and
//    '%' in the path, and only those, are percent-encoded).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace blogshift {

struct ManifestLine {
  std::string digest;  // lower-case hex as written
  std::string path;    // decoded
};

// One line, with its final LF.
std::string sha256sum_line(std::string_view hex, std::string_view path);
// A line without its LF; nothing (and `error` says why) when it is not one.
std::optional<ManifestLine> parse_sha256sum_line(std::string_view line, std::string& error);

std::string bagit_encode_path(std::string_view path);
std::string bagit_decode_path(std::string_view path);
// One line, with its final LF; the separator is two spaces (as bagit-python
// writes), so a manifest without encoded names also suits `sha256sum -c`.
std::string bagit_manifest_line(std::string_view hex, std::string_view path);
// A line without its LF (a CR before it is dropped).
std::optional<ManifestLine> parse_bagit_manifest_line(std::string_view line, std::string& error);

}  // namespace blogshift
