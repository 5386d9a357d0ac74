#include "written_files.h"

#include <filesystem>
#include <fstream>
#include <system_error>

#include "atomic_file.h"
#include "digest.h"
#include "errors.h"

namespace blogshift {

std::string path_inside(const std::string& out_dir, const std::string& relative) {
  const std::filesystem::path rel(relative);
  bool escapes = rel.empty() || rel.is_absolute() || relative.find('\0') != std::string::npos;
  for (const auto& part : rel) escapes = escapes || part == "..";
  if (escapes) throw FatalError(relative, "refusing to write outside the output folder");
  return (std::filesystem::path(out_dir) / rel).string();
}

namespace {
// SHA-256 of the file on disk, or "" when there is none.
std::string disk_sha256(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return "";
  return sha256_file(path);
}
}  // namespace

WrittenFiles::WrittenFiles(Database& db, std::string out_dir, bool overwrite, bool dry_run)
    : db_(db), out_dir_(std::move(out_dir)), overwrite_(overwrite), dry_run_(dry_run) {
  auto rows = db_.prepare("SELECT path, sha256, role FROM written_files");
  while (rows.step()) {
    previous_[rows.column_text(0)] = rows.column_text(1);
    previous_role_[rows.column_text(0)] = rows.column_text(2);
  }
}

void WrittenFiles::write(const std::string& relative, std::string_view bytes, const std::string& role) {
  const std::string path = path_inside(out_dir_, relative);
  const std::string sha = sha256_hex(bytes);
  const std::string on_disk = disk_sha256(path);
  const auto last = previous_.find(relative);
  if (on_disk == sha) {
    ++report_.unchanged;
  } else if (on_disk.empty() || overwrite_ || (last != previous_.end() && last->second == on_disk)) {
    if (!dry_run_) write_file_atomically(path, bytes);
    ++report_.written;
    (on_disk.empty() ? report_.created : report_.changed).push_back(relative);
  } else {
    // Neither what we wrote last time nor what we would write now: someone's edit.
    report_.kept.push_back(relative);
    // The ledger keeps the old digest, so the file stays "edited" on later runs too.
    if (last != previous_.end()) {
      now_[relative] = {last->second, static_cast<int64_t>(bytes.size())};
      now_role_[relative] = role;
    }
    return;
  }
  now_[relative] = {sha, static_cast<int64_t>(bytes.size())};
  now_role_[relative] = role;
}

WrittenFilesReport WrittenFiles::finish(const std::set<std::string>& roles) {
  for (const auto& [relative, sha] : previous_) {
    if (now_.count(relative) || !roles.count(previous_role_[relative])) continue;
    const std::string path = path_inside(out_dir_, relative);
    const std::string on_disk = disk_sha256(path);
    if (on_disk.empty()) continue;
    if (on_disk != sha && !overwrite_) {
      report_.kept.push_back(relative);
      now_[relative] = {sha, 0};
      now_role_[relative] = previous_role_[relative];
      continue;
    }
    ++report_.removed;
    report_.deleted.push_back(relative);
    if (dry_run_) continue;
    std::filesystem::remove(path);
    // Folders the removal emptied go too (a post's bundle), up to the output folder.
    std::error_code ec;
    for (auto dir = std::filesystem::path(path).parent_path();
         dir != std::filesystem::path(out_dir_) && std::filesystem::is_empty(dir, ec) && !ec;
         dir = dir.parent_path()) {
      std::filesystem::remove(dir, ec);
    }
  }
  if (dry_run_) return report_;
  Transaction t(db_);
  auto& erase = db_.cached("DELETE FROM written_files WHERE role = ?");
  for (const auto& role : roles) erase.bind(1, role).run();
  auto& insert = db_.cached("INSERT OR REPLACE INTO written_files (path, sha256, size, role) VALUES (?, ?, ?, ?)");
  for (const auto& [relative, entry] : now_) {
    insert.bind(1, relative).bind(2, entry.first).bind(3, entry.second).bind(4, now_role_[relative]).run();
  }
  t.commit();
  return report_;
}

}  // namespace blogshift
