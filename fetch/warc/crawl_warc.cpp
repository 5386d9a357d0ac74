#include "crawl_warc.h"

#include <fcntl.h>
#include <sys/file.h>
#include <openssl/rand.h>
#include <unistd.h>
#include <zlib.h>

#include <csignal>
#include <cstdlib>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "errors.h"
#include "text.h"
#include "warc/warc_writer.h"

namespace blogshift::fetch {

namespace {

std::string random_record_id() {
  unsigned char b[16];
  if (RAND_bytes(b, sizeof b) != 1) throw std::runtime_error("no random bytes for a WARC-Record-ID");
  b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x40);  // version 4
  b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);  // RFC 4122 variant
  char text[48];
  std::snprintf(text, sizeof text, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1],
                b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
  return std::string("<urn:uuid:") + text + ">";
}

std::string record_type_of(std::string_view head) {
  const size_t at = head.find("\r\nWARC-Type: ");
  if (at == std::string_view::npos) return {};
  const size_t start = at + 13;
  const size_t end = head.find('\r', start);
  return std::string(head.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
}

}  // namespace

std::string recorded_response_head(std::string_view head) {
  std::string out;
  out.reserve(head.size() + 16);
  size_t start = 0;
  while (start < head.size()) {
    size_t end = head.find('\n', start);
    end = end == std::string_view::npos ? head.size() : end + 1;
    std::string_view line = head.substr(start, end - start);
    if (start > 0 && starts_with_ci(line, "transfer-encoding:")) out += "X-Crawler-";
    out.append(line);
    start = end;
  }
  return out;
}

int64_t crawl_warc_whole_end(const std::string& path) {
  FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) throw FatalError(path, std::string("cannot read the crawl's WARC file: ") + std::strerror(errno));
  z_stream z{};
  if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) {
    std::fclose(file);
    throw FatalError(path, "zlib cannot start");
  }
  unsigned char in[1 << 16];
  unsigned char out[1 << 16];
  int64_t consumed = 0;         // compressed bytes before `in`'s start
  int64_t member_start = 0;
  int64_t whole_end = 0;        // end of the last whole exchange
  std::string head;             // the first bytes of the member being read
  bool done = false;
  while (!done) {
    const size_t got = std::fread(in, 1, sizeof in, file);
    if (got == 0) break;
    z.next_in = in;
    z.avail_in = static_cast<uInt>(got);
    while (z.avail_in > 0) {
      z.next_out = out;
      z.avail_out = sizeof out;
      const int rc = inflate(&z, Z_NO_FLUSH);
      if (head.size() < 4096) head.append(reinterpret_cast<char*>(out), std::min<size_t>(sizeof out - z.avail_out, 4096));
      if (rc == Z_STREAM_END) {
        const int64_t member_end = consumed + static_cast<int64_t>(got - z.avail_in);
        // A request ends an exchange only with its response after it.
        if (!head.starts_with("WARC/")) { done = true; break; }
        if (record_type_of(head) != "request") whole_end = member_end;
        member_start = member_end;
        head.clear();
        inflateReset(&z);
        continue;
      }
      if (rc == Z_DATA_ERROR) {
        // Not a record cut short by a stop (that runs out of bytes): bytes
        // that were whole are damaged. Cutting here could lose a crawl.
        inflateEnd(&z);
        std::fclose(file);
        throw FatalError(path, "the gzip member at offset " + std::to_string(member_start) +
                                   " is damaged (not cut short at the end); it is not cut away",
                         "check the file with blogshift verify or warcio, and move it aside to start a new crawl");
      }
      if (rc != Z_OK && rc != Z_BUF_ERROR) { done = true; break; }
    }
    consumed += static_cast<int64_t>(got);
  }
  inflateEnd(&z);
  std::fclose(file);
  return whole_end;
}

CrawlWarc::CrawlWarc(std::string path, const CrawlWarcInfo& info,
                     const std::function<void(const WarcRecord&)>& existing, CrawlWarcResume* resume)
    : path_(std::move(path)) {
  if (const char* kill = std::getenv("BLOGSHIFT_TEST_KILL_AFTER_RECORDS")) kill_after_records_ = std::atoll(kill);
  namespace fs = std::filesystem;
  fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd_ < 0) throw FatalError(path_, std::string("cannot write the crawl's WARC file: ") + std::strerror(errno));
  // One crawl at a time per file: a second one would cut and append under the first.
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd_);
    fd_ = -1;
    throw FatalError(path_, "another blogshift fetch is writing this file", "wait for it to finish");
  }
  CrawlWarcResume r;
  const int64_t size = static_cast<int64_t>(::lseek(fd_, 0, SEEK_END));
  r.existed = size > 0;
  if (r.existed) {
    int64_t whole = 0;
    try {
      whole = crawl_warc_whole_end(path_);
    } catch (...) {
      ::close(fd_);
      fd_ = -1;
      throw;
    }
    if (whole < size) {
      if (::ftruncate(fd_, static_cast<off_t>(whole)) != 0) {
        const std::string why = std::strerror(errno);
        ::close(fd_);
        fd_ = -1;
        throw FatalError(path_, "cannot cut the torn record at the end: " + why);
      }
      r.cut_bytes = size - whole;
    }
  }
  size_ = static_cast<int64_t>(::lseek(fd_, 0, SEEK_END));
  if (size_ > 0) {
    WarcRecordReader reader(path_);
    WarcRead read;
    while (reader.next(read)) {
      if (!read.record) continue;
      ++r.records;
      if (read.record->type == "warcinfo" && warcinfo_id_.empty()) {
        if (const std::string* id = read.record->header("WARC-Record-ID")) warcinfo_id_ = *id;
      }
      if (existing) existing(*read.record);
    }
  }
  if (resume) *resume = r;
  if (size_ == 0) {
    std::string bytes;
    WarcWriter writer([&](std::string_view data) { bytes.append(data); }, WarcDigestAlgorithm::Sha1);
    WarcRecordHead head;
    head.type = "warcinfo";
    head.record_id = warcinfo_id_ = random_record_id();
    head.date = warc_date(static_cast<int64_t>(std::time(nullptr)));
    head.content_type = "application/warc-fields";
    head.fields.push_back({"WARC-Filename", fs::path(path_).filename().string()});
    std::string block = "software: " + info.software + "\r\nformat: WARC File Format 1.1\r\n" +
                        "conformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n" +
                        "http-header-user-agent: " + info.user_agent + "\r\nrobots: " + info.robots + "\r\n";
    for (const auto& seed : info.seeds) block += "seed: " + seed + "\r\n";
    if (!info.description.empty()) block += "description: " + info.description + "\r\n";
    writer.write(head, block);
    append(bytes);
  }
}

CrawlWarc::~CrawlWarc() {
  if (fd_ >= 0) ::close(fd_);
}

void CrawlWarc::append(const std::string& bytes) {
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw FatalError(path_, std::string("cannot write the crawl's WARC file: ") + std::strerror(errno));
    }
    done += static_cast<size_t>(n);
  }
  size_ += static_cast<int64_t>(bytes.size());
}

int64_t CrawlWarc::write(const HttpExchange& x) {
  std::string bytes;
  WarcWriter writer([&](std::string_view data) { bytes.append(data); }, WarcDigestAlgorithm::Sha1);
  const std::string date = warc_date(x.started_at);
  const std::string request_id = random_record_id();
  const std::string response_id = random_record_id();

  // The two records name each other, the warcinfo and the address they came from.
  const auto http_record = [&](const char* type, const std::string& id, const std::string& other) {
    WarcRecordHead head;
    head.type = type;
    head.record_id = id;
    head.date = date;
    head.target_uri = x.url;
    head.content_type = std::string("application/http;msgtype=") + type;
    if (!warcinfo_id_.empty()) head.fields.push_back({"WARC-Warcinfo-ID", warcinfo_id_});
    head.fields.push_back({"WARC-Concurrent-To", other});
    if (!x.remote_ip.empty()) head.fields.push_back({"WARC-IP-Address", x.remote_ip});
    return head;
  };
  writer.write(http_record("request", request_id, response_id), x.request_head);

  const int64_t response_offset = size_ + static_cast<int64_t>(bytes.size());
  WarcRecordHead response = http_record("response", response_id, request_id);
  if (x.truncated)
    response.fields.push_back({"WARC-Truncated", x.error == TransferError::TooLarge ? "length" : "disconnect"});
  std::string block = recorded_response_head(x.response_head);
  block += x.body;
  writer.write(response, block);
  // Tests only: die like a kill -9 in the middle of writing a record.
  if (kill_after_records_ >= 0 && records_written_ >= kill_after_records_) {
    append(bytes.substr(0, bytes.size() / 2));
    std::raise(SIGKILL);
  }
  append(bytes);
  records_written_ += 2;
  return response_offset;
}

void CrawlWarc::sync() {
  if (fd_ >= 0) ::fdatasync(fd_);
}

}  // namespace blogshift::fetch
