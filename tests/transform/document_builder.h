// Test-only: builds a document tree from the text of dump_document(), so
// writer tests can state their input trees without the HTML converter.
//
//   Paragraph
//     Text "Hello "
//     Link url="https://example.com" title=""
//       Text "world"
//
// Two spaces of indentation per level. Attributes as dump_document writes
// them: level=N, start=N, tight/loose, info="…" "code", url= title= alt=,
// header/no-header and column alignments (none left center right), and a
// quoted string for Text, Code, RawBlock and RawInline. Strings are JSON
// strings (\" \\ \n \t \uXXXX). Without a leading "Document" line the nodes
// at depth 0 become the children of a new Document.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "document/document.h"

namespace blogshift::testing {

inline DocKind doc_kind_named(const std::string& name) {
  for (int k = 0; k <= static_cast<int>(DocKind::RawInline); ++k)
    if (name == to_string(static_cast<DocKind>(k))) return static_cast<DocKind>(k);
  throw std::invalid_argument("unknown node kind: " + name);
}

// Reads a JSON string starting at s[i] == '"'; leaves i after the closing quote.
inline std::string read_json_string(const std::string& s, size_t& i) {
  if (i >= s.size() || s[i] != '"') throw std::invalid_argument("expected a string at: " + s.substr(i));
  std::string out;
  for (++i; i < s.size() && s[i] != '"'; ++i) {
    if (s[i] != '\\') {
      out += s[i];
      continue;
    }
    char e = s.at(++i);
    switch (e) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case 'u': {
        unsigned cp = static_cast<unsigned>(std::stoul(s.substr(i + 1, 4), nullptr, 16));
        i += 4;
        if (cp < 0x80) {
          out += static_cast<char>(cp);
        } else if (cp < 0x800) {
          out += static_cast<char>(0xC0 | (cp >> 6));
          out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
          out += static_cast<char>(0xE0 | (cp >> 12));
          out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
          out += static_cast<char>(0x80 | (cp & 0x3F));
        }
        break;
      }
      default: out += e; break;
    }
  }
  if (i >= s.size()) throw std::invalid_argument("unterminated string: " + s);
  ++i;
  return out;
}

inline void read_attributes(DocNode& node, const std::string& line, size_t i) {
  while (i < line.size()) {
    if (line[i] == ' ') {
      ++i;
      continue;
    }
    if (line[i] == '"') {
      std::string value = read_json_string(line, i);
      if (node.kind == DocKind::CodeBlock || node.kind == DocKind::Text || node.kind == DocKind::Code ||
          node.kind == DocKind::RawBlock || node.kind == DocKind::RawInline)
        node.text = value;
      else
        throw std::invalid_argument("a string where none belongs: " + line);
      continue;
    }
    size_t end = line.find_first_of(" =", i);
    std::string key = line.substr(i, end == std::string::npos ? std::string::npos : end - i);
    i = end == std::string::npos ? line.size() : end;
    if (i < line.size() && line[i] == '=') {
      ++i;
      if (key == "level" || key == "start") {
        size_t stop = line.find(' ', i);
        int value = std::stoi(line.substr(i, stop == std::string::npos ? std::string::npos : stop - i));
        (key == "level" ? node.level : node.start) = value;
        i = stop == std::string::npos ? line.size() : stop;
        continue;
      }
      std::string value = read_json_string(line, i);
      if (key == "url") node.url = value;
      else if (key == "title") node.title = value;
      else if (key == "alt") node.text = value;
      else if (key == "info") node.info = value;
      else throw std::invalid_argument("unknown attribute: " + key);
      continue;
    }
    if (key == "tight") node.tight = true;
    else if (key == "loose") node.tight = false;
    else if (key == "header") node.header_row = true;
    else if (key == "no-header") node.header_row = false;
    else if (key == "none") node.aligns.push_back(Align::None);
    else if (key == "left") node.aligns.push_back(Align::Left);
    else if (key == "center") node.aligns.push_back(Align::Center);
    else if (key == "right") node.aligns.push_back(Align::Right);
    else throw std::invalid_argument("unknown flag: " + key);
  }
}

inline std::unique_ptr<DocNode> build_document(const std::string& dump) {
  std::istringstream in(dump);
  std::string line;
  std::vector<std::pair<std::string, int>> lines;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(' ') == std::string::npos) continue;
    size_t indent = line.find_first_not_of(' ');
    lines.push_back({line.substr(indent), static_cast<int>(indent / 2)});
  }
  auto root = std::make_unique<DocNode>(DocKind::Document);
  int shift = 1;
  if (!lines.empty() && lines[0].first == "Document") {
    lines.erase(lines.begin());
    shift = 0;
  }
  std::vector<DocNode*> stack{root.get()};  // stack[d] = the open node at depth d
  for (const auto& [text, depth0] : lines) {
    int depth = depth0 + shift;
    if (depth < 1 || static_cast<size_t>(depth) > stack.size())
      throw std::invalid_argument("bad indentation: " + text);
    stack.resize(static_cast<size_t>(depth));
    size_t space = text.find(' ');
    auto node = std::make_unique<DocNode>(doc_kind_named(text.substr(0, space)));
    if (space != std::string::npos) read_attributes(*node, text, space + 1);
    stack.push_back(stack.back()->add(std::move(node)));
  }
  return root;
}

}  // namespace blogshift::testing
