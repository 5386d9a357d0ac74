// Replays, through the fuzz oracle (fuzz/body_oracle.h), every input the
// fuzzer ever found (fuzz/regressions/) and every seed of its corpus
// (fuzz/corpus/), so the gcc and ASan+UBSan builds check them on every run
// without clang or libFuzzer. A failure names the file and the rule broken.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "body_oracle.h"

namespace blogshift {
namespace {

namespace fs = std::filesystem;

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::vector<fs::path> files_in(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.is_regular_file() && e.path().filename() != "README.md") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

void replay_all(const fs::path& dir) {
  std::vector<fs::path> files = files_in(dir);
  ASSERT_FALSE(files.empty()) << dir << " holds no input";
  for (const fs::path& file : files) {
    std::string html = read_all(file);
    auto start = std::chrono::steady_clock::now();
    fuzz::OracleRun run = fuzz::run_body_oracle(html);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_EQ(run.failure, "") << file << "\nfidelity detail: " << run.fidelity.detail << "\nmarkdown:\n"
                               << run.markdown.substr(0, 2000);
    // The fuzzer's -timeout is 10 s (with libFuzzer's instrumentation); a
    // slow input saved as a regression must stay well under it here.
    EXPECT_LT(seconds, 10.0) << file << " took " << seconds << " s";
  }
}

TEST(FuzzRegression, EveryFoundInputPassesTheOracle) { replay_all(fs::path(BLOGSHIFT_FUZZ_DIR) / "regressions"); }

TEST(FuzzRegression, EverySeedPassesTheOracle) { replay_all(fs::path(BLOGSHIFT_FUZZ_DIR) / "corpus"); }

// The oracle itself: each rule catches what it is for.
TEST(FuzzOracle, CatchesAFailedCheckWithNoDetail) {
  FidelityResult f;
  f.passed = false;
  f.code_ok = false;
  EXPECT_NE(fuzz::oracle_failure("", "x\n", f).find("empty detail"), std::string::npos);
  f.detail = "code block 1 changed";
  EXPECT_EQ(fuzz::oracle_failure("", "x\n", f), "");
}

TEST(FuzzOracle, CatchesNumbersThatDisagreeWithTheVerdict) {
  FidelityResult f;
  f.passed = true;
  f.links_total = 1;  // one link, none kept, none missing
  EXPECT_NE(fuzz::oracle_failure("", "x\n", f), "");
  f.links_total = 0;
  f.text_recall = 0.5;  // below the threshold, yet passed
  EXPECT_NE(fuzz::oracle_failure("", "x\n", f).find("rule"), std::string::npos);
}

TEST(FuzzOracle, CatchesBadMarkdownBytesAndLayout) {
  using namespace std::string_literals;
  FidelityResult ok;
  ok.passed = true;
  EXPECT_EQ(fuzz::oracle_failure("", "", ok), "");
  EXPECT_EQ(fuzz::oracle_failure("", "a\n\nb\n", ok), "");
  EXPECT_NE(fuzz::oracle_failure("", "a\0b\n"s, ok).find("NUL"), std::string::npos);
  EXPECT_NE(fuzz::oracle_failure("ok", "a\xC3(\n", ok).find("UTF-8"), std::string::npos);
  EXPECT_EQ(fuzz::oracle_failure("\xFF", "a\xFF\n", ok), "");  // bad bytes in, so not a rule
  EXPECT_NE(fuzz::oracle_failure("", "a", ok).find("newline"), std::string::npos);
  EXPECT_NE(fuzz::oracle_failure("", "a\n\n", ok).find("more than one"), std::string::npos);
  EXPECT_NE(fuzz::oracle_failure("", "a \nb\n", ok).find("trailing"), std::string::npos);
}

TEST(FuzzOracle, Utf8Validation) {
  using fuzz::first_invalid_utf8;
  constexpr auto npos = std::string_view::npos;
  EXPECT_EQ(first_invalid_utf8("plain \xC3\xA9 \xE4\xB8\xAD \xF0\x9F\x98\x80"), npos);
  EXPECT_EQ(first_invalid_utf8("\xC0\xAF"), 0u);          // overlong
  EXPECT_EQ(first_invalid_utf8("a\xED\xA0\x80"), 1u);     // surrogate
  EXPECT_EQ(first_invalid_utf8("ab\xF4\x90\x80\x80"), 2u); // past U+10FFFF
  EXPECT_EQ(first_invalid_utf8("abc\xE4\xB8"), 3u);       // cut short
}

}  // namespace
}  // namespace blogshift
