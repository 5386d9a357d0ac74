#include "mirror_walk.h"

#include <algorithm>

#include "errors.h"

namespace blogshift {

namespace fs = std::filesystem;

namespace {

class Walker {
public:
  Walker(fs::path root, const MirrorWalkFault& fault) : fault_(fault) { walk_.root = std::move(root); }

  MirrorWalk run(const std::string& folder) {
    std::vector<fs::path> folders{walk_.root};
    while (!folders.empty()) {
      fs::path dir = std::move(folders.back());
      folders.pop_back();
      list(dir, folder, folders);
    }
    std::sort(walk_.files.begin(), walk_.files.end());
    std::stable_sort(walk_.issues.begin(), walk_.issues.end(),
                     [](const MirrorWalkIssue& a, const MirrorWalkIssue& b) { return a.path < b.path; });
    return std::move(walk_);
  }

private:
  std::error_code injected(MirrorWalkStep step, const fs::path& path) const {
    return fault_ ? fault_(step, path) : std::error_code();
  }

  void issue(MirrorWalkIssue::Kind kind, const fs::path& path, bool folder, std::string reason) {
    walk_.issues.push_back({kind, path, folder, std::move(reason)});
  }

  // Lists one folder: files go to the result, sub-folders to `folders`.
  void list(const fs::path& dir, const std::string& folder, std::vector<fs::path>& folders) {
    std::error_code ec = injected(MirrorWalkStep::OpenFolder, dir);
    fs::directory_iterator it;
    if (!ec) it = fs::directory_iterator(dir, ec);
    if (ec) {
      if (dir == walk_.root) throw FatalError(folder, "cannot list folder: " + ec.message());
      issue(MirrorWalkIssue::Kind::Unreadable, dir, true, "cannot list folder: " + ec.message());
      return;
    }
    size_t read = 0;
    for (const fs::directory_iterator end; it != end;) {
      const fs::directory_entry entry = *it;
      classify(entry, folders);
      ++read;
      ec = injected(MirrorWalkStep::NextEntry, entry.path());
      if (!ec) it.increment(ec);
      if (ec) {
        issue(MirrorWalkIssue::Kind::Unreadable, dir, true,
              "listing the folder broke off after " + std::to_string(read) + " entries: " + ec.message());
        return;
      }
    }
  }

  void classify(const fs::directory_entry& entry, std::vector<fs::path>& folders) {
    const fs::path& path = entry.path();
    std::error_code ec = injected(MirrorWalkStep::EntryType, path);
    fs::file_status status;
    if (!ec) status = entry.symlink_status(ec);
    if (ec) return issue(MirrorWalkIssue::Kind::Unreadable, path, false, "cannot read its type: " + ec.message());
    if (fs::is_symlink(status)) return classify_link(path);
    if (fs::is_directory(status)) return folders.push_back(path);
    if (fs::is_regular_file(status)) return walk_.files.push_back(path);
    issue(MirrorWalkIssue::Kind::Skipped, path, false, "not a regular file (FIFO, socket or device)");
  }

  void classify_link(const fs::path& path) {
    std::error_code ec;
    fs::path target = fs::weakly_canonical(path, ec);
    if (ec)
      return issue(MirrorWalkIssue::Kind::Unreadable, path, false, "symbolic link cannot be resolved: " + ec.message());
    fs::path rel = target.lexically_relative(walk_.root);
    const bool inside = !rel.empty() && *rel.begin() != "..";
    fs::file_status status = fs::status(target, ec);
    if (!inside) {
      std::error_code ignored;
      return issue(MirrorWalkIssue::Kind::Skipped, path, fs::is_directory(target, ignored),
                   "symbolic link leaving the mirror folder");
    }
    if (ec && ec != std::errc::no_such_file_or_directory)
      return issue(MirrorWalkIssue::Kind::Unreadable, path, false, "symbolic link cannot be resolved: " + ec.message());
    if (ec || !fs::exists(status))
      return issue(MirrorWalkIssue::Kind::Unreadable, path, false, "broken symbolic link: its target does not exist");
    if (fs::is_directory(status))
      return issue(MirrorWalkIssue::Kind::Skipped, path, true,
                   "symbolic link to a folder inside the mirror: not followed (its files are read where they are)");
    if (fs::is_regular_file(status)) return walk_.files.push_back(path);
    issue(MirrorWalkIssue::Kind::Skipped, path, false,
          "symbolic link to something that is not a regular file (FIFO, socket or device)");
  }

  const MirrorWalkFault& fault_;
  MirrorWalk walk_;
};

}  // namespace

MirrorWalk walk_mirror(const std::string& folder, const MirrorWalkFault& fault) {
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) throw FatalError(folder, "not a folder (or it does not exist)");
  fs::path root = fs::weakly_canonical(fs::path(folder), ec);
  if (ec) throw FatalError(folder, "cannot resolve folder: " + ec.message());
  return Walker(std::move(root), fault).run(folder);
}

}  // namespace blogshift
