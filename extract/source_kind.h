// Recognising what a source is from its content (not its name).
#pragma once

#include <string>

namespace blogshift {

enum class SourceKind { Takeout, Classic, Mirror, Warc, Page };

const char* to_string(SourceKind kind);

// A folder is a mirror; a file is sniffed (gzip is looked through): WARC/
// version line, an Atom <feed> (Takeout when it declares the blogger 2018
// namespace, classic otherwise), or a single HTML page. Throws FatalError
// naming the file when it is none of these or cannot be read.
SourceKind detect_source_kind(const std::string& path);

}  // namespace blogshift
