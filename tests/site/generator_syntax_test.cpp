// Text that quotes a generator's own syntax comes out of that generator as
// written. Hugo reads "{{<" and "{{%" anywhere in a file as shortcodes (and
// fails the build on one it does not know), Jekyll runs Liquid ({{ }}, {% %})
// and kramdown has syntax of its own (tables from any line with a "|",
// attribute lists, definition lists, math). fixtures/generator-syntax/ is a
// blog whose posts quote all of these in text, code, headings, tables, link
// titles, alt text and raw HTML; each generator builds it with no warning,
// and the built page shows every quoted string (text and attribute values
// read by gumbo, an HTML5 parser) as the post had it.
#include <gtest/gtest.h>
#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>
#include <vector>

#include "site_build_support.h"

namespace blogshift {
namespace {

namespace fs = std::filesystem;

// The text of a page (whitespace runs as one space), and every title, alt
// and href value (hrefs percent-decoded).
struct PageText {
  std::string text;
  std::vector<std::string> attributes;
};

std::string percent_decoded(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

bool is_block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_A: case GUMBO_TAG_ABBR: case GUMBO_TAG_B: case GUMBO_TAG_CODE: case GUMBO_TAG_DEL:
    case GUMBO_TAG_EM: case GUMBO_TAG_I: case GUMBO_TAG_IMG: case GUMBO_TAG_INS: case GUMBO_TAG_KBD:
    case GUMBO_TAG_MARK: case GUMBO_TAG_S: case GUMBO_TAG_SAMP: case GUMBO_TAG_SMALL: case GUMBO_TAG_SPAN:
    case GUMBO_TAG_STRONG: case GUMBO_TAG_SUB: case GUMBO_TAG_SUP: case GUMBO_TAG_U: case GUMBO_TAG_VAR:
    case GUMBO_TAG_FONT: case GUMBO_TAG_TIME: return false;
    default: return true;
  }
}

void collect(const GumboNode* node, PageText& page) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
    for (const char* p = node->v.text.text; *p; ++p) {
      const bool space = *p == ' ' || *p == '\n' || *p == '\t' || *p == '\r';
      if (!space) page.text += *p;
      else if (!page.text.empty() && page.text.back() != ' ') page.text += ' ';
    }
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT) return;
  if (node->v.element.tag == GUMBO_TAG_SCRIPT || node->v.element.tag == GUMBO_TAG_STYLE) return;
  const GumboVector& attributes = node->v.element.attributes;
  for (unsigned i = 0; i < attributes.length; ++i) {
    const auto* a = static_cast<const GumboAttribute*>(attributes.data[i]);
    const std::string name = a->name;
    if (name == "title" || name == "alt") page.attributes.push_back(a->value);
    if (name == "href") page.attributes.push_back(percent_decoded(a->value));
  }
  // A block's edges separate words as a browser shows them; inline elements
  // (a highlighter's spans, <strong>) do not.
  auto separate = [&] {
    if (is_block(node->v.element.tag) && !page.text.empty() && page.text.back() != ' ') page.text += ' ';
  };
  separate();
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) collect(static_cast<const GumboNode*>(children.data[i]), page);
  separate();
}

PageText page_text(const fs::path& file) {
  const std::string html = testing::read_all(file);
  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  PageText page;
  collect(output->root, page);
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  return page;
}

struct Quoted {
  std::string route;                     // the post's route (as every layout serves it)
  std::vector<std::string> text;         // strings its page's text must hold, in order
  std::vector<std::string> attributes;  // title/alt/href values it must have
};

// What fixtures/generator-syntax/feed.atom's posts quote (its README lists them).
std::vector<Quoted> quoted() {
  return {
      {"/2024/01/hugo-shortcodes-quoted",
       {"MARK-A1 Embed a video with {{< youtube dQw4w9WgXcQ >}} and a note with {{% note %}}text{{% /note %}}.",
        "MARK-A2 In code: {{< ref \"about.md\" >}} and {{%/* x */%}}.",
        "{{< highlight go >}} fmt.Println(\"{{% raw %}}\") {{< /highlight >}}",
        "MARK-A3 Before a tag: {{bold and {{{< triple.", "MARK-A4 a link", "MARK-A6 Heading {{< x >}}",
        "MARK-A7 {{< cell >}}"},
       {"https://example.com/?q={{%x", "{{< t >}}", "{{< embed >}}", "MARK-A8 {{< alt >}}"}},
      {"/2024/01/liquid-and-jinja-quoted",
       {"MARK-B1 A title is {{ page.title }} and a filter {{ x | upcase }}.",
        "MARK-B2 A tag: {% if user %}hi{% endif %} and {% raw %}.",
        "{% for post in site.posts %} {{ post.title }} {% endfor %}"},
       {}},
      {"/2024/01/kramdown-syntax-quoted",
       {"Term", ": MARK-C1 not a definition", "MARK-C2 Heading {#custom .cls}", "MARK-C3 Tuesday | 7:00 PM | room 2",
        "MARK-C4 pre-registration is required and red *stars*",
        "MARK-C5 {: .class} and $$x^2$$ and AT&T and a link | with pipe",
        "MARK-C6 《<纽伦堡>》 and struck line and roll in **** here", "MARK-C7 one", "MARK-C8 two",
        "MARK-C9 （再啰嗦一下：上面"},
       {"https://example.com/a|b"}},
      // Pages named like the site's own /tags/ and /authors/ are numbered.
      {"/tags-2", {"MARK-D1 a page named tags"}, {}},
      {"/authors-2", {"MARK-D2 a page named authors"}, {}},
      {"/kramdown", {"MARK-D3 a page named like a label"}, {}},
  };
}

class GeneratorSyntax : public ::testing::TestWithParam<std::string> {};

TEST_P(GeneratorSyntax, QuotedSyntaxIsShownAsWritten) {
  const std::string generator = GetParam();
  BLOGSHIFT_REQUIRE_GENERATOR(tool, generator);
  const fs::path work = testing::temp_dir("site-syntax-" + generator);
  testing::SiteBuildResult r;
  testing::build_site(generator, tool,
                      testing::shell_quote(testing::fixture("generator-syntax/feed.atom")) + " ", work, false,
                      r);
  if (HasFatalFailure()) return;
  ASSERT_EQ(r.status, 0) << r.command << "\n" << r.output;
  const auto warnings = testing::warnings_in(r.output);
  EXPECT_TRUE(warnings.empty()) << generator << " warned:\n" << warnings.front() << "\n\n" << r.output;

  for (const Quoted& post : quoted()) {
    const std::string route = generator == "astro" ? post.route : post.route + "/";
    const fs::path file = testing::page_file(r.built, route);
    ASSERT_TRUE(fs::is_regular_file(file)) << file;
    const PageText page = page_text(file);
    size_t from = 0;
    for (const std::string& s : post.text) {
      const size_t at = page.text.find(s, from);
      EXPECT_NE(at, std::string::npos) << route << " does not show, after what came before:\n  " << s
                                       << "\nits text:\n" << page.text;
      if (at != std::string::npos) from = at + s.size();
    }
    for (const std::string& value : post.attributes)
      EXPECT_NE(std::find(page.attributes.begin(), page.attributes.end(), value), page.attributes.end())
          << route << " has no attribute value " << value;
  }
  if (!HasFailure()) fs::remove_all(work);
}

INSTANTIATE_TEST_SUITE_P(Generators, GeneratorSyntax, ::testing::Values("hugo", "jekyll", "astro"),
                         [](const ::testing::TestParamInfo<std::string>& p) { return p.param; });

}  // namespace
}  // namespace blogshift
