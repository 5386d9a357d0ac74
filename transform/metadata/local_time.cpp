// Dates in the blog's own time zone: local_date, local_timestamp,
// zone_offset_minutes (post_metadata.h).
#include <cstdio>

#include "civil_time.h"
#include "post_metadata.h"
#include "timestamp.h"
#include "tzif_zone.h"

namespace blogshift {

namespace {

int two(const std::string& s, std::size_t pos) { return (s[pos] - '0') * 10 + (s[pos + 1] - '0'); }

// POSIX seconds of a parsed time (its normalised UTC form). Bare dates are
// reported through `bare_date`: they name a calendar day, not an instant.
std::optional<std::int64_t> unix_seconds(std::string_view text, bool* bare_date = nullptr) {
  const auto ts = parse_timestamp(text);
  if (!ts) return std::nullopt;
  if (bare_date) *bare_date = trim(text).size() == 10;
  const std::string& u = ts->utc;  // YYYY-MM-DDTHH:MM:SS.mmmZ
  const std::int64_t year = (u[0] - '0') * 1000 + (u[1] - '0') * 100 + two(u, 2);
  const std::int64_t days = civil::days_from_civil(year, two(u, 5), two(u, 8));
  return days * 86400 + two(u, 11) * 3600 + two(u, 14) * 60 + two(u, 17);
}

struct LocalTime {
  civil::Date date;
  int hour, minute, second;
};

LocalTime to_local(std::int64_t seconds) {
  const std::int64_t days = civil::floor_div(seconds, 86400);
  const auto rest = static_cast<int>(seconds - days * 86400);
  return {civil::civil_from_days(days), rest / 3600, rest / 60 % 60, rest % 60};
}

std::string format_date(const civil::Date& d) {
  if (d.year < 0 || d.year > 9999) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04lld-%02d-%02d", static_cast<long long>(d.year), d.month, d.day);
    return buffer;
  }
  // YYYY-MM-DD by hand: snprintf costs more than the rest of a date.
  const auto year = static_cast<int>(d.year);
  const char text[] = {static_cast<char>('0' + year / 1000), static_cast<char>('0' + year / 100 % 10),
                       static_cast<char>('0' + year / 10 % 10), static_cast<char>('0' + year % 10), '-',
                       static_cast<char>('0' + d.month / 10), static_cast<char>('0' + d.month % 10), '-',
                       static_cast<char>('0' + d.day / 10), static_cast<char>('0' + d.day % 10)};
  return std::string(text, sizeof text);
}

}  // namespace

std::string local_date(std::string_view utc, int offset_minutes) {
  bool bare = false;
  const auto seconds = unix_seconds(utc, &bare);
  if (!seconds) return {};
  if (bare) return std::string(trim(utc));  // already a calendar date: nothing to shift
  return format_date(to_local(*seconds + offset_minutes * 60LL).date);
}

std::string local_timestamp(std::string_view utc, int offset_minutes) {
  const auto seconds = unix_seconds(utc);
  if (!seconds) return {};
  const LocalTime t = to_local(*seconds + offset_minutes * 60LL);
  const int magnitude = offset_minutes < 0 ? -offset_minutes : offset_minutes;
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%sT%02d:%02d:%02d%c%02d:%02d", format_date(t.date).c_str(), t.hour, t.minute,
                t.second, offset_minutes < 0 ? '-' : '+', magnitude / 60, magnitude % 60);
  return buffer;
}

std::optional<int> zone_offset_minutes(const std::string& zone, std::string_view utc) {
  const auto seconds = unix_seconds(utc);
  if (!seconds) return std::nullopt;
  const auto tz = find_zone(zone);
  if (!tz) return std::nullopt;
  // Zones whose offset has seconds (local mean time before 1900) are
  // truncated to whole minutes.
  return static_cast<int>(tz->offset_at(*seconds) / 60);
}

}  // namespace blogshift
