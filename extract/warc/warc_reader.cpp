// PLACEHOLDER until the WARC reader lands.
#include "warc_reader.h"
#include "errors.h"
namespace blogshift {
void read_warc(const std::string& path, ExtractSink&) { throw FatalError(path, "WARC reading not built yet"); }
}  // namespace blogshift
