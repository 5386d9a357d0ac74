#include "archive_writer.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <set>

#include "digest.h"
#include "errors.h"
#include "libarchive_handles.h"
#include "manifest_lines.h"
#include "text.h"
#include "zip_dos_times.h"

namespace blogshift {

namespace {

constexpr int64_t kMaxEpoch = 0xFFFFFFFFLL;  // the zip "UT" field holds 32 bits

struct Extension {
  const char* suffix;
  ArchiveFormat format;
};
constexpr Extension kExtensions[] = {{".tar.gz", ArchiveFormat::kTarGz},   {".tgz", ArchiveFormat::kTarGz},
                                     {".tar.zst", ArchiveFormat::kTarZst}, {".tzst", ArchiveFormat::kTarZst},
                                     {".zip", ArchiveFormat::kZip}};

// Media that is compressed already: deflating it again costs time for nothing.
bool already_compressed(const std::string& name) {
  for (const char* ext : {".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".heic", ".mp3", ".mp4", ".m4a", ".ogg",
                          ".webm", ".zip", ".gz", ".tgz", ".zst", ".xz", ".bz2", ".7z"})
    if (ends_with_ci(name, ext)) return true;
  return false;
}

// Where libarchive's output goes: the temporary file, hashed and counted on the way.
struct Sink {
  int fd = -1;
  Sha256 hash;
  int64_t bytes = 0;
  std::string error;
};

la_ssize_t sink_write(archive*, void* data, const void* buffer, size_t length) {
  auto* sink = static_cast<Sink*>(data);
  const char* p = static_cast<const char*>(buffer);
  size_t left = length;
  while (left > 0) {
    ssize_t n = ::write(sink->fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      sink->error = std::strerror(errno);
      return -1;
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  sink->hash.update(std::string_view(static_cast<const char*>(buffer), length));
  sink->bytes += static_cast<int64_t>(length);
  return static_cast<la_ssize_t>(length);
}

// The temporary file; removed unless it was renamed into place.
class TempFile {
public:
  explicit TempFile(const std::string& target) : path_(target + ".tmp-" + std::to_string(::getpid())) {
    fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd_ < 0) throw FatalError(target, std::string("cannot write: ") + std::strerror(errno));
  }
  ~TempFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!committed_) ::unlink(path_.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  int fd() const { return fd_; }
  const std::string& path() const { return path_; }
  void close_and_rename(const std::string& target) {
    if (::fsync(fd_) != 0 || ::close(fd_) != 0) {
      fd_ = -1;
      throw FatalError(target, std::string("cannot write: ") + std::strerror(errno));
    }
    fd_ = -1;
    if (::rename(path_.c_str(), target.c_str()) != 0)
      throw FatalError(target, std::string("cannot rename into place: ") + std::strerror(errno));
    committed_ = true;
  }

private:
  std::string path_;
  int fd_ = -1;
  bool committed_ = false;
};

class Packer {
public:
  Packer(const std::string& path, ArchiveFormat format, int64_t epoch, Sink& sink)
      : path_(path), format_(format), epoch_(epoch), a_(archive_write_new()) {
    if (!a_) throw FatalError(path, "libarchive: out of memory");
    if (format == ArchiveFormat::kZip) {
      check(archive_write_set_format_zip(a_.get()), "zip format");
    } else {
      check(archive_write_set_format_pax_restricted(a_.get()), "pax format");
      if (format == ArchiveFormat::kTarGz) {
        check(archive_write_add_filter_gzip(a_.get()), "gzip filter");
        // No time stamp in the gzip header (libarchive writes none of a file name).
        check(archive_write_set_filter_option(a_.get(), "gzip", "timestamp", nullptr), "gzip options");
      } else {
        check(archive_write_add_filter_zstd(a_.get()), "zstd filter");
      }
    }
    // Blocks of 64 KiB to the file, and no padding after the last one.
    check(archive_write_set_bytes_per_block(a_.get(), 64 * 1024), "block size");
    check(archive_write_set_bytes_in_last_block(a_.get(), 1), "block size");
    check(archive_write_open(a_.get(), &sink, nullptr, sink_write, nullptr), "open", &sink);
  }

  void folder(const std::string& name) { header(name, AE_IFDIR, 0755, 0); }

  // Packs one entry; returns its SHA-256 and adds its size to `bytes`.
  std::string file(const std::string& name, const ArchiveEntry& entry, Sink& sink, int64_t& bytes) {
    EntryReader reader(entry);
    if (format_ == ArchiveFormat::kZip) {
      const int r = already_compressed(name) ? archive_write_zip_set_compression_store(a_.get())
                                             : archive_write_zip_set_compression_deflate(a_.get());
      check(r, "zip compression");
    }
    header(name, AE_IFREG, 0644, reader.size(), &sink);
    bytes += reader.size();
    Sha256 hash;
    for (std::string_view block = reader.next(); !block.empty(); block = reader.next()) {
      hash.update(block);
      while (!block.empty()) {
        const la_ssize_t n = archive_write_data(a_.get(), block.data(), block.size());
        if (n <= 0) check(ARCHIVE_FATAL, "data of '" + name + "'", &sink);
        block.remove_prefix(static_cast<size_t>(n));
      }
    }
    return hash.hex_digest();
  }

  void close(Sink& sink) { check(archive_write_close(a_.get()), "close", &sink); }

private:
  void header(const std::string& name, unsigned type, unsigned perm, int64_t size, Sink* sink = nullptr) {
    ArchiveEntryPtr e(archive_entry_new());
    archive_entry_set_pathname_utf8(e.get(), name.c_str());
    archive_entry_set_filetype(e.get(), type);
    archive_entry_set_perm(e.get(), static_cast<mode_t>(perm));
    archive_entry_set_uid(e.get(), 0);
    archive_entry_set_gid(e.get(), 0);
    archive_entry_set_mtime(e.get(), static_cast<time_t>(epoch_), 0);
    archive_entry_set_size(e.get(), size);
    check(archive_write_header(a_.get(), e.get()), "header of '" + name + "'", sink);
  }

  // Anything but ARCHIVE_OK is an error: a warning means libarchive changed
  // something (a name it could not convert), and the archive would not be ours.
  void check(int r, const std::string& what, Sink* sink = nullptr) {
    if (r == ARCHIVE_OK) return;
    std::string message = "libarchive: " + what + ": " + archive_message(a_.get());
    if (sink && !sink->error.empty()) message = "cannot write: " + sink->error;
    throw FatalError(path_, message);
  }

  std::string path_;
  ArchiveFormat format_;
  int64_t epoch_;
  ArchiveWriter a_;
};

}  // namespace

std::optional<ArchiveFormat> archive_format_for_path(const std::string& path) {
  for (const auto& ext : kExtensions)
    if (ends_with_ci(path, ext.suffix)) return ext.format;
  return std::nullopt;
}

const char* archive_kind(ArchiveFormat format) {
  switch (format) {
    case ArchiveFormat::kTarGz: return "tar.gz";
    case ArchiveFormat::kTarZst: return "tar.zst";
    case ArchiveFormat::kZip: return "zip";
  }
  return "";
}

std::string archive_root_name(const std::string& path) {
  const std::string name = std::filesystem::path(path).filename().string();
  for (const auto& ext : kExtensions) {
    const size_t length = std::strlen(ext.suffix);
    if (ends_with_ci(name, ext.suffix) && name.size() > length) return name.substr(0, name.size() - length);
  }
  return name;
}

ArchiveResult write_archive(const std::string& path, ArchiveFormat format, std::vector<ArchiveEntry> entries,
                            int64_t epoch) {
  if (epoch < 0 || epoch > kMaxEpoch) throw FatalError(path, "archive time " + std::to_string(epoch) + " is out of range");
  check_and_sort_entries(entries, path);
  for (const auto& e : entries)
    if (e.name == kArchiveManifestName) throw FatalError(path, std::string(kArchiveManifestName) + " is a reserved entry name");

  ArchiveResult result;
  result.path = path;
  result.format = format;
  result.root = archive_root_name(path);
  std::error_code ec;
  if (const auto parent = std::filesystem::path(path).parent_path(); !parent.empty())
    std::filesystem::create_directories(parent, ec);
  if (ec) throw FatalError(path, "cannot create its folder: " + ec.message());

  const Utf8LocaleScope utf8;
  TempFile temp(path);
  Sink sink;
  sink.fd = temp.fd();
  Packer packer(path, format, epoch, sink);
  const std::string root = result.root + "/";
  packer.folder(result.root);
  std::set<std::string> folders;
  std::string manifest;
  for (const auto& entry : entries) {
    for (const auto& folder : parent_folders(entry.name))
      if (folders.insert(folder).second) packer.folder(root + folder);
    manifest += sha256sum_line(packer.file(root + entry.name, entry, sink, result.payload_bytes), entry.name);
    ++result.entries;
  }
  int64_t manifest_bytes = 0;
  packer.file(root + kArchiveManifestName, ArchiveEntry::memory(kArchiveManifestName, manifest), sink, manifest_bytes);
  packer.close(sink);

  result.size = sink.bytes;
  result.sha256 = sink.hash.hex_digest();
  if (format == ArchiveFormat::kZip && set_zip_dos_times_utc(temp.path(), epoch)) result.sha256 = sha256_file(temp.path());
  temp.close_and_rename(path);
  return result;
}

std::optional<int64_t> source_date_epoch_from_environment() {
  const char* value = std::getenv("SOURCE_DATE_EPOCH");
  if (!value) return std::nullopt;
  const std::string text = value;
  if (!all_ascii_digits(text) || text.size() > 10 || std::stoll(text) > kMaxEpoch)
    throw UsageError("SOURCE_DATE_EPOCH='" + text + "' is not a number of seconds since 1970 (0 to 4294967295)");
  return std::stoll(text);
}

}  // namespace blogshift
