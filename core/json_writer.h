// Minimal JSON output for the small objects blogshift stores (extra_json)
// and prints. Strings are escaped per RFC 8259; UTF-8 passes through.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace blogshift {

std::string json_quote(std::string_view text);

// {"k":"v",...} in the given order; repeated keys become arrays.
std::string json_object(const std::vector<std::pair<std::string, std::string>>& fields);

}  // namespace blogshift
