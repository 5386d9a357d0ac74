// Progress of a stage on stderr, so a person sees the migration move.
// On a terminal: one line redrawn in place (at most ten times a second),
//   transform [#########...........]   312/641 documents  1,024/s  0:03 left
// Not on a terminal (a log, CI): a plain line starting "progress: " at every
// tenth of the way (or every 1,000 units when the total is unknown), and one
// when done; the prefix tells them from problems. Off with -q. Results stay on stdout; this writes only to the stream it is given.
#pragma once

#include <chrono>
#include <cstdint>
#include <ostream>
#include <string>

namespace blogshift {

enum class ProgressMode { off, bar, lines };

// off when quiet, else bar when stderr is a terminal, else lines.
ProgressMode progress_mode(bool quiet);

class Progress {
public:
  // `total` 0 means unknown (counts and rate only).
  Progress(ProgressMode mode, std::ostream& out, std::string stage, std::string unit, int64_t total);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void advance(int64_t n = 1);
  void set_total(int64_t total) { total_ = total; }
  // Shown after the count ("12 queued, 3.1 MiB"); empty: nothing.
  void set_detail(std::string detail) { detail_ = std::move(detail); }
  // Ends the bar (a final line with the count); called by the destructor too.
  void finish();

  // The line as it is drawn now; also what tests look at.
  std::string render(double seconds) const;

private:
  void draw(bool final);

  ProgressMode mode_;
  std::ostream& out_;
  std::string stage_, unit_, detail_;
  int64_t total_, done_ = 0;
  int64_t next_line_ = 0;  // lines mode: the count at which to print next
  bool finished_ = false;
  std::chrono::steady_clock::time_point start_, last_draw_;
};

}  // namespace blogshift
