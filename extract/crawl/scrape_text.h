// Text helpers for scraping rendered pages: dates written for people
// ("Samstag, 5. Oktober 2013", "May 30, 2019 at 1:06 PM", "mardi 5 juin
// 2018"), Blogger's comment permalinks (?showComment=<epoch ms>), and
// values out of JSON-LD blocks, without a JSON library.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace blogshift {

// "YYYY-MM-DD" from a human-written date in English, German, French,
// Spanish, Italian, Portuguese or Dutch (month names or abbreviations,
// day before or after the month), or from an ISO date inside the text.
// Empty when no unambiguous date is found.
std::string date_from_text(std::string_view text);

// "2015-06-06T08:23:05.419Z" from milliseconds since the epoch.
std::string iso_from_epoch_ms(int64_t ms);

// The epoch milliseconds of `showComment=<ms>` in a URL, if present.
std::optional<int64_t> show_comment_ms(std::string_view url);

// The first string value of "key" in a JSON text (escapes decoded), or empty.
std::string json_string_value(std::string_view json, std::string_view key);

}  // namespace blogshift
