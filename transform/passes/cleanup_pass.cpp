#include "cleanup_pass.h"

namespace blogshift {

// Each pass is declared here and defined in its own *_pass.cpp.
// (The list grows as passes land; order matters and is explained per entry.)
const std::vector<CleanupPass>& cleanup_passes() {
  static const std::vector<CleanupPass> passes = {};
  return passes;
}

void run_cleanup_passes(HtmlNode& body, PassContext& context) {
  for (const auto& pass : cleanup_passes()) {
    context.changes = 0;
    pass.run(body, context);
  }
}

}  // namespace blogshift
