#include "zip_dos_times.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>

#include "errors.h"

namespace blogshift {

namespace {

// Zip record signatures and fixed sizes (APPNOTE.TXT 4.3).
constexpr uint32_t kLocalHeader = 0x04034b50, kCentralHeader = 0x02014b50;
constexpr uint32_t kEnd = 0x06054b50, kZip64End = 0x06064b50, kZip64Locator = 0x07064b50;
constexpr size_t kEndSize = 22, kLocatorSize = 20, kZip64EndSize = 56, kCentralSize = 46;

uint32_t le(const unsigned char* p, int bytes) {
  uint32_t v = 0;
  for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}
uint64_t le64(const unsigned char* p) { return (static_cast<uint64_t>(le(p + 4, 4)) << 32) | le(p, 4); }
void put_le32(unsigned char* p, uint32_t v) {
  for (int i = 0; i < 4; ++i) p[i] = static_cast<unsigned char>(v >> (8 * i));
}

class ZipFile {
public:
  explicit ZipFile(const std::string& path) : path_(path) {
    fd_ = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
    if (fd_ < 0) fail(std::string("cannot open: ") + std::strerror(errno));
    struct stat st {};
    if (::fstat(fd_, &st) != 0) fail(std::string("cannot stat: ") + std::strerror(errno));
    size_ = static_cast<uint64_t>(st.st_size);
  }
  ~ZipFile() { ::close(fd_); }
  ZipFile(const ZipFile&) = delete;
  ZipFile& operator=(const ZipFile&) = delete;

  uint64_t size() const { return size_; }
  std::string read(uint64_t offset, uint64_t length) const {
    if (offset > size_ || length > size_ - offset) fail("record past the end of the file");
    std::string bytes(length, '\0');
    if (::pread(fd_, bytes.data(), length, static_cast<off_t>(offset)) != static_cast<ssize_t>(length))
      fail(std::string("cannot read: ") + std::strerror(errno));
    return bytes;
  }
  void write(uint64_t offset, const std::string& bytes) const {
    if (::pwrite(fd_, bytes.data(), bytes.size(), static_cast<off_t>(offset)) != static_cast<ssize_t>(bytes.size()))
      fail(std::string("cannot write: ") + std::strerror(errno));
  }
  [[noreturn]] void fail(const std::string& message) const {
    throw FatalError(path_, "zip date normalisation: " + message);
  }

private:
  std::string path_;
  int fd_ = -1;
  uint64_t size_ = 0;
};

const unsigned char* bytes_of(const std::string& s, size_t at = 0) {
  return reinterpret_cast<const unsigned char*>(s.data()) + at;
}

// Where the central directory starts and how long it is.
std::pair<uint64_t, uint64_t> central_directory(const ZipFile& zip) {
  if (zip.size() < kEndSize) zip.fail("too short for a zip");
  const std::string end = zip.read(zip.size() - kEndSize, kEndSize);
  if (le(bytes_of(end), 4) != kEnd) zip.fail("no end-of-central-directory record at the end");
  uint64_t cd_size = le(bytes_of(end, 12), 4), cd_offset = le(bytes_of(end, 16), 4);
  if (le(bytes_of(end, 10), 2) == 0xFFFF || cd_size == 0xFFFFFFFF || cd_offset == 0xFFFFFFFF) {
    if (zip.size() < kEndSize + kLocatorSize) zip.fail("no Zip64 locator");
    const std::string locator = zip.read(zip.size() - kEndSize - kLocatorSize, kLocatorSize);
    if (le(bytes_of(locator), 4) != kZip64Locator) zip.fail("no Zip64 locator");
    const std::string end64 = zip.read(le64(bytes_of(locator, 8)), kZip64EndSize);
    if (le(bytes_of(end64), 4) != kZip64End) zip.fail("no Zip64 end record");
    cd_size = le64(bytes_of(end64, 40));
    cd_offset = le64(bytes_of(end64, 48));
  }
  return {cd_offset, cd_size};
}

// The local header offset of the central record at `at`, from its Zip64
// extra field when the 32-bit field says 0xFFFFFFFF.
uint64_t local_offset(const ZipFile& zip, const std::string& cd, size_t at) {
  const uint64_t offset = le(bytes_of(cd, at + 42), 4);
  if (offset != 0xFFFFFFFF) return offset;
  const size_t name_length = le(bytes_of(cd, at + 28), 2), extra_length = le(bytes_of(cd, at + 30), 2);
  size_t p = at + kCentralSize + name_length;
  const size_t extra_end = p + extra_length;
  while (p + 4 <= extra_end) {
    const uint32_t id = le(bytes_of(cd, p), 2), length = le(bytes_of(cd, p + 2), 2);
    if (id == 0x0001) {
      // Only the fields whose 32-bit counterpart is 0xFFFFFFFF are there, in this order.
      size_t field = p + 4;
      if (le(bytes_of(cd, at + 24), 4) == 0xFFFFFFFF) field += 8;  // uncompressed size
      if (le(bytes_of(cd, at + 20), 4) == 0xFFFFFFFF) field += 8;  // compressed size
      if (field + 8 > p + 4 + length) break;
      return le64(bytes_of(cd, field));
    }
    p += 4 + length;
  }
  zip.fail("a central directory record has no local header offset");
}

}  // namespace

uint32_t dos_date_time_utc(int64_t epoch) {
  const time_t t = static_cast<time_t>(epoch);
  struct tm tm {};
  if (!gmtime_r(&t, &tm) || tm.tm_year < 80) return 0x00210000u;  // 1980-01-01 00:00:00
  if (tm.tm_year > 207) return 0xff9fbf7du;                       // 2107-12-31 23:59:58
  const auto u = [](int v) { return static_cast<uint32_t>(v); };
  const uint32_t date = (u(tm.tm_year - 80) << 9) | (u(tm.tm_mon + 1) << 5) | u(tm.tm_mday);
  const uint32_t time = (u(tm.tm_hour) << 11) | (u(tm.tm_min) << 5) | (u(tm.tm_sec) >> 1);
  return (date << 16) | time;
}

bool set_zip_dos_times_utc(const std::string& path, int64_t epoch) {
  const ZipFile zip(path);
  const uint32_t wanted = dos_date_time_utc(epoch);
  const auto [cd_offset, cd_size] = central_directory(zip);
  std::string cd = zip.read(cd_offset, cd_size);
  bool changed = false;
  std::string stamp(4, '\0');
  put_le32(reinterpret_cast<unsigned char*>(stamp.data()), wanted);
  for (size_t at = 0; at < cd.size();) {
    if (at + kCentralSize > cd.size() || le(bytes_of(cd, at), 4) != kCentralHeader)
      zip.fail("damaged central directory");
    const uint64_t local = local_offset(zip, cd, at);
    const std::string header = zip.read(local, 14);
    if (le(bytes_of(header), 4) != kLocalHeader) zip.fail("a central directory record points at no local header");
    if (le(bytes_of(header, 10), 4) != le(bytes_of(cd, at + 12), 4))
      zip.fail("local and central dates differ; not a zip libarchive wrote");
    if (le(bytes_of(cd, at + 12), 4) != wanted) {
      zip.write(local + 10, stamp);
      cd.replace(at + 12, 4, stamp);
      changed = true;
    }
    at += kCentralSize + le(bytes_of(cd, at + 28), 2) + le(bytes_of(cd, at + 30), 2) + le(bytes_of(cd, at + 32), 2);
  }
  if (changed) zip.write(cd_offset, cd);
  return changed;
}

}  // namespace blogshift
