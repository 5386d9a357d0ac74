// Streams a Blogger export (either schema) or a public GData feed with
// libxml2's xmlTextReader and hands each <entry> to a handler as an
// AtomEntry. libxml2 never leaves this file's .cpp.
//
// Safety: the prolog is checked before parsing and any DOCTYPE is refused
// (XML_DTD_REFUSED, feed_prolog.h), so no entity can be declared, expanded
// or fetched; the parser runs with XML_PARSE_NONET. Nesting deeper than 256
// and entry text over 128 MiB are refused, entry by entry.
// Recovery: after a fatal XML error (bad bytes, broken markup, truncation)
// the entries libxml2 had read but not handed over are parsed again one at a
// time, so only the broken entry is reported lost, and streaming resumes at
// the entry after it. Entry positions are exact (the input notes every entry
// start it hands over), whatever libxml2 reads ahead.
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

// The same for a feed already in memory (a response of a crawl); positions
// name `name` and count lines, columns and offsets within `bytes`.
void parse_atom_feed_bytes(std::string bytes, const std::string& name, AtomFeedHandler& handler);

}  // namespace blogshift
