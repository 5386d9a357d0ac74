// A fetched XML document (a feed page, a sitemap) streamed to a handler
// through libxml2's xmlTextReader; libxml2 never leaves the .cpp.
//
// Safety, as extract/xml does it: the prolog is checked first and a
// DOCTYPE refuses the whole document (no entity can be declared, expanded
// or fetched); the parser runs with XML_PARSE_NONET and without entity
// substitution or DTD loading; nesting deeper than 256 stops the read.
// A fatal error (broken markup, bad bytes, a cut) stops it too: what the
// handler was given before stays given (all but the last few hundred bytes
// before the error), and the error is returned. No recovery mode: a
// guessed-at rest could hand on a URL cut in half.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace blogshift::fetch {

struct XmlElement {
  std::string local;  // local name ("link" for <atom:link>)
  std::string ns;     // namespace URI; empty when none
  int depth = 0;      // 0 for the root
  std::vector<std::pair<std::string, std::string>> attributes;  // local name, value (xmlns declarations left out)

  // The value of the first attribute with this local name, or null.
  const std::string* attr(std::string_view name) const;
  std::string attr_or(std::string_view name, std::string_view fallback = {}) const;
  bool is(std::string_view ns_uri, std::string_view local_name) const { return ns == ns_uri && local == local_name; }
};

class XmlHandler {
public:
  virtual ~XmlHandler() = default;
  virtual void start(const XmlElement& element) = 0;
  // Also called for an empty element (<link/>), right after start().
  virtual void end(const XmlElement& element) = 0;
  // Character data (text and CDATA), decoded.
  virtual void text(std::string_view text) = 0;
};

// Streams `bytes` (`url` names it in libxml2's messages) to `handler`.
// Returns the error that stopped the read; empty when it read to the end.
std::string read_xml(std::string_view url, std::string_view bytes, XmlHandler& handler);

}  // namespace blogshift::fetch
