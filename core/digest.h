// SHA-256 and SHA-1 through OpenSSL's libcrypto (EVP interface).
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace blogshift {

// Lower-case hex SHA-256 of `data`.
std::string sha256_hex(std::string_view data);

// Incremental SHA-256 for streams and files.
class Sha256 {
public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void update(std::string_view data);
  std::string hex_digest();  // finishes; the object is spent afterwards

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// SHA-256 of a whole file, read in blocks. Throws std::runtime_error naming
// the file when it cannot be read.
std::string sha256_file(const std::string& path);

// Raw 20-byte SHA-1, and its RFC 4648 base32 spelling as WARC tools write it.
std::string sha1_raw(std::string_view data);

// Incremental SHA-1, for blocks that are streamed (WARC digests of files).
class Sha1 {
public:
  Sha1();
  ~Sha1();
  Sha1(const Sha1&) = delete;
  Sha1& operator=(const Sha1&) = delete;
  void update(std::string_view data);
  std::string raw_digest();  // the 20 bytes; finishes, the object is spent afterwards

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};
std::string base32(std::string_view raw);

}  // namespace blogshift
