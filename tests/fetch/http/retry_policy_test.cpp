#include "http/retry_policy.h"

#include <gtest/gtest.h>

namespace blogshift::fetch {
namespace {

HttpExchange answer(int status, std::string head_extra = {}) {
  HttpExchange x;
  x.status = status;
  x.response_head = "HTTP/1.1 " + std::to_string(status) + " X\r\n" + head_extra + "Content-Length: 0\r\n\r\n";
  return x;
}

TEST(RetryPolicy, WhatIsRetried) {
  EXPECT_TRUE(is_retryable(answer(429)));
  EXPECT_TRUE(is_retryable(answer(503)));
  EXPECT_TRUE(is_retryable(answer(500)));
  EXPECT_FALSE(is_retryable(answer(404)));
  EXPECT_FALSE(is_retryable(answer(200)));
  EXPECT_FALSE(is_retryable(answer(301)));
  HttpExchange reset;
  reset.error = TransferError::Reset;
  EXPECT_TRUE(is_retryable(reset));
  HttpExchange tls;
  tls.error = TransferError::Tls;
  EXPECT_FALSE(is_retryable(tls));
  HttpExchange big = answer(200);
  big.error = TransferError::TooLarge;
  EXPECT_FALSE(is_retryable(big));
}

TEST(RetryPolicy, RetryAfterSecondsAndDates) {
  EXPECT_EQ(parse_retry_after("120", 0), 120.0);
  // RFC 9110's example date, 10 s after `now`.
  EXPECT_EQ(parse_retry_after("Fri, 31 Dec 1999 23:59:59 GMT", 946684789), 10.0);
  EXPECT_EQ(parse_retry_after("Fri, 31 Dec 1999 23:59:59 GMT", 946684800), 0.0);  // in the past: now
  EXPECT_FALSE(parse_retry_after("soon", 0));
  EXPECT_FALSE(parse_retry_after("", 0));
}

TEST(RetryPolicy, TheServersRetryAfterIsHonoured) {
  RetryPolicy p({4, 1.0, 120.0}, 7);
  EXPECT_EQ(p.delay(answer(429, "Retry-After: 3\r\n"), 1, 0, nullptr), 3.0);
  EXPECT_EQ(p.delay(answer(503, "retry-after: 5\r\n"), 1, 0, nullptr), 5.0);
}

TEST(RetryPolicy, ARetryAfterBeyondTheLimitFailsTheUrl) {
  RetryPolicy p({4, 1.0, 60.0}, 7);
  std::string why;
  EXPECT_FALSE(p.delay(answer(429, "Retry-After: 3600\r\n"), 1, 0, &why));
  EXPECT_NE(why.find("3600"), std::string::npos) << why;
}

TEST(RetryPolicy, BackoffDoublesWithJitterAndStopsAtTheLimit) {
  RetryPolicy p({3, 1.0, 120.0}, 42);
  for (int attempt = 1; attempt <= 3; ++attempt) {
    const double full = 1.0 * (1 << (attempt - 1));
    auto d = p.delay(answer(503), attempt, 0, nullptr);
    ASSERT_TRUE(d);
    EXPECT_GE(*d, full / 2);
    EXPECT_LE(*d, full);
  }
  std::string why;
  EXPECT_FALSE(p.delay(answer(503), 4, 0, &why));
  EXPECT_NE(why.find("4 tries"), std::string::npos) << why;
}

TEST(RetryPolicy, BackoffIsCapped) {
  RetryPolicy p({40, 1.0, 10.0}, 1);
  auto d = p.delay(answer(500), 30, 0, nullptr);
  ASSERT_TRUE(d);
  EXPECT_LE(*d, 10.0);
}

TEST(RetryPolicy, HeadHeaderIsCaseInsensitiveAndTrimmed) {
  const std::string head = "HTTP/1.1 301 Moved\r\nlocation:   /x  \r\nContent-Length: 0\r\n\r\n";
  EXPECT_EQ(head_header(head, "Location"), "/x");
  EXPECT_FALSE(head_header(head, "Retry-After"));
}

}  // namespace
}  // namespace blogshift::fetch
