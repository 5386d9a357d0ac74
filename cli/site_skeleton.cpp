#include "site_skeleton.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "atomic_file.h"
#include "errors.h"

namespace blogshift {

namespace fs = std::filesystem;

std::vector<SkeletonFile> site_skeleton(std::string_view layout) {
  std::vector<SkeletonFile> out;
  const std::string prefix = std::string(layout) + "/";
  for (const SkeletonFile& f : embedded_site_files())
    if (f.path.starts_with(prefix)) out.push_back({f.path.substr(prefix.size()), f.bytes});
  return out;
}

SkeletonWritten write_site_skeleton(std::string_view layout, const std::string& dir, bool force) {
  const std::vector<SkeletonFile> files = site_skeleton(layout);
  if (files.empty()) throw FatalError("", "no site skeleton for layout '" + std::string(layout) + "'",
                                      "use --site astro, hugo or jekyll");
  SkeletonWritten result;
  for (const SkeletonFile& f : files) {
    const fs::path path = fs::path(dir) / std::string(f.path);
    std::error_code ec;
    if (fs::exists(path, ec)) {
      std::ifstream in(path, std::ios::binary);
      std::ostringstream now;
      now << in.rdbuf();
      if (now.str() != f.bytes && !force) {
        result.kept.emplace_back(f.path);
        continue;
      }
    }
    fs::create_directories(path.parent_path(), ec);
    if (ec) throw FatalError(path.parent_path().string(), "cannot create the folder: " + ec.message());
    write_file_atomically(path.string(), f.bytes);
    result.written.emplace_back(f.path);
  }
  return result;
}

}  // namespace blogshift
