// Clean-up passes: small, named rewrites of a post body's HTML tree (the
// <body> element of html_reader.h's HtmlDocument) that undo what Blogger's
// editor did, before the tree is converted to a document. Each pass lives in
// its own file (`*_pass.cpp`), does one thing, and is tested alone
// (tests/transform/passes/). They run in the order of cleanup_passes().
#pragma once

#include <string>
#include <vector>

#include "html/html_tree.h"

namespace blogshift {

// What passes tell the caller: counts per pass for the report, and anything
// they could not handle cleanly (kept, with a note).
struct PassContext {
  std::vector<std::string> notes;
  int changes = 0;  // nodes rewritten by the pass that just ran
};

struct CleanupPass {
  const char* name;  // stable, kebab-case: "separator-divs", "caption-tables", ...
  void (*run)(HtmlNode& body, PassContext& context);
};

// Every pass, in the order they must run.
const std::vector<CleanupPass>& cleanup_passes();

// Runs every pass over `body`.
void run_cleanup_passes(HtmlNode& body, PassContext& context);

}  // namespace blogshift
