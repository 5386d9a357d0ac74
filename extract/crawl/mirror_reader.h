// Reads a folder holding a crawled copy of a blog (wget -m / HTTrack).
#pragma once

#include <string>

#include "extract_sink.h"

namespace blogshift {

// Walks `folder` in sorted order; every regular file is one unit.
void read_mirror(const std::string& folder, ExtractSink& sink);

}  // namespace blogshift
