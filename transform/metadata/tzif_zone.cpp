// TZif (RFC 8536) and POSIX TZ rule reading. See tzif_zone.h.
#include "tzif_zone.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>

#include "civil_time.h"

namespace blogshift {

namespace {

constexpr std::size_t kMaxZoneFileBytes = 1 << 20;

// ---- POSIX TZ strings ------------------------------------------------------

class RuleScanner {
 public:
  explicit RuleScanner(std::string_view text) : text_(text) {}
  bool done() const { return pos_ >= text_.size(); }
  char peek() const { return done() ? '\0' : text_[pos_]; }
  bool eat(char c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }

  // "PST" or "<+0530>"; POSIX wants at least three characters.
  bool name() {
    if (eat('<')) {
      const auto close = text_.find('>', pos_);
      if (close == std::string_view::npos || close - pos_ < 3) return false;
      pos_ = close + 1;
      return true;
    }
    const std::size_t begin = pos_;
    while (!done() && ((peek() >= 'A' && peek() <= 'Z') || (peek() >= 'a' && peek() <= 'z'))) ++pos_;
    return pos_ - begin >= 3;
  }

  bool number(long& out, int max_digits) {
    int count = 0;
    out = 0;
    while (!done() && peek() >= '0' && peek() <= '9' && count < max_digits) {
      out = out * 10 + (peek() - '0');
      ++pos_;
      ++count;
    }
    return count > 0;
  }

  // [+-]hh[:mm[:ss]] in seconds, sign as written.
  bool duration(long& out, int max_hour_digits) {
    long sign = 1;
    if (eat('-')) sign = -1;
    else eat('+');
    long h = 0, m = 0, s = 0;
    if (!number(h, max_hour_digits)) return false;
    if (eat(':')) {
      if (!number(m, 2) || m > 59) return false;
      if (eat(':') && (!number(s, 2) || s > 59)) return false;
    }
    out = sign * (h * 3600 + m * 60 + s);
    return true;
  }

  bool when(PosixTzRule::When& w) {
    long a = 0, b = 0, c = 0;
    if (eat('M')) {
      if (!number(a, 2) || !eat('.') || !number(b, 1) || !eat('.') || !number(c, 1)) return false;
      if (a < 1 || a > 12 || b < 1 || b > 5 || c > 6) return false;
      w.kind = 'M';
      w.month = static_cast<int>(a);
      w.week = static_cast<int>(b);
      w.weekday = static_cast<int>(c);
    } else if (eat('J')) {
      if (!number(a, 3) || a < 1 || a > 365) return false;
      w.kind = 'J';
      w.day = static_cast<int>(a);
    } else {
      if (!number(a, 3) || a > 365) return false;
      w.kind = 'D';
      w.day = static_cast<int>(a);
    }
    w.seconds = 7200;
    if (eat('/') && !duration(w.seconds, 3)) return false;  // RFC 8536 allows -167..167 hours
    return true;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

// The UTC instant of one end of the daylight-saving period in `year`, given
// the offset in force just before it.
std::int64_t transition_utc(std::int64_t year, const PosixTzRule::When& w, long offset_before) {
  std::int64_t day = 0;
  if (w.kind == 'M') {
    const std::int64_t first = civil::days_from_civil(year, w.month, 1);
    const std::int64_t next_month = w.month == 12 ? civil::days_from_civil(year + 1, 1, 1)
                                                  : civil::days_from_civil(year, w.month + 1, 1);
    day = first + (w.weekday - civil::weekday_from_days(first) + 7) % 7 + 7 * (w.week - 1);
    while (day >= next_month) day -= 7;  // week 5 means "the last"
  } else if (w.kind == 'J') {
    day = civil::days_from_civil(year, 1, 1) + w.day - 1 + (civil::is_leap(year) && w.day >= 60 ? 1 : 0);
  } else {
    day = civil::days_from_civil(year, 1, 1) + w.day;
  }
  return day * 86400 + w.seconds - offset_before;
}

// ---- TZif ------------------------------------------------------------------

std::int64_t read_be(std::string_view bytes, std::size_t pos, int width) {
  std::uint64_t v = 0;
  for (int i = 0; i < width; ++i) v = (v << 8) | static_cast<unsigned char>(bytes[pos + static_cast<std::size_t>(i)]);
  if (width == 4) return static_cast<std::int32_t>(static_cast<std::uint32_t>(v));
  return static_cast<std::int64_t>(v);
}

struct Header {
  std::size_t isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt;
  std::size_t data_size(int time_width) const {
    const auto w = static_cast<std::size_t>(time_width);
    return timecnt * w + timecnt + typecnt * 6 + charcnt + leapcnt * (w + 4) + isstdcnt + isutcnt;
  }
};

std::optional<Header> read_header(std::string_view bytes, std::size_t pos) {
  if (bytes.size() < pos + 44 || bytes.substr(pos, 4) != "TZif") return std::nullopt;
  Header h{};
  std::size_t* fields[] = {&h.isutcnt, &h.isstdcnt, &h.leapcnt, &h.timecnt, &h.typecnt, &h.charcnt};
  for (std::size_t i = 0; i < 6; ++i) {
    const std::int64_t v = read_be(bytes, pos + 20 + 4 * i, 4);
    if (v < 0 || v > 1'000'000) return std::nullopt;
    *fields[i] = static_cast<std::size_t>(v);
  }
  if (h.typecnt == 0) return std::nullopt;
  return h;
}

bool valid_zone_name(const std::string& name) {
  if (name.empty() || name.size() > 255 || name.front() == '/' || name.back() == '/') return false;
  std::size_t segment_start = 0;
  for (std::size_t i = 0; i <= name.size(); ++i) {
    if (i == name.size() || name[i] == '/') {
      const std::string_view segment(name.data() + segment_start, i - segment_start);
      if (segment.empty() || segment.front() == '.') return false;  // also "." and ".."
      segment_start = i + 1;
      continue;
    }
    const char c = name[i];
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
                    c == '-' || c == '+' || c == '.';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

std::optional<PosixTzRule> PosixTzRule::parse(std::string_view text) {
  RuleScanner s(text);
  PosixTzRule rule;
  long posix_offset = 0;
  if (!s.name() || !s.duration(posix_offset, 3)) return std::nullopt;
  rule.std_offset = -posix_offset;
  if (s.done()) return rule;
  if (!s.name()) return std::nullopt;
  rule.has_dst = true;
  rule.dst_offset = rule.std_offset + 3600;
  if (!s.done() && s.peek() != ',') {
    if (!s.duration(posix_offset, 3)) return std::nullopt;
    rule.dst_offset = -posix_offset;
  }
  if (s.eat(',')) {
    if (!s.when(rule.start) || !s.eat(',') || !s.when(rule.end)) return std::nullopt;
  } else {
    // No rule: the POSIX default is implementation-defined; glibc uses the US one.
    rule.start = {'M', 3, 2, 0, 0, 7200};
    rule.end = {'M', 11, 1, 0, 0, 7200};
  }
  if (!s.done()) return std::nullopt;
  return rule;
}

long PosixTzRule::offset_at(std::int64_t unix_seconds) const {
  if (!has_dst) return std_offset;
  const std::int64_t year = civil::civil_from_days(civil::floor_div(unix_seconds + std_offset, 86400)).year;
  const std::int64_t begin = transition_utc(year, start, std_offset);
  const std::int64_t finish = transition_utc(year, end, dst_offset);
  const bool dst = begin < finish ? (unix_seconds >= begin && unix_seconds < finish)
                                  : !(unix_seconds >= finish && unix_seconds < begin);
  return dst ? dst_offset : std_offset;
}

std::optional<TzifZone> TzifZone::parse(std::string_view bytes) {
  auto header = read_header(bytes, 0);
  if (!header) return std::nullopt;
  std::size_t pos = 44;
  int width = 4;
  const char version = bytes[4];
  if (version >= '2') {
    const std::size_t second = 44 + header->data_size(4);
    auto header2 = read_header(bytes, second);
    if (!header2) return std::nullopt;
    header = header2;
    pos = second + 44;
    width = 8;
  }
  const Header& h = *header;
  if (bytes.size() < pos + h.data_size(width)) return std::nullopt;

  TzifZone zone;
  const auto w = static_cast<std::size_t>(width);
  for (std::size_t i = 0; i < h.timecnt; ++i) {
    const std::int64_t t = read_be(bytes, pos + i * w, width);
    if (!zone.transitions_.empty() && t <= zone.transitions_.back()) return std::nullopt;
    zone.transitions_.push_back(t);
  }
  pos += h.timecnt * w;
  for (std::size_t i = 0; i < h.timecnt; ++i) {
    const auto type = static_cast<std::uint8_t>(bytes[pos + i]);
    if (type >= h.typecnt) return std::nullopt;
    zone.transition_types_.push_back(type);
  }
  pos += h.timecnt;
  for (std::size_t i = 0; i < h.typecnt; ++i) {
    const std::int64_t offset = read_be(bytes, pos + i * 6, 4);
    if (offset < -25 * 3600 || offset > 26 * 3600) return std::nullopt;
    zone.type_offsets_.push_back(static_cast<long>(offset));
  }
  pos += h.typecnt * 6 + h.charcnt + h.leapcnt * (w + 4) + h.isstdcnt + h.isutcnt;

  if (width == 8 && pos < bytes.size() && bytes[pos] == '\n') {
    const auto end = bytes.find('\n', pos + 1);
    if (end != std::string_view::npos && end > pos + 1)
      zone.footer_ = PosixTzRule::parse(bytes.substr(pos + 1, end - pos - 1));
  }
  return zone;
}

long TzifZone::offset_at(std::int64_t unix_seconds) const {
  if (transitions_.empty()) return footer_ ? footer_->offset_at(unix_seconds) : type_offsets_.front();
  if (unix_seconds < transitions_.front()) return type_offsets_.front();
  if (unix_seconds >= transitions_.back() && footer_) return footer_->offset_at(unix_seconds);
  const auto it = std::upper_bound(transitions_.begin(), transitions_.end(), unix_seconds);
  const auto index = static_cast<std::size_t>(std::distance(transitions_.begin(), it)) - 1;
  return type_offsets_[transition_types_[index]];
}

std::shared_ptr<const TzifZone> find_zone(const std::string& name) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const TzifZone>, std::less<>> cache;
  if (!valid_zone_name(name)) return nullptr;
  {
    const std::lock_guard lock(mutex);
    if (const auto it = cache.find(name); it != cache.end()) return it->second;
  }
  const char* dir = std::getenv("TZDIR");  // read only; nobody in blogshift sets it
  const std::string path = std::string(dir && *dir ? dir : "/usr/share/zoneinfo") + "/" + name;
  std::shared_ptr<const TzifZone> zone;
  std::ifstream in(path, std::ios::binary);
  if (in) {
    std::string bytes;
    char buffer[8192];
    while (in && bytes.size() <= kMaxZoneFileBytes) {
      in.read(buffer, sizeof buffer);
      bytes.append(buffer, static_cast<std::size_t>(in.gcount()));
    }
    if (bytes.size() <= kMaxZoneFileBytes) {
      if (auto parsed = TzifZone::parse(bytes)) zone = std::make_shared<const TzifZone>(std::move(*parsed));
    }
  }
  const std::lock_guard lock(mutex);
  return cache.emplace(name, zone).first->second;  // a racing loader's zone wins; both are equal
}

}  // namespace blogshift
