// Politeness per origin (host[:port]): at most `concurrency` requests at
// once, at most `rate` new requests a second, and pauses a server asked for
// (Retry-After) or robots.txt's Crawl-delay. Time is passed in, so tests and
// the crawl loop agree on it and nothing here sleeps.
#pragma once

#include <chrono>
#include <map>
#include <string>

namespace blogshift::fetch {

using Clock = std::chrono::steady_clock;

class HostSchedule {
public:
  // rate <= 0: no rate limit (concurrency only).
  HostSchedule(int concurrency, double rate);

  bool can_start(const std::string& origin, Clock::time_point now) const;
  // When `origin` may start its next request (now when it may already).
  Clock::time_point ready_at(const std::string& origin, Clock::time_point now) const;
  void started(const std::string& origin, Clock::time_point now);
  void finished(const std::string& origin);
  // No new request to `origin` before now + seconds.
  void pause(const std::string& origin, Clock::time_point now, double seconds);
  // robots.txt Crawl-delay: at least `seconds` between two requests (never
  // faster than the rate given).
  void set_min_interval(const std::string& origin, double seconds);
  int in_flight(const std::string& origin) const;
  bool at_capacity(const std::string& origin) const { return in_flight(origin) >= concurrency_; }

private:
  struct Host {
    int in_flight = 0;
    Clock::time_point next_start{};
    Clock::duration interval{};
  };
  Host& host(const std::string& origin);
  int concurrency_;
  Clock::duration interval_;
  std::map<std::string, Host> hosts_;
};

}  // namespace blogshift::fetch
