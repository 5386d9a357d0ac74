// How problems and fatal errors are printed: one line each on stderr,
// `prog: file:line:col: severity: message [CODE]`, and the one catch in
// every main (run_main) that turns exceptions into exit codes.
#pragma once

#include <functional>
#include <string>

#include "records.h"

namespace blogshift {

std::string format_problem(const std::string& prog, const ProblemRecord& problem);

// Runs `body`, returning its exit code; UsageError -> message + "Try 'prog
// --help'" and 2; FatalError and other exceptions -> message (+ hint) and 2.
int run_main(const std::string& prog, const std::function<int()>& body);

}  // namespace blogshift
