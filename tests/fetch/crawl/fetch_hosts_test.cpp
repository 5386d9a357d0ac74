// The blog under its other names: a custom domain that the blogspot address
// redirects to, and the hosts pointed at 127.0.0.1 with --connect-to (curl's
// spelling) instead of a proxy.
#include <gtest/gtest.h>

#include "fetch_test_support.h"

using namespace blogshift;
using namespace blogshift::testing;

namespace {

TEST(FetchHosts, ACustomDomainIsTheSameBlog) {
  const auto dir = temp_dir("fetch-custom-domain");
  BloggerServer server(dir / "server", {"--custom-domain", "www.kettleandcrumb.com"});
  const CommandResult r = run_blogshift("fetch " + kBlog + " --out " + q(dir / "out") + " " + server.fetch_options() +
                                        " --rate 0 --no-mobile");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  const ReadBack back = read_back(fetched_warc(dir / "out"));
  EXPECT_EQ(back.status.at(kBlog) / 100, 3) << "blogspot answers with a redirect to the custom domain";
  for (const auto& path : sample_post_paths())
    EXPECT_TRUE(back.ok("https://www.kettleandcrumb.com" + path)) << path;
  EXPECT_TRUE(back.ok("https://www.kettleandcrumb.com/feeds/posts/default"));
  for (const auto& url : server.requested_urls())
    EXPECT_TRUE(url.find("kettleandcrumb.") != std::string::npos || url.find("googleusercontent.com/") != std::string::npos ||
                url.find(".bp.blogspot.com/") != std::string::npos)
        << "nothing off the blog and its image hosts: " << url;
}

TEST(FetchHosts, ConnectToPointsEveryHostAtTheLocalServer) {
  const auto dir = temp_dir("fetch-connect-to");
  BloggerServer server(dir / "server");
  // "::127.0.0.1:PORT": any host, any port, to the server (which tells TLS from plain by the first byte).
  const CommandResult r = run_blogshift("fetch " + kBlog + " --out " + q(dir / "out") + " --connect-to ::127.0.0.1:" +
                                        std::to_string(server.port) + " --cacert " + server.ca + " --rate 0");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  const ReadBack back = read_back(fetched_warc(dir / "out"));
  for (const auto& path : sample_post_paths()) EXPECT_TRUE(back.ok(kBlog + path.substr(1))) << path;
  for (const auto& line : server.requests()) EXPECT_EQ(BloggerServer::json_string(line, "via"), "origin") << line;
}

}  // namespace
