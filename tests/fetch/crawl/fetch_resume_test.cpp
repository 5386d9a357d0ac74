// A `run URL` killed with SIGKILL part-way through its crawl (while a record
// is half written) resumes: nothing the WARC holds whole is fetched again,
// the torn record is cut away, and the WARC and the migrated site equal those
// of an uninterrupted run.
#include <gtest/gtest.h>

#include "fetch_test_support.h"

using namespace blogshift;
using namespace blogshift::testing;

namespace {

// (type, target URI, payload digest) of every request/response record: the
// same set for two crawls that fetched the same things.
std::multiset<std::string> record_set(const ReadBack& back) {
  std::multiset<std::string> out;
  for (const auto& r : back.records) {
    if (r.type != "response") continue;
    const std::string* digest = r.header("WARC-Payload-Digest");
    out.insert(r.target_uri + " " + (digest ? *digest : ""));
  }
  return out;
}

TEST(FetchResume, KilledMidRecordThenRunAgainEqualsOneWholeCrawl) {
  const auto dir = temp_dir("fetch-resume");
  BloggerServer server(dir / "server");
  const std::string common = " " + server.fetch_options() + " --rate 0 --concurrency 2";

  const CommandResult whole = run_blogshift("run " + kBlog + " --out " + q(dir / "whole") + common);
  ASSERT_EQ(whole.exit_code, 0) << whole.err;
  const ReadBack expected = read_back(fetched_warc(dir / "whole"));
  const size_t requests_whole = server.requests().size();

  // The hook writes half of the 31st exchange's bytes, then SIGKILLs itself.
  const CommandResult killed = run_command("cli/blogshift", "run " + kBlog + " --out " + q(dir / "out") + common,
                                           "BLOGSHIFT_TEST_KILL_AFTER_RECORDS=60");
  EXPECT_EQ(killed.signal, 9) << killed.out << killed.err;
  const size_t requests_killed = server.requests().size() - requests_whole;
  const CommandResult resumed = run_blogshift("run " + kBlog + " --out " + q(dir / "out") + common);
  EXPECT_EQ(resumed.exit_code, 1) << "a torn record was cut: a warning" << resumed.err;
  EXPECT_NE(resumed.err.find("FETCH_WARC_CUT"), std::string::npos) << resumed.err;
  const size_t requests_resumed = server.requests().size() - requests_whole - requests_killed;

  const ReadBack got = read_back(fetched_warc(dir / "out"));
  EXPECT_EQ(got.damaged, 0);
  EXPECT_EQ(record_set(got), record_set(expected));
  EXPECT_EQ(got.count("request"), got.count("response"));
  EXPECT_EQ(got.count("warcinfo"), 1);
  // What was whole before the kill was not asked for again: at most the
  // exchanges in flight when it died (concurrency 2 and the torn one).
  EXPECT_LE(requests_killed + requests_resumed, requests_whole + 4);
  // The migration made from it is the same, file for file.
  const auto expected_tree = tree(dir / "whole" / "content");
  ASSERT_FALSE(expected_tree.empty());
  EXPECT_EQ(tree(dir / "out" / "content"), expected_tree);

  // And a third run has nothing left to do.
  const CommandResult third = run_blogshift("fetch " + kBlog + " --out " + q(dir / "out") + common);
  EXPECT_EQ(third.exit_code, 0) << third.err;
  EXPECT_NE(third.out.find("nothing new"), std::string::npos) << third.out;
}

// The same across hosts: the blogspot address redirects everything, its
// robots.txt included, to a custom domain. A resume must settle both hosts'
// robots.txt from the file, fetch neither again, and end with nothing new.
TEST(FetchResume, ACrawlAcrossACustomDomainResumesWithoutFetchingTwice) {
  const auto dir = temp_dir("fetch-resume-custom");
  BloggerServer server(dir / "server", {"--custom-domain", "www.kettleandcrumb.com"});
  const std::string common = " " + server.fetch_options() + " --rate 0 --concurrency 2";
  const CommandResult whole = run_blogshift("fetch " + kBlog + " --out " + q(dir / "whole") + common);
  ASSERT_EQ(whole.exit_code, 0) << whole.err;
  const ReadBack expected = read_back(fetched_warc(dir / "whole"));

  for (const char* at : {"4", "40"}) {
    SCOPED_TRACE(std::string("killed after ") + at + " records");
    const auto out = dir / (std::string("out-") + at);
    const CommandResult killed = run_command("cli/blogshift", "fetch " + kBlog + " --out " + q(out) + common,
                                             std::string("BLOGSHIFT_TEST_KILL_AFTER_RECORDS=") + at);
    EXPECT_EQ(killed.signal, 9) << killed.err;
    const CommandResult resumed = run_blogshift("fetch " + kBlog + " --out " + q(out) + common);
    EXPECT_EQ(resumed.exit_code, 1) << resumed.err;
    const ReadBack got = read_back(fetched_warc(out));
    EXPECT_EQ(record_set(got), record_set(expected));
    std::map<std::string, int> responses;
    for (const auto& r : got.records) responses[r.target_uri] += r.type == "response";
    for (const auto& [url, n] : responses) EXPECT_LE(n, 1) << "fetched twice: " << url;
    const CommandResult third = run_blogshift("fetch " + kBlog + " --out " + q(out) + common);
    EXPECT_NE(third.out.find("nothing new"), std::string::npos) << third.out << third.err;
  }
}

}  // namespace
