#include "scope/media_types.h"

#include <array>
#include <string>

#include "text.h"

namespace blogshift::fetch {

namespace {

// Image types browsers show in <img>.
constexpr std::array<std::string_view, 12> kImage = {"jpg", "jpeg", "png", "gif", "webp", "bmp",
                                                     "svg", "ico",  "avif", "tif", "tiff", "heic"};
// Files a post offers for download or playback: documents, archives,
// audio, video, e-books, data. Never an HTML page.
constexpr std::array<std::string_view, 40> kAttachment = {
    "pdf", "zip", "rar", "7z",  "gz",   "tgz",  "tar", "bz2", "xz",   "mp3", "m4a", "wav", "ogg", "oga",
    "flac", "aac", "wma", "mp4", "m4v", "mov",  "avi", "wmv", "webm", "mkv", "flv", "doc", "docx", "xls",
    "xlsx", "ppt", "pptx", "odt", "ods", "odp", "rtf", "txt", "csv",  "epub", "mobi", "kmz"};

bool in(std::string_view ext, const auto& list) {
  if (ext.empty() || ext.size() > 8) return false;
  const std::string lower = ascii_lower(ext);
  for (std::string_view known : list)
    if (lower == known) return true;
  return false;
}

}  // namespace

std::string_view file_extension(std::string_view path) {
  if (const size_t q = path.find_first_of("?#"); q != std::string_view::npos) path = path.substr(0, q);
  const size_t slash = path.rfind('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return {};
  return name.substr(dot + 1);
}

bool is_image_file(std::string_view path) { return in(file_extension(path), kImage); }
bool is_attachment_file(std::string_view path) { return in(file_extension(path), kAttachment); }

}  // namespace blogshift::fetch
