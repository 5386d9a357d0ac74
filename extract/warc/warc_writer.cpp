#include "warc_writer.h"

#include <zlib.h>

#include <cstdio>
#include <ctime>
#include <stdexcept>

#include "digest.h"
#include "errors.h"
#include "warc/http_response.h"
#include "text.h"

namespace blogshift {

namespace {

constexpr size_t kChunk = size_t{1} << 16;

// A fixed namespace for blogshift's name-based record ids (never change it:
// the ids of every WARC written so far depend on it).
constexpr unsigned char kIdNamespace[16] = {0x5f, 0x1d, 0x8a, 0x4e, 0x2c, 0x6b, 0x4b, 0x8e,
                                            0x9a, 0x37, 0x0d, 0x4e, 0x6c, 0x21, 0xb7, 0xf3};

void check_field(std::string_view name, std::string_view value) {
  auto bad = [](std::string_view s) { return s.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos; };
  if (name.empty() || bad(name) || name.find(':') != std::string_view::npos || trim(name, kHeaderSpace) != name)
    throw std::invalid_argument("WARC header name \"" + std::string(name) + "\" cannot be written");
  if (bad(value) || trim(value, kHeaderSpace) != value)
    throw std::invalid_argument("WARC header " + std::string(name) + " has a value that cannot be written as it is");
}

bool is_http_message(std::string_view content_type, std::string_view block) {
  if (content_type.empty()) return block.substr(0, 5) == "HTTP/";
  return starts_with_ci(content_type, "application/http");
}

}  // namespace

struct WarcDigester::Impl {
  WarcDigestAlgorithm algorithm;
  Sha1 sha1;
  Sha256 sha256;
};

WarcDigester::WarcDigester(WarcDigestAlgorithm algorithm) : impl_(std::make_unique<Impl>()) {
  impl_->algorithm = algorithm;
}
WarcDigester::~WarcDigester() = default;

void WarcDigester::update(std::string_view data) {
  if (impl_->algorithm == WarcDigestAlgorithm::Sha1) impl_->sha1.update(data);
  else impl_->sha256.update(data);
}

std::string WarcDigester::value() {
  if (impl_->algorithm == WarcDigestAlgorithm::Sha1) return "sha1:" + base32(impl_->sha1.raw_digest());
  return "sha256:" + impl_->sha256.hex_digest();
}

std::string warc_digest(WarcDigestAlgorithm algorithm, std::string_view data) {
  WarcDigester digester(algorithm);
  digester.update(data);
  return digester.value();
}

std::optional<std::string_view> warc_payload(std::string_view type, std::string_view content_type,
                                             std::string_view block) {
  if (type == "warcinfo") return std::nullopt;
  if ((type == "request" || type == "response" || type == "revisit") && is_http_message(content_type, block)) {
    const size_t end = http_head_end(block);
    if (end == std::string_view::npos) return std::nullopt;
    return block.substr(end);
  }
  return block;
}

std::string warc_date(int64_t epoch_seconds) {
  const std::time_t t = static_cast<std::time_t>(epoch_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

std::string warc_record_id(std::string_view name) {
  Sha1 sha;
  sha.update(std::string_view(reinterpret_cast<const char*>(kIdNamespace), sizeof kIdNamespace));
  sha.update(name);
  std::string raw = sha.raw_digest();
  raw[6] = static_cast<char>((raw[6] & 0x0f) | 0x50);  // version 5
  raw[8] = static_cast<char>((raw[8] & 0x3f) | 0x80);  // RFC 4122 variant
  static const char* digits = "0123456789abcdef";
  std::string out = "<urn:uuid:";
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    const auto byte = static_cast<unsigned char>(raw[static_cast<size_t>(i)]);
    out += digits[byte >> 4];
    out += digits[byte & 0xf];
  }
  return out + ">";
}

std::string warc_head_bytes(const std::vector<WarcField>& fields) {
  std::string out = "WARC/1.1\r\n";
  for (const auto& [name, value] : fields) {
    out += name;
    out += ": ";
    out += value;
    out += "\r\n";
  }
  out += "\r\n";
  return out;
}

void read_http_index_fields(WarcWrittenRecord& record, std::string_view block) {
  if ((record.type != "response" && record.type != "revisit") || block.empty()) return;
  std::string error;
  if (auto http = parse_http_head(block, error)) {
    record.http_status = http->status;
    if (const std::string* type = http->header("Content-Type"))
      record.http_mime = std::string(trim(std::string_view(*type).substr(0, type->find(';')), kHeaderSpace));
  }
}

struct WarcWriter::Deflater {
  z_stream z{};
  bool ready = false;
  ~Deflater() {
    if (ready) deflateEnd(&z);
  }
};

WarcWriter::WarcWriter(Output out, WarcDigestAlgorithm algorithm, int level)
    : out_(std::move(out)), algorithm_(algorithm), deflater_(std::make_unique<Deflater>()) {
  // windowBits 15 + 16: a gzip wrapper. zlib's default gzip header has no
  // name and a modification time of 0, so the bytes depend on nothing else.
  if (deflateInit2(&deflater_->z, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("zlib: cannot initialise deflate");
  deflater_->ready = true;
}

WarcWriter::~WarcWriter() = default;

void WarcWriter::emit(const char* data, size_t size) {
  if (size == 0) return;
  out_(std::string_view(data, size));
  offset_ += static_cast<int64_t>(size);
}

void WarcWriter::begin_member() { deflateReset(&deflater_->z); }

void WarcWriter::compress(std::string_view data) {
  z_stream& z = deflater_->z;
  char buffer[kChunk];
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  // Pieces are at most a few MiB (callers split larger blocks), well under uInt.
  do {
    z.next_out = reinterpret_cast<Bytef*>(buffer);
    z.avail_out = sizeof buffer;
    deflate(&z, Z_NO_FLUSH);
    emit(buffer, sizeof buffer - z.avail_out);
  } while (z.avail_out == 0);
}

void WarcWriter::end_member() {
  z_stream& z = deflater_->z;
  char buffer[kChunk];
  z.next_in = nullptr;
  z.avail_in = 0;
  int status;
  do {
    z.next_out = reinterpret_cast<Bytef*>(buffer);
    z.avail_out = sizeof buffer;
    status = deflate(&z, Z_FINISH);
    emit(buffer, sizeof buffer - z.avail_out);
  } while (status == Z_OK);
  if (status != Z_STREAM_END) throw std::runtime_error("zlib: deflate failed");
}

std::string WarcWriter::head_for(const WarcRecordHead& head, const Digests& digests, WarcWrittenRecord& written) const {
  std::vector<WarcField> fields;
  fields.emplace_back("WARC-Type", head.type);
  fields.emplace_back("WARC-Record-ID", head.record_id);
  fields.emplace_back("WARC-Date", head.date);
  if (!head.target_uri.empty()) fields.emplace_back("WARC-Target-URI", head.target_uri);
  for (const auto& field : head.fields) fields.push_back(field);
  if (!head.content_type.empty()) fields.emplace_back("Content-Type", head.content_type);
  fields.emplace_back("WARC-Block-Digest", digests.block);
  if (!digests.payload.empty()) fields.emplace_back("WARC-Payload-Digest", digests.payload);
  fields.emplace_back("Content-Length", std::to_string(digests.length));
  for (const auto& [name, value] : fields) check_field(name, value);

  written.type = head.type;
  written.record_id = head.record_id;
  written.date = head.date;
  written.target_uri = head.target_uri;
  written.content_type = head.content_type;
  written.block_digest = digests.block;
  written.payload_digest = digests.payload;
  written.block_length = digests.length;
  return warc_head_bytes(fields);
}

WarcWrittenRecord WarcWriter::write(const WarcRecordHead& head, std::string_view block) {
  Digests digests;
  digests.block = warc_digest(algorithm_, block);
  digests.length = static_cast<int64_t>(block.size());
  if (!head.payload_digest.empty()) {
    digests.payload = head.payload_digest;
  } else if (head.type != "revisit") {
    if (auto payload = warc_payload(head.type, head.content_type, block))
      digests.payload = warc_digest(algorithm_, *payload);
  }
  WarcWrittenRecord written;
  const std::string head_bytes = head_for(head, digests, written);
  read_http_index_fields(written, block);

  written.offset = offset_;
  begin_member();
  compress(head_bytes);
  for (size_t at = 0; at < block.size(); at += kChunk * 64) compress(block.substr(at, kChunk * 64));
  compress("\r\n\r\n");
  end_member();
  written.length = offset_ - written.offset;
  return written;
}

WarcWrittenRecord WarcWriter::write_file(const WarcRecordHead& head, const std::string& path) {
  auto open = [&] {
    std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!file) throw FatalError(path, "cannot open for reading");
    return file;
  };
  std::string buffer(kChunk * 4, '\0');
  // Reads the file through, handing each piece to `piece`; returns its digest.
  auto pass = [&](const std::function<void(std::string_view)>& piece) {
    auto file = open();
    WarcDigester digester(algorithm_);
    size_t got;
    while ((got = std::fread(buffer.data(), 1, buffer.size(), file.get())) > 0) {
      const std::string_view data(buffer.data(), got);
      digester.update(data);
      piece(data);
    }
    if (std::ferror(file.get())) throw FatalError(path, "read error");
    return digester.value();
  };

  Digests digests;
  digests.block = pass([&](std::string_view data) { digests.length += static_cast<int64_t>(data.size()); });
  digests.payload = digests.block;  // a resource's payload is its whole block
  WarcWrittenRecord written;
  const std::string head_bytes = head_for(head, digests, written);

  written.offset = offset_;
  begin_member();
  compress(head_bytes);
  int64_t copied = 0;
  const std::string again = pass([&](std::string_view data) {
    copied += static_cast<int64_t>(data.size());
    if (copied <= digests.length) compress(data);
  });
  if (again != digests.block || copied != digests.length)
    throw FatalError(path, "changed while it was being copied into the WARC file");
  compress("\r\n\r\n");
  end_member();
  written.length = offset_ - written.offset;
  return written;
}

}  // namespace blogshift
