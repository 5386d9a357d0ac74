// Re-reads a WARC file written by sources_warc_writer.h and its CDXJ index,
// and checks everything that can be checked without the sources:
//
//  - framing: each record is WARC/1.1, sits alone in its own gzip member
//    starting at the offset the reader gives, and is exactly its header
//    lines, CRLF, Content-Length bytes of block and CRLF CRLF; the gzip data
//    is whole (CRCs, lengths) and nothing follows the last record. A plain
//    (not gzipped) file is checked the same way, record after record;
//  - the first record is a warcinfo record; every record has a WARC-Type,
//    WARC-Date and a WARC-Record-ID no other record has;
//  - every record's WARC-Block-Digest, and its WARC-Payload-Digest where it
//    has a payload (a revisit's names a payload held elsewhere and is not
//    checked), matches its bytes;
//  - the index: each line points at the offset of a record with that URI
//    and payload digest, and equals the line the record should have
//    (cdxj_writer.h); every record that should be indexed is, once; the
//    lines are sorted.
//
// WARC digests do not cover header fields, so a change that leaves a header
// well formed (say, in a Content-Type value) is found only by comparing the
// whole file's SHA-256 with the one recorded when it was written.
//
// On failure, `first_bad_entry` names the first bad record in file order as
// "<target URI or WARC-Type>@<offset>" (index problems come after record
// problems), and `message` says what is wrong. Never throws for bad input.
#pragma once

#include <string>

#include "verify_result.h"

namespace blogshift {

VerifyResult verify_warc(const std::string& warc_path, const std::string& cdxj_path);

}  // namespace blogshift
