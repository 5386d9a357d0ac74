// Writing output files atomically: the bytes go to a temporary file in the
// same folder, are flushed, and the temporary is renamed over the target, so
// a reader (or a crash) never sees half a file.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace blogshift {

// Creates the parent folders. Throws FatalError naming the file on failure.
void write_file_atomically(const std::string& path, std::string_view bytes);

// The same for a file written piece by piece (too large to hold in memory):
// write() appends to a temporary file beside `path`; commit() flushes it and
// renames it over `path`. Destroyed without commit(), it removes the
// temporary and leaves `path` as it was. Every failure throws FatalError
// naming `path`.
class AtomicFileWriter {
public:
  explicit AtomicFileWriter(const std::string& path);  // creates the parent folders
  ~AtomicFileWriter();
  AtomicFileWriter(const AtomicFileWriter&) = delete;
  AtomicFileWriter& operator=(const AtomicFileWriter&) = delete;

  void write(std::string_view bytes);
  int64_t size() const { return size_; }  // bytes written so far
  void commit();
  const std::string& path() const { return path_; }

private:
  [[noreturn]] void fail(const std::string& what, int err);

  std::string path_;
  std::string temp_;
  int fd_ = -1;
  int64_t size_ = 0;
};

}  // namespace blogshift
