// JSON in the shape of python-insider-blog's src/data/redirects.json: one
// flat object, old path -> new location, two-space indent, one pair a line.
// Keys are the decoded old paths (UTF-8, as servers match them), values the
// Location to send (percent-encoded). JSON has no comments: what the file
// covers is in the report only. Whoever reads it matches by path, so query
// strings are theirs to ignore.
#include "json_writer.h"
#include "redirect_writers.h"

namespace blogshift {

std::vector<MapFile> render_json(const RedirectSet& set) {
  MapFile file{"redirects.json", "{", 0, {}};
  for (const auto& e : set.entries) {
    file.content += (file.rules == 0 ? "\n  " : ",\n  ") + json_quote(e.old_path) + ": " + json_quote(e.target);
    ++file.rules;
  }
  file.content += file.rules == 0 ? "}\n" : "\n}\n";
  return {file};
}

}  // namespace blogshift
