#include "source_kind.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "errors.h"
#include "input_file.h"
#include "text.h"

namespace blogshift {

const char* to_string(SourceKind kind) {
  switch (kind) {
    case SourceKind::Takeout: return "takeout";
    case SourceKind::Classic: return "classic";
    case SourceKind::Mirror: return "mirror";
    case SourceKind::Warc: return "warc";
    case SourceKind::Page: return "page";
  }
  return "unknown";
}

SourceKind detect_source_kind(const std::string& path) {
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) throw FatalError(path, "no such file or folder");
  if (std::filesystem::is_directory(status)) return SourceKind::Mirror;
  std::string head = peek_file(path, 1 << 16);
  std::string_view view = head;
  if (view.substr(0, 3) == "\xEF\xBB\xBF") view.remove_prefix(3);
  while (!view.empty() && std::isspace(static_cast<unsigned char>(view.front()))) view.remove_prefix(1);
  if (view.substr(0, 5) == "WARC/") return SourceKind::Warc;
  const std::string lower = ascii_lower(view.substr(0, 4096));
  const bool xml_start = view.substr(0, 5) == "<?xml" || view.substr(0, 5) == "<feed";
  if (xml_start && view.find("<feed") != std::string_view::npos)
    return view.find("http://schemas.google.com/blogger/2018") != std::string_view::npos ? SourceKind::Takeout
                                                                                          : SourceKind::Classic;
  if (lower.find("<html") != std::string::npos || lower.find("<!doctype html") != std::string::npos)
    return SourceKind::Page;
  if (xml_start) return SourceKind::Classic;  // an XML file that may still be a (damaged) export
  throw FatalError(path, "not a Blogger export, a mirror folder, a WARC file or an HTML page",
                   "blogshift reads feed.atom, blog-*.xml backups, wget/HTTrack folders and .warc(.gz) files");
}

}  // namespace blogshift
