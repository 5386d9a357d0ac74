// HTTP/2 where TLS offers it, against a real server: Caddy (its own CA,
// `tls internal`) serving the sample blog's mirror for the blog's and the
// image hosts, every host pointed at it with --connect-to. The WARC keeps
// the HTTP/2 answers, and extract and warcio.js read them.
#include <gtest/gtest.h>

#include "external_tool.h"
#include "fetch_test_support.h"
#include "sqlite_db.h"
#include "web_server.h"

using namespace blogshift;
using namespace blogshift::testing;

namespace {

TEST(FetchHttp2, ARealServerOffersHttp2AndTheWarcKeepsIt) {
  BLOGSHIFT_REQUIRE_TOOL(caddy, "caddy");
  const auto dir = temp_dir("fetch-http2");
  const std::string mirror = fixture("sample-blog/mirror");
  const int port = free_port(), plain_port = free_port();
  std::string config = "{\n  admin off\n  auto_https disable_redirects\n  skip_install_trust\n  storage file_system " +
                       (dir / "caddy").string() + "\n  http_port " + std::to_string(plain_port) + "\n  https_port " +
                       std::to_string(port) + "\n}\n";
  for (const char* host : {"kettleandcrumb.blogspot.com", "1.bp.blogspot.com", "blogger.googleusercontent.com"})
    config += std::string(host) + ":" + std::to_string(port) + " {\n  bind 127.0.0.1\n  tls internal\n  root * " +
              mirror + "/" + host + "\n  file_server\n}\n";
  write_file(dir / "Caddyfile", config);
  ServerProcess server({caddy, "run", "--config", (dir / "Caddyfile").string(), "--adapter", "caddyfile"},
                       (dir / "caddy.log").string(), {"HOME=" + dir.string(), "XDG_DATA_HOME=" + dir.string()});
  std::string why;
  ASSERT_TRUE(server.wait_until_listening(port, why)) << why;
  const std::string ca = (dir / "caddy" / "pki" / "authorities" / "local" / "root.crt").string();
  // Caddy makes its root certificate as it starts; a fetch that cannot read it fails as a usage error.
  for (int i = 0; i < 200 && !std::filesystem::exists(ca); ++i) {
    const int fd = connect_loopback(port);  // a round trip to the server, not a sleep
    if (fd >= 0) ::close(fd);
  }
  ASSERT_TRUE(std::filesystem::exists(ca)) << read_file(dir / "caddy.log");

  const CommandResult r = run_blogshift("fetch " + kBlog + " --out " + q(dir / "out") + " --connect-to ::127.0.0.1:" +
                                        std::to_string(port) + " --cacert " + q(ca) + " --rate 0 --no-mobile");
  ASSERT_NE(r.exit_code, 2) << r.out << r.err;  // the mirror lacks feeds and originals: 404s are answers
  const std::string warc = fetched_warc(dir / "out");
  const ReadBack back = read_back(warc);
  EXPECT_EQ(back.damaged, 0);
  int http2 = 0, https = 0;  // (an http:// link goes to the TLS port too, and gets no HTTP/2)
  for (const auto& record : back.records) {
    if (record.type != "response" || record.target_uri.rfind("https://", 0) != 0) continue;
    ++https;
    http2 += record.block.rfind("HTTP/2 ", 0) == 0;
  }
  EXPECT_GT(https, 20);
  EXPECT_EQ(http2, https) << "every answer over TLS came over HTTP/2";
  for (const auto& path : sample_post_paths()) EXPECT_TRUE(back.ok(kBlog + path.substr(1))) << path;

  const CommandResult extracted = run_blogshift("extract " + q(warc) + " --out " + q(dir / "extract"));
  EXPECT_NE(extracted.exit_code, 2) << extracted.err;
  Database db((dir / "extract" / ".blogshift" / "staging.db").string());
  auto posts = db.prepare("SELECT COUNT(*) FROM items WHERE kind = 'post'");
  ASSERT_TRUE(posts.step());
  EXPECT_EQ(posts.column_int(0), 12);
}

}  // namespace
