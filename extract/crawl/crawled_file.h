// One file of a crawl, wherever it came from: a file in a wget/HTTrack
// mirror folder, or the payload of a WARC response record.
#pragma once

#include <string>

#include "records.h"

namespace blogshift {

struct CrawledFile {
  std::string url;           // the URL it was served under (for a mirror: rebuilt from its path)
  std::string content_type;  // from the HTTP header, or guessed from the name; may be empty
  std::string bytes;         // the payload, transfer- and content-decoded
  SourcePosition position;   // the file, or the WARC file and record offset
};

}  // namespace blogshift
