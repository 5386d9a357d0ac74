#include "archive_verifier.h"

#include <algorithm>
#include <fstream>
#include <limits>
#include <map>
#include <set>
#include <stdexcept>
#include <vector>

#include "archive_writer.h"
#include "digest.h"
#include "libarchive_handles.h"
#include "manifest_lines.h"

namespace blogshift {

namespace {

constexpr size_t kMaxManifestBytes = size_t{256} << 20;
constexpr size_t kNoPosition = std::numeric_limits<size_t>::max();

struct Problem {
  size_t position;    // index of the entry in the archive; kNoPosition for what comes after
  std::string entry;  // path inside the archive, or "" when none can be named
  std::string message;
};

// "gzip" or "zstd" when the file starts with that compressor's magic number.
std::string compression_magic(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char magic[4] = {};
  in.read(magic, sizeof magic);
  if (in.gcount() >= 2 && magic[0] == '\x1f' && magic[1] == '\x8b') return "gzip";
  if (in.gcount() == 4 && std::string(magic, 4) == "\x28\xb5\x2f\xfd") return "zstd";
  return "";
}

struct FileEntry {
  size_t position;
  std::string name;      // in the archive, root included
  std::string relative;  // below the root, as the manifest names it
  std::string digest;    // empty when it could not be read
};

class ArchiveCheck {
public:
  ArchiveCheck(const std::string& path, const ArchiveExpectation& expected) : path_(path), expected_(expected) {}

  VerifyResult run() {
    const Utf8LocaleScope utf8;
    if (read_entries()) check_manifest();
    if (!expected_.sha256.empty()) check_file_digest();
    return result();
  }

private:
  void problem(size_t position, std::string entry, std::string message) {
    problems_.push_back({position, std::move(entry), std::move(message)});
  }

  // Reads every entry; false when the stream broke before its end.
  bool read_entries() {
    ArchiveReader a(archive_read_new());
    archive_read_support_filter_gzip(a.get());
    archive_read_support_filter_zstd(a.get());
    archive_read_support_format_tar(a.get());
    archive_read_support_format_zip(a.get());
    if (archive_read_open_filename(a.get(), path_.c_str(), 64 * 1024) != ARCHIVE_OK) {
      // libarchive decompresses the start to recognise the format, so a broken stream fails here.
      const std::string compressor = compression_magic(path_);
      problem(0, "",
              (compressor.empty() ? "cannot read it as a tar.gz, tar.zst or zip archive: "
                                  : "the " + compressor + " stream is corrupt at its start: ") +
                  archive_message(a.get()));
      return false;
    }
    std::string buffer(64 * 1024, '\0');
    std::set<std::string> names;
    for (size_t position = 0;; ++position) {
      archive_entry* e = nullptr;
      const int r = archive_read_next_header(a.get(), &e);
      if (r == ARCHIVE_EOF) break;
      if (r == ARCHIVE_FATAL || !e) {
        const std::string after = last_name_.empty() ? "at its start" : "after entry '" + last_name_ + "'";
        problem(position, "", "the archive stream is corrupt " + after + ": " + archive_message(a.get()));
        return false;
      }
      const char* raw = archive_entry_pathname_utf8(e);
      std::string name = raw ? raw : archive_entry_pathname(e) ? archive_entry_pathname(e) : "";
      while (!name.empty() && name.back() == '/') name.pop_back();
      last_name_ = name;
      if (r != ARCHIVE_OK) problem(position, name, "damaged header: " + archive_message(a.get()));
      if (root_.empty()) root_ = name.substr(0, name.find('/'));
      const bool inside = name.size() > root_.size() && name.compare(0, root_.size() + 1, root_ + "/") == 0;
      if (name != root_ && !inside) problem(position, name, "outside the archive's root folder '" + root_ + "/'");
      if (!names.insert(name).second) problem(position, name, "appears twice in the archive");

      const auto type = archive_entry_filetype(e);
      if (type == AE_IFDIR) continue;
      if (type != AE_IFREG) {
        problem(position, name, "is neither a file nor a folder");
        continue;
      }
      FileEntry file{position, name, inside ? name.substr(root_.size() + 1) : name, {}};
      const bool is_manifest = file.relative == kArchiveManifestName;
      Sha256 hash;
      for (;;) {
        const la_ssize_t n = archive_read_data(a.get(), buffer.data(), buffer.size());
        if (n == 0) break;
        if (n == ARCHIVE_FATAL) {
          // Decompression runs ahead of the entry being read: the damage is in this entry's bytes or later.
          problem(position, name,
                  "the archive stream breaks while this entry is read (the damage is in its bytes or later): " +
                      archive_message(a.get()));
          return false;
        }
        if (n < 0) {
          problem(position, name, "cannot be read back: " + archive_message(a.get()));
          file.digest = "-";
          break;
        }
        hash.update(std::string_view(buffer.data(), static_cast<size_t>(n)));
        if (is_manifest && manifest_.size() < kMaxManifestBytes) manifest_.append(buffer.data(), static_cast<size_t>(n));
      }
      if (file.digest.empty()) file.digest = hash.hex_digest();
      if (is_manifest) {
        have_manifest_ = true;
        if (manifest_.size() >= kMaxManifestBytes) problem(position, name, "manifest larger than 256 MiB");
      } else {
        files_.push_back(std::move(file));
      }
    }
    return true;
  }

  void check_manifest() {
    const std::string manifest_name = root_ + "/" + kArchiveManifestName;
    if (!have_manifest_) {
      problem(kNoPosition, manifest_name, "no manifest in the archive");
      return;
    }
    std::map<std::string, std::string> listed;
    std::vector<std::string> order;
    size_t start = 0, line_number = 0;
    while (start < manifest_.size()) {
      ++line_number;
      size_t end = manifest_.find('\n', start);
      if (end == std::string::npos) end = manifest_.size();
      std::string error;
      const auto line = parse_sha256sum_line(std::string_view(manifest_).substr(start, end - start), error);
      start = end + 1;
      if (!line) {
        problem(kNoPosition, manifest_name, "line " + std::to_string(line_number) + ": " + error);
        continue;
      }
      if (!listed.emplace(line->path, line->digest).second)
        problem(kNoPosition, manifest_name, "line " + std::to_string(line_number) + ": '" + line->path + "' listed twice");
      else
        order.push_back(line->path);
    }
    std::set<std::string> present;
    for (const auto& file : files_) {
      present.insert(file.relative);
      const auto it = listed.find(file.relative);
      if (it == listed.end()) problem(file.position, file.name, "is not listed in " + std::string(kArchiveManifestName));
      else if (file.digest == "-") continue;  // unreadable, already said
      else if (it->second != file.digest)
        problem(file.position, file.name, "SHA-256 " + file.digest + " differs from the manifest's " + it->second);
      else
        ++result_.entries_checked;
    }
    for (const auto& path : order)
      if (!present.count(path)) problem(kNoPosition, root_ + "/" + path, "is listed in the manifest but not in the archive");
    if (expected_.entries >= 0 && static_cast<int64_t>(order.size()) != expected_.entries)
      problem(kNoPosition, manifest_name,
              "lists " + std::to_string(order.size()) + " files; " + std::to_string(expected_.entries) + " were written");
  }

  void check_file_digest() {
    std::string actual;
    try {
      actual = sha256_file(path_);
    } catch (const std::runtime_error& e) {
      problem(kNoPosition, "", e.what());
      return;
    }
    if (actual != expected_.sha256)
      problem(kNoPosition, "",
              "the archive file's SHA-256 " + actual + " differs from " + expected_.sha256 + ", the one it was written with");
  }

  VerifyResult result() {
    std::stable_sort(problems_.begin(), problems_.end(),
                     [](const Problem& a, const Problem& b) { return a.position < b.position; });
    result_.output = path_;
    result_.ok = problems_.empty();
    if (!result_.ok) {
      result_.first_bad_entry = problems_.front().entry;
      result_.message = (problems_.front().entry.empty() ? "" : problems_.front().entry + ": ") + problems_.front().message;
      if (problems_.size() > 1) result_.message += " (and " + std::to_string(problems_.size() - 1) + " more problems)";
    }
    return result_;
  }

  std::string path_;
  ArchiveExpectation expected_;
  VerifyResult result_;
  std::vector<Problem> problems_;
  std::vector<FileEntry> files_;
  std::string root_, last_name_, manifest_;
  bool have_manifest_ = false;
};

}  // namespace

VerifyResult verify_archive(const std::string& path, const ArchiveExpectation& expected) {
  return ArchiveCheck(path, expected).run();
}

}  // namespace blogshift
