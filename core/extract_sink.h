// What every reader writes to. The staging store implements it for real
// runs; tests use a collecting sink (tests/support/collecting_sink.h).
//
// Accounting contract: each input unit a reader consumes (an XML entry, a
// mirror file, a WARC record) ends in exactly one call of item(), asset(),
// skipped() or problem() — so nothing is lost silently. A reader may also
// call blog() any number of times, and problem() with Severity::Warning or
// Info next to a staged item (that does not count as the unit's outcome).
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
