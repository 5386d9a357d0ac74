// Reads a folder holding a crawled copy of a blog (wget -m / HTTrack).
#pragma once

#include <cstddef>
#include <string>

#include "crawl/mirror_walk.h"
#include "extract_sink.h"

namespace blogshift {

struct MirrorReadOptions {
  // A larger file is a MIRROR_FILE_TOO_LARGE problem and is not read (the
  // WARC reader's limit for a record).
  size_t max_file_bytes = size_t{512} << 20;
  MirrorWalkFault fault;  // tests: failures to inject into the walk
};

// Walks `folder` (mirror_walk.h) in sorted order; every file the walk lists,
// every entry it skips and every file or folder it could not read is one
// unit. Throws FatalError when `folder` itself cannot be listed.
void read_mirror(const std::string& folder, ExtractSink& sink, const MirrorReadOptions& options = {});

}  // namespace blogshift
