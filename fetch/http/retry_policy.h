// When a failed fetch is tried again, and after how long.
//
// Retried: 429, 500, 502, 503, 504, and transfer errors that a later try may
// not meet (timeouts, resets, refused connections, a damaged body). Not
// retried: other statuses (a 404 is an answer), TLS failures, the size cap.
// The delay: the server's Retry-After (seconds or an HTTP-date) when it sent
// one, else exponential backoff base * 2^(attempt-1) with full jitter in
// [delay/2, delay], both capped at max_delay. A Retry-After longer than
// max_delay is not waited for: the URL fails, saying so.
#pragma once

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>

#include "http/http_exchange.h"

namespace blogshift::fetch {

struct RetryOptions {
  int max_retries = 4;       // tries after the first
  double base_delay = 1.0;   // seconds
  double max_delay = 120.0;  // seconds
};

bool is_retryable(const HttpExchange& exchange);

// Seconds from a Retry-After value ("120" or "Fri, 31 Dec 1999 23:59:59 GMT")
// relative to `now` (epoch seconds); nullopt when unreadable.
std::optional<double> parse_retry_after(std::string_view value, int64_t now);

// The value of the first header `name` (case-insensitive) in an HTTP head.
std::optional<std::string> head_header(std::string_view head, std::string_view name);

class RetryPolicy {
public:
  RetryPolicy(RetryOptions options, uint64_t seed) : options_(options), random_(seed) {}
  const RetryOptions& options() const { return options_; }
  // The delay before try number `attempt` + 1 (attempt >= 1 tries made), or
  // nullopt when no retry is due (limit reached, or the server asked for
  // more than max_delay: `why` says which).
  std::optional<double> delay(const HttpExchange& exchange, int attempt, int64_t now, std::string* why);

private:
  RetryOptions options_;
  std::mt19937_64 random_;
};

}  // namespace blogshift::fetch
