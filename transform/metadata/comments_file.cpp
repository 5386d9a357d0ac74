#include "comments_file.h"

#include <yaml-cpp/yaml.h>

#include <regex>

namespace blogshift {

std::string without_email(const std::string& author) {
  // Compiled once (workers share them; matching does not change a regex).
  static const std::regex email(R"([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})");
  static const std::regex empty_brackets(R"(\(\s*\)|<\s*>|\[\s*\])");
  static const std::regex edge_space(R"(^\s+|\s+$)");
  std::string out = std::regex_replace(author, email, "");
  // Tidy what an address leaves behind: "Ann <>" -> "Ann".
  out = std::regex_replace(out, empty_brackets, "");
  out = std::regex_replace(out, edge_space, "");
  return out.empty() ? "Anonymous" : out;
}

std::string write_comments_file(const std::vector<CommentEntry>& comments) {
  if (comments.empty()) return {};
  YAML::Emitter out;
  out << YAML::BeginSeq;
  for (const auto& c : comments) {
    out << YAML::BeginMap;
    out << YAML::Key << "id" << YAML::Value << YAML::SingleQuoted << c.id;
    out << YAML::Key << "author" << YAML::Value << c.author;
    if (!c.author_url.empty() && c.author_url.rfind("mailto:", 0) != 0)
      out << YAML::Key << "authorUrl" << YAML::Value << c.author_url;
    out << YAML::Key << "date" << YAML::Value << YAML::SingleQuoted << c.date;
    if (!c.reply_to.empty()) out << YAML::Key << "replyTo" << YAML::Value << YAML::SingleQuoted << c.reply_to;
    std::string body = c.body;
    while (!body.empty() && body.back() == '\n') body.pop_back();
    out << YAML::Key << "body" << YAML::Value << YAML::Literal << body;
    out << YAML::EndMap;
  }
  out << YAML::EndSeq;
  return std::string(out.c_str()) + "\n";
}

}  // namespace blogshift
