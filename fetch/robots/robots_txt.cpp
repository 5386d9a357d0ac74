#include "robots/robots_txt.h"

#include <cmath>
#include <cstdlib>

#include "robots/robots_match.h"
#include "text.h"

namespace blogshift::fetch {

namespace {

struct Group {
  std::vector<std::string> agents;
  std::vector<RobotsTxt::Rule> rules;
  std::optional<double> crawl_delay;
};

// The product token in a user-agent value: its leading run of letters, '_'
// and '-' (RFC 9309 2.2.1), so "ExampleBot/1.2" names ExampleBot.
std::string_view product_token(std::string_view value) {
  size_t n = 0;
  while (n < value.size()) {
    const char c = value[n];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '-')) break;
    ++n;
  }
  return value.substr(0, n);
}

std::optional<double> parse_delay(std::string_view value) {
  const std::string text(value);
  char* end = nullptr;
  const double d = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(d) || d < 0) return std::nullopt;
  return d;
}

// Every group, in order; records outside any group (rules before the
// first user-agent line) are dropped, as the RFC's grammar has no place
// for them.
std::vector<Group> read_groups(std::string_view body, std::vector<std::string>& sitemaps) {
  std::vector<Group> groups;
  bool reading_agents = false;  // the previous record was a user-agent line
  size_t pos = 0;
  while (pos < body.size()) {
    size_t end = body.find_first_of("\r\n", pos);
    if (end == std::string_view::npos) end = body.size();
    std::string_view line = body.substr(pos, end - pos);
    pos = end + 1;
    if (const size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string key = ascii_lower(trim(line.substr(0, colon)));
    const std::string_view value = trim(line.substr(colon + 1));
    if (key == "user-agent") {
      if (!reading_agents) groups.emplace_back();
      groups.back().agents.emplace_back(value);
      reading_agents = true;
    } else if (key == "allow" || key == "disallow") {
      if (groups.empty()) continue;
      reading_agents = false;
      // An empty pattern matches nothing: "Disallow:" allows all.
      if (!value.empty()) groups.back().rules.push_back({key == "allow", normalise_robots_pattern(value)});
    } else if (key == "crawl-delay") {
      if (groups.empty()) continue;
      reading_agents = false;
      if (!groups.back().crawl_delay) groups.back().crawl_delay = parse_delay(value);
    } else if (key == "sitemap") {
      if (!value.empty()) sitemaps.emplace_back(value);  // not a group member: the group goes on
    }
  }
  return groups;
}

}  // namespace

RobotsTxt RobotsTxt::parse(std::string_view body, std::string_view token) {
  RobotsTxt out;
  body = body.substr(0, std::min(body.size(), kMaxBytes));
  if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);
  const std::vector<Group> groups = read_groups(body, out.sitemaps_);
  const std::string_view ours = product_token(token);
  auto merge = [&](auto matches) {
    bool any = false;
    for (const Group& g : groups) {
      bool hit = false;
      for (const std::string& agent : g.agents) hit = hit || matches(agent);
      if (!hit) continue;
      any = true;
      out.rules_.insert(out.rules_.end(), g.rules.begin(), g.rules.end());
      if (!out.crawl_delay_) out.crawl_delay_ = g.crawl_delay;
    }
    return any;
  };
  // Our own groups, all of them merged; only without them the `*` groups.
  const bool named = !ours.empty() && merge([&](const std::string& agent) {
    const std::string_view t = product_token(agent);
    return !t.empty() && iequals(t, ours);
  });
  if (!named) merge([](const std::string& agent) { return agent.starts_with('*'); });
  return out;
}

RobotsTxt RobotsTxt::allow_all() { return RobotsTxt{}; }

RobotsTxt RobotsTxt::disallow_all() {
  RobotsTxt out;
  out.disallow_everything_ = true;
  return out;
}

RobotsTxt RobotsTxt::for_status(int status) {
  if (status >= 500 || status < 200) return disallow_all();
  return allow_all();
}

namespace {

bool is_robots_file(std::string_view path_and_query) { return path_and_query == "/robots.txt"; }

}  // namespace

bool RobotsTxt::allowed(std::string_view path_and_query) const {
  if (is_robots_file(path_and_query)) return true;
  if (disallow_everything_) return false;
  return deciding_rule(path_and_query).empty();
}

std::string RobotsTxt::deciding_rule(std::string_view path_and_query) const {
  if (is_robots_file(path_and_query)) return {};
  if (disallow_everything_) return "robots.txt unreachable: everything disallowed";
  const std::string path = normalise_robots_path(path_and_query.empty() ? "/" : path_and_query);
  const Rule* best = nullptr;
  for (const Rule& rule : rules_) {
    if (!robots_pattern_matches(rule.pattern, path)) continue;
    // The most octets wins; on a tie, allow.
    if (!best || rule.pattern.size() > best->pattern.size() ||
        (rule.pattern.size() == best->pattern.size() && rule.allow && !best->allow))
      best = &rule;
  }
  if (!best || best->allow) return {};
  return "Disallow: " + best->pattern;
}

}  // namespace blogshift::fetch
