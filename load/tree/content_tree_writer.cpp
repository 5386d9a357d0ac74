#include "content_tree_writer.h"

#include <filesystem>

#include "atomic_file.h"
#include "errors.h"

namespace blogshift {

namespace {
// Paths come from slugs and asset names, which transform keeps safe; check
// again here, since a path that leaves the output folder must never be written.
std::string inside(const std::string& out_dir, const std::string& relative) {
  std::filesystem::path rel(relative);
  if (rel.is_absolute() || relative.find("..") != std::string::npos || relative.find('\0') != std::string::npos)
    throw FatalError(relative, "refusing to write outside the output folder");
  return (std::filesystem::path(out_dir) / rel).string();
}
}  // namespace

TreeReport write_content_tree(Database& db, const std::string& out_dir) {
  TreeReport report;
  auto docs = db.prepare("SELECT item_id, path, front_matter, markdown, comments_yaml FROM documents ORDER BY path");
  auto files = db.prepare(
      "SELECT DISTINCT l.target, b.bytes FROM document_links l JOIN assets a ON a.id = l.asset_id"
      " JOIN blobs b ON b.sha256 = a.sha256 WHERE l.item_id = ? AND l.outcome = 'local' ORDER BY l.target");
  while (docs.step()) {
    const std::string path = docs.column_text(1);
    // Front matter, a blank line, the body; a post with no body ends after its front matter.
    const std::string markdown = docs.column_text(3);
    std::string content = docs.column_text(2) + (markdown.empty() ? "" : "\n" + markdown);
    write_file_atomically(inside(out_dir, path), content);
    ++report.documents;
    report.bytes += static_cast<int64_t>(content.size());
    const std::string folder = std::filesystem::path(path).parent_path().string();
    if (const std::string comments = docs.column_text(4); !comments.empty()) {
      write_file_atomically(inside(out_dir, folder + "/comments.yaml"), comments);
      ++report.files;
      report.bytes += static_cast<int64_t>(comments.size());
    }
    files.bind(1, docs.column_int(0));
    while (files.step()) {
      std::string bytes = files.column_text(1);
      write_file_atomically(inside(out_dir, folder + "/" + files.column_text(0)), bytes);
      ++report.files;
      report.bytes += static_cast<int64_t>(bytes.size());
    }
    files.reset();
  }
  return report;
}

}  // namespace blogshift
