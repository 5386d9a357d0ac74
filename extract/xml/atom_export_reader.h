// Reads Blogger exports: Takeout feed.atom (blogger 2018 namespace) and the
// classic "Back up content" XML (kind# categories). Streams with libxml2's
// reader: memory is bounded by the largest entry, not the file.
#pragma once

#include <string>

#include "extract_sink.h"

namespace blogshift {

// `path` may be gzipped. Every <entry> is one unit.
void read_atom_export(const std::string& path, ExtractSink& sink);

}  // namespace blogshift
