// What a stage says on stderr besides its problems, by verbosity:
//   quiet    (-q)  nothing: problems and warnings only
//   normal         progress (core/progress.h): a bar on a terminal, else "progress: " lines
//   verbose  (-v)  progress, plus "verbose: " lines: one per source and per
//                  output as it is done, and one per stage with its counts and time
// Results (the summary lines, where the files are) go to stdout whatever the
// verbosity: they are what the command is for, not a report on its way there.
// -q and -v together are a usage error (add_verbosity_flags).
#pragma once

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdint>
#include <iostream>
#include <string>

#include "progress.h"

namespace blogshift {

enum class Verbosity { quiet, normal, verbose };

// -q/--quiet and -v/--verbose on `app`, excluding each other (exit 2 when both
// are given on the command line; a config file's value yields to the command line).
void add_verbosity_flags(CLI::App& app, bool& quiet, bool& verbose);
Verbosity verbosity_of(bool quiet, bool verbose);

class StageLog {
public:
  // `mode` is what progress draws; by default it follows the verbosity and
  // whether `err` is a terminal (progress_mode()).
  explicit StageLog(Verbosity verbosity = Verbosity::quiet, std::ostream& err = std::cerr);
  StageLog(Verbosity verbosity, std::ostream& err, ProgressMode mode);

  Verbosity verbosity() const { return verbosity_; }
  bool verbose() const { return verbosity_ == Verbosity::verbose; }
  ProgressMode progress_mode() const { return mode_; }
  std::ostream& stream() const { return *err_; }

  // A progress display for one step of a stage (see Progress).
  Progress progress(const std::string& stage, const std::string& unit, int64_t total) const {
    return Progress(mode_, *err_, stage, unit, total);
  }
  // With -v: "verbose: <text>" on a line of its own (over a bar being drawn).
  void verbose_line(const std::string& text) const;

private:
  Verbosity verbosity_;
  std::ostream* err_;
  ProgressMode mode_;
};

// Seconds since it was made, for the "... in 0.4 s" of verbose lines.
class StageTimer {
public:
  StageTimer() : start_(std::chrono::steady_clock::now()) {}
  double seconds() const;
  // " in 0.4 s" (one decimal; "0.0 s" under 50 ms).
  std::string in() const { return " in " + format_seconds(seconds()); }
  static std::string format_seconds(double seconds);

private:
  std::chrono::steady_clock::time_point start_;
};

}  // namespace blogshift
