// Spec-style examples for the CommonMark writer, one test per example, read
// from tests/transform/spec/markdown/<topic>.txt in cmark's spec format:
//
//   ```````````````````````````````` example
//   <input tree, as dump_document writes it (see document_builder.h)>
//   .
//   <expected Markdown>
//   ````````````````````````````````
//
// "→" in the expected Markdown stands for a tab. hugo.txt and kramdown.txt
// are written in those dialects (markdown_dialect.h), the others in plain
// CommonMark. Each example also has to
// render back (cmark-gfm) to the text of its tree and keep the layout rules.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "document_builder.h"
#include "markdown/commonmark_writer.h"
#include "writer_checks.h"

namespace blogshift::testing {
namespace {

struct SpecExample {
  std::string name;  // topic_N
  std::string file;
  int line = 0;
  std::string tree;
  std::string markdown;
};

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size()) s.replace(pos, from.size(), to);
  return s;
}

std::vector<SpecExample> load_examples() {
  std::vector<SpecExample> examples;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(BLOGSHIFT_WRITER_SPEC_DIR))
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  const std::string fence(32, '`');
  for (const auto& path : files) {
    std::ifstream in(path);
    std::string line;
    int number = 0, count = 0;
    enum { Outside, Tree, Markdown } state = Outside;
    SpecExample current;
    while (std::getline(in, line)) {
      ++number;
      if (state == Outside && line == fence + " example") {
        current = {path.stem().string() + "_" + std::to_string(++count), path.filename().string(), number, "", ""};
        state = Tree;
      } else if (state == Tree && line == ".") {
        state = Markdown;
      } else if (state == Tree) {
        current.tree += line + "\n";
      } else if (state == Markdown && line == fence) {
        current.markdown = replace_all(current.markdown, "→", "\t");
        examples.push_back(current);
        state = Outside;
      } else if (state == Markdown) {
        current.markdown += line + "\n";
      }
    }
    if (state != Outside) ADD_FAILURE() << path << ": unterminated example at line " << current.line;
  }
  return examples;
}

void PrintTo(const SpecExample& example, std::ostream* os) { *os << example.file << ":" << example.line; }

class WriterSpec : public ::testing::TestWithParam<SpecExample> {};

TEST_P(WriterSpec, WritesExpectedMarkdown) {
  const SpecExample& example = GetParam();
  SCOPED_TRACE(example.file + ":" + std::to_string(example.line));
  auto tree = build_document(example.tree);
  // hugo.txt and kramdown.txt hold the examples of those dialects.
  const MarkdownDialect dialect = example.file == "hugo.txt"       ? MarkdownDialect::Hugo
                                  : example.file == "kramdown.txt" ? MarkdownDialect::Kramdown
                                                                   : MarkdownDialect::CommonMark;
  std::string written = write_commonmark(*tree, dialect);
  EXPECT_EQ(written, example.markdown);
  expect_clean_layout(written);
  if (dialect == MarkdownDialect::CommonMark)
    EXPECT_EQ(rendered_block_texts(written), expected_block_texts(*tree)) << written;
  else  // some of it is HTML: the text the HTML shows
    EXPECT_EQ(rendered_html_text(written), expected_text(*tree)) << written;
}

INSTANTIATE_TEST_SUITE_P(Markdown, WriterSpec, ::testing::ValuesIn(load_examples()),
                         [](const ::testing::TestParamInfo<SpecExample>& param_info) { return param_info.param.name; });

TEST(WriterSpecFiles, AreFoundAndNonEmpty) { EXPECT_GE(load_examples().size(), 40u); }

}  // namespace
}  // namespace blogshift::testing
