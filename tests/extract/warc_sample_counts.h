// What the real WARC samples hold, for the fixture and corpus tests.
// Record counts per type are copied from ../shared/corpus/warc-samples/SOURCE.md
// (counted there by a record walker, not by this reader). The problem codes
// are what blogshift reports for them, each checked by hand against the
// bytes (see fixtures/warc/README.md for the negative files).
#pragma once

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "warc_test_builder.h"

namespace blogshift::testing {

struct WarcSample {
  std::string file;  // relative to warc-samples/ (corpus) or fixtures/warc/ (basename)
  int warcinfo = 0, request = 0, response = 0, revisit = 0, resource = 0, metadata = 0;
  std::multiset<std::string> codes;  // every WARC_* problem code expected, with repeats

  int records() const { return warcinfo + request + response + revisit + resource + metadata; }
};

inline const std::vector<WarcSample>& warc_samples() {
  static const std::vector<WarcSample> samples = {
      // warcio/ (Apache-2.0)
      {"warcio/example.warc.gz", 2, 2, 1, 1, 0, 0, {}},
      {"warcio/example.warc", 2, 2, 1, 1, 0, 0, {}},
      {"warcio/example-iana.org-chunked.warc", 1, 1, 1, 0, 0, 0, {}},
      // Record 1's payload digest is wrong; records 2-3 use base64 spellings, which match.
      {"warcio/example-digest.warc", 0, 4, 0, 0, 0, 0, {"WARC_DIGEST_MISMATCH"}},
      {"warcio/example-resource.warc.gz", 2, 0, 0, 0, 1, 0, {}},
      {"warcio/post-test.warc.gz", 0, 3, 3, 0, 0, 0, {}},
      {"warcio/example-wget-bad-target-uri.warc.gz", 1, 1, 1, 0, 2, 1, {}},
      {"warcio/example-space-in-target-uri.warc.gz", 1, 0, 0, 0, 1, 0, {}},
      // NEGATIVE: the response's Content-Length is 2 bytes short.
      {"warcio/example-trunc.warc", 2, 1, 1, 0, 0, 0,
       {"WARC_HTTP_MALFORMED", "WARC_DIGEST_MISMATCH", "WARC_DIGEST_MISMATCH", "WARC_MALFORMED"}},
      // NEGATIVE: one gzip member for the whole file (its revisit's block digest is also off).
      {"warcio/example-bad-non-chunked.warc.gz", 2, 2, 1, 1, 0, 0, {"WARC_GZIP_MISALIGNED", "WARC_DIGEST_MISMATCH"}},
      // NEGATIVE: gzip members split records; the response's Content-Length is 1 byte short.
      {"warcio/example-wrong-chunks.warc.gz", 0, 1, 1, 0, 0, 0,
       {"WARC_GZIP_MISALIGNED", "WARC_DIGEST_MISMATCH", "WARC_PAYLOAD_TRUNCATED"}},
      // pywb/ (GPL-3.0; read from the corpus only, not copied into fixtures)
      {"pywb/iana.warc.gz", 1, 171, 48, 123, 0, 0, {}},
      {"pywb/dupes.warc.gz", 1, 12, 3, 9, 0, 0, {}},
      {"pywb/example.warc.gz", 1, 2, 2, 1, 0, 0, {}},
      {"pywb/example2.warc.gz", 1, 1, 1, 0, 0, 0, {}},
      // Its second response has the status line "HTTPX/1.1 200 OK" (a pywb test of bad input).
      {"pywb/example-extra.warc", 0, 2, 2, 2, 0, 0, {"WARC_HTTP_MALFORMED"}},
      {"pywb/example-wget-1-14.warc.gz", 1, 1, 1, 0, 3, 0, {}},
      {"pywb/example-wpull.warc.gz", 1, 1, 1, 0, 1, 0, {}},
      {"pywb/example-url-agnostic-orig.warc.gz", 1, 0, 1, 0, 0, 0, {}},
      {"pywb/example-url-agnostic-revisit.warc.gz", 1, 0, 0, 1, 0, 0, {}},
      {"pywb/httpbin-resource.warc.gz", 0, 0, 0, 0, 1, 0, {}},
      // Lines end in \r\r\n; the status line "HTTP/1.0 302 " has no reason phrase (a skipped redirect).
      {"pywb/missing-status-text.warc", 0, 0, 1, 0, 0, 0, {}},
  };
  return samples;
}

inline size_t count_skips_of(const CollectingSink& sink, const std::string& type) {
  return std::count_if(sink.skips.begin(), sink.skips.end(),
                       [&](const SkippedUnit& s) { return s.what.rfind(type + " record", 0) == 0; });
}

inline std::multiset<std::string> warc_codes(const CollectingSink& sink) {
  std::multiset<std::string> codes;
  for (const auto& p : sink.problems)
    if (p.code.rfind("WARC_", 0) == 0) codes.insert(p.code);
  return codes;
}

// Checks one sample's outcomes against the table.
inline void expect_sample(const WarcSample& sample, const CollectingSink& sink) {
  SCOPED_TRACE(sample.file);
  EXPECT_EQ(count_units(sink), static_cast<size_t>(sample.records())) << "one unit per record";
  EXPECT_EQ(count_skips_of(sink, "warcinfo"), static_cast<size_t>(sample.warcinfo));
  EXPECT_EQ(count_skips_of(sink, "request"), static_cast<size_t>(sample.request));
  EXPECT_EQ(count_skips_of(sink, "revisit"), static_cast<size_t>(sample.revisit));
  EXPECT_EQ(count_skips_of(sink, "metadata"), static_cast<size_t>(sample.metadata));
  EXPECT_EQ(warc_codes(sink), sample.codes);
  for (const auto& p : sink.problems) {
    EXPECT_FALSE(p.position.file.empty());
    EXPECT_GE(p.position.offset, 0) << p.code << ": " << p.message;
  }
}

}  // namespace blogshift::testing
