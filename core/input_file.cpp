#include "input_file.h"

#include <zlib.h>

#include <cstdio>

#include "errors.h"

namespace blogshift {

struct InputFile::Impl {
  gzFile file = nullptr;
  ~Impl() {
    if (file) gzclose(file);
  }
};

InputFile::InputFile(const std::string& path) : impl_(std::make_unique<Impl>()), path_(path) {
  std::unique_ptr<FILE, int (*)(FILE*)> probe(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!probe) throw FatalError(path, "cannot open for reading");
  unsigned char magic[2] = {0, 0};
  gzipped_ = std::fread(magic, 1, 2, probe.get()) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
  impl_->file = gzopen(path.c_str(), "rb");
  if (!impl_->file) throw FatalError(path, "cannot open for reading");
  gzbuffer(impl_->file, 1 << 17);
}

InputFile::~InputFile() = default;

long InputFile::read(char* buffer, size_t size) {
  int got = gzread(impl_->file, buffer, static_cast<unsigned>(size));
  return got < 0 ? -1 : got;
}

std::string InputFile::error() const {
  int code = 0;
  const char* message = gzerror(impl_->file, &code);
  if (code == Z_BUF_ERROR) return "unexpected end of file (truncated gzip member)";
  return message ? message : "read error";
}

int64_t InputFile::raw_offset() const { return gzoffset(impl_->file); }

std::string peek_file(const std::string& path, size_t size) {
  InputFile in(path);
  std::string out(size, '\0');
  long got = in.read(out.data(), size);
  out.resize(got > 0 ? static_cast<size_t>(got) : 0);
  return out;
}

}  // namespace blogshift
