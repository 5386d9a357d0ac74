#include "stage_log.h"

#include <cstdio>

namespace blogshift {

void add_verbosity_flags(CLI::App& app, bool& quiet, bool& verbose) {
  auto* q = app.add_flag("-q,--quiet", quiet,
                         "no progress on stderr, only problems and warnings (results stay on stdout)");
  auto* v = app.add_flag("-v,--verbose", verbose,
                         "also say on stderr what each stage did and how long it took, one line per source and output");
  q->excludes(v);
  v->excludes(q);
}

Verbosity verbosity_of(bool quiet, bool verbose) {
  if (quiet) return Verbosity::quiet;
  return verbose ? Verbosity::verbose : Verbosity::normal;
}

StageLog::StageLog(Verbosity verbosity, std::ostream& err)
    : StageLog(verbosity, err, blogshift::progress_mode(verbosity == Verbosity::quiet)) {}

StageLog::StageLog(Verbosity verbosity, std::ostream& err, ProgressMode mode)
    : verbosity_(verbosity), err_(&err), mode_(verbosity == Verbosity::quiet ? ProgressMode::off : mode) {}

void StageLog::verbose_line(const std::string& text) const {
  if (!verbose()) return;
  // On a terminal a bar may be half drawn: clear it; it is redrawn on its next step.
  if (mode_ == ProgressMode::bar) *err_ << "\r\x1b[K";
  *err_ << "verbose: " << text << '\n' << std::flush;
}

double StageTimer::seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

std::string StageTimer::format_seconds(double seconds) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f s", seconds < 0 ? 0.0 : seconds);
  return buf;
}

}  // namespace blogshift
