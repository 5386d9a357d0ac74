// libFuzzer target: any bytes as a post body, through the converter, the
// CommonMark writer and the fidelity check (body_oracle.h says what must
// hold). A broken rule prints the rule, the Markdown and the check's detail,
// then traps, so libFuzzer saves the input as a crash-* file.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string_view>

#include "body_oracle.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view html(reinterpret_cast<const char*>(data), size);
  blogshift::fuzz::OracleRun run = blogshift::fuzz::run_body_oracle(html);
  if (!run.failure.empty()) {
    std::fprintf(stderr, "body oracle: %s\n--- fidelity detail ---\n%s\n--- markdown (%zu bytes, at most 4 KiB shown) ---\n",
                 run.failure.c_str(), run.fidelity.detail.c_str(), run.markdown.size());
    std::fwrite(run.markdown.data(), 1, run.markdown.size() < 4096 ? run.markdown.size() : 4096, stderr);
    std::fprintf(stderr, "\n--- end ---\n");
    __builtin_trap();
  }
  return 0;
}
