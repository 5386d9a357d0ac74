// Peers' own suites as a second opinion: the HTML-to-Markdown cases of
// Turndown and of html-to-markdown run through blogshift's converter. The
// cases are the peers' own test data, so they are not committed here:
// scripts/make-peer-fixtures.py extracts them from clones of the two
// repositories into the git-ignored .tools/peers/*/cases.txt (or
// $BLOGSHIFT_PEER_CASES), and without them these tests skip. Each case is
// its own test. For each:
//
//   (a) the fidelity check on blogshift's Markdown must pass; when it fails,
//       its detail must name the loss and the case must be in
//       tests/transform/peer/differences.txt with "check-false-alarm" (the
//       Markdown is faithful, the check is wrong) or "check-right" (the
//       output differs from what the input showed);
//   (b) blogshift's Markdown and the peer's expected Markdown are rendered
//       with cmark-gfm and compared after a light normalisation (white space
//       as a browser collapses it, attributes sorted, comments dropped).
//       Where they differ the case must be in differences.txt with a verdict
//       judged against the input HTML (blogshift-more-faithful,
//       peer-more-faithful or equivalent) that the test's name carries.
//
// An entry that no longer matches (renders identical now, or the check
// passes now) fails the test, so the list stays honest.
//
// BLOGSHIFT_PEER_DUMP=FILE writes, for every case, the input, both
// Markdowns, both normalised renderings and the check's detail to FILE
// (for reviewing verdicts after the converter changes).
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "body_converter.h"
#include "fidelity/fidelity_check.h"
#include "html/html_reader.h"
#include "html/html_serializer.h"
#include "markdown/cmark_render.h"
#include "markdown/commonmark_writer.h"

namespace blogshift {
namespace {

namespace fs = std::filesystem;

const fs::path kPeersDir = std::getenv("BLOGSHIFT_PEER_CASES") ? fs::path(std::getenv("BLOGSHIFT_PEER_CASES"))
                                                                : fs::path(BLOGSHIFT_PEER_CASES_DIR);
const fs::path kDifferences = BLOGSHIFT_PEER_DIFFERENCES;

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::string line;
  std::istringstream in(text);
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

std::string join_lines(const std::vector<std::string>& lines, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to; ++i) {
    if (i > from) out += '\n';
    out += lines[i];
  }
  return out;
}

bool starts_with(const std::string& s, std::string_view prefix) { return s.rfind(prefix, 0) == 0; }

// ---- the cases -----------------------------------------------------------

struct PeerCase {
  std::string id;       // turndown_NNN_... or h2m_...
  std::string name;     // the peer's name
  std::string options;  // the peer's options (JSON), informational
  std::string skip;     // why blogshift has no equivalent (then the test is skipped)
  std::string input;
  std::string expected;
  std::string load_error;  // a broken fixture file (then the test fails)
};

void PrintTo(const PeerCase& c, std::ostream* os) { *os << c.id; }

// The format is described in scripts/make-peer-fixtures.py.
std::vector<PeerCase> load_cases(const fs::path& path) {
  std::vector<PeerCase> cases;
  if (!fs::exists(path)) return cases;  // not extracted here: the suite skips
  std::vector<std::string> lines = split_lines(read_text(path));
  size_t i = 0;
  auto broken = [&](const std::string& why) {
    PeerCase c;
    c.id = "broken_" + path.parent_path().filename().string() + "_line_" + std::to_string(i + 1);
    for (char& ch : c.id) if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
    c.load_error = path.string() + ":" + std::to_string(i + 1) + ": " + why;
    cases.push_back(c);
  };
  if (lines.empty()) return broken("cannot read the file"), cases;
  while (i < lines.size()) {
    if (lines[i].empty()) { ++i; continue; }
    if (!starts_with(lines[i], "=== case ")) return broken("expected \"=== case ID\""), cases;
    PeerCase c;
    c.id = lines[i].substr(9);
    ++i;
    for (; i < lines.size() && lines[i] != "--- input"; ++i) {
      if (starts_with(lines[i], "name: ")) c.name = lines[i].substr(6);
      else if (starts_with(lines[i], "options: ")) c.options = lines[i].substr(9);
      else if (starts_with(lines[i], "skip: ")) c.skip = lines[i].substr(6);
      else return broken("unknown header line"), cases;
    }
    size_t begin = ++i;
    while (i < lines.size() && lines[i] != "--- expected") ++i;
    if (i == lines.size()) return broken("no \"--- expected\""), cases;
    c.input = join_lines(lines, begin, i);
    begin = ++i;
    while (i < lines.size() && lines[i] != "=== end") ++i;
    if (i == lines.size()) return broken("no \"=== end\""), cases;
    c.expected = join_lines(lines, begin, i);
    ++i;
    cases.push_back(std::move(c));
  }
  return cases;
}

const std::vector<PeerCase>& all_cases() {
  static const std::vector<PeerCase> cases = [] {
    std::vector<PeerCase> all = load_cases(kPeersDir / "turndown" / "cases.txt");
    std::vector<PeerCase> h2m = load_cases(kPeersDir / "html-to-markdown" / "cases.txt");
    all.insert(all.end(), h2m.begin(), h2m.end());
    return all;
  }();
  return cases;
}

// ---- the differences file ------------------------------------------------
//
//   # comment
//   <case id> <verdict> [<check>] -- <reason>
//       <more reason, on lines that start with white space>
//
// verdict: blogshift-more-faithful | peer-more-faithful | equivalent, or
// identical for a case listed only because of the check. check:
// check-false-alarm | check-right (the check fails), check-missed-loss (the
// check passes although blogshift lost something).

const std::set<std::string> kVerdicts = {"blogshift-more-faithful", "peer-more-faithful", "equivalent", "identical"};
const std::set<std::string> kChecks = {"check-false-alarm", "check-right", "check-missed-loss"};

struct Difference {
  std::string verdict;
  std::string check;
  std::string reason;
  size_t line = 0;
};

struct Differences {
  std::map<std::string, Difference> entries;
  std::vector<std::string> errors;
};

const Differences& differences() {
  static const Differences diffs = [] {
    Differences d;
    std::vector<std::string> lines = split_lines(read_text(kDifferences));
    if (lines.empty()) d.errors.push_back("cannot read " + kDifferences.string());
    std::string last;
    for (size_t n = 0; n < lines.size(); ++n) {
      const std::string& line = lines[n];
      std::string where = kDifferences.filename().string() + ":" + std::to_string(n + 1) + ": ";
      if (line.empty() || line[0] == '#') continue;
      if (line[0] == ' ' || line[0] == '\t') {
        if (last.empty()) d.errors.push_back(where + "a continuation line with no entry");
        else d.entries[last].reason += " " + line.substr(line.find_first_not_of(" \t"));
        continue;
      }
      size_t dash = line.find(" -- ");
      if (dash == std::string::npos) {
        d.errors.push_back(where + "no \" -- reason\"");
        continue;
      }
      std::istringstream words(line.substr(0, dash));
      std::string id, verdict, check, extra;
      words >> id >> verdict >> check >> extra;
      if (!kVerdicts.count(verdict)) d.errors.push_back(where + "unknown verdict \"" + verdict + "\"");
      if (!check.empty() && !kChecks.count(check)) d.errors.push_back(where + "unknown check \"" + check + "\"");
      if (!extra.empty()) d.errors.push_back(where + "too many words before \" -- \"");
      if (verdict == "identical" && check.empty()) d.errors.push_back(where + "identical without a check: nothing to list");
      if (d.entries.count(id)) d.errors.push_back(where + id + " listed twice");
      d.entries[id] = Difference{verdict, check, line.substr(dash + 4), n + 1};
      last = id;
    }
    return d;
  }();
  return diffs;
}

const Difference* difference_of(const std::string& id) {
  auto it = differences().entries.find(id);
  return it == differences().entries.end() ? nullptr : &it->second;
}

// ---- rendering, normalised -----------------------------------------------
//
// The HTML cmark-gfm makes of a Markdown, parsed and written back so that
// spellings a reader cannot see do not count: attributes sorted, entities
// decoded and re-escaped one way, comments dropped, and white space outside
// <pre> collapsed as a browser does (runs to one space, across inline tags;
// none at the start or end of a block or around a <br>), and emphasis
// nested or split two ways that look the same (see the end).

bool is_block(std::string_view tag) {
  static const std::set<std::string, std::less<>> blocks = {
      "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details", "div", "dl",
      "dt", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html",
      "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
      "thead", "tr", "ul"};
  return blocks.count(tag) > 0;
}

bool is_html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

class Normaliser {
public:
  std::string run(const HtmlNode& root) {
    walk(root, false);
    return out_;
  }

private:
  void tag_open(const HtmlNode& e) {
    std::vector<HtmlAttribute> attrs = e.attributes;
    std::sort(attrs.begin(), attrs.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    out_ += "<" + e.tag;
    for (const auto& a : attrs) out_ += " " + a.name + "=\"" + escape_html_attribute(a.value) + "\"";
    out_ += ">";
  }

  void block_boundary() {
    pending_space_ = false;
    line_start_ = true;
    out_ += '\n';
  }

  void visible_content() {
    if (pending_space_) out_ += ' ';
    pending_space_ = false;
    line_start_ = false;
  }

  void walk(const HtmlNode& node, bool in_pre) {
    for (const auto& child : node.children) {
      const HtmlNode& c = *child;
      if (c.kind == HtmlNodeKind::Comment) continue;
      if (c.kind == HtmlNodeKind::Text) {
        if (in_pre) {
          out_ += escape_html_text(c.text);
          continue;
        }
        for (char ch : c.text) {
          if (is_html_space(ch)) {
            if (!line_start_) pending_space_ = true;
          } else {
            visible_content();
            out_ += escape_html_text(std::string_view(&ch, 1));
          }
        }
        continue;
      }
      if (c.tag == "head") continue;
      bool block = is_block(c.tag) && !in_pre;
      if (block) block_boundary();
      else if (c.tag == "img" || c.tag == "input") visible_content();
      tag_open(c);
      walk(c, in_pre || c.tag == "pre");
      if (!is_void_element(c.tag)) out_ += "</" + c.tag + ">";
      if (block) block_boundary();
    }
  }

  std::string out_;
  bool pending_space_ = false;
  bool line_start_ = true;
};

std::string normalised_rendering(const std::string& markdown) {
  HtmlDocument doc = parse_html(render_commonmark_to_html(markdown));
  std::string text = Normaliser().run(*doc.root);
  // Block boundaries were written as newlines: one between blocks is enough.
  std::string out;
  for (char ch : text) {
    if (ch == '\n' && (out.empty() || out.back() == '\n')) continue;
    out += ch;
  }
  while (!out.empty() && out.back() == '\n') out.pop_back();
  // Emphasis spelled two ways a reader cannot tell apart: <em><strong> and
  // <strong><em> around the same text, and two elements of the same kind
  // side by side ("**a**__b__" against "**ab**").
  static const std::regex em_strong("<em><strong>([^<]*)</strong></em>");
  static const std::regex adjacent("</(strong|em|del)><\\1>");
  for (std::string before; before != out;) {
    before = out;
    out = std::regex_replace(out, em_strong, "<strong><em>$1</em></strong>");
    out = std::regex_replace(out, adjacent, "");
  }
  return out;
}

// ---- the test ------------------------------------------------------------

std::string test_name_of(const PeerCase& c) {
  std::string name = c.id;
  if (!c.skip.empty()) name += "__skipped";
  if (const Difference* d = difference_of(c.id)) {
    if (d->verdict != "identical") name += "__" + d->verdict;
    if (!d->check.empty()) name += "__" + d->check;
  }
  for (char& ch : name) if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return name;
}

void dump(const PeerCase& c, const std::string& markdown, const std::string& ours, const std::string& theirs,
          const FidelityResult& f) {
  const char* path = std::getenv("BLOGSHIFT_PEER_DUMP");
  if (!path || !*path) return;
  static std::mutex mutex;
  std::lock_guard<std::mutex> lock(mutex);
  std::ofstream out(path, std::ios::app | std::ios::binary);
  out << "########## " << c.id << (ours == theirs ? " (renders identical)" : " (renders differently)")
      << (f.passed ? "" : " (check FAILS)") << "\n"
      << "peer name: " << c.name << (c.options.empty() ? "" : "  options: " + c.options) << "\n"
      << "---------- input\n" << c.input << "\n"
      << "---------- blogshift markdown\n" << markdown
      << "---------- peer markdown\n" << c.expected << "\n"
      << "---------- blogshift rendered (normalised)\n" << ours << "\n"
      << "---------- peer rendered (normalised)\n" << theirs << "\n"
      << "---------- fidelity: " << (f.passed ? "passed" : "FAILED") << (f.detail.empty() ? "" : ": " + f.detail)
      << "\n\n";
}

class PeerSuite : public ::testing::TestWithParam<PeerCase> {};

TEST_P(PeerSuite, ConvertsFaithfully) {
  const PeerCase& c = GetParam();
  ASSERT_TRUE(c.load_error.empty()) << c.load_error;
  if (!c.skip.empty()) GTEST_SKIP() << c.skip;
  const Difference* d = difference_of(c.id);

  BodyConversion conv = convert_body(c.input);
  const std::string markdown = write_commonmark(*conv.document);
  const FidelityResult f = check_fidelity(*conv.body, markdown, {}, &conv.shown);
  const std::string ours = normalised_rendering(markdown);
  const std::string theirs = normalised_rendering(c.expected);
  dump(c, markdown, ours, theirs, f);

  const std::string shown = "\n--- input\n" + c.input + "\n--- blogshift's Markdown\n" + markdown +
                            "--- the peer's Markdown\n" + c.expected + "\n--- blogshift, rendered and normalised\n" +
                            ours + "\n--- the peer, rendered and normalised\n" + theirs + "\n";

  // (a) the fidelity check.
  const bool check_fails_listed = d && (d->check == "check-false-alarm" || d->check == "check-right");
  if (f.passed) {
    EXPECT_FALSE(check_fails_listed) << "the fidelity check passes now: take \"" << d->check << "\" off " << c.id
                                     << " in " << kDifferences.string() << ":" << d->line;
  } else {
    EXPECT_FALSE(f.detail.empty()) << "the fidelity check failed without naming the loss" << shown;
    EXPECT_TRUE(check_fails_listed) << "the fidelity check fails (" << f.detail << "): list " << c.id << " in "
                                    << kDifferences.string()
                                    << " with check-false-alarm (the Markdown is faithful) or check-right" << shown;
  }
  if (d && d->check == "check-missed-loss") {
    EXPECT_TRUE(f.passed) << "listed as check-missed-loss but the check fails now: say check-right";
  }

  // (b) blogshift against the peer, as rendered.
  if (ours == theirs) {
    EXPECT_TRUE(!d || d->verdict == "identical")
        << c.id << " renders identical to the peer now: remove its \"" << d->verdict << "\" entry from "
        << kDifferences.string() << ":" << d->line << " (or make it \"identical\" if the check is why it is listed)";
    if (d && d->verdict == "identical" && !d->check.empty() && d->check != "check-missed-loss") {
      EXPECT_TRUE(!f.passed) << "listed only for the check, which passes now: remove " << c.id;
    }
  } else {
    EXPECT_TRUE(d && d->verdict != "identical")
        << c.id << " renders differently from the peer's expectation: judge which is more faithful to the input "
        << "and list it in " << kDifferences.string()
        << " as blogshift-more-faithful, peer-more-faithful or equivalent" << shown;
  }
}

std::string param_name(const ::testing::TestParamInfo<PeerCase>& info) { return test_name_of(info.param); }

INSTANTIATE_TEST_SUITE_P(Peers, PeerSuite, ::testing::ValuesIn(all_cases()), param_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(PeerSuite);  // a clone without the peers' cases

#define REQUIRE_PEER_CASES()                                                                                    \
  do {                                                                                                          \
    if (all_cases().empty())                                                                                    \
      GTEST_SKIP() << "no peer cases in " << kPeersDir << " (scripts/make-peer-fixtures.py writes them there)"; \
  } while (0)

TEST(PeerSuiteDifferences, FileIsWellFormedAndNamesOnlyExistingCases) {
  for (const auto& e : differences().errors) ADD_FAILURE() << e;
  REQUIRE_PEER_CASES();
  std::set<std::string> ids;
  for (const auto& c : all_cases()) ids.insert(c.id);
  for (const auto& [id, d] : differences().entries) {
    EXPECT_TRUE(ids.count(id)) << kDifferences.string() << ":" << d.line << ": no case " << id;
    EXPECT_FALSE(d.reason.empty()) << kDifferences.string() << ":" << d.line << ": " << id << " has no reason";
  }
}

TEST(PeerSuiteDifferences, CasesWereLoaded) {
  REQUIRE_PEER_CASES();
  size_t turndown = 0, h2m = 0;
  for (const auto& c : all_cases()) {
    if (starts_with(c.id, "turndown_")) ++turndown;
    if (starts_with(c.id, "h2m_")) ++h2m;
  }
  EXPECT_GE(turndown, 140u);
  EXPECT_GE(h2m, 70u);
}

TEST(PeerSuiteNormaliser, SpellingsAReaderCannotSeeDoNotCount) {
  EXPECT_EQ(normalised_rendering("a *b* c"), normalised_rendering("a  _b_\nc"));
  EXPECT_EQ(normalised_rendering("[x](/u \"t\")"), normalised_rendering("[x][1]\n\n[1]: /u 't'"));
  EXPECT_EQ(normalised_rendering("Title\n====="), normalised_rendering("# Title"));
  EXPECT_EQ(normalised_rendering("    code"), normalised_rendering("```\ncode\n```"));
  EXPECT_EQ(normalised_rendering("a <!-- c --> b"), normalised_rendering("a b"));
  EXPECT_EQ(normalised_rendering("***a***"), normalised_rendering("**_a_**"));
  EXPECT_EQ(normalised_rendering("**a**__b__"), normalised_rendering("**ab**"));
  EXPECT_NE(normalised_rendering("**a** **b**"), normalised_rendering("**ab**"));
  EXPECT_NE(normalised_rendering("*a*b"), normalised_rendering("*a* b"));
  EXPECT_NE(normalised_rendering("```\na  b\n```"), normalised_rendering("```\na b\n```"));
  EXPECT_NE(normalised_rendering("- a\n- b"), normalised_rendering("- a\n\n- b"));  // tight and loose
}

}  // namespace
}  // namespace blogshift
