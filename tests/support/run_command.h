// Runs one of the built binaries the way a person would, capturing stdout,
// stderr and the exit status.
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "temp_file.h"

namespace blogshift::testing {

struct CommandResult {
  int exit_code = -1;   // -1 when killed by a signal
  int signal = 0;
  std::string out, err;
};

inline std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// `binary` is relative to the build folder (e.g. "cli/blogshift"); `env` is
// prepended as VAR=value assignments.
inline CommandResult run_command(const std::string& binary, const std::string& args, const std::string& env = "") {
  static int counter = 0;
  auto base = std::filesystem::temp_directory_path() /
              ("blogshift-cmd-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::string cmd = env + " " + shell_quote(std::string(BLOGSHIFT_BINARY_DIR) + "/" + binary) + " " + args + " >" +
                    shell_quote(base.string() + ".out") + " 2>" + shell_quote(base.string() + ".err") + " </dev/null";
  int status = std::system(cmd.c_str());
  CommandResult r;
  // sh reports a child killed by signal N as exit status 128+N.
  if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  if (r.exit_code > 128) {
    r.signal = r.exit_code - 128;
    r.exit_code = -1;
  }
  r.out = read_file(base.string() + ".out");
  r.err = read_file(base.string() + ".err");
  std::filesystem::remove(base.string() + ".out");
  std::filesystem::remove(base.string() + ".err");
  return r;
}

// stderr without the progress lines ("progress: ...") a run prints when
// stderr is not a terminal: what is left are the problems.
inline std::string without_progress(const std::string& err) {
  std::string out;
  for (size_t pos = 0; pos < err.size();) {
    size_t end = err.find('\n', pos);
    end = end == std::string::npos ? err.size() : end + 1;
    if (err.compare(pos, 10, "progress: ") != 0) out.append(err, pos, end - pos);
    pos = end;
  }
  return out;
}

}  // namespace blogshift::testing
