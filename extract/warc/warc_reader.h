// Reads WARC/1.0 and WARC/1.1 files, plain or gzipped (per record or whole file).
#pragma once

#include <string>

#include "extract_sink.h"

namespace blogshift {

// Every record is one unit: responses go through ingest_crawled_file(),
// others are skipped or reported. Damage ends in a problem, never a throw.
void read_warc(const std::string& path, ExtractSink& sink);

}  // namespace blogshift
