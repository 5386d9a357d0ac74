// Where tests find their inputs. The corpus lives outside the repo
// (../shared/corpus) and may be absent: corpus tests call
// BLOGSHIFT_REQUIRE_CORPUS() and skip cleanly then.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace blogshift::testing {

inline std::string fixture(const std::string& relative) {
  return std::string(BLOGSHIFT_FIXTURES_DIR) + "/" + relative;
}

inline std::string corpus(const std::string& relative) {
  return std::string(BLOGSHIFT_CORPUS_DIR) + "/" + relative;
}

inline bool corpus_available() { return std::filesystem::is_directory(BLOGSHIFT_CORPUS_DIR); }

// A fresh, empty directory for one test.
inline std::filesystem::path temp_dir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("blogshift-test-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace blogshift::testing

#define BLOGSHIFT_REQUIRE_CORPUS()                                                             \
  do {                                                                                         \
    if (!::blogshift::testing::corpus_available()) GTEST_SKIP() << "../shared/corpus absent"; \
  } while (0)
