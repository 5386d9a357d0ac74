#include "spec_html_normalize.h"

#include <gtest/gtest.h>

namespace blogshift::testing {
namespace {

TEST(SpecHtmlNormalize, WhitespaceAroundBlockTagsGoesAndRunsCollapse) {
  EXPECT_EQ(normalize_spec_html("<ul>\n<li>a\n  b</li>\n</ul>\n"), "<ul><li>a b</li></ul>");
  EXPECT_EQ(normalize_spec_html("  <p> x </p>  "), "<p>x</p>");
  EXPECT_EQ(normalize_spec_html("<p>a <em>b</em> c</p>"), "<p>a <em>b</em> c</p>");
}

TEST(SpecHtmlNormalize, PreKeepsItsWhitespace) {
  EXPECT_EQ(normalize_spec_html("<pre><code>  a\n\n b \n</code></pre>\n<p>x</p>"),
            "<pre><code>  a\n\n b \n</code></pre><p>x</p>");
}

TEST(SpecHtmlNormalize, AttributesSortedQuotedAndDecoded) {
  EXPECT_EQ(normalize_spec_html("<A title='x &quot;y&quot;' HREF=/u?a=1&amp;b=2>t</A>"),
            "<a href=\"/u?a=1&amp;b=2\" title=\"x &quot;y&quot;\">t</a>");
  EXPECT_EQ(normalize_spec_html("<input disabled type=\"checkbox\" />"), "<input disabled=\"\" type=\"checkbox\">");
  EXPECT_EQ(normalize_spec_html("a<br />b"), normalize_spec_html("a<br>b"));
}

TEST(SpecHtmlNormalize, EntitiesDecodedThenEscapedOnce) {
  EXPECT_EQ(normalize_spec_html("<p>&copy; &#169; &#xA9; \xC2\xA9 &amp; &lt;</p>"), "<p>\xC2\xA9 \xC2\xA9 \xC2\xA9 \xC2\xA9 &amp; &lt;</p>");
  EXPECT_EQ(normalize_spec_html("<p>&quot;q&quot;</p>"), "<p>\"q\"</p>");
}

TEST(SpecHtmlNormalize, CommentsAndDeclarationsKeptAsWritten) {
  EXPECT_EQ(normalize_spec_html("<!-- a  \n b -->\n<p>x</p>"), "<!-- a  \n b --><p>x</p>");
  EXPECT_EQ(normalize_spec_html("<?php echo 1; ?><!DOCTYPE html>"), "<?php echo 1; ?><!DOCTYPE html>");
  EXPECT_EQ(normalize_spec_html("<p>a < b</p>"), "<p>a &lt; b</p>");
}

TEST(SpecHtmlNormalize, DifferentRenderingsStayDifferent) {
  EXPECT_NE(normalize_spec_html("<ul><li>a</li></ul>"), normalize_spec_html("<ul><li><p>a</p></li></ul>"));
  EXPECT_NE(normalize_spec_html("<code> a </code>"), normalize_spec_html("<code>a</code>"));
  EXPECT_NE(normalize_spec_html("<!-- x -->"), normalize_spec_html("<!--x-->"));
}

}  // namespace
}  // namespace blogshift::testing
