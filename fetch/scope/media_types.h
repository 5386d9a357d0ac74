// What a URL's file extension says it holds: an image, or another
// non-HTML media file (a document, an archive, audio, video) that a post
// links to as an attachment. Judged by the last path segment's extension,
// case-insensitively; a path without one is neither.
#pragma once

#include <string_view>

namespace blogshift::fetch {

// "jpg", "PDF" ... of the last segment of `path` (no query), empty when none.
std::string_view file_extension(std::string_view path);

bool is_image_file(std::string_view path);
// Non-HTML, non-image media: pdf, zip, mp3, docx, epub, mp4 ...
bool is_attachment_file(std::string_view path);

}  // namespace blogshift::fetch
