// Writing output files atomically: the bytes go to a temporary file in the
// same folder, are flushed, and the temporary is renamed over the target, so
// a reader (or a crash) never sees half a file.
#pragma once

#include <string>
#include <string_view>

namespace blogshift {

// Creates the parent folders. Throws FatalError naming the file on failure.
void write_file_atomically(const std::string& path, std::string_view bytes);

}  // namespace blogshift
