// Transform benchmark: how fast post bodies become Markdown, next to how fast
// gumbo alone parses the same bodies. For each source given (an export or a
// mirror folder) it stages the source into a temporary staging database with
// the Extractor, then measures on the bodies of the documents the transform
// converts (posts and pages that are live, drafts or scheduled):
//
//   gumbo        gumbo_parse + gumbo_destroy_output, nothing else
//   parse_html   the reader adapter: gumbo plus the copy into our own tree
//   convert      convert_body (parse, clean-up passes, document tree) and
//                write_commonmark, one thread
//   transform    run_transform with --jobs 1 and 2: the above plus link
//                rewriting, fidelity check, front matter and SQLite writes
//
// Every measurement runs in a child process (the parent holds no bodies), so
// the peak RSS printed is that measurement's own; work is repeated for at
// least a second and timed inside the child. Prints a table, then the
// transform/gumbo ratio per core and the speed-up of 2 jobs over 1.
//
// Usage: transform_bench [--bodies-out DIR] [NAME=]SOURCE...
//   --bodies-out DIR  also writes DIR/NAME.bodies: the bodies measured,
//                     separated by NUL bytes (bench/run.sh feeds them to peers)
#include <gumbo.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "body_converter.h"
#include "extractor.h"
#include "html/html_reader.h"
#include "markdown/commonmark_writer.h"
#include "staging_store.h"
#include "transform_stage.h"

namespace fs = std::filesystem;

namespace {

struct ChildResult {
  long units = -1;      // documents per run
  double bytes = 0;     // HTML bytes per run
  double seconds = 0;   // per run, wall clock
  double cpu = 0;       // per run, user + system time of all threads
};

struct Measurement {
  ChildResult r;
  long max_rss_kb = 0;
};

// Runs `fn` in a child process; `fn` returns the child's result, sent back
// through a pipe. Peak RSS comes from wait4.
template <typename Fn>
Measurement in_child(Fn fn) {
  std::fflush(stdout);
  int fds[2];
  if (pipe(fds) != 0) return {};
  pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    ChildResult r;
    try {
      r = fn();
    } catch (const std::exception& e) {
      std::fprintf(stderr, "transform_bench: %s\n", e.what());
      r.units = -1;
    }
    if (write(fds[1], &r, sizeof r) != sizeof r) _exit(3);
    _exit(0);
  }
  close(fds[1]);
  Measurement m;
  if (read(fds[0], &m.r, sizeof m.r) != sizeof m.r) m.r.units = -1;
  close(fds[0]);
  int status = 0;
  struct rusage usage {};
  wait4(pid, &status, 0, &usage);
  m.max_rss_kb = usage.ru_maxrss;
  return m;
}

// Repeats `once` (which returns documents and bytes of one pass) until at
// least `min_seconds` have passed; the time per pass.
double cpu_seconds() {
  struct rusage u {};
  getrusage(RUSAGE_SELF, &u);
  auto s = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return s(u.ru_utime) + s(u.ru_stime);
}

template <typename Once>
ChildResult repeat(Once once, double min_seconds) {
  ChildResult r;
  int runs = 0;
  const double cpu_start = cpu_seconds();
  const auto start = std::chrono::steady_clock::now();
  double elapsed = 0;
  do {
    r = once();
    ++runs;
    elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  } while (elapsed < min_seconds);
  r.seconds = elapsed / runs;
  r.cpu = (cpu_seconds() - cpu_start) / runs;
  return r;
}

// The bodies run_transform converts (same selection as its load_documents).
std::vector<std::string> load_bodies(const std::string& db_path) {
  blogshift::StagingStore store(db_path);
  auto q = store.db().prepare(
      "SELECT COALESCE(body_html, '') FROM items WHERE kind IN ('post', 'page')"
      " AND status IN ('LIVE', 'DRAFT', 'SCHEDULED') ORDER BY id");
  std::vector<std::string> bodies;
  while (q.step()) bodies.push_back(q.column_text(0));
  return bodies;
}

double total_bytes(const std::vector<std::string>& bodies) {
  double n = 0;
  for (const auto& b : bodies) n += static_cast<double>(b.size());
  return n;
}

void remove_db(const fs::path& db) {
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db.string() + suffix);
}

constexpr double kMinSeconds = 1.0;

}  // namespace

int main(int argc, char** argv) {
  std::string bodies_out;
  std::vector<std::pair<std::string, std::string>> sources;  // name, path
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--bodies-out" && i + 1 < argc) {
      bodies_out = argv[++i];
      continue;
    }
    auto eq = a.find('=');
    if (eq != std::string::npos && !fs::exists(a))
      sources.emplace_back(a.substr(0, eq), a.substr(eq + 1));
    else
      sources.emplace_back(fs::path(a).filename().string(), a);
  }
  if (sources.empty()) {
    std::fprintf(stderr, "usage: transform_bench [--bodies-out DIR] [NAME=]SOURCE...\n");
    return 2;
  }

  {
    std::ifstream load("/proc/loadavg");
    std::string l1;
    load >> l1;
    std::printf("load average before: %s on %u cores (wall-clock figures need an idle machine; CPU-time ones less so)\n",
                l1.c_str(), std::thread::hardware_concurrency());
  }
  std::printf("%-46s %6s %7s %7s %7s %7s %7s %7s %9s\n", "measurement", "docs", "HTML MB", "wall s", "CPU s",
              "MB/s", "MB/CPUs", "docs/s", "peak RSS");
  struct Summary {
    std::string name;
    Measurement gumbo, parse, convert, t1, t2;
  };
  std::vector<Summary> summaries;

  for (const auto& [name, path] : sources) {
    const fs::path db = fs::temp_directory_path() / ("blogshift-tbench-" + std::to_string(getpid()) + ".db");
    remove_db(db);
    auto report = [&](const char* what, const Measurement& m) {
      const double mb = m.r.bytes / 1e6;
      std::printf("%-46s %6ld %7.1f %7.3f %7.3f %7.1f %7.1f %7.0f %6.1f MB\n", (name + " " + what).c_str(), m.r.units,
                  mb, m.r.seconds, m.r.cpu, mb / m.r.seconds, mb / m.r.cpu,
                  static_cast<double>(m.r.units) / m.r.seconds, static_cast<double>(m.max_rss_kb) / 1024.0);
      std::fflush(stdout);
      return m;
    };

    // Staging, in a child so the parent stays small (MB here: the source's size).
    report("[extract to staging db]", in_child([&] {
             ChildResult r;
             const auto start = std::chrono::steady_clock::now();
             blogshift::StagingStore store(db.string());
             blogshift::Extractor extractor(store, nullptr);
             auto s = extractor.extract(path, true);
             r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
             r.cpu = cpu_seconds();
             r.units = static_cast<long>(s.items);
             if (fs::is_directory(path)) {
               for (const auto& e : fs::recursive_directory_iterator(path))
                 if (e.is_regular_file()) r.bytes += static_cast<double>(e.file_size());
             } else {
               r.bytes = static_cast<double>(fs::file_size(path));
             }
             return r;
           }));

    if (!bodies_out.empty()) {
      in_child([&] {
        auto bodies = load_bodies(db.string());
        std::ofstream out(fs::path(bodies_out) / (name + ".bodies"), std::ios::binary);
        for (const auto& b : bodies) out << b << '\0';
        return ChildResult{static_cast<long>(bodies.size()), 0, 0, 0};
      });
    }

    Summary s;
    s.name = name;
    s.gumbo = report("[gumbo_parse]", in_child([&] {
                       const auto bodies = load_bodies(db.string());
                       return repeat([&] {
                         for (const auto& b : bodies) {
                           GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, b.data(), b.size());
                           gumbo_destroy_output(&kGumboDefaultOptions, out);
                         }
                         return ChildResult{static_cast<long>(bodies.size()), total_bytes(bodies), 0};
                       }, kMinSeconds);
                     }));
    s.parse = report("[parse_html]", in_child([&] {
                       const auto bodies = load_bodies(db.string());
                       return repeat([&] {
                         size_t nodes = 0;
                         for (const auto& b : bodies) nodes += blogshift::parse_html(b).root != nullptr;
                         return ChildResult{static_cast<long>(nodes), total_bytes(bodies), 0};
                       }, kMinSeconds);
                     }));
    s.convert = report("[convert_body+write_commonmark]", in_child([&] {
                         const auto bodies = load_bodies(db.string());
                         return repeat([&] {
                           volatile size_t md = 0;  // keeps the output observed
                           for (const auto& b : bodies) {
                             blogshift::BodyConversion conv = blogshift::convert_body(b);
                             md = md + blogshift::write_commonmark(*conv.document).size();
                           }
                           return ChildResult{static_cast<long>(bodies.size()), total_bytes(bodies), 0};
                         }, kMinSeconds);
                       }));
    for (int jobs : {1, 2}) {
      // The parent holds nothing of the bodies, so this RSS is the transform's own.
      Measurement m = in_child([&] {
        blogshift::StagingStore store(db.string());
        blogshift::TransformOptions options;
        options.jobs = jobs;
        options.force = true;  // each repetition converts everything, as a first run does
        return repeat([&] {
          auto t = blogshift::run_transform(store.db(), options);
          return ChildResult{static_cast<long>(t.documents), t.html_megabytes * 1e6, 0};
        }, kMinSeconds);
      });
      (jobs == 1 ? s.t1 : s.t2) = report(jobs == 1 ? "[run_transform --jobs 1]" : "[run_transform --jobs 2]", m);
    }
    // A re-run with nothing changed: every document is kept (MB here: the
    // HTML it did not have to convert again).
    report("[run_transform again, nothing changed]", in_child([&] {
             blogshift::StagingStore store(db.string());
             blogshift::TransformOptions all;
             all.force = true;
             const double html = blogshift::run_transform(store.db(), all).html_megabytes;
             ChildResult r = repeat([&] {
               auto t = blogshift::run_transform(store.db(), {});
               return ChildResult{static_cast<long>(t.kept), html * 1e6, 0};
             }, kMinSeconds);
             return r;
           }));
    summaries.push_back(s);
    remove_db(db);
  }

  // Per core: MB per CPU-second of the transform over gumbo's (both jobs);
  // by wall clock: MB/s with 1 job, and with 2 jobs halved, over gumbo's MB/s.
  auto per_cpu = [](const Measurement& m) { return m.r.bytes / m.r.cpu; };
  auto per_wall = [](const Measurement& m) { return m.r.bytes / m.r.seconds; };
  std::printf("\n%-16s %6s %14s %14s %14s %14s %9s %17s\n", "source", "docs", "convert/gumbo", "transform/gumbo",
              "j2/gumbo/core", "(by CPU time)", "speed-up", "transform RSS j1/j2");
  for (const auto& s : summaries) {
    std::printf("%-16s %6ld %13.0f%% %14.0f%% %13.0f%% %6.0f%% / %3.0f%% %8.2fx %9.1f / %.1f MB\n", s.name.c_str(),
                s.t1.r.units, 100 * per_wall(s.convert) / per_wall(s.gumbo), 100 * per_wall(s.t1) / per_wall(s.gumbo),
                100 * per_wall(s.t2) / 2 / per_wall(s.gumbo), 100 * per_cpu(s.t1) / per_cpu(s.gumbo),
                100 * per_cpu(s.t2) / per_cpu(s.gumbo), s.t1.r.seconds / s.t2.r.seconds,
                static_cast<double>(s.t1.max_rss_kb) / 1024.0, static_cast<double>(s.t2.max_rss_kb) / 1024.0);
  }
  std::printf("(transform = run_transform; target: >= 75%% of gumbo's throughput per core, near 2x with 2 jobs;\n"
              " \"by CPU time\" = MB per CPU-second of transform j1 / j2 over gumbo's)\n");
  return 0;
}
