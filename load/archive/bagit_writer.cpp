#include "bagit_writer.h"

#include <fcntl.h>
#include <stdio.h>  // renameat2, RENAME_EXCHANGE
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>

#include "atomic_file.h"
#include "digest.h"
#include "errors.h"
#include "manifest_lines.h"

#ifndef BLOGSHIFT_VERSION
#define BLOGSHIFT_VERSION "unknown"
#endif

namespace blogshift {

namespace fs = std::filesystem;

namespace {

std::string utc_date(int64_t epoch) {
  const time_t t = static_cast<time_t>(epoch);
  struct tm tm {};
  char text[16] = "";
  if (!gmtime_r(&t, &tm) || std::strftime(text, sizeof text, "%Y-%m-%d", &tm) == 0)
    throw FatalError("", "bag time " + std::to_string(epoch) + " is out of range");
  return text;
}

// "Label: value" with a line break in the value folded onto an indented line (RFC 8493 2.2.2).
std::string info_line(const std::string& bag, const std::string& label, const std::string& value) {
  if (label.empty() || label.find_first_of(":\r\n") != std::string::npos || label.front() == ' ' ||
      label.front() == '\t' || label.back() == ' ')
    throw FatalError(bag, "bad bag-info.txt label '" + label + "'");
  std::string line = label + ": ";
  for (size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '\r' && i + 1 < value.size() && value[i + 1] == '\n') continue;
    line += value[i] == '\r' || value[i] == '\n' ? std::string("\n  ") : std::string(1, value[i]);
  }
  return line + "\n";
}

// The temporary bag folder; removed unless it was moved into place.
class TempBag {
public:
  explicit TempBag(const std::string& target) : path_(target + ".tmp-" + std::to_string(::getpid())) {
    std::error_code ec;
    fs::remove_all(path_, ec);
    fs::create_directories(fs::path(path_) / "data", ec);
    if (ec) throw FatalError(target, "cannot create " + path_ + ": " + ec.message());
  }
  ~TempBag() {
    std::error_code ec;
    if (!committed_) fs::remove_all(path_, ec);
  }
  TempBag(const TempBag&) = delete;
  TempBag& operator=(const TempBag&) = delete;
  const std::string& path() const { return path_; }

  // Moves the finished bag to `target`, replacing a bag or an empty folder there.
  void commit(const std::string& target) {
    // Every payload file on disk before the rename makes the bag visible:
    // one syncfs for the whole folder instead of an fsync per file.
    const int dir_fd = ::open(path_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir_fd < 0 || ::syncfs(dir_fd) != 0) {
      if (dir_fd >= 0) ::close(dir_fd);
      throw FatalError(target, std::string("cannot flush the new bag to disk: ") + std::strerror(errno));
    }
    ::close(dir_fd);
    std::error_code ec;
    const auto status = fs::symlink_status(target, ec);
    if (!fs::exists(status)) {
      if (::rename(path_.c_str(), target.c_str()) != 0) fail(target);
      committed_ = true;
      return;
    }
    if (!fs::is_directory(status) || (!fs::is_empty(target, ec) && !fs::exists(fs::path(target) / "bagit.txt")))
      throw FatalError(target, "exists and is not a bag; refusing to replace it", "choose another folder or remove it");
    // Swap the two folders in one step where the file system can; the old bag then sits in our temporary folder.
    if (::renameat2(AT_FDCWD, path_.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) != 0) {
      if (errno != EINVAL && errno != ENOSYS) fail(target);
      const std::string old = target + ".old-" + std::to_string(::getpid());
      fs::remove_all(old, ec);
      if (::rename(target.c_str(), old.c_str()) != 0) fail(target);
      if (::rename(path_.c_str(), target.c_str()) != 0) {
        const int err = errno;
        ::rename(old.c_str(), target.c_str());
        errno = err;
        fail(target);
      }
      fs::remove_all(old, ec);
      committed_ = true;
      return;
    }
    fs::remove_all(path_, ec);  // the old bag
    committed_ = true;
  }

private:
  [[noreturn]] void fail(const std::string& target) {
    throw FatalError(target, std::string("cannot move the new bag into place: ") + std::strerror(errno));
  }
  std::string path_;
  bool committed_ = false;
};

// Copies one entry to `dest` (flushed later, all at once); returns its SHA-256 and adds its size to `bytes`.
std::string write_payload_file(const ArchiveEntry& entry, const fs::path& dest, int64_t& bytes) {
  EntryReader reader(entry);
  std::error_code ec;
  fs::create_directories(dest.parent_path(), ec);
  if (ec) throw FatalError(dest.string(), "cannot create its folder: " + ec.message());
  const int fd = ::open(dest.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) throw FatalError(dest.string(), std::string("cannot write: ") + std::strerror(errno));
  Sha256 hash;
  int err = 0;
  for (std::string_view block = reader.next(); !block.empty() && !err;) {
    hash.update(block);
    while (!block.empty()) {
      const ssize_t n = ::write(fd, block.data(), block.size());
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        err = errno;
        break;
      }
      block.remove_prefix(static_cast<size_t>(n));
    }
    if (!err) block = reader.next();
  }
  if (::close(fd) != 0 && !err) err = errno;
  if (err) throw FatalError(dest.string(), std::string("cannot write: ") + std::strerror(err));
  bytes += reader.size();
  return hash.hex_digest();
}

}  // namespace

std::string bag_software_agent() { return std::string("blogshift ") + BLOGSHIFT_VERSION; }

BagResult write_bag(const std::string& bag_dir, std::vector<ArchiveEntry> payload, const BagInfo& info, int64_t epoch) {
  std::string target = bag_dir;
  while (target.size() > 1 && target.back() == '/') target.pop_back();
  check_and_sort_entries(payload, target);
  const std::string bagging_date = utc_date(epoch);
  std::error_code ec;
  if (const auto parent = fs::path(target).parent_path(); !parent.empty()) fs::create_directories(parent, ec);
  if (ec) throw FatalError(target, "cannot create its folder: " + ec.message());

  BagResult result;
  result.path = target;
  TempBag temp(target);
  const fs::path root(temp.path());
  std::string manifest;
  for (const auto& entry : payload) {
    const std::string digest = write_payload_file(entry, root / "data" / entry.name, result.payload_bytes);
    manifest += bagit_manifest_line(digest, "data/" + entry.name);
    ++result.payload_files;
  }

  const std::string bagit = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n";
  std::string bag_info;
  if (!info.source_organization.empty()) bag_info += info_line(target, "Source-Organization", info.source_organization);
  if (!info.external_description.empty()) bag_info += info_line(target, "External-Description", info.external_description);
  if (!info.external_identifier.empty()) bag_info += info_line(target, "External-Identifier", info.external_identifier);
  bag_info += info_line(target, "Bagging-Date", bagging_date);
  bag_info += info_line(target, "Bag-Software-Agent", info.software_agent.empty() ? bag_software_agent() : info.software_agent);
  bag_info += info_line(target, "Payload-Oxum",
                        std::to_string(result.payload_bytes) + "." + std::to_string(result.payload_files));
  for (const auto& [label, value] : info.extra) bag_info += info_line(target, label, value);

  write_file_atomically((root / "bagit.txt").string(), bagit);
  write_file_atomically((root / "bag-info.txt").string(), bag_info);
  write_file_atomically((root / "manifest-sha256.txt").string(), manifest);
  // The tag manifest last: until it is there, the temporary bag does not even claim to be complete.
  const std::string tagmanifest = bagit_manifest_line(sha256_hex(bag_info), "bag-info.txt") +
                                  bagit_manifest_line(sha256_hex(bagit), "bagit.txt") +
                                  bagit_manifest_line(sha256_hex(manifest), "manifest-sha256.txt");
  write_file_atomically((root / "tagmanifest-sha256.txt").string(), tagmanifest);
  result.tagmanifest_sha256 = sha256_hex(tagmanifest);
  temp.commit(target);
  return result;
}

}  // namespace blogshift
