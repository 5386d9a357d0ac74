#include "diagnostics.h"

#include <iostream>

#include "errors.h"

namespace blogshift {

std::string format_problem(const std::string& prog, const ProblemRecord& problem) {
  return prog + ": " + problem.position.describe() + ": " + to_string(problem.severity) + ": " + problem.message +
         " [" + problem.code + "]";
}

int run_main(const std::string& prog, const std::function<int()>& body) {
  try {
    return body();
  } catch (const UsageError& e) {
    std::cerr << prog << ": " << e.what() << "\nTry '" << prog << " --help' for more information.\n";
  } catch (const FatalError& e) {
    std::cerr << prog << ": error: " << e.what() << '\n';
    if (!e.hint().empty()) std::cerr << prog << ": hint: " << e.hint() << '\n';
  } catch (const std::exception& e) {
    std::cerr << prog << ": error: " << e.what() << '\n';
  }
  return kExitFatal;
}

}  // namespace blogshift
