// What goes into an archive or a bag: entries named by their path inside it,
// whose bytes come from a file on disk (streamed in blocks, never loaded
// whole) or from memory. Both writers check the names and sort them the same
// way, so the caller's order never shows in the output.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace blogshift {

struct ArchiveEntry {
  std::string name;         // path inside the archive root or the bag's data/: '/'-separated, UTF-8
  std::string source_path;  // a file whose bytes are streamed; empty when `bytes` holds them
  std::string bytes;        // the entry's bytes when source_path is empty

  static ArchiveEntry file(std::string name, std::string source_path);
  static ArchiveEntry memory(std::string name, std::string bytes);
};

// Every regular file under `dir`, named `prefix` + its path relative to `dir`
// ('/'-separated), sorted by name. Symbolic links and special files are
// refused with a FatalError naming them: an archive keeps content, and a link
// could point outside the folder or loop. Empty folders are not listed (the
// writers make the folders their files need). `prefix` is e.g. "content/".
std::vector<ArchiveEntry> list_folder(const std::string& dir, const std::string& prefix = "");

// Sorts `entries` by name (byte order) after checking every name: relative,
// valid UTF-8, no NUL, no empty, "." or ".." part, no trailing '/', no
// duplicate, and no name that is also the folder of another. Throws
// FatalError(`output`, ...) naming the first bad name.
void check_and_sort_entries(std::vector<ArchiveEntry>& entries, const std::string& output);

// The folders that hold `name` ("a/b/c" gives "a", "a/b"), outermost first.
std::vector<std::string> parent_folders(std::string_view name);

// Reads one entry's bytes in blocks. The size is known before the first
// block (a tar header needs it); a file that changes size while it is read
// is an error, not a silently short or long entry.
class EntryReader {
public:
  // Opens the file (FatalError naming it when it cannot be opened or is not a regular file).
  explicit EntryReader(const ArchiveEntry& entry);
  ~EntryReader();
  EntryReader(const EntryReader&) = delete;
  EntryReader& operator=(const EntryReader&) = delete;

  int64_t size() const { return size_; }
  // The next block (at most 1 MiB), empty at the end. FatalError if the file
  // grew or shrank since it was opened, or cannot be read.
  std::string_view next();

private:
  const ArchiveEntry& entry_;
  int fd_ = -1;
  int64_t size_ = 0;
  int64_t done_ = 0;
  std::string buffer_;
};

}  // namespace blogshift
