// read_warc: turns each WARC record into exactly one outcome (see the
// accounting contract in extract_sink.h).
//
//   response, HTTP 200   -> ingest_crawled_file (items / assets; a Blogger
//                           feed: an item or problem per entry)
//   response, other      -> skipped ("HTTP 404", "HTTP 301 redirect to ...")
//   resource             -> ingest_crawled_file, except crawler metadata
//                           (metadata:, dns:) which is skipped
//   request, warcinfo, metadata, conversion, continuation, revisit -> skipped
//   unknown WARC-Type    -> skipped, with a warning WARC_UNKNOWN_RECORD beside it
//   damage               -> problem (error) from the record reader
//
// Digest mismatches, gzip misalignment and truncated payloads are warnings
// beside the record's outcome, never its outcome.
#include "warc_reader.h"

#include <cctype>
#include <cstdlib>
#include <utility>

#include "crawl/crawl_ingest.h"
#include "http_response.h"
#include "text.h"
#include "warc_digest.h"
#include "warc_record_reader.h"

namespace blogshift {

namespace {

class RecordHandler {
public:
  // Takes the record so that a resource's block moves on to ingest uncopied.
  RecordHandler(const std::string& path, WarcRecord&& record, ExtractSink& sink)
      : record_(std::move(record)), sink_(sink), position_{path, 0, 0, record_.offset} {
    what_ = (record_.type.empty() ? std::string("untyped") : record_.type) + " record";
    if (!record_.target_uri.empty()) what_ += " " + record_.target_uri;
  }

  void run() {
    check_digest("WARC-Block-Digest", "block", record_.block, {});
    const std::string& type = record_.type;
    if (type == "response") return response();
    if (type == "resource") return resource();
    if (type == "request") {
      check_http_payload();
      return skip("request record");
    }
    if (type == "warcinfo") return skip("warcinfo record (describes the crawl)");
    if (type == "metadata") return skip("metadata record");
    if (type == "conversion") return skip("conversion record (another format of an earlier record)");
    if (type == "continuation") return skip("continuation record (segmented records are not reassembled)");
    if (type == "revisit") return revisit();
    // A warning never counts as a unit's outcome (core/extract_sink.h): the
    // record is skipped, and the warning says why that deserves a look.
    problem(Severity::Warning, "WARC_UNKNOWN_RECORD",
            type.empty() ? "record without a WARC-Type; not read" : "unknown WARC-Type \"" + type + "\"; not read");
    skip(type.empty() ? "record without a WARC-Type" : "unknown WARC-Type " + type);
  }

private:
  void skip(const std::string& why) { sink_.skipped(position_, what_, why); }

  void problem(Severity severity, const std::string& code, const std::string& message) {
    ProblemRecord p;
    p.position = position_;
    p.item = record_.target_uri;
    p.severity = severity;
    p.code = code;
    p.message = what_ + ": " + message;
    sink_.problem(std::move(p));
  }

  // Warns when the named digest header does not match `data` (nor, when
  // given, `alternative`: the de-chunked body, which some writers digest).
  void check_digest(const char* header, const char* what, std::string_view data, std::string_view alternative) {
    const std::string* value = record_.header(header);
    if (!value) return;
    std::string detail;
    if (check_warc_digest(*value, data, &detail) != DigestCheck::Mismatch) return;
    if (!alternative.empty() && check_warc_digest(*value, alternative) == DigestCheck::Match) return;
    problem(Severity::Warning, "WARC_DIGEST_MISMATCH", std::string(what) + " digest does not match: " + detail);
  }

  bool is_http() const {
    const std::string* type = record_.header("Content-Type");
    return type && starts_with_ci(*type, "application/http");
  }

  // Payload digest of a request (or other HTTP record we do not decode).
  void check_http_payload() {
    if (!record_.header("WARC-Payload-Digest")) return;
    std::string_view block = record_.block;
    if (is_http()) {
      size_t end = http_head_end(block);
      block = end == std::string_view::npos ? std::string_view{} : block.substr(end);
    }
    check_digest("WARC-Payload-Digest", "payload", block, {});
  }

  void response() {
    if (starts_with_ci(record_.target_uri, "dns:")) return skip("DNS lookup record");
    std::string error;
    auto head = parse_http_head(record_.block, error);
    if (!head) return problem(Severity::Error, "WARC_HTTP_MALFORMED", error);
    const std::string_view raw = std::string_view(record_.block).substr(head->body_offset);

    if (head->status != 200) {
      check_digest("WARC-Payload-Digest", "payload", raw, {});
      std::string why = "HTTP " + std::to_string(head->status);
      if (!head->reason.empty()) why += " " + head->reason;
      const std::string* location = head->header("Location");
      if (head->status / 100 == 3 && location) why += ", redirect to " + *location;
      return skip(why);
    }
    if (!head->headers_terminated)
      return problem(Severity::Error, "WARC_HTTP_MALFORMED", "HTTP headers run to the end of the record (no body)");
    auto body = decode_http_body(*head, raw, error);
    if (!body) {
      check_digest("WARC-Payload-Digest", "payload", raw, {});
      return problem(Severity::Error, "WARC_HTTP_MALFORMED", error);
    }
    check_digest("WARC-Payload-Digest", "payload", raw, *body);
    check_truncated(*head, raw);

    const std::string* content_type = head->header("Content-Type");
    ingest_crawled_file(
        CrawledFile{record_.target_uri, content_type ? *content_type : std::string(), std::move(*body), position_},
        sink_);
  }

  // A crawler that cut a payload short says so in WARC-Truncated; a server
  // that did shows as a body shorter than its HTTP Content-Length.
  void check_truncated(const HttpResponseHead& head, std::string_view raw) {
    std::string why;
    if (const std::string* truncated = record_.header("WARC-Truncated")) {
      why = "the crawler cut the payload short (WARC-Truncated: " + *truncated + ")";
    } else if (const std::string* length = head.header("Content-Length"); length && !head.header("Transfer-Encoding")) {
      char* end = nullptr;
      const unsigned long long declared = std::strtoull(length->c_str(), &end, 10);
      if (end != length->c_str() && declared > raw.size())
        why = "body has " + std::to_string(raw.size()) + " of the " + std::to_string(declared) +
              " bytes its HTTP Content-Length declares";
    }
    if (!why.empty()) problem(Severity::Warning, "WARC_PAYLOAD_TRUNCATED", why + "; kept as it is");
  }

  void resource() {
    check_digest("WARC-Payload-Digest", "payload", record_.block, {});
    const std::string& uri = record_.target_uri;
    if (uri.empty()) return skip("resource record without a WARC-Target-URI");
    if (starts_with_ci(uri, "metadata:") || starts_with_ci(uri, "dns:"))
      return skip("crawler metadata resource (log, manifest or arguments)");
    const std::string* content_type = record_.header("Content-Type");
    CrawledFile file{uri, content_type ? *content_type : std::string(), std::move(record_.block), position_};
    ingest_crawled_file(file, sink_);
  }

  void revisit() {
    std::string why = "revisit record: holds no payload";
    const std::string* refers = record_.header("WARC-Refers-To-Target-URI");
    const std::string* digest = record_.header("WARC-Payload-Digest");
    if (refers) why += "; refers to " + *refers;
    if (const std::string* date = record_.header("WARC-Refers-To-Date")) why += " of " + *date;
    if (digest) why += (refers ? ", payload digest " : "; payload digest ") + *digest;
    if (!refers && !digest) why += " and names neither target nor digest";
    skip(why);
  }

  WarcRecord record_;
  ExtractSink& sink_;
  SourcePosition position_;
  std::string what_;
};

}  // namespace

void read_warc(const std::string& path, ExtractSink& sink) {
  WarcRecordReader reader(path);
  WarcRead read;
  for (;;) {
    const bool more = reader.next(read);
    for (WarcIssue& note : read.notes) {
      ProblemRecord p;
      p.position = SourcePosition{path, 0, 0, note.offset};
      p.severity = note.severity;
      p.code = std::move(note.code);
      p.message = std::move(note.message);
      sink.problem(std::move(p));
    }
    if (!more) break;
    if (read.damage) {
      ProblemRecord p;
      p.position = SourcePosition{path, 0, 0, read.damage->offset};
      p.severity = read.damage->severity;
      p.code = std::move(read.damage->code);
      p.message = std::move(read.damage->message);
      sink.problem(std::move(p));
      continue;
    }
    RecordHandler(path, std::move(*read.record), sink).run();
  }
}

}  // namespace blogshift
