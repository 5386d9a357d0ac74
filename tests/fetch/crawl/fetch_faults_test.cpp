// The faults a live blog (or the network to it) has, one server each: every
// good page is still fetched, every failure is reported, nothing hangs, and
// memory stays bounded.
#include <gtest/gtest.h>
#include <sys/resource.h>

#include "fetch_test_support.h"
#include "sqlite_db.h"

using namespace blogshift;
using namespace blogshift::testing;

namespace {

struct FaultRun {
  std::filesystem::path dir;
  std::unique_ptr<BloggerServer> server;
  CommandResult result;
  ReadBack back;
  std::unique_ptr<Database> db;

  std::string outcome(const std::string& url) {
    auto s = db->prepare("SELECT outcome || ' ' || http_status || ' ' || attempts FROM fetched_urls WHERE url = ?");
    s.bind(1, url);
    return s.step() ? s.column_text(0) : "(none)";
  }
  int problems(const std::string& code, const std::string& url) {
    auto s = db->prepare("SELECT COUNT(*) FROM problems WHERE stage = 'fetch' AND code = ? AND file = ?");
    s.bind(1, code).bind(2, url);
    s.step();
    return static_cast<int>(s.column_int(0));
  }
  int requests_for(const std::string& url) const {
    int n = 0;
    for (const auto& u : server->requested_urls()) n += u == url;
    return n;
  }
};

FaultRun crawl_with(const std::string& name, const std::vector<std::string>& server_args, const std::string& options) {
  FaultRun r;
  r.dir = temp_dir("fetch-fault-" + name);
  r.server = std::make_unique<BloggerServer>(r.dir / "server", server_args);
  r.result = run_blogshift("fetch " + kBlog + " --out " + q(r.dir / "out") + " " + r.server->fetch_options() +
                       " --rate 0 --no-mobile " + options);
  const std::string warc = fetched_warc(r.dir / "out");
  if (!warc.empty()) r.back = read_back(warc);
  r.db = std::make_unique<Database>((r.dir / "out" / ".blogshift" / "staging.db").string());
  return r;
}

void expect_the_blog_is_whole(const FaultRun& r) {
  for (const auto& path : sample_post_paths()) EXPECT_TRUE(r.back.ok(kBlog + path.substr(1))) << path;
  EXPECT_TRUE(r.back.ok(kBlog + "p/about.html"));
  EXPECT_EQ(r.back.damaged, 0);
}

TEST(FetchFaults, TooManyRequestsIsWaitedOutAsTheServerAsks) {
  FaultRun r = crawl_with("429", {"--fault", "429:2"}, "");
  EXPECT_EQ(r.result.exit_code, 0) << r.result.out << r.result.err;
  const std::string url = kBlog + "p/fault-429.html";
  EXPECT_EQ(r.outcome(url), "fetched 200 3");
  EXPECT_EQ(r.requests_for(url), 3);
  // Retry-After: 1 was honoured: the tries are at least a second apart.
  std::vector<double> times;
  for (const auto& line : r.server->requests())
    if (BloggerServer::json_string(line, "url") == url) {
      const size_t at = line.find("\"t\":");
      times.push_back(std::atof(line.c_str() + at + 4 + (line[at + 4] == ' ')));
    }
  ASSERT_EQ(times.size(), 3u);
  EXPECT_GE(times[1] - times[0], 0.9);
  EXPECT_GE(times[2] - times[1], 0.9);
  expect_the_blog_is_whole(r);
}

TEST(FetchFaults, AServiceUnavailableBurstIsRetried) {
  FaultRun r = crawl_with("503", {"--fault", "503:3"}, "");
  EXPECT_EQ(r.result.exit_code, 0) << r.result.err;
  EXPECT_EQ(r.outcome(kBlog + "p/fault-503.html"), "fetched 200 4");
  expect_the_blog_is_whole(r);
}

TEST(FetchFaults, APageThatStaysDownFailsAfterTheRetriesAndIsReported) {
  FaultRun r = crawl_with("503-forever", {"--fault", "503-forever"}, "--retries 2");
  EXPECT_EQ(r.result.exit_code, 1) << r.result.err;
  const std::string url = kBlog + "p/fault-503-forever.html";
  EXPECT_EQ(r.outcome(url), "failed 503 3");
  EXPECT_EQ(r.problems("FETCH_FAILED", url), 1);
  EXPECT_NE(r.result.err.find(url), std::string::npos) << r.result.err;
  EXPECT_NE(r.result.out.find("1 failed"), std::string::npos) << r.result.out;
  expect_the_blog_is_whole(r);
}

TEST(FetchFaults, AConnectionResetMidBodyIsRetriedThenReported) {
  FaultRun r = crawl_with("reset", {"--fault", "reset"}, "--retries 1");
  const std::string url = kBlog + "p/fault-reset.html";
  EXPECT_EQ(r.outcome(url).rfind("failed", 0), 0u) << r.outcome(url);
  EXPECT_EQ(r.requests_for(url), 2);
  EXPECT_EQ(r.problems("FETCH_FAILED", url), 1);
  EXPECT_FALSE(r.back.status.count(url)) << "a broken transfer is not stored as if whole";
  expect_the_blog_is_whole(r);
}

TEST(FetchFaults, AResponseSlowerThanTheTimeoutIsGivenUp) {
  FaultRun r = crawl_with("slow", {"--fault", "slow:30"}, "--timeout 2 --retries 1");
  const std::string url = kBlog + "p/fault-slow.html";
  EXPECT_EQ(r.outcome(url).rfind("failed", 0), 0u) << r.outcome(url);
  EXPECT_EQ(r.problems("FETCH_FAILED", url), 1);
  expect_the_blog_is_whole(r);
}

TEST(FetchFaults, ARedirectChainIsFollowedWithEveryHopRecorded) {
  FaultRun r = crawl_with("chain", {"--fault", "redirect-chain:3"}, "");
  EXPECT_EQ(r.result.exit_code, 0) << r.result.err;
  EXPECT_EQ(r.back.status[kBlog + "p/fault-chain.html"] / 100, 3);
  EXPECT_EQ(r.back.status[kBlog + "p/fault-chain-1.html"] / 100, 3);
  EXPECT_EQ(r.back.status[kBlog + "p/fault-chain-2.html"] / 100, 3);
  int landed = 0;
  for (const auto& [url, status] : r.back.status) landed += url.find("fault-chain") != std::string::npos && status == 200;
  EXPECT_EQ(landed, 1);
}

TEST(FetchFaults, ARedirectLoopEndsAndIsReported) {
  FaultRun r = crawl_with("loop", {"--fault", "redirect-loop"}, "");
  EXPECT_EQ(r.requests_for(kBlog + "p/fault-loop-a.html"), 1);
  EXPECT_EQ(r.requests_for(kBlog + "p/fault-loop-b.html"), 1);
  auto s = r.db->prepare("SELECT COUNT(*) FROM problems WHERE code = 'FETCH_REDIRECT_LOOP'");
  s.step();
  EXPECT_EQ(s.column_int(0), 1);
  expect_the_blog_is_whole(r);
}

TEST(FetchFaults, ATruncatedGzipBodyFailsRatherThanBeingKeptAsWhole) {
  FaultRun r = crawl_with("gzip", {"--fault", "truncated-gzip"}, "--retries 1");
  const std::string url = kBlog + "p/fault-gzip.html";
  EXPECT_EQ(r.outcome(url).rfind("failed", 0), 0u) << r.outcome(url);
  EXPECT_EQ(r.problems("FETCH_FAILED", url), 1);
  expect_the_blog_is_whole(r);
}

TEST(FetchFaults, ATenGigabyteContentLengthIsRefusedWithMemoryBounded) {
  FaultRun r = crawl_with("huge", {"--fault", "length-lie"}, "--max-size 1048576");
  const std::string url = kBlog + "p/fault-huge.html";
  EXPECT_EQ(r.problems("FETCH_TOO_LARGE", url), 1) << r.result.err;
  rusage usage{};
  getrusage(RUSAGE_CHILDREN, &usage);
  EXPECT_LT(usage.ru_maxrss, 200 * 1024) << "kilobytes of the largest child (blogshift or the server)";
  expect_the_blog_is_whole(r);
}

TEST(FetchFaults, ADisallowedPathIsNeverRequested) {
  FaultRun r = crawl_with("disallow", {"--fault", "disallow"}, "");
  const std::string url = kBlog + "p/fault-private.html";
  EXPECT_EQ(r.requests_for(url), 0);
  EXPECT_EQ(r.outcome(url), "robots 0 0");
  expect_the_blog_is_whole(r);
}

TEST(FetchFaults, IgnoreRobotsSaysSoLoudlyAndFetchesIt) {
  FaultRun r = crawl_with("ignore", {"--fault", "disallow"}, "--ignore-robots");
  EXPECT_NE(r.result.err.find("--ignore-robots"), std::string::npos) << r.result.err;
  EXPECT_EQ(r.requests_for(kBlog + "p/fault-private.html"), 1);
  EXPECT_EQ(r.requests_for(kBlog + "robots.txt"), 0);
}

TEST(FetchFaults, TheInfiniteTrapEnds) {
  // --ignore-robots lets the crawl into /search too: the scope rules alone must stop it.
  FaultRun r = crawl_with("trap", {"--fault", "trap"}, "--ignore-robots");
  EXPECT_LT(r.server->requests().size(), 400u) << "label, search-pager and calendar links must not grow the crawl";
  for (const auto& url : r.server->requested_urls()) {
    EXPECT_EQ(url.find("trap-"), std::string::npos) << url;
    EXPECT_EQ(url.find("updated-max"), std::string::npos) << url;
  }
  expect_the_blog_is_whole(r);
}

TEST(FetchFaults, TlsIsVerified) {
  // Without the server's CA the certificate is unknown: nothing is fetched, and it says why.
  const auto dir = temp_dir("fetch-fault-tls");
  BloggerServer server(dir / "server");
  const CommandResult r = run_blogshift("fetch " + kBlog + " --out " + q(dir / "out") + " --proxy " + server.proxy() +
                                    " --rate 0 --retries 0");
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.err.find("certificate"), std::string::npos) << r.err;
  EXPECT_TRUE(server.requests().empty());
}

}  // namespace
