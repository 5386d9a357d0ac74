#include "rfc822_time.h"

#include <cstdio>
#include <vector>

#include "text.h"
#include "timestamp.h"

namespace blogshift {

namespace {

std::vector<std::string_view> words(std::string_view text) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == ',')) ++i;
    const size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\t' && text[i] != ',') ++i;
    if (i > start) out.push_back(text.substr(start, i - start));
  }
  return out;
}

bool number(std::string_view s, int& out) {
  if (!all_ascii_digits(s) || s.size() > 4) return false;
  out = 0;
  for (char c : s) out = out * 10 + (c - '0');
  return true;
}

int month_number(std::string_view name) {
  static const char* const kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                        "jul", "aug", "sep", "oct", "nov", "dec"};
  for (int i = 0; i < 12; ++i)
    if (iequals(name.substr(0, 3), kMonths[i]) && name.size() >= 3) return i + 1;
  return 0;
}

// Minutes east of UTC, or nullopt for a zone that names UTC (written Z).
bool zone_offset(std::string_view zone, std::optional<int>& offset) {
  if (zone.size() == 5 && (zone[0] == '+' || zone[0] == '-') && all_ascii_digits(zone.substr(1))) {
    const int minutes = ((zone[1] - '0') * 10 + (zone[2] - '0')) * 60 + (zone[3] - '0') * 10 + (zone[4] - '0');
    if (minutes == 0) offset.reset();
    else offset = zone[0] == '-' ? -minutes : minutes;
    return true;
  }
  for (const char* utc : {"GMT", "UT", "UTC", "Z"})
    if (iequals(zone, utc)) {
      offset.reset();
      return true;
    }
  static const std::pair<const char*, int> kUs[] = {{"EST", -300}, {"EDT", -240}, {"CST", -360}, {"CDT", -300},
                                                    {"MST", -420}, {"MDT", -360}, {"PST", -480}, {"PDT", -420}};
  for (const auto& [name, minutes] : kUs)
    if (iequals(zone, name)) {
      offset = minutes;
      return true;
    }
  return false;
}

}  // namespace

std::optional<std::string> rfc822_to_rfc3339(std::string_view text) {
  std::vector<std::string_view> w = words(trim(text));
  if (!w.empty() && !w[0].empty() && !(w[0][0] >= '0' && w[0][0] <= '9')) w.erase(w.begin());  // the day name
  if (w.size() != 5) return std::nullopt;
  int day = 0, year = 0;
  const int month = month_number(w[1]);
  if (!number(w[0], day) || month == 0 || !number(w[2], year)) return std::nullopt;
  if (w[2].size() == 2) year += year >= 50 ? 1900 : 2000;
  else if (w[2].size() != 4) return std::nullopt;
  int hour = 0, minute = 0, second = 0;
  const std::string_view clock = w[3];
  const size_t colon = clock.find(':');
  const size_t colon2 = colon == std::string_view::npos ? colon : clock.find(':', colon + 1);
  if (colon == std::string_view::npos || !number(clock.substr(0, colon), hour) ||
      !number(clock.substr(colon + 1, colon2 == std::string_view::npos ? std::string_view::npos : colon2 - colon - 1),
              minute) ||
      (colon2 != std::string_view::npos && !number(clock.substr(colon2 + 1), second)))
    return std::nullopt;
  std::optional<int> offset;
  if (!zone_offset(w[4], offset)) return std::nullopt;
  char out[40];
  int n = std::snprintf(out, sizeof out, "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, hour, minute, second);
  if (offset) {
    const int a = *offset < 0 ? -*offset : *offset;
    n += std::snprintf(out + n, sizeof out - static_cast<size_t>(n), "%c%02d:%02d", *offset < 0 ? '-' : '+', a / 60,
                       a % 60);
  } else {
    n += std::snprintf(out + n, sizeof out - static_cast<size_t>(n), "Z");
  }
  std::string result(out, static_cast<size_t>(n));
  if (!parse_timestamp(result)) return std::nullopt;  // day 32, 25:00, ...
  return result;
}

}  // namespace blogshift
