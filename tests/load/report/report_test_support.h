// What the report tests share: a blog staged by the built `blogshift` (the
// sample blog, or a corpus source), a database to change rows in, and
// counts asked of the staging database directly, to compare the report with.
#pragma once

#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "run_command.h"
#include "sqlite_db.h"
#include "staging_store.h"
#include "test_paths.h"

namespace blogshift::testing {

// Runs a shell command; its stdout, and its exit status in `status`.
inline std::string capture(const std::string& command, int* status = nullptr) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return out;
  char buffer[4096];
  for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
  const int rc = ::pclose(pipe);
  if (status) *status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  return out;
}

// Runs `blogshift run SOURCES --out DIR --comments` (no redirect maps or
// archives: each test puts the outputs rows it wants); DIR is fresh.
inline std::filesystem::path stage_blog(const std::string& name, const std::string& sources) {
  auto dir = temp_dir(name);
  auto r = run_command("cli/blogshift", "run " + sources + " --out " + shell_quote(dir.string()) +
                                             " --comments --redirects none --archives none -q");
  EXPECT_LE(r.exit_code, 1) << r.err;  // 1: finished with problems, as a corpus blog may
  EXPECT_TRUE(std::filesystem::exists(dir / ".blogshift/staging.db")) << r.err;
  return dir;
}

inline std::filesystem::path stage_sample_blog(const std::string& name) {
  return stage_blog(name, shell_quote(fixture("sample-blog/feed.atom")) + " " +
                              shell_quote(fixture("sample-blog/mirror")) + " " +
                              shell_quote(fixture("sample-blog/sample-blog.warc.gz")));
}

inline std::string staging_db(const std::filesystem::path& dir) { return (dir / ".blogshift/staging.db").string(); }

// A suite of tests over the sample blog, staged once per suite; each test
// opens the database afresh (and changes it only in a transaction it rolls back).
class StagedSampleBlogTest : public ::testing::Test {
protected:
  static void SetUpTestSuite() { dir_ = new std::filesystem::path(stage_sample_blog("report-sample")); }
  static void TearDownTestSuite() {
    std::filesystem::remove_all(*dir_);
    delete dir_;
    dir_ = nullptr;
  }
  static inline std::filesystem::path* dir_ = nullptr;
  StagingStore store{staging_db(*dir_)};
  Database& db = store.db();
};

// The first column of the first row of `sql`.
inline int64_t query_count(Database& db, const std::string& sql) {
  auto q = db.prepare(sql);
  return q.step() ? q.column_int(0) : -1;
}

// The outputs rows load and verify would leave: a verified tarball, a bag
// and a WARC, and an nginx redirect map. `verified` goes into every row.
inline void put_outputs(Database& db, const std::string& verified) {
  db.exec("DELETE FROM outputs");
  auto put = db.prepare("INSERT INTO outputs (path, kind, sha256, size, entries, verified, detail) VALUES (?, ?, ?, ?, ?, ?, ?)");
  auto row = [&](const char* path, const char* kind, const char* sha, int64_t size, int64_t entries, const char* detail) {
    put.bind(1, std::string_view(path)).bind(2, std::string_view(kind)).bind_or_null(3, sha);
    if (size >= 0) put.bind(4, size);
    else put.bind_null(4);
    put.bind(5, entries).bind_or_null(6, verified).bind(7, std::string_view(detail));
    put.run();
  };
  row("archives/site.tar.gz", "tar.gz", "3f2a9c0d8e7b6a5f4e3d2c1b0a99887766554433221100ffeeddccbbaa998877", 123456, 42,
      "{\"manifest\": \"MANIFEST.sha256\"}");
  row("archives/site-bag", "bagit", "", -1, 31, "{\"algorithm\": \"sha256\"}");
  row("archives/sources.warc.gz", "warc", "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90", 987654, 77,
      "{\"records\": 77}");
  row("redirects/nginx.conf", "redirect-map", "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff", 2048, 28,
      "{\"format\": \"nginx\", \"variants\": [\"?m=1\"]}");
}

}  // namespace blogshift::testing
