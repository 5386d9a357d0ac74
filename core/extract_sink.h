// What every reader writes to. The staging store implements it for real
// runs; tests use a collecting sink (tests/support/collecting_sink.h).
//
// Accounting contract: each input unit a reader consumes (an XML entry, a
// mirror file, a WARC record) ends in item() calls (a page may give a post
// and its comments), or one asset(), skipped() or problem() with
// Severity::Error — so nothing is lost silently. A crawled feed (a mirror
// file or WARC record holding one of the blog's public feeds) holds units of
// its own, one per entry as in an export; a feed with no entry to give is
// one unit (skipped, or one problem). Warnings and infos stand
// beside an outcome and never replace one; so do problems marked file_level
// (about the file as a whole, not one unit). blog() may be called any time.
#pragma once

#include "records.h"

namespace blogshift {

class ExtractSink {
public:
  virtual ~ExtractSink() = default;
  virtual void blog(const BlogRecord& blog) = 0;
  virtual void item(ItemRecord&& item) = 0;
  virtual void asset(AssetRecord&& asset) = 0;
  // A unit deliberately not staged (a WARC request record, a stylesheet
  // listing page already covered...). `what` names the unit, `why` the reason.
  virtual void skipped(const SourcePosition& where, const std::string& what, const std::string& why) = 0;
  virtual void problem(ProblemRecord&& problem) = 0;
};

}  // namespace blogshift
