// Small text helpers the HTML page and its SVG plots share. Escaping is the
// XML subset (& < > " ') so the same text is safe in HTML text, in quoted
// attributes and inside inline SVG, which must stay well-formed XML.
// Numbers never depend on the locale.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace blogshift::report {

std::string escape(std::string_view text);

// 1234567 -> "1,234,567".
std::string format_count(int64_t n);
// A ratio in [0, 1] as a percentage rounded down to 2 decimals, so a value
// just under a threshold never shows as the threshold: 0.99499 -> "99.49%",
// 1 -> "100%".
std::string format_percent(double ratio);
// Bytes for a person: "812 B", "1.4 KiB", "23.0 MiB".
std::string format_bytes(int64_t bytes);
// A duration for a person: "0.4 s", "12.3 s", "4 min 7 s", "2 h 5 min".
std::string format_seconds(double seconds);
// Shortest round-trip form, for data attributes: 0.995 -> "0.995".
std::string format_number(double value);

}  // namespace blogshift::report
