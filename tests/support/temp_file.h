// Writing test inputs to disk (plain or gzip-compressed).
#pragma once

#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace blogshift::testing {

inline std::string write_file(const std::filesystem::path& path, const std::string& bytes) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  return path.string();
}

inline std::string write_gzip(const std::filesystem::path& path, const std::string& bytes) {
  std::filesystem::create_directories(path.parent_path());
  gzFile gz = gzopen(path.string().c_str(), "wb");
  gzwrite(gz, bytes.data(), static_cast<unsigned>(bytes.size()));
  gzclose(gz);
  return path.string();
}

}  // namespace blogshift::testing
