#include "content_tree_writer.h"

#include <filesystem>
#include <set>

#include "written_files.h"

namespace blogshift {

namespace {
std::string top_folder(const std::string& relative) {
  const auto slash = relative.find('/');
  return slash == std::string::npos ? relative : relative.substr(0, slash);
}
}  // namespace

TreeReport write_content_tree(Database& db, const std::string& out_dir, bool overwrite, bool dry_run,
                              const std::function<void()>& on_document) {
  TreeReport report;
  WrittenFiles written_files(db, out_dir, overwrite, dry_run);
  std::set<std::string> roots;
  // Every file goes through here, so the roots name every folder the tree uses.
  const auto write = [&](const std::string& relative, std::string_view bytes, const std::string& role) {
    written_files.write(relative, bytes, role);
    roots.insert(top_folder(relative));
  };
  auto docs = db.prepare("SELECT item_id, path, front_matter, markdown, comments_yaml, asset_dir, comments_path FROM documents ORDER BY path");
  auto files = db.prepare(
      "SELECT DISTINCT l.target, b.bytes FROM document_links l JOIN assets a ON a.id = l.asset_id"
      " JOIN blobs b ON b.sha256 = a.sha256 WHERE l.item_id = ? AND l.outcome = 'local' ORDER BY l.target");
  while (docs.step()) {
    const std::string path = docs.column_text(1);
    // Front matter, a blank line, the body; a post with no body ends after its front matter.
    const std::string markdown = docs.column_text(3);
    const std::string content = docs.column_text(2) + (markdown.empty() ? "" : "\n" + markdown);
    write(path, content, "document");
    ++report.documents;
    report.bytes += static_cast<int64_t>(content.size());
    // Images beside the document, unless the layout keeps them apart (Jekyll).
    const std::string asset_dir = docs.column_text(5);
    const std::string folder = asset_dir.empty() ? std::filesystem::path(path).parent_path().string() : asset_dir;
    if (const std::string comments = docs.column_text(4); !comments.empty()) {
      const std::string comments_path = docs.column_text(6);
      write(comments_path.empty() ? folder + "/comments.yaml" : comments_path, comments, "comments");
      ++report.files;
      report.bytes += static_cast<int64_t>(comments.size());
    }
    files.bind(1, docs.column_int(0));
    while (files.step()) {
      const std::string bytes = files.column_text(1);
      write(folder + "/" + files.column_text(0), bytes, "asset");
      ++report.files;
      report.bytes += static_cast<int64_t>(bytes.size());
    }
    files.reset();
    if (on_document) on_document();
  }
  report.roots.assign(roots.begin(), roots.end());
  const WrittenFilesReport written = written_files.finish({"document", "comments", "asset"});
  report.written = written.written;
  report.unchanged = written.unchanged;
  report.removed = written.removed;
  report.kept = written.kept;
  report.created = written.created;
  report.changed = written.changed;
  report.deleted = written.deleted;
  return report;
}

}  // namespace blogshift
