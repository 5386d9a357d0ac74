#include "cleanup_pass.h"

#include "passes/passes.h"

namespace blogshift {

// Each pass is declared in passes.h and defined in its own *_pass.cpp.
// Order matters; each entry says what it must come before or after.
const std::vector<CleanupPass>& cleanup_passes() {
  static const std::vector<CleanupPass> list = {
      // First: the marker counts as content for every later pass, and the
      // `<a name="more">` it replaces would otherwise be an empty element.
      {"jump-break", passes::jump_break_pass},
      // Before image-anchors, so the link and its image compare as sizes.
      {"image-sizes", passes::image_sizes_pass},
      // Before caption-tables and separator-divs, so they move bare images.
      {"image-anchors", passes::image_anchors_pass},
      // Both need the `class` attributes that style-noise removes.
      {"caption-tables", passes::caption_tables_pass},
      {"separator-divs", passes::separator_divs_pass},
      // Unwraps spans and fonts, so the next passes see plain text and divs.
      {"style-noise", passes::style_noise_pass},
      // Before empty-elements and line-breaks: `&nbsp;`-only text is blank.
      {"nbsp", passes::nbsp_pass},
      // After style-noise (spans gone, ids kept only as link targets);
      // before line-breaks, which trims the <br> and spaces it uncovers.
      {"empty-elements", passes::empty_elements_pass},
      // Last: needs divs without style or class (style-noise) to unwrap them,
      // and drops the paragraphs left with nothing.
      {"line-breaks", passes::line_breaks_pass},
  };
  return list;
}

void run_cleanup_passes(HtmlNode& body, PassContext& context) {
  for (const auto& pass : cleanup_passes()) {
    context.changes = 0;
    pass.run(body, context);
  }
}

}  // namespace blogshift
