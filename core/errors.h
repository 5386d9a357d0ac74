// The three tiers of errors (see README "Exit codes"):
//  - UsageError: bad command line; main prints it with a "Try --help" hint, exit 2.
//  - per-item problems: ProblemRecord rows (records.h); the run goes on, exit 1.
//  - FatalError: the run cannot go on (unreadable source, unwritable database);
//    caught once in main, exit 2.
#pragma once

#include <stdexcept>
#include <string>

namespace blogshift {

enum ExitCode : int { kExitOk = 0, kExitProblems = 1, kExitFatal = 2 };

class UsageError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

class FatalError : public std::runtime_error {
public:
  FatalError(std::string file, const std::string& message, std::string hint = {})
      : std::runtime_error(file.empty() ? message : file + ": " + message),
        file_(std::move(file)),
        hint_(std::move(hint)) {}
  const std::string& file() const { return file_; }
  const std::string& hint() const { return hint_; }

private:
  std::string file_;
  std::string hint_;
};

}  // namespace blogshift
