// A CDXJ index of a WARC file, as pywb and warcio write it: one line per
// capture,
//
//   <SURT> <14-digit timestamp> {"url":..,"mime":..,"status":..,"digest":..,"length":..,"offset":..,"filename":..}
//
// sorted as plain bytes (what pywb's binary search expects: `LC_ALL=C sort`).
//
// The lines are what `warcio cdx-index` (warcio.js) prints for the same
// records, so the two can be compared line by line:
//  - request and warcinfo records get no line, nor metadata and resource
//    records whose Content-Type is application/warc-fields;
//  - mime: a response's HTTP Content-Type without parameters,
//    "warc/revisit" for a revisit, else the record's Content-Type;
//  - status: the HTTP status of a response or revisit, when it has one;
//  - digest: the payload digest without its "sha1:" / "sha256:" prefix;
//  - length and offset: of the record's gzip member; status, length and
//    offset are JSON strings; keys without a value are left out.
// The SURT is warcio.js's: "www" and "wwwN" prefixes dropped, lower case,
// host labels reversed, default port dropped, query arguments sorted,
// fragment dropped; URIs that are not http(s) are their own key.
// Not done: warcio's rewriting of POST requests into their URL.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "warc/warc_writer.h"

namespace blogshift {

// The SURT form of `url`, or `url` itself when it is not an http(s) URL.
std::string surt_key(std::string_view url);

// The record's CDXJ line (without its newline), or nothing for a record the
// index leaves out. `filename` is the WARC file's name as the index gives it.
std::optional<std::string> cdxj_line(const WarcWrittenRecord& record, std::string_view filename);

// The whole index: every record's line, sorted, each ending in "\n".
std::string cdxj_text(const std::vector<WarcWrittenRecord>& records, std::string_view filename);

}  // namespace blogshift
