// Tests that drive programs not written here (web servers, tar, sha256sum,
// warcio, a browser). scripts/install-deps.sh installs them; on a clone
// without them such a test skips, unless BLOGSHIFT_REQUIRE_TOOLS=1 (as .ci/run
// sets), where a missing tool is a failure rather than a quiet skip.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace blogshift::testing {

// The program's path if it is on PATH (or is an existing absolute path), else "".
inline std::string find_tool(const std::string& name) {
  if (name.find('/') != std::string::npos) return std::filesystem::exists(name) ? name : "";
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/local/bin:/usr/bin:/bin";
  dirs += ":/usr/sbin:/sbin";
  size_t start = 0;
  while (start <= dirs.size()) {
    size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    const auto candidate = std::filesystem::path(dirs.substr(start, end - start)) / name;
    if (!candidate.parent_path().empty() && std::filesystem::exists(candidate)) return candidate.string();
    start = end + 1;
  }
  return "";
}

inline bool tools_required() {
  const char* v = std::getenv("BLOGSHIFT_REQUIRE_TOOLS");
  return v && std::string(v) == "1";
}

}  // namespace blogshift::testing

// Skips the test (or fails it under BLOGSHIFT_REQUIRE_TOOLS=1) when `name`
// cannot be found; otherwise stores its path in `var`.
#define BLOGSHIFT_REQUIRE_TOOL(var, name)                                                       \
  std::string var = ::blogshift::testing::find_tool(name);                                      \
  do {                                                                                          \
    if (var.empty()) {                                                                          \
      if (::blogshift::testing::tools_required()) FAIL() << (name) << " not found (run scripts/install-deps.sh)"; \
      GTEST_SKIP() << (name) << " not installed (scripts/install-deps.sh installs it)";          \
    }                                                                                           \
  } while (0)
