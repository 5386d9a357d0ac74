// A tiny reader for the system's compiled time-zone files (TZif, RFC 8536),
// because GCC 12's libstdc++ has no usable std::chrono::locate_zone.
//
// It reads the 64-bit (version 2+) section when present, else the version 1
// section, and the POSIX TZ string in the footer for instants after the last
// transition (slim zoneinfo files stop early; "fat" ones at 2037). Leap
// seconds are ignored (Blogger times are POSIX times). Offsets keep their
// seconds here; callers round as they need.
//
// Thread safety: TzifZone is immutable after loading; find_zone() caches one
// zone per name behind a mutex, so it may be called from any thread.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace blogshift {

// A POSIX TZ rule ("PST8PDT,M3.2.0,M11.1.0", "IST-5:30", "<+0530>-5:30").
struct PosixTzRule {
  struct When {         // one end of the daylight-saving period
    char kind = 'M';    // 'M' (Mm.w.d), 'J' (Jn, no Feb 29) or 'D' (n, zero-based)
    int month = 0, week = 0, weekday = 0, day = 0;
    long seconds = 7200; // local time of day of the change; may be negative or > 24 h
  };
  long std_offset = 0;  // seconds east of UTC (the POSIX sign flipped)
  bool has_dst = false;
  long dst_offset = 0;
  When start, end;

  // Nothing when `text` is not a rule this parser understands.
  static std::optional<PosixTzRule> parse(std::string_view text);
  // Seconds east of UTC at a POSIX time.
  long offset_at(std::int64_t unix_seconds) const;
};

class TzifZone {
 public:
  // Parses the bytes of a TZif file; nothing when they are not one.
  static std::optional<TzifZone> parse(std::string_view bytes);

  // Seconds east of UTC at a POSIX time.
  long offset_at(std::int64_t unix_seconds) const;

 private:
  std::vector<std::int64_t> transitions_;  // ascending
  std::vector<std::uint8_t> transition_types_;
  std::vector<long> type_offsets_;
  std::optional<PosixTzRule> footer_;
};

// The zone called `name` ("Europe/Berlin") from $TZDIR or /usr/share/zoneinfo,
// cached. Null for unknown zones and for names that are not plain relative
// zone names (absolute paths, "..", odd characters are refused).
std::shared_ptr<const TzifZone> find_zone(const std::string& name);

}  // namespace blogshift
