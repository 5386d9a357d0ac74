#include "document.h"

#include "json_writer.h"

namespace blogshift {

const char* to_string(DocKind kind) {
  switch (kind) {
    case DocKind::Document: return "Document";
    case DocKind::Paragraph: return "Paragraph";
    case DocKind::Heading: return "Heading";
    case DocKind::BlockQuote: return "BlockQuote";
    case DocKind::BulletList: return "BulletList";
    case DocKind::OrderedList: return "OrderedList";
    case DocKind::ListItem: return "ListItem";
    case DocKind::CodeBlock: return "CodeBlock";
    case DocKind::ThematicBreak: return "ThematicBreak";
    case DocKind::Table: return "Table";
    case DocKind::TableRow: return "TableRow";
    case DocKind::TableCell: return "TableCell";
    case DocKind::RawBlock: return "RawBlock";
    case DocKind::ExcerptBreak: return "ExcerptBreak";
    case DocKind::Text: return "Text";
    case DocKind::Emphasis: return "Emphasis";
    case DocKind::Strong: return "Strong";
    case DocKind::Strikethrough: return "Strikethrough";
    case DocKind::Superscript: return "Superscript";
    case DocKind::Subscript: return "Subscript";
    case DocKind::Code: return "Code";
    case DocKind::Link: return "Link";
    case DocKind::Image: return "Image";
    case DocKind::LineBreak: return "LineBreak";
    case DocKind::RawInline: return "RawInline";
  }
  return "?";
}

std::string plain_text(const DocNode& root) { return plain_text(root, std::string::npos); }

std::string plain_text(const DocNode& root, size_t max_bytes) {
  std::string out;
  auto space = [&] {
    if (!out.empty() && out.back() != ' ') out += ' ';
  };
  std::vector<const DocNode*> stack{&root};
  while (!stack.empty()) {
    if (out.size() >= max_bytes) return out;
    const DocNode* node = stack.back();
    stack.pop_back();
    if (node == nullptr) {  // end of a block
      space();
      continue;
    }
    switch (node->kind) {
      case DocKind::CodeBlock:
      case DocKind::RawBlock:
      case DocKind::RawInline:
      case DocKind::Image:
        continue;
      case DocKind::Text:
      case DocKind::Code: {
        // Runs between white space characters are appended whole.
        const char* p = node->text.data();
        const char* const end = p + node->text.size();
        while (p < end) {
          const char* run = p;
          while (p < end && *p != ' ' && *p != '\n' && *p != '\t' && *p != '\r') ++p;
          out.append(run, static_cast<size_t>(p - run));
          if (p < end) {
            space();
            ++p;
          }
        }
        continue;
      }
      case DocKind::LineBreak:
        space();
        continue;
      default:
        break;
    }
    if (node->is_block() || node->kind == DocKind::TableCell) stack.push_back(nullptr);
    for (auto it = node->children.rbegin(); it != node->children.rend(); ++it) stack.push_back(it->get());
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string dump_document(const DocNode& root) {
  std::string out;
  // Iterative pre-order walk with depth, so hostile nesting cannot overflow the stack.
  std::vector<std::pair<const DocNode*, int>> stack{{&root, 0}};
  while (!stack.empty()) {
    auto [node, depth] = stack.back();
    stack.pop_back();
    out.append(static_cast<size_t>(depth) * 2, ' ');
    out += to_string(node->kind);
    switch (node->kind) {
      case DocKind::Heading: out += " level=" + std::to_string(node->level); break;
      case DocKind::OrderedList: out += " start=" + std::to_string(node->start); [[fallthrough]];
      case DocKind::BulletList: out += node->tight ? " tight" : " loose"; break;
      case DocKind::CodeBlock: out += " info=" + json_quote(node->info) + " " + json_quote(node->text); break;
      case DocKind::Link: out += " url=" + json_quote(node->url) + " title=" + json_quote(node->title); break;
      case DocKind::Image:
        out += " url=" + json_quote(node->url) + " alt=" + json_quote(node->text) + " title=" + json_quote(node->title);
        break;
      case DocKind::Table: {
        out += node->header_row ? " header" : " no-header";
        static const char* names[] = {"none", "left", "center", "right"};
        for (Align a : node->aligns) out += std::string(" ") + names[static_cast<int>(a)];
        break;
      }
      case DocKind::Text:
      case DocKind::Code:
      case DocKind::RawBlock:
      case DocKind::RawInline: out += " " + json_quote(node->text); break;
      default: break;
    }
    out += '\n';
    for (auto it = node->children.rbegin(); it != node->children.rend(); ++it) stack.push_back({it->get(), depth + 1});
  }
  return out;
}

}  // namespace blogshift
