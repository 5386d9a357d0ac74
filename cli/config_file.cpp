#include "config_file.h"

#include <yaml-cpp/yaml.h>

#include <cctype>
#include <memory>
#include <sstream>

namespace blogshift {

namespace {
// The file being read: the --config value, else the default name.
std::string config_name(const CLI::App* app) {
  const CLI::App* top = app;
  while (top->get_parent() != nullptr) top = top->get_parent();
  const CLI::Option* option = top->get_config_ptr();
  if (option && option->count() > 0) return option->as<std::string>();
  return option ? option->get_default_str() : "config file";
}

[[noreturn]] void config_error(const CLI::App* app, const YAML::Mark& mark, const std::string& message) {
  throw CLI::ConfigError(config_name(app) + ":" + std::to_string(mark.line + 1) + ":" +
                         std::to_string(mark.column + 1) + ": " + message);
}

// Options that exclude each other (-q, -v): the file's value yields to one
// given on the command line, and a flag the file sets to false is as if not
// there (so "quiet: false" beside "verbose: true" is no conflict).
bool yields_to_command_line(const CLI::Option* option, const YAML::Node& value) {
  const auto& excludes = option->get_excludes();
  if (excludes.empty()) return false;
  for (const CLI::Option* other : excludes)
    if (other->count() > 0) return true;
  if (option->get_expected_max() == 0 && value.IsScalar()) {
    std::string v = value.as<std::string>();
    for (auto& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return v == "false" || v == "no" || v == "off" || v == "0";
  }
  return false;
}

std::string key_name(const CLI::Option* option) {
  const auto& names = option->get_lnames();
  if (!names.empty()) return names.front();
  return option->get_name(true, false);  // a positional: its name
}
}  // namespace

std::vector<CLI::ConfigItem> YamlConfig::from_config(std::istream& input) const {
  YAML::Node root;
  try {
    root = YAML::Load(input);
  } catch (const YAML::Exception& e) {
    config_error(app_, e.mark, e.msg);
  }
  std::vector<CLI::ConfigItem> result;
  if (root.IsNull()) return result;  // an empty file
  if (!root.IsMap()) config_error(app_, root.Mark(), "expected keys and values (option: value), one per line");
  for (const auto& entry : root) {
    const std::string key = entry.first.as<std::string>();
    const CLI::Option* option = app_->get_option_no_throw("--" + key);
    if (!option) option = app_->get_option_no_throw(key);
    if (!option || !option->get_configurable())
      config_error(app_, entry.first.Mark(), "'" + key + "' is not an option of 'blogshift " + app_->get_name() + "'");
    if (yields_to_command_line(option, entry.second)) continue;
    CLI::ConfigItem item;
    item.name = key;
    if (app_->get_parent() != nullptr) item.parents = {app_->get_name()};
    const YAML::Node& value = entry.second;
    if (value.IsScalar()) {
      item.inputs.push_back(value.as<std::string>());
    } else if (value.IsSequence()) {
      // Several values: each its own input for options that take many (the
      // sources), else one comma list as the command line would spell it.
      std::vector<std::string> values;
      for (const auto& v : value) {
        if (!v.IsScalar()) config_error(app_, v.Mark(), "'" + key + "': a list of plain values was expected");
        values.push_back(v.as<std::string>());
      }
      if (option->get_items_expected_max() > 1) {
        item.inputs = values;
      } else {
        std::string joined;
        for (const auto& v : values) joined += (joined.empty() ? "" : ",") + v;
        item.inputs.push_back(joined);
      }
    } else if (value.IsNull()) {
      continue;  // "key:" with nothing: as if not there
    } else {
      config_error(app_, value.Mark(), "'" + key + "': a value or a list was expected, not a map");
    }
    result.push_back(std::move(item));
  }
  return result;
}

std::string yaml_scalar(const std::string& value) {
  YAML::Emitter out;
  out << value;
  return out.c_str();
}

std::string YamlConfig::to_config(const CLI::App* app, bool default_also, bool write_description,
                                  std::string prefix) const {
  std::ostringstream out;
  for (const CLI::Option* option : app->get_options()) {
    if (!option->get_configurable() || key_name(option).empty() || key_name(option) == "help") continue;
    std::string value;
    if (option->count() > 0) {
      for (const auto& r : option->results()) value += (value.empty() ? "" : ",") + r;
    } else if (default_also) {
      value = option->get_default_str();
    }
    if (write_description && !option->get_description().empty())
      out << prefix << "# " << option->get_description() << '\n';
    if (value.empty()) {
      out << prefix << "# " << key_name(option) << ":\n";
    } else if (option->get_items_expected_max() > 1) {  // the sources: a YAML list
      out << prefix << key_name(option) << ":\n";
      for (const auto& r : option->results()) out << prefix << "  - " << yaml_scalar(r) << '\n';
    } else {
      out << prefix << key_name(option) << ": " << yaml_scalar(value) << '\n';
    }
  }
  return out.str();
}

void add_config_file(CLI::App& top, CLI::App& command) {
  // CLI11 reads config files on the top-level command only; the keys are
  // routed to `command`, and `command --config FILE` falls through to it.
  top.config_formatter(std::make_shared<YamlConfig>(&command));
  top.set_config("--config", "blogshift.yaml",
                 "options of 'blogshift " + command.get_name() +
                     "' from a YAML file (keys are the long option names; the command line wins)");
  command.fallthrough();
}

}  // namespace blogshift
