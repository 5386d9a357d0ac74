// Converter and fidelity check agree on every element: each entry of the
// shared element model (html/html_elements.h: the HTML standard's element
// index, the obsolete elements old editors wrote, Office namespace tags) is
// converted alone, inline and inside the elements where nesting changes what
// is written (a list item, a heading, a table cell, a quote, strong text, a
// link, a code block), and the Markdown must pass the check. An element the
// converter wrote one way and the check read another would fail here.
#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "body_converter.h"
#include "fidelity/fidelity_check.h"
#include "html/html_elements.h"
#include "markdown/commonmark_writer.h"

namespace blogshift {
namespace {

// What an element needs to show something: a link its href, an image its src.
std::string attributes_for(std::string_view tag) {
  if (tag == "a" || tag == "area") return " href=\"https://example.com/target\"";
  if (tag == "img" || tag == "image") return " src=\"https://example.com/picture.png\" alt=\"a picture\"";
  if (tag == "iframe" || tag == "embed" || tag == "video" || tag == "audio" || tag == "source" || tag == "track")
    return " src=\"https://example.com/media\"";
  if (tag == "object") return " data=\"https://example.com/movie.swf\"";
  if (tag == "ol") return " start=\"3\"";
  return {};
}

std::string element_html(const HtmlElement& e, std::string_view content) {
  const std::string tag(e.tag);
  std::string open = "<" + tag + attributes_for(tag) + ">";
  if (e.void_element) return open;
  // Lists and tables hold their content in items and cells.
  if (e.meaning == ElementMeaning::List) return open + "<li>" + std::string(content) + "</li><li>more</li></" + tag + ">";
  if (e.meaning == ElementMeaning::Table)
    return open + "<tr><th>head</th></tr><tr><td>" + std::string(content) + "</td></tr></" + tag + ">";
  if (e.meaning == ElementMeaning::DefList) return open + "<dt>term</dt><dd>" + std::string(content) + "</dd></" + tag + ">";
  return open + std::string(content) + "</" + tag + ">";
}

struct Context {
  const char* name;
  std::string before, after;
};

// Where an element is put: between `before` and `after`.
std::vector<Context> contexts() {
  return {
      {"alone", "<p>words before</p>", "<p>words after</p>"},
      {"inline", "<p>one two ", " five six</p>"},
      {"in a list item", "<ul><li>one ", " two</li><li>three</li></ul>"},
      {"in a heading", "<h2>one ", " two</h2><p>text</p>"},
      {"in a table cell", "<table><tr><th>h1</th><th>h2</th></tr><tr><td>one ", " two</td><td>c</td></tr></table>"},
      {"in a quote", "<blockquote>one ", " two</blockquote>"},
      {"in strong text", "<p><b>one ", " two</b> three</p>"},
      {"in a link", "<p><a href=\"https://example.com/outer\">one ", " two</a> three</p>"},
      {"in a code block", "<pre>one ", "\ntwo</pre>"},
  };
}

FidelityResult convert_and_check(const std::string& html, std::string& markdown) {
  BodyConversion conv = convert_body(html);
  markdown = write_commonmark(*conv.document);
  return check_fidelity(*conv.body, markdown, {});
}

}  // namespace

// Test names and failure messages show the tag, not the struct's bytes.
void PrintTo(const HtmlElement& e, std::ostream* os) { *os << "<" << e.tag << ">"; }

namespace {

// Where converter and check still disagree, each with its reason. Such a
// case must go on failing the check (else it leaves this list).
struct KnownDisagreement {
  std::string_view tag, context, reason;
};
constexpr KnownDisagreement kKnown[] = {
    {"plaintext", "in a table cell",
     "<plaintext> swallows the rest of the page as text (the standard's parser); its end tags cannot be written back"},
    {"plaintext", "in a link", "the same: the rest of the page is its text"},
};

const KnownDisagreement* known(std::string_view tag, std::string_view context) {
  for (const KnownDisagreement& k : kKnown)
    if (k.tag == tag && k.context == context) return &k;
  return nullptr;
}

class ElementAgreement : public ::testing::TestWithParam<HtmlElement> {};

TEST_P(ElementAgreement, ConverterAndCheckAgree) {
  const HtmlElement& e = GetParam();
  for (const Context& c : contexts()) {
    const std::string html = c.before + element_html(e, "three <i>four</i>") + c.after;
    std::string markdown;
    FidelityResult f = convert_and_check(html, markdown);
    if (const KnownDisagreement* k = known(e.tag, c.name)) {
      EXPECT_FALSE(f.passed) << "<" << e.tag << "> " << c.name << " now agrees: take it off the known list ("
                             << k->reason << ")";
      continue;
    }
    EXPECT_TRUE(f.passed) << "<" << e.tag << "> " << c.name << "\nhtml: " << html << "\nmarkdown:\n"
                          << markdown << "\ncheck: " << f.detail;
  }
}

std::string test_name(const ::testing::TestParamInfo<HtmlElement>& info) {
  std::string name;
  for (char ch : info.param.tag) name += (ch == ':' || ch == '-') ? '_' : ch;
  return name;
}

INSTANTIATE_TEST_SUITE_P(EveryElement, ElementAgreement, ::testing::ValuesIn(html_elements().begin(), html_elements().end()),
                         test_name);

TEST(ElementModel, TableIsSortedAndHasTheStandardsIndex) {
  auto all = html_elements();
  for (size_t i = 1; i < all.size(); ++i) EXPECT_LT(all[i - 1].tag, all[i].tag);
  // The HTML standard's element index (2024 onwards), every one of them.
  for (const char* tag :
       {"a", "abbr", "address", "area", "article", "aside", "audio", "b", "base", "bdi", "bdo", "blockquote", "body",
        "br", "button", "canvas", "caption", "cite", "code", "col", "colgroup", "data", "datalist", "dd", "del",
        "details", "dfn", "dialog", "div", "dl", "dt", "em", "embed", "fieldset", "figcaption", "figure", "footer",
        "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "i", "iframe", "img",
        "input", "ins", "kbd", "label", "legend", "li", "link", "main", "map", "mark", "math", "menu", "meta",
        "meter", "nav", "noscript", "object", "ol", "optgroup", "option", "output", "p", "picture", "pre",
        "progress", "q", "rp", "rt", "ruby", "s", "samp", "script", "search", "section", "select", "slot", "small",
        "source", "span", "strong", "style", "sub", "summary", "sup", "svg", "table", "tbody", "td", "template",
        "textarea", "tfoot", "th", "thead", "time", "title", "tr", "track", "u", "ul", "var", "video", "wbr"}) {
    const HtmlElement* e = html_element(tag);
    ASSERT_NE(e, nullptr) << tag;
    EXPECT_FALSE(e->obsolete) << tag;
  }
  // What Blogger's editors emitted.
  for (const char* tag : {"tt", "font", "center", "strike", "big", "acronym", "marquee", "blink", "nobr", "xmp"}) {
    const HtmlElement* e = html_element(tag);
    ASSERT_NE(e, nullptr) << tag;
    EXPECT_TRUE(e->obsolete) << tag;
  }
  EXPECT_EQ(html_element("o:p"), html_element("st1:place"));
  EXPECT_EQ(html_element("w:sdt")->meaning, ElementMeaning::Plain);
  EXPECT_EQ(html_element("no-such-element"), nullptr);
}

TEST(ElementModel, MeaningsTheConverterAndCheckShare) {
  EXPECT_EQ(element_meaning("tt"), ElementMeaning::Code);
  EXPECT_EQ(element_meaning("kbd"), ElementMeaning::Code);
  EXPECT_EQ(element_meaning("samp"), ElementMeaning::Code);
  EXPECT_EQ(element_meaning("xmp"), ElementMeaning::Preformatted);
  EXPECT_EQ(element_display("legend"), ElementDisplay::Block);
  EXPECT_EQ(element_display("td"), ElementDisplay::Block);
  EXPECT_TRUE(element_hidden("script"));
  EXPECT_TRUE(element_hidden("iframe"));
  EXPECT_TRUE(element_hidden("title"));
  EXPECT_FALSE(element_hidden("video"));
  EXPECT_EQ(element_display("unknown-element"), ElementDisplay::Inline);
}

// The false alarm this model removes: code written with <tt> (and <kbd>,
// <samp>) is inline code to the converter and to the check alike.
TEST(ElementAgreementRegression, TeletypeCodeIsCodeToBoth) {
  std::string markdown;
  FidelityResult f = convert_and_check(
      "<p>Use <tt>faulthandler</tt> with <kbd>Ctrl</kbd>+<samp>C</samp> and <code>gdb</code>.</p>", markdown);
  EXPECT_TRUE(f.passed) << f.detail << "\n" << markdown;
  EXPECT_EQ(f.inline_code, 4u);
  EXPECT_NE(markdown.find("`faulthandler`"), std::string::npos) << markdown;
}

}  // namespace
}  // namespace blogshift
