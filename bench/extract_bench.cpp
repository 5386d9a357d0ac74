// Extract benchmark: feed-parsing throughput and peak memory of the XML
// reader, and end-to-end extract into a staging database, on each export
// given. Every measurement runs in a child process so its peak RSS is its
// own; parsing is repeated for at least half a second and timed inside the
// child. Prints a table; compare with the peers printed by bench/run.sh.
//
// Usage: extract_bench EXPORT.xml...
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "extractor.h"
#include "staging_store.h"
#include "xml/atom_export_reader.h"

namespace {

// Counts what the reader produces and drops it: the reader alone.
class NullSink : public blogshift::ExtractSink {
public:
  void blog(const blogshift::BlogRecord&) override {}
  void item(blogshift::ItemRecord&&) override { ++units; }
  void asset(blogshift::AssetRecord&&) override { ++units; }
  void skipped(const blogshift::SourcePosition&, const std::string&, const std::string&) override { ++units; }
  void problem(blogshift::ProblemRecord&&) override { ++units; }
  long units = 0;
};

struct Measurement {
  double seconds = 0;  // per run, measured inside the child (process start excluded)
  long max_rss_kb = 0;
  long units = 0;
};

struct ChildResult {
  long units;
  double seconds;
};

// Runs `work` in a child, repeated until it has taken at least `min_seconds`
// (so a small input is not measured by its start-up costs); the child sends
// its unit count and time per run back through a pipe.
template <typename Work>
Measurement in_child(Work work, double min_seconds) {
  int fds[2];
  if (pipe(fds) != 0) return {};
  pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    ChildResult r{0, 0};
    int runs = 0;
    auto start = std::chrono::steady_clock::now();
    double elapsed = 0;
    do {
      r.units = work();
      ++runs;
      elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    } while (elapsed < min_seconds);
    r.seconds = elapsed / runs;
    if (write(fds[1], &r, sizeof r) != sizeof r) _exit(3);
    _exit(0);
  }
  close(fds[1]);
  Measurement m;
  ChildResult r{-1, 0};
  if (read(fds[0], &r, sizeof r) != sizeof r) r.units = -1;
  close(fds[0]);
  int status = 0;
  struct rusage usage {};
  wait4(pid, &status, 0, &usage);
  m.units = r.units;
  m.seconds = r.seconds;
  m.max_rss_kb = usage.ru_maxrss;
  return m;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: extract_bench EXPORT.xml...\n");
    return 2;
  }
  std::printf("%-44s %9s %8s %9s %9s %10s\n", "input", "MB", "entries", "seconds", "MB/s", "peak RSS");
  for (int i = 1; i < argc; ++i) {
    const std::string path = argv[i];
    const double mb = static_cast<double>(std::filesystem::file_size(path)) / 1e6;
    const std::string name = std::filesystem::path(path).filename().string();
    auto report = [&](const char* what, const Measurement& m) {
      std::printf("%-44s %9.1f %8ld %9.3f %9.1f %7.1f MB\n", (name + " " + what).c_str(), mb, m.units, m.seconds,
                  mb / m.seconds, static_cast<double>(m.max_rss_kb) / 1024.0);
      std::fflush(stdout);
    };
    report("[parse]", in_child([&] {
             NullSink sink;
             blogshift::read_atom_export(path, sink);
             return sink.units;
           }, 0.5));
    auto db = std::filesystem::temp_directory_path() / ("blogshift-bench-" + std::to_string(getpid()) + ".db");
    report("[extract to db]", in_child([&] {
             std::filesystem::remove(db);
             blogshift::StagingStore store(db.string());
             blogshift::Extractor extractor(store, nullptr);
             auto r = extractor.extract(path, true);
             return static_cast<long>(r.items + r.assets + r.skipped + r.errors);
           }, 0.0));
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db.string() + suffix);
  }
  return 0;
}
