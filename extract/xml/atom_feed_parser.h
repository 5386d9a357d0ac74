// Streams a Blogger export (either schema) with libxml2's xmlTextReader and
// hands each <entry> to a handler as an AtomEntry. libxml2 never leaves
// this file's .cpp.
//
// Safety: the prolog is checked before parsing and any DOCTYPE is refused
// (XML_DTD_REFUSED), so no entity can be declared, expanded or fetched; the
// parser runs with XML_PARSE_NONET. Nesting deeper than kMaxDepth is refused.
// Recovery: after a fatal XML error (bad bytes, broken markup, truncation)
// the entry being read is reported lost and parsing resumes at the next
// <entry> start, so one broken entry never costs the rest of the file.
#pragma once

#include <string>

#include "atom_entry.h"

namespace blogshift {

class AtomFeedHandler {
public:
  virtual ~AtomFeedHandler() = default;
  virtual void header(const AtomFeedHeader& header) = 0;  // once, before the first entry
  virtual void entry(AtomEntry&& entry) = 0;
  virtual void problem(ProblemRecord&& problem) = 0;
};

// Throws FatalError only when the file cannot be opened.
void parse_atom_feed(const std::string& path, AtomFeedHandler& handler);

}  // namespace blogshift
