#include "progress.h"

#include <unistd.h>

#include <cstdio>

namespace blogshift {

ProgressMode progress_mode(bool quiet) {
  if (quiet) return ProgressMode::off;
  return isatty(STDERR_FILENO) ? ProgressMode::bar : ProgressMode::lines;
}

Progress::Progress(ProgressMode mode, std::ostream& out, std::string stage, std::string unit, int64_t total)
    : mode_(mode), out_(out), stage_(std::move(stage)), unit_(std::move(unit)), total_(total),
      start_(std::chrono::steady_clock::now()), last_draw_(start_) {
  next_line_ = total_ > 0 ? (total_ + 9) / 10 : 1000;
}

Progress::~Progress() { finish(); }

namespace {
std::string with_commas(int64_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string clock(double seconds) {
  const auto s = static_cast<int64_t>(seconds + 0.5);
  char buf[32];
  if (s >= 3600) std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", static_cast<long long>(s / 3600),
                               static_cast<long long>(s / 60 % 60), static_cast<long long>(s % 60));
  else std::snprintf(buf, sizeof buf, "%lld:%02lld", static_cast<long long>(s / 60), static_cast<long long>(s % 60));
  return buf;
}
}  // namespace

std::string Progress::render(double seconds) const {
  std::string line = stage_;
  line.resize(std::max<size_t>(line.size(), 9), ' ');
  if (total_ > 0) {
    constexpr int kWidth = 20;
    const int filled = static_cast<int>(kWidth * std::min<int64_t>(done_, total_) / total_);
    line += " [" + std::string(filled, '#') + std::string(kWidth - filled, '.') + "] ";
    line += with_commas(done_) + "/" + with_commas(total_) + " " + unit_;
  } else {
    line += " " + with_commas(done_) + " " + unit_;
  }
  if (!detail_.empty()) line += "  " + detail_;
  if (seconds > 0.05 && done_ > 0) {
    const double rate = static_cast<double>(done_) / seconds;
    line += "  " + with_commas(static_cast<int64_t>(rate + 0.5)) + "/s";
    if (total_ > done_ && rate > 0) line += "  " + clock(static_cast<double>(total_ - done_) / rate) + " left";
  }
  if (finished_) line += "  done in " + clock(seconds);
  return line;
}

void Progress::draw(bool final) {
  const auto now = std::chrono::steady_clock::now();
  const double seconds = std::chrono::duration<double>(now - start_).count();
  if (mode_ == ProgressMode::bar) {
    if (!final && now - last_draw_ < std::chrono::milliseconds(100)) return;
    out_ << '\r' << render(seconds) << "\x1b[K" << (final ? "\n" : "") << std::flush;
  } else {
    out_ << "progress: " << render(seconds) << '\n' << std::flush;
  }
  last_draw_ = now;
}

void Progress::advance(int64_t n) {
  if (finished_) return;
  done_ += n;
  if (mode_ == ProgressMode::off) return;
  if (mode_ == ProgressMode::bar) {
    draw(false);
  } else if (done_ >= next_line_ && (total_ == 0 || done_ < total_)) {
    draw(false);
    next_line_ += total_ > 0 ? (total_ + 9) / 10 : 1000;
  }
}

void Progress::finish() {
  if (mode_ == ProgressMode::off || finished_) return;
  finished_ = true;
  if (done_ == 0 && total_ == 0) return;  // nothing happened (a source unchanged since the last run)
  draw(true);
}

}  // namespace blogshift
