// Serialises WARC/1.1 records, each as its own gzip member, with
// WARC-Block-Digest and WARC-Payload-Digest, so that two runs on the same
// material give the same bytes.
//
// Contract:
//  - The caller gives every header value (type, record id, date, target URI,
//    further fields); the writer adds only the digests and Content-Length.
//    It makes up nothing: no random ids, no clock. warc_record_id() makes a
//    name-based id for records the caller creates.
//  - Header lines are `Name: value` CRLF, in this order: WARC-Type,
//    WARC-Record-ID, WARC-Date, WARC-Target-URI (when given), the further
//    fields in the caller's order, Content-Type (when given),
//    WARC-Block-Digest, WARC-Payload-Digest (when there is one),
//    Content-Length; then CRLF, the block, CRLF CRLF. A name or value holding
//    CR, LF or NUL, or a value with white space at either end (it would not
//    read back the same), is refused with std::invalid_argument.
//  - Digests: sha1 in base32 (what wget, Heritrix and warcio write) or
//    sha256 in lower-case hex (what warcio.js and Browsertrix write). The
//    payload is what warc_payload() says; warcinfo records get a block digest
//    only, and a revisit record's payload digest (of the payload it refers
//    to) is written as the caller gives it.
//  - Each record is one gzip member (zlib, no file name, modification time
//    0), so a reader can seek to any record by its member's offset.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace blogshift {

enum class WarcDigestAlgorithm { Sha1, Sha256 };

// "sha1:<base32>" or "sha256:<hex>" of `data`.
std::string warc_digest(WarcDigestAlgorithm algorithm, std::string_view data);

// The same, over data given in pieces.
class WarcDigester {
public:
  explicit WarcDigester(WarcDigestAlgorithm algorithm);
  ~WarcDigester();
  WarcDigester(const WarcDigester&) = delete;
  WarcDigester& operator=(const WarcDigester&) = delete;
  void update(std::string_view data);
  std::string value();  // finishes; the object is spent afterwards

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The payload of a record's block, as WARC tools digest it: for a request,
// response or revisit holding an HTTP message (Content-Type
// application/http, or none and the block starts with "HTTP/"), the bytes
// after the HTTP head, still transfer- and content-encoded; for resource,
// metadata, conversion and continuation records, the whole block; for
// warcinfo records, and HTTP messages whose head never ends, none.
std::optional<std::string_view> warc_payload(std::string_view type, std::string_view content_type,
                                             std::string_view block);

// "YYYY-MM-DDThh:mm:ssZ" for seconds since the epoch (UTC).
std::string warc_date(int64_t epoch_seconds);

// "<urn:uuid:...>": a version 5 (name-based, SHA-1) UUID of `name` in
// blogshift's own namespace. The same name always gives the same id.
std::string warc_record_id(std::string_view name);

using WarcField = std::pair<std::string, std::string>;

// The header block as the writer serialises it: "WARC/1.1" CRLF, each field
// `Name: value` CRLF, CRLF. The verifier uses it to check framing.
std::string warc_head_bytes(const std::vector<WarcField>& fields);

// What the caller says about a record.
struct WarcRecordHead {
  std::string type;        // WARC-Type: warcinfo, response, resource, request, metadata, revisit...
  std::string record_id;   // WARC-Record-ID, with its <...>
  std::string date;        // WARC-Date
  std::string target_uri;  // WARC-Target-URI; empty: none
  std::string content_type;  // empty: none
  std::vector<WarcField> fields;  // further fields in order (not the ones above, digests or Content-Length)
  std::string payload_digest;     // a revisit's digest of the payload it refers to, written as given
};

// What was written, for the index and the report.
struct WarcWrittenRecord {
  std::string type;
  std::string record_id;
  std::string date;
  std::string target_uri;
  std::string content_type;
  std::string block_digest;    // as written
  std::string payload_digest;  // as written; empty when none
  int64_t offset = 0;          // of its gzip member, from the start of the output
  int64_t length = 0;          // of its gzip member
  int64_t block_length = 0;    // Content-Length
  int http_status = 0;         // response and revisit records holding an HTTP head; 0 otherwise
  std::string http_mime;       // their HTTP Content-Type without parameters; empty when none
};

// Sets `record.http_status` and `record.http_mime` from the HTTP head at the
// start of `block`, for a response or a non-empty revisit record (what an
// index says of them); leaves them as they are otherwise.
void read_http_index_fields(WarcWrittenRecord& record, std::string_view block);

class WarcWriter {
public:
  // `out` receives the compressed bytes in order. `level`: zlib's 0-9.
  using Output = std::function<void(std::string_view)>;
  WarcWriter(Output out, WarcDigestAlgorithm algorithm, int level = 6);
  ~WarcWriter();
  WarcWriter(const WarcWriter&) = delete;
  WarcWriter& operator=(const WarcWriter&) = delete;

  // A record whose block is in memory.
  WarcWrittenRecord write(const WarcRecordHead& head, std::string_view block);

  // A record whose block is the file at `path`, read twice (digests, then
  // bytes) so that memory stays flat whatever its size; the payload is the
  // whole file (a resource or metadata record). Throws FatalError naming the
  // file when it cannot be read or changes between the two reads (the output
  // is then unusable: the caller abandons it).
  WarcWrittenRecord write_file(const WarcRecordHead& head, const std::string& path);

  // Bytes handed to `out` so far.
  int64_t offset() const { return offset_; }
  WarcDigestAlgorithm algorithm() const { return algorithm_; }

private:
  struct Digests {
    std::string block;
    std::string payload;
    int64_t length = 0;
  };
  std::string head_for(const WarcRecordHead& head, const Digests& digests, WarcWrittenRecord& written) const;
  void begin_member();
  void compress(std::string_view data);
  void end_member();
  void emit(const char* data, size_t size);

  struct Deflater;
  Output out_;
  WarcDigestAlgorithm algorithm_;
  std::unique_ptr<Deflater> deflater_;
  int64_t offset_ = 0;
};

}  // namespace blogshift
