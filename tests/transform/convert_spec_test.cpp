// Spec examples for html_to_document(): every example in
// tests/transform/spec/convert/*.txt is its own test (suite = the file's
// topic, name = the description). Format, as in cmark's spec tests:
//
//   example: short description
//   <html fragment, any number of lines>
//   .
//   <expected dump_document() output, then one line per report entry:
//    "kept_raw: …", "unknown: …", "note: …">
//   .
//
// BLOGSHIFT_ACCEPT=1 rewrites the expected part of each failing example in
// place (review the change with git diff).
#include <gtest/gtest.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "convert/html_to_document.h"
#include "document/document.h"
#include "html/html_reader.h"

namespace blogshift {
namespace {

namespace fs = std::filesystem;

const fs::path kSpecDir = fs::path(BLOGSHIFT_FIXTURES_DIR) / ".." / "tests" / "transform" / "spec" / "convert";

struct Example {
  std::string description;
  std::string html;
  std::string expected;
  size_t index = 0;  // position in its file, for rewriting
};

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

// Parses a spec file; `lines_of` receives, per example, the [begin, end)
// line range of its expected part (for rewriting).
std::vector<Example> parse_spec(const std::string& text, std::vector<std::pair<size_t, size_t>>* expected_ranges = nullptr) {
  std::vector<Example> examples;
  std::vector<std::string> lines = split_lines(text);
  size_t i = 0;
  while (i < lines.size()) {
    if (lines[i].rfind("example:", 0) != 0) {
      ++i;
      continue;
    }
    Example ex;
    ex.description = lines[i].substr(8);
    ex.description.erase(0, ex.description.find_first_not_of(' '));
    ++i;
    while (i < lines.size() && lines[i] != ".") ex.html += lines[i++] + "\n";
    ++i;
    size_t begin = i;
    while (i < lines.size() && lines[i] != ".") ex.expected += lines[i++] + "\n";
    if (expected_ranges) expected_ranges->push_back({begin, i});
    ++i;
    ex.index = examples.size();
    examples.push_back(std::move(ex));
  }
  return examples;
}

// "<body>" first, so that a fragment starting with <script>, <style>,
// <link> or <noscript> keeps them in the body (the HTML5 algorithm would
// otherwise put them in the implied <head>).
std::string convert_fragment(const std::string& html) {
  HtmlDocument doc = parse_html("<body>" + html);
  const HtmlNode* body = find_first(*doc.root, by_tag("body"));
  if (!body) return "(no body)\n";
  ConvertReport report;
  auto document = html_to_document(*body, report);
  std::string out = dump_document(*document);
  for (const auto& k : report.kept_raw) out += "kept_raw: " + k + "\n";
  for (const auto& u : report.unknown) out += "unknown: " + u + "\n";
  for (const auto& n : report.notes) out += "note: " + n + "\n";
  return out;
}

// Replaces the expected part of example `index` in `path`, under a file lock
// (CTest may run the examples of one file in parallel processes).
void accept(const fs::path& path, size_t index, const std::string& actual) {
  int fd = ::open(path.c_str(), O_RDWR);
  ASSERT_GE(fd, 0);
  ::flock(fd, LOCK_EX);
  std::string text = read_text(path);
  std::vector<std::pair<size_t, size_t>> ranges;
  parse_spec(text, &ranges);
  if (index < ranges.size()) {
    std::vector<std::string> lines = split_lines(text);
    std::vector<std::string> replacement = split_lines(actual);
    lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(ranges[index].first),
                lines.begin() + static_cast<std::ptrdiff_t>(ranges[index].second));
    lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(ranges[index].first), replacement.begin(),
                 replacement.end());
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    fs::path tmp = path;
    tmp += ".accept";
    std::ofstream(tmp, std::ios::binary) << out;
    fs::rename(tmp, path);
  }
  ::flock(fd, LOCK_UN);
  ::close(fd);
}

class SpecExample : public ::testing::Test {
public:
  SpecExample(fs::path path, Example example) : path_(std::move(path)), example_(std::move(example)) {}
  void TestBody() override {
    std::string actual = convert_fragment(example_.html);
    const char* accept_env = std::getenv("BLOGSHIFT_ACCEPT");
    if (accept_env && std::string(accept_env) == "1" && actual != example_.expected) {
      accept(path_, example_.index, actual);
      return;
    }
    EXPECT_EQ(example_.expected, actual) << "in " << path_.filename().string() << "\nHTML:\n" << example_.html;
  }

private:
  fs::path path_;
  Example example_;
};

std::string test_name(const std::string& description, std::set<std::string>& used) {
  std::string name;
  for (char c : description) {
    if (std::isalnum(static_cast<unsigned char>(c)))
      name += c;
    else if (!name.empty() && name.back() != '_')
      name += '_';
  }
  while (!name.empty() && name.back() == '_') name.pop_back();
  if (name.empty()) name = "example";
  std::string unique = name;
  for (int n = 2; !used.insert(unique).second; ++n) unique = name + "_" + std::to_string(n);
  return unique;
}

int register_examples() {
  if (!fs::is_directory(kSpecDir)) return 0;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(kSpecDir))
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  int count = 0;
  for (const auto& path : files) {
    std::string suite = "ConvertSpec_" + path.stem().string();
    std::replace(suite.begin(), suite.end(), '-', '_');
    std::set<std::string> used;
    for (Example& ex : parse_spec(read_text(path))) {
      std::string name = test_name(ex.description, used);
      ::testing::RegisterTest(suite.c_str(), name.c_str(), nullptr, nullptr, __FILE__, __LINE__,
                              [path, ex]() -> ::testing::Test* { return new SpecExample(path, ex); });
      ++count;
    }
  }
  return count;
}

const int registered = register_examples();

TEST(ConvertSpecFiles, HoldAtLeastSixtyExamples) { EXPECT_GE(registered, 60); }

}  // namespace
}  // namespace blogshift
