// The fuzz oracle for one post body, shared by the libFuzzer target
// (fuzz/body_converter_fuzzer.cpp) and the GoogleTest that replays every
// seed and regression input (tests/transform/fuzz_regression_test.cpp):
//
//   bytes -> convert_body -> write_commonmark -> check_fidelity(*body, md, {})
//   (and the same in the Hugo and kramdown dialects, which must pass the
//   check wherever CommonMark does)
//
// Beyond "no crash, no hang, no ASan/UBSan report" (which the build and the
// fuzzer's -timeout see), what must hold for ANY input:
//   - the check either passes or names the loss (a failed check has a detail);
//   - the check's numbers agree with its verdict (kept <= total, the missing
//     lists are what is not kept, `passed` is exactly the documented rule);
//   - the Markdown holds no NUL byte (CommonMark wants U+FFFD), and is valid
//     UTF-8 when the input is (gumbo turns bad bytes in text into U+FFFD,
//     but an unknown tag's name, kept as raw HTML, is copied as written);
//   - the Markdown ends with exactly one newline and no line ends in a space
//     or tab (what commonmark_writer.h promises).
// body_oracle() returns the first rule broken, or an empty string.
#pragma once

#include <cstddef>
#include <utility>
#include <string>
#include <string_view>

#include "body_converter.h"
#include "fidelity/fidelity_check.h"
#include "markdown/commonmark_writer.h"

namespace blogshift::fuzz {

// Offset of the first byte that does not start or continue a well-formed
// UTF-8 sequence (no overlongs, surrogates or code points past U+10FFFF), or
// npos when all of `s` is valid.
inline size_t first_invalid_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    auto b = static_cast<unsigned char>(s[i]);
    size_t len = 0;
    unsigned lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (b < 0x80) {
      ++i;
      continue;
    } else if (b >= 0xC2 && b <= 0xDF) {
      len = 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
      len = 3;
      if (b == 0xE0) lo = 0xA0;
      if (b == 0xED) hi = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
      len = 4;
      if (b == 0xF0) lo = 0x90;
      if (b == 0xF4) hi = 0x8F;
    } else {
      return i;
    }
    if (i + len > s.size()) return i;
    for (size_t k = 1; k < len; ++k) {
      auto c = static_cast<unsigned char>(s[i + k]);
      if (k == 1 ? (c < lo || c > hi) : (c < 0x80 || c > 0xBF)) return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

// The rules on an already computed result (split out so a test can feed it a
// made-up FidelityResult and see the oracle catch it).
inline std::string oracle_failure(std::string_view html, std::string_view markdown, const FidelityResult& f) {
  if (!f.passed && f.detail.empty()) return "fidelity check failed without naming the loss (empty detail)";

  if (f.matched_words > f.source_words) return "fidelity: matched_words > source_words";
  if (f.matched_breaks > f.source_breaks) return "fidelity: matched_breaks > source_breaks";
  if (f.styled_kept > f.styled_words) return "fidelity: styled_kept > styled_words";
  if (f.links_kept > f.links_total || f.links_total - f.links_kept != f.missing_links.size())
    return "fidelity: links_kept + missing_links != links_total";
  if (f.images_kept > f.images_total || f.images_total - f.images_kept != f.missing_images.size())
    return "fidelity: images_kept + missing_images != images_total";
  bool rule = f.text_recall >= kMinTextRecall && f.break_recall >= kMinBreakRecall && f.missing_links.empty() &&
              f.missing_images.empty() && f.code_ok && f.styles_ok && f.lists_ok && f.tables_ok;
  if (f.passed != rule) return "fidelity: `passed` disagrees with the documented rule";

  if (size_t nul = markdown.find('\0'); nul != std::string_view::npos)
    return "NUL byte in the Markdown at offset " + std::to_string(nul);
  if (size_t bad = first_invalid_utf8(markdown);
      bad != std::string_view::npos && first_invalid_utf8(html) == std::string_view::npos)
    return "Markdown not valid UTF-8 (the input is) at offset " + std::to_string(bad);

  if (!markdown.empty()) {
    if (markdown.back() != '\n') return "Markdown does not end with a newline";
    if (markdown.size() >= 2 && markdown[markdown.size() - 2] == '\n') return "Markdown ends with more than one newline";
  }
  size_t line_start = 0;
  while (line_start < markdown.size()) {
    size_t eol = markdown.find('\n', line_start);
    if (eol == std::string_view::npos) eol = markdown.size();
    if (eol > line_start && (markdown[eol - 1] == ' ' || markdown[eol - 1] == '\t'))
      return "trailing white space on the Markdown line at offset " + std::to_string(line_start);
    line_start = eol + 1;
  }
  return {};
}

struct OracleRun {
  std::string markdown;
  FidelityResult fidelity;
  std::string failure;  // empty when every rule holds
};

inline OracleRun run_body_oracle(std::string_view html) {
  OracleRun run;
  BodyConversion conv = convert_body(html);
  run.markdown = write_commonmark(*conv.document);
  run.fidelity = check_fidelity(*conv.body, run.markdown, {});
  run.failure = oracle_failure(html, run.markdown, run.fidelity);
  // The Hugo and kramdown dialects (markdown_dialect.h) write the same
  // document for cmark-gfm too: the same rules hold, and what passes the
  // check in CommonMark passes it in each dialect.
  for (const auto& [dialect, name] :
       {std::pair{MarkdownDialect::Hugo, "hugo"}, std::pair{MarkdownDialect::Kramdown, "kramdown"}}) {
    if (!run.failure.empty()) break;
    const std::string markdown = write_commonmark(*conv.document, dialect);
    const FidelityResult fidelity = check_fidelity(*conv.body, markdown, {});
    run.failure = oracle_failure(html, markdown, fidelity);
    if (run.failure.empty() && run.fidelity.passed && !fidelity.passed)
      run.failure = std::string("the ") + name + " dialect fails the fidelity check CommonMark passes: " + fidelity.detail;
    if (!run.failure.empty()) run.failure = std::string(name) + " dialect: " + run.failure;
  }
  return run;
}

}  // namespace blogshift::fuzz
