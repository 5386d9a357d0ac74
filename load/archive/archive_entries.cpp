#include "archive_entries.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>

#include "errors.h"

namespace blogshift {

namespace {

constexpr size_t kBlockSize = 1 << 20;

// Well-formed UTF-8 (RFC 3629): no overlong forms, no surrogates, at most U+10FFFF.
bool valid_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > s.size()) return false;
    uint32_t cp = length == 1 ? c : length == 2 ? (c & 0x1Fu) : length == 3 ? (c & 0x0Fu) : (c & 0x07u);
    for (size_t k = 1; k < length; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3Fu);
    }
    static constexpr uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += length;
  }
  return true;
}

// Why `name` cannot name an entry, or "" when it can.
std::string name_problem(const std::string& name) {
  if (name.empty()) return "empty entry name";
  if (name.find('\0') != std::string::npos) return "NUL byte in the name";
  if (name.front() == '/') return "absolute name";
  if (name.back() == '/') return "name ends with '/'";
  if (!valid_utf8(name)) return "name is not valid UTF-8";
  size_t start = 0;
  while (start <= name.size()) {
    size_t end = name.find('/', start);
    if (end == std::string::npos) end = name.size();
    const std::string_view part(name.data() + start, end - start);
    if (part.empty() || part == "." || part == "..") return "empty, '.' or '..' part in the name";
    start = end + 1;
  }
  return "";
}

}  // namespace

ArchiveEntry ArchiveEntry::file(std::string name, std::string source_path) {
  return ArchiveEntry{std::move(name), std::move(source_path), {}};
}

ArchiveEntry ArchiveEntry::memory(std::string name, std::string bytes) {
  return ArchiveEntry{std::move(name), {}, std::move(bytes)};
}

std::vector<ArchiveEntry> list_folder(const std::string& dir, const std::string& prefix) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw FatalError(dir, "not a folder");
  std::vector<ArchiveEntry> entries;
  fs::recursive_directory_iterator it(dir, ec), end;
  if (ec) throw FatalError(dir, "cannot list: " + ec.message());
  for (; it != end; it.increment(ec)) {
    if (ec) throw FatalError(dir, "cannot list: " + ec.message());
    const fs::path& path = it->path();
    const auto status = it->symlink_status(ec);
    if (ec) throw FatalError(path.string(), "cannot stat: " + ec.message());
    if (fs::is_symlink(status))
      throw FatalError(path.string(), "is a symbolic link; archives and bags keep files only",
                       "replace the link by the file it points to, or leave it out");
    if (fs::is_directory(status)) continue;
    if (!fs::is_regular_file(status)) throw FatalError(path.string(), "is not a regular file (device, FIFO or socket)");
    entries.push_back(ArchiveEntry::file(prefix + path.lexically_relative(dir).generic_string(), path.string()));
  }
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return entries;
}

std::vector<std::string> parent_folders(std::string_view name) {
  std::vector<std::string> out;
  for (size_t slash = name.find('/'); slash != std::string_view::npos; slash = name.find('/', slash + 1))
    out.emplace_back(name.substr(0, slash));
  return out;
}

void check_and_sort_entries(std::vector<ArchiveEntry>& entries, const std::string& output) {
  for (const auto& e : entries)
    if (auto problem = name_problem(e.name); !problem.empty()) throw FatalError(output, problem + ": '" + e.name + "'");
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  std::set<std::string> folders;
  for (size_t i = 0; i < entries.size(); ++i) {
    if (i > 0 && entries[i].name == entries[i - 1].name)
      throw FatalError(output, "two entries named '" + entries[i].name + "'");
    for (auto& folder : parent_folders(entries[i].name)) folders.insert(std::move(folder));
  }
  for (const auto& e : entries)
    if (folders.count(e.name)) throw FatalError(output, "'" + e.name + "' is both a file and the folder of another entry");
}

EntryReader::EntryReader(const ArchiveEntry& entry) : entry_(entry) {
  if (entry.source_path.empty()) {
    size_ = static_cast<int64_t>(entry.bytes.size());
    return;
  }
  fd_ = ::open(entry.source_path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) throw FatalError(entry.source_path, std::string("cannot open: ") + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd_, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd_);
    fd_ = -1;
    throw FatalError(entry.source_path, "is not a regular file");
  }
  size_ = st.st_size;
  buffer_.resize(kBlockSize);
}

EntryReader::~EntryReader() {
  if (fd_ >= 0) ::close(fd_);
}

std::string_view EntryReader::next() {
  if (fd_ < 0) {
    const size_t at = static_cast<size_t>(done_);
    const size_t n = std::min(kBlockSize, entry_.bytes.size() - at);
    done_ += static_cast<int64_t>(n);
    return std::string_view(entry_.bytes).substr(at, n);
  }
  // At the recorded size, one more read must find the end of the file.
  const size_t want = done_ < size_ ? static_cast<size_t>(std::min<int64_t>(size_ - done_, kBlockSize)) : 1;
  ssize_t got;
  do {
    got = ::read(fd_, buffer_.data(), want);
  } while (got < 0 && errno == EINTR);
  if (got < 0) throw FatalError(entry_.source_path, std::string("cannot read: ") + std::strerror(errno));
  if (done_ == size_) {
    if (got > 0) throw FatalError(entry_.source_path, "grew while it was being archived; nothing was written");
    return {};
  }
  if (got == 0) throw FatalError(entry_.source_path, "shrank while it was being archived; nothing was written");
  done_ += got;
  return std::string_view(buffer_.data(), static_cast<size_t>(got));
}

}  // namespace blogshift
