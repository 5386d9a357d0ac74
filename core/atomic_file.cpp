#include "atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "errors.h"

namespace blogshift {

void write_file_atomically(const std::string& path, std::string_view bytes) {
  AtomicFileWriter file(path);
  file.write(bytes);
  file.commit();
}

AtomicFileWriter::AtomicFileWriter(const std::string& path) : path_(path) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  std::error_code ec;
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
  if (ec) throw FatalError(path, "cannot create its folder: " + ec.message());
  temp_ = path + ".tmp-" + std::to_string(::getpid());
  fd_ = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd_ < 0) throw FatalError(path, std::string("cannot write: ") + std::strerror(errno));
}

AtomicFileWriter::~AtomicFileWriter() {
  if (fd_ < 0) return;
  ::close(fd_);
  ::unlink(temp_.c_str());
}

void AtomicFileWriter::fail(const std::string& what, int err) {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  ::unlink(temp_.c_str());
  throw FatalError(path_, what + std::strerror(err));
}

void AtomicFileWriter::write(std::string_view bytes) {
  if (fd_ < 0) throw FatalError(path_, "written after it was committed");
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail("cannot write: ", errno);
    done += static_cast<size_t>(n);
  }
  size_ += static_cast<int64_t>(bytes.size());
}

void AtomicFileWriter::commit() {
  if (fd_ < 0) throw FatalError(path_, "committed twice");
  if (::fsync(fd_) != 0) fail("cannot write: ", errno);
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) {
    const int err = errno;
    ::unlink(temp_.c_str());
    throw FatalError(path_, std::string("cannot write: ") + std::strerror(err));
  }
  if (::rename(temp_.c_str(), path_.c_str()) != 0) {
    const int err = errno;
    ::unlink(temp_.c_str());
    throw FatalError(path_, std::string("cannot rename into place: ") + std::strerror(err));
  }
}

}  // namespace blogshift
