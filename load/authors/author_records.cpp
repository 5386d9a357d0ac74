#include "author_records.h"

#include <yaml-cpp/yaml.h>

#include <utility>

#include "json_writer.h"

namespace blogshift {

namespace {

// The fields in the order python-insider-blog's records have them.
std::vector<std::pair<const char*, std::string>> string_fields(const AuthorRecord& a) {
  return {{"name", a.name},  {"bio", ""},     {"github", ""},         {"avatar", a.avatar},
          {"twitter", ""},   {"bluesky", ""}, {"mastodon", ""},       {"website", a.website}};
}

void emit_fields(YAML::Emitter& out, const AuthorRecord& a) {
  out << YAML::BeginMap;
  for (const auto& [key, value] : string_fields(a)) {
    out << YAML::Key << key << YAML::Value;
    if (value.empty()) out << YAML::SingleQuoted << "";
    else out << value;
  }
  out << YAML::Key << "featured" << YAML::Value << false << YAML::EndMap;
}

}  // namespace

std::string author_record_json(const AuthorRecord& author) {
  std::string json = "{\n";
  for (const auto& [key, value] : string_fields(author)) json += "  " + json_quote(key) + ": " + json_quote(value) + ",\n";
  return json + "  \"featured\": false\n}\n";
}

std::string author_record_yaml(const AuthorRecord& author) {
  YAML::Emitter out;
  out.SetBoolFormat(YAML::TrueFalseBool);
  emit_fields(out, author);
  return std::string(out.c_str()) + "\n";
}

std::string authors_data_yaml(const std::vector<AuthorRecord>& authors) {
  YAML::Emitter out;
  out.SetBoolFormat(YAML::TrueFalseBool);
  out << YAML::BeginMap;
  for (const AuthorRecord& a : authors) {
    out << YAML::Key << a.id << YAML::Value;
    emit_fields(out, a);
  }
  out << YAML::EndMap;
  return authors.empty() ? std::string() : std::string(out.c_str()) + "\n";
}

}  // namespace blogshift
