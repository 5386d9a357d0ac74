#include "host_schedule.h"

#include <algorithm>

namespace blogshift::fetch {

namespace {
Clock::duration seconds(double s) {
  return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(s));
}
}  // namespace

HostSchedule::HostSchedule(int concurrency, double rate)
    : concurrency_(std::max(1, concurrency)), interval_(rate > 0 ? seconds(1.0 / rate) : Clock::duration::zero()) {}

HostSchedule::Host& HostSchedule::host(const std::string& origin) {
  auto [it, added] = hosts_.try_emplace(origin);
  if (added) it->second.interval = interval_;
  return it->second;
}

bool HostSchedule::can_start(const std::string& origin, Clock::time_point now) const {
  auto it = hosts_.find(origin);
  if (it == hosts_.end()) return true;
  return it->second.in_flight < concurrency_ && it->second.next_start <= now;
}

Clock::time_point HostSchedule::ready_at(const std::string& origin, Clock::time_point now) const {
  auto it = hosts_.find(origin);
  if (it == hosts_.end()) return now;
  return std::max(now, it->second.next_start);
}

void HostSchedule::started(const std::string& origin, Clock::time_point now) {
  Host& h = host(origin);
  ++h.in_flight;
  h.next_start = std::max(now, h.next_start) + h.interval;
}

void HostSchedule::finished(const std::string& origin) {
  Host& h = host(origin);
  if (h.in_flight > 0) --h.in_flight;
}

void HostSchedule::pause(const std::string& origin, Clock::time_point now, double s) {
  Host& h = host(origin);
  h.next_start = std::max(h.next_start, now + seconds(s));
}

void HostSchedule::set_min_interval(const std::string& origin, double s) {
  Host& h = host(origin);
  h.interval = std::max(interval_, seconds(s));
}

int HostSchedule::in_flight(const std::string& origin) const {
  auto it = hosts_.find(origin);
  return it == hosts_.end() ? 0 : it->second.in_flight;
}

}  // namespace blogshift::fetch
