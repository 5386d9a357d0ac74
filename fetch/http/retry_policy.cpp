#include "retry_policy.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <ctime>

#include "text.h"

namespace blogshift::fetch {

bool is_retryable(const HttpExchange& x) {
  switch (x.error) {
    case TransferError::None: break;
    case TransferError::Tls:
    case TransferError::TooLarge: return false;
    default: return true;
  }
  return x.status == 429 || x.status == 500 || x.status == 502 || x.status == 503 || x.status == 504;
}

std::optional<std::string> head_header(std::string_view head, std::string_view name) {
  size_t pos = head.find('\n');  // past the status line
  while (pos != std::string_view::npos && pos + 1 < head.size()) {
    const size_t start = pos + 1;
    size_t end = head.find('\n', start);
    std::string_view line = head.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const size_t colon = line.find(':');
    if (colon != std::string_view::npos && colon == name.size() && starts_with_ci(line, name)) {
      std::string_view value = line.substr(colon + 1);
      while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
      while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
      return std::string(value);
    }
    pos = end;
  }
  return std::nullopt;
}

std::optional<double> parse_retry_after(std::string_view value, int64_t now) {
  if (value.empty()) return std::nullopt;
  if (std::all_of(value.begin(), value.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
    if (value.size() > 9) return 1e9;
    return static_cast<double>(std::stol(std::string(value)));
  }
  // IMF-fixdate, the HTTP-date form servers send (RFC 9110 5.6.7).
  std::tm tm{};
  const std::string text(value);
  const char* end = strptime(text.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm);
  if (!end || *end != '\0') return std::nullopt;
  const int64_t at = static_cast<int64_t>(timegm(&tm));
  return static_cast<double>(std::max<int64_t>(0, at - now));
}

std::optional<double> RetryPolicy::delay(const HttpExchange& x, int attempt, int64_t now, std::string* why) {
  if (!is_retryable(x)) {
    if (why) *why = "not worth retrying";
    return std::nullopt;
  }
  if (attempt > options_.max_retries) {
    if (why) *why = "gave up after " + std::to_string(attempt) + " tries";
    return std::nullopt;
  }
  if (auto header = head_header(x.response_head, "Retry-After")) {
    if (auto wait = parse_retry_after(*header, now)) {
      if (*wait > options_.max_delay) {
        if (why) *why = "the server asked to wait " + std::to_string(static_cast<int64_t>(*wait)) +
                        " s (Retry-After), longer than the " + std::to_string(static_cast<int64_t>(options_.max_delay)) +
                        " s limit";
        return std::nullopt;
      }
      return *wait;
    }
  }
  const double full = std::min(options_.max_delay, options_.base_delay * std::ldexp(1.0, std::min(attempt - 1, 30)));
  std::uniform_real_distribution<double> jitter(full / 2, full);
  return jitter(random_);
}

}  // namespace blogshift::fetch
