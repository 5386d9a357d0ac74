// HTML compared the way the CommonMark spec's test runner compares it:
// two renderings that a browser shows alike normalise to the same string.
// Written for blogshift (not a copy of the spec's test/normalize.py, which
// has the same purpose); the rules:
//
//  * tags: names lower case; attributes sorted by name, names lower case,
//    values entity-decoded and written double-quoted (& < > " escaped), an
//    attribute without a value as name=""; "<br />" and "<br>" alike;
//  * text: entities and character references decoded, then & < > escaped;
//    outside <pre> every run of whitespace is one space, and none is kept
//    at the start or end or next to a block-level tag (<p>, </li>, <ul>…);
//  * comments, processing instructions, declarations and CDATA sections
//    are kept byte for byte; a '<' that starts none of these is text.
#pragma once

#include <string>
#include <string_view>

namespace blogshift::testing {

std::string normalize_spec_html(std::string_view html);

}  // namespace blogshift::testing
