#include "scrape_text.h"

#include <array>
#include <cctype>
#include <cstdio>
#include <ctime>
#include <vector>

#include "template_family.h"
#include "text.h"

namespace blogshift {

namespace {

struct MonthName {
  const char* name;
  int month;
};

// Lower-case month names and abbreviations (UTF-8); longest first where one
// is a prefix of another is not needed: words are matched whole.
constexpr MonthName kMonths[] = {
    {"january", 1},   {"jan", 1},       {"januar", 1},    {"jänner", 1},    {"janvier", 1},  {"enero", 1},
    {"gennaio", 1},   {"janeiro", 1},   {"januari", 1},   {"february", 2},  {"feb", 2},      {"februar", 2},
    {"février", 2},   {"fevrier", 2},   {"febrero", 2},   {"febbraio", 2},  {"fevereiro", 2}, {"februari", 2},
    {"march", 3},     {"mar", 3},       {"märz", 3},      {"mär", 3},       {"mars", 3},     {"marzo", 3},
    {"março", 3},     {"maart", 3},     {"april", 4},     {"apr", 4},       {"avril", 4},    {"abril", 4},
    {"aprile", 4},    {"may", 5},       {"mai", 5},       {"mayo", 5},      {"maggio", 5},   {"maio", 5},
    {"mei", 5},       {"june", 6},      {"jun", 6},       {"juni", 6},      {"juin", 6},     {"junio", 6},
    {"giugno", 6},    {"junho", 6},     {"july", 7},      {"jul", 7},       {"juli", 7},     {"juillet", 7},
    {"julio", 7},     {"luglio", 7},    {"julho", 7},     {"august", 8},    {"aug", 8},      {"août", 8},
    {"aout", 8},      {"agosto", 8},    {"augustus", 8},  {"september", 9}, {"sep", 9},      {"sept", 9},
    {"septembre", 9}, {"septiembre", 9}, {"settembre", 9}, {"setembro", 9}, {"october", 10}, {"oct", 10},
    {"oktober", 10},  {"okt", 10},      {"octobre", 10},  {"octubre", 10},  {"ottobre", 10}, {"outubro", 10},
    {"november", 11}, {"nov", 11},      {"novembre", 11}, {"noviembre", 11}, {"novembro", 11}, {"december", 12},
    {"dec", 12},      {"dezember", 12}, {"dez", 12},      {"décembre", 12}, {"decembre", 12}, {"diciembre", 12},
    {"dicembre", 12}, {"dezembro", 12},
};

struct Token {
  std::string text;  // lower case (ASCII letters only lowered)
  bool number;
};

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (std::isdigit(c)) {
      size_t start = i;
      while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
      out.push_back({std::string(text.substr(start, i - start)), true});
    } else if (std::isalpha(c) || c >= 0x80) {
      size_t start = i;
      while (i < text.size() && (std::isalpha(static_cast<unsigned char>(text[i])) || static_cast<unsigned char>(text[i]) >= 0x80)) ++i;
      std::string word = ascii_lower(text.substr(start, i - start));
      out.push_back({std::move(word), false});
    } else {
      ++i;
    }
  }
  return out;
}

int month_of(const std::string& word) {
  for (const auto& m : kMonths)
    if (word == m.name) return m.month;
  return 0;
}

std::string format_date(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

}  // namespace

std::string date_from_text(std::string_view text) {
  // ISO date first: YYYY-MM-DD anywhere.
  for (size_t i = 0; i + 10 <= text.size(); ++i) {
    auto dig = [&](size_t k) { return std::isdigit(static_cast<unsigned char>(text[i + k])) != 0; };
    if (dig(0) && dig(1) && dig(2) && dig(3) && text[i + 4] == '-' && dig(5) && dig(6) && text[i + 7] == '-' && dig(8) &&
        dig(9) && (i == 0 || !std::isdigit(static_cast<unsigned char>(text[i - 1])))) {
      int y = std::stoi(std::string(text.substr(i, 4))), m = std::stoi(std::string(text.substr(i + 5, 2))),
          d = std::stoi(std::string(text.substr(i + 8, 2)));
      if (m >= 1 && m <= 12 && d >= 1 && d <= 31) return format_date(y, m, d);
    }
  }
  std::vector<Token> tokens = tokenize(text);
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].number) continue;
    int month = month_of(tokens[i].text);
    if (month == 0) continue;
    // The year: the next 4-digit number after the month.
    int year = 0, day = 0;
    size_t year_at = 0;
    for (size_t k = i + 1; k < tokens.size() && k <= i + 3; ++k)
      if (tokens[k].number && tokens[k].text.size() == 4) {
        year = std::stoi(tokens[k].text);
        year_at = k;
        break;
      }
    if (year < 1990 || year > 2100) continue;
    // The day: just before the month ("5. Oktober 2013"), or just after ("May 30, 2019").
    if (i > 0 && tokens[i - 1].number && tokens[i - 1].text.size() <= 2) day = std::stoi(tokens[i - 1].text);
    else if (i + 1 < year_at && tokens[i + 1].number && tokens[i + 1].text.size() <= 2) day = std::stoi(tokens[i + 1].text);
    if (day < 1 || day > 31) continue;
    return format_date(year, month, day);
  }
  return {};
}

std::string iso_from_epoch_ms(int64_t ms) {
  std::time_t secs = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms % 1000));
  return buf;
}

std::optional<int64_t> show_comment_ms(std::string_view url) {
  size_t pos = url.find("showComment=");
  if (pos == std::string_view::npos) return std::nullopt;
  pos += 12;
  size_t end = pos;
  while (end < url.size() && std::isdigit(static_cast<unsigned char>(url[end]))) ++end;
  if (end == pos || end - pos > 15) return std::nullopt;
  return std::stoll(std::string(url.substr(pos, end - pos)));
}

std::string json_string_value(std::string_view json, std::string_view key) {
  std::string marker = "\"" + std::string(key) + "\"";
  for (size_t pos = json.find(marker); pos != std::string_view::npos; pos = json.find(marker, pos + 1)) {
    size_t i = pos + marker.size();
    while (i < json.size() && std::isspace(static_cast<unsigned char>(json[i]))) ++i;
    if (i >= json.size() || json[i] != ':') continue;
    ++i;
    while (i < json.size() && std::isspace(static_cast<unsigned char>(json[i]))) ++i;
    if (i >= json.size() || json[i] != '"') continue;
    size_t start = ++i;
    while (i < json.size() && json[i] != '"') i += json[i] == '\\' ? 2 : 1;
    if (i > json.size()) i = json.size();
    return decode_js_string(json.substr(start, i - start));
  }
  return {};
}

}  // namespace blogshift
