// What the report tests share: a blog staged by the built `blogshift` (the
// sample blog, or a corpus source), a database to change rows in, and
// counts asked of the staging database directly, to compare the report with.
#pragma once

#include <gtest/gtest.h>

#include <sys/wait.h>

#include <array>
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

// A row of fetched_urls, as `blogshift fetch` records it.
inline void put_fetched_url(Database& db, const std::string& warc, const std::string& url, const std::string& role,
                            const std::string& outcome, int64_t status, int64_t attempts, int64_t bytes,
                            const std::string& error = {}) {
  db.prepare("INSERT INTO fetched_urls (warc_path, url, role, outcome, http_status, attempts, bytes, warc_offset, error)"
             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, warc).bind(2, url).bind(3, role).bind(4, outcome).bind(5, status).bind(6, attempts).bind(7, bytes)
      .bind(8, int64_t{outcome == "fetched" || outcome == "held" ? 4096 : -1}).bind(9, error)
      .run();
}

// A row of fetch_runs: the counts are fetched, held, failed, robots, refused.
inline void put_fetch_run(Database& db, const std::string& warc, const std::string& seeds, const std::string& started_at,
                          double seconds, int64_t requests, int64_t bytes, std::array<int64_t, 5> counts) {
  auto run = db.prepare("INSERT INTO fetch_runs (warc_path, seeds, started_at, seconds, requests, bytes, fetched, held,"
                        " failed, robots, refused) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  run.bind(1, warc).bind(2, seeds).bind(3, started_at).bind_real(4, seconds).bind(5, requests).bind(6, bytes);
  for (int i = 0; i < 5; ++i) run.bind(7 + i, counts[static_cast<size_t>(i)]);
  run.run();
}

inline const std::string kCrawlWarc = "crawl/kettleandcrumb-20240506070809.warc.gz";
inline const std::string kImagesWarc = "crawl/kettleandcrumb-images-20240506090000.warc.gz";
inline const std::string kBlogUrl = "https://kettleandcrumb.blogspot.com";

// The sample blog crawled: a site crawl stopped after 2 posts and run again
// (which found those held, and 4 URLs out of scope), then its images. 3 URLs are kept
// out by robots.txt (Disallow: /search). With `failures`, one post (HTTP 503
// after 4 attempts) and one image (no answer) failed, each with its
// FETCH_FAILED problem as the crawler writes it; without, they were fetched.
inline void put_crawl(Database& db, bool failures) {
  const std::string& w = kCrawlWarc;
  put_fetched_url(db, w, kBlogUrl + "/robots.txt", "robots", "fetched", 200, 1, 120);
  put_fetched_url(db, w, kBlogUrl + "/", "home", "fetched", 200, 1, 35000);
  put_fetched_url(db, w, kBlogUrl + "/2020/08/creme-brulee-for-two.html", "post", "held", 200, 1, 42000);
  put_fetched_url(db, w, kBlogUrl + "/2021/03/sourdough.html", "post", "held", 200, 1, 51000);
  if (failures)
    put_fetched_url(db, w, kBlogUrl + "/2022/01/lemon-possets.html", "post", "failed", 503, 4, 0,
                    "HTTP 503 (gave up after 3 retries)");
  else
    put_fetched_url(db, w, kBlogUrl + "/2022/01/lemon-possets.html", "post", "fetched", 200, 2, 47000);
  put_fetched_url(db, w, kBlogUrl + "/p/about.html", "page", "fetched", 200, 1, 9000);
  put_fetched_url(db, w, kBlogUrl + "/search/label/Bread", "label", "robots", 0, 0, 0, "robots.txt: Disallow: /search");
  put_fetched_url(db, w, kBlogUrl + "/search/label/Cake", "label", "robots", 0, 0, 0, "robots.txt: Disallow: /search");
  put_fetched_url(db, w, kBlogUrl + "/search?updated-max=2021-01-01T00:00:00Z", "archive", "robots", 0, 0, 0,
                  "robots.txt: Disallow: /search");
  put_fetched_url(db, w, kBlogUrl + "/feeds/posts/default", "feed", "fetched", 200, 1, 80000);
  const std::string& i = kImagesWarc;
  const std::string img = "https://blogger.googleusercontent.com/img/b/";
  put_fetched_url(db, i, img + "a.jpg", "image", "fetched", 200, 1, 250000);
  if (failures)
    put_fetched_url(db, i, img + "b.jpg", "image", "failed", 0, 3, 0,
                    "timeout: no byte for 30 s (gave up after 2 retries)");
  else
    put_fetched_url(db, i, img + "b.jpg", "image", "fetched", 200, 1, 180000);
  const int64_t failed = failures ? 1 : 0;
  put_fetch_run(db, w, kBlogUrl + "/\n", "2024-05-06T07:08:09Z", 42.5, 6, 93000, {2, 0, 0, 0, 1});  // stopped
  put_fetch_run(db, w, kBlogUrl + "/\n", "2024-05-06T08:00:00Z", 3.25, 6 + 3 * failed, 124120 + 47000 * (1 - failed),
                {5 - failed, 2, failed, 3, 4});
  put_fetch_run(db, i, img + "a.jpg\n" + img + "b.jpg\n", "2024-05-06T09:00:00Z", 75, 2 + 2 * failed, 250000,
                {2 - failed, 0, failed, 0, 0});
  if (failures)
    db.exec("INSERT INTO problems (stage, file, severity, code, message) VALUES"
            " ('fetch', '" + kBlogUrl + "/2022/01/lemon-possets.html', 'error', 'FETCH_FAILED',"
            " 'post not fetched: HTTP 503 (gave up after 3 retries)'),"
            " ('fetch', '" + img + "b.jpg', 'error', 'FETCH_FAILED',"
            " 'image not fetched: timeout: no byte for 30 s (gave up after 2 retries)')");
}

}  // namespace blogshift::testing
