#include "digest.h"

#include <openssl/evp.h>

#include <cstdio>
#include <stdexcept>

namespace blogshift {

namespace {
struct MdCtxDeleter {
  void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};
using MdCtx = std::unique_ptr<EVP_MD_CTX, MdCtxDeleter>;

std::string to_hex(const unsigned char* bytes, unsigned int length) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  out.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    out += digits[bytes[i] >> 4];
    out += digits[bytes[i] & 0xF];
  }
  return out;
}
}  // namespace

struct Sha256::Impl {
  MdCtx ctx{EVP_MD_CTX_new()};
};

Sha256::Sha256() : impl_(std::make_unique<Impl>()) {
  if (!impl_->ctx || EVP_DigestInit_ex(impl_->ctx.get(), EVP_sha256(), nullptr) != 1)
    throw std::runtime_error("libcrypto: cannot initialise SHA-256");
}
Sha256::~Sha256() = default;

void Sha256::update(std::string_view data) {
  EVP_DigestUpdate(impl_->ctx.get(), data.data(), data.size());
}

std::string Sha256::hex_digest() {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_DigestFinal_ex(impl_->ctx.get(), md, &length);
  return to_hex(md, length);
}

std::string sha256_hex(std::string_view data) {
  Sha256 hash;
  hash.update(data);
  return hash.hex_digest();
}

std::string sha256_file(const std::string& path) {
  std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) throw std::runtime_error(path + ": cannot open for reading");
  Sha256 hash;
  std::string buffer(1 << 16, '\0');
  size_t got;
  while ((got = std::fread(buffer.data(), 1, buffer.size(), file.get())) > 0)
    hash.update(std::string_view(buffer.data(), got));
  if (std::ferror(file.get())) throw std::runtime_error(path + ": read error");
  return hash.hex_digest();
}

std::string sha1_raw(std::string_view data) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(data.data(), data.size(), md, &length, EVP_sha1(), nullptr);
  return std::string(reinterpret_cast<char*>(md), length);
}

struct Sha1::Impl {
  MdCtx ctx{EVP_MD_CTX_new()};
};

Sha1::Sha1() : impl_(std::make_unique<Impl>()) {
  if (!impl_->ctx || EVP_DigestInit_ex(impl_->ctx.get(), EVP_sha1(), nullptr) != 1)
    throw std::runtime_error("libcrypto: cannot initialise SHA-1");
}
Sha1::~Sha1() = default;

void Sha1::update(std::string_view data) { EVP_DigestUpdate(impl_->ctx.get(), data.data(), data.size()); }

std::string Sha1::raw_digest() {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_DigestFinal_ex(impl_->ctx.get(), md, &length);
  return std::string(reinterpret_cast<char*>(md), length);
}

std::string base32(std::string_view raw) {
  static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  std::string out;
  unsigned int buffer = 0;
  int bits = 0;
  for (unsigned char c : raw) {
    buffer = (buffer << 8) | c;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(buffer << (5 - bits)) & 31];
  while (out.size() % 8 != 0) out += '=';
  return out;
}

}  // namespace blogshift
