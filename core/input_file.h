// Reads a file that may be gzip-compressed (one or many members) as one
// stream of bytes, through zlib's gzread. Plain files pass through unchanged.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

namespace blogshift {

class InputFile {
public:
  // Throws FatalError naming the file when it cannot be opened.
  explicit InputFile(const std::string& path);
  ~InputFile();
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;

  // Reads up to `size` decompressed bytes; 0 at the end. Returns -1 on a
  // read or decompression error (error() says which; a truncated gzip
  // member is reported as such).
  long read(char* buffer, size_t size);
  std::string error() const;
  bool gzipped() const { return gzipped_; }
  const std::string& path() const { return path_; }
  // Bytes of the file consumed so far (compressed bytes for gzip input).
  int64_t raw_offset() const;

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string path_;
  bool gzipped_ = false;
};

// The first `size` decompressed bytes of a file (for recognising its kind).
std::string peek_file(const std::string& path, size_t size);

}  // namespace blogshift
