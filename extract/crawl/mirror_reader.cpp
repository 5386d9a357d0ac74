// PLACEHOLDER until the mirror reader lands.
#include "mirror_reader.h"
#include "errors.h"
namespace blogshift {
void read_mirror(const std::string& folder, ExtractSink&) { throw FatalError(folder, "mirror reading not built yet"); }
}  // namespace blogshift
