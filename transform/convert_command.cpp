#include "convert_command.h"

#include <fstream>
#include <iostream>
#include <sstream>

#include "body_converter.h"
#include "errors.h"
#include "fidelity/fidelity_check.h"
#include "html/html_serializer.h"
#include "markdown/commonmark_writer.h"

namespace blogshift {

void add_convert_options(CLI::App& app, ConvertOptions& o) {
  app.add_option("input", o.input, "HTML file holding a post body, or - for standard input")->capture_default_str();
  app.add_flag("--dump-ast", o.dump_ast, "print the document tree instead of Markdown");
  app.add_flag("--cleaned-html", o.cleaned_html, "print the HTML after the clean-up passes");
  app.add_flag("--fidelity", o.fidelity, "print the fidelity check of the Markdown against the cleaned HTML");
}

int run_convert(const ConvertOptions& o) {
  std::ostringstream bytes;
  if (o.input == "-") {
    bytes << std::cin.rdbuf();
  } else {
    std::ifstream in(o.input, std::ios::binary);
    if (!in) throw FatalError(o.input, "cannot open for reading");
    bytes << in.rdbuf();
  }
  BodyConversion conv = convert_body(bytes.str());
  const std::string markdown = write_commonmark(*conv.document);
  if (o.cleaned_html) std::cout << inner_html(*conv.body) << '\n';
  else if (o.dump_ast) std::cout << dump_document(*conv.document);
  else std::cout << markdown;
  for (const auto& raw : conv.convert.kept_raw) std::cerr << "kept as raw HTML: " << raw << '\n';
  for (const auto& unknown : conv.convert.unknown) std::cerr << "no rule for <" << unknown << ">; kept as raw HTML\n";
  if (o.fidelity) {
    FidelityResult f = check_fidelity(*conv.body, markdown, {});
    std::cerr << "fidelity " << (f.passed ? "passed" : "FAILED") << ": text recall " << f.text_recall
              << ", break recall " << f.break_recall << ", links " << f.links_kept << "/" << f.links_total
              << ", images " << f.images_kept << "/" << f.images_total << (f.code_ok ? "" : ", code changed")
              << ", styled words " << f.styled_kept << "/" << f.styled_words
              << (f.lists_ok ? "" : ", lists changed") << (f.tables_ok ? "" : ", tables changed")
              << (f.detail.empty() ? "" : "; " + f.detail) << '\n';
    for (const std::string& excuse : f.excused) std::cerr << "excused by rule " << excuse << '\n';
    return f.passed ? kExitOk : kExitProblems;
  }
  return kExitOk;
}

}  // namespace blogshift
