// The redirect maps loaded by real servers from Debian's packages (nginx,
// Apache httpd, Caddy), each started here on 127.0.0.1 on a free port with
// a minimal configuration that includes the generated files. Every old URL
// of a blog (plus its ?m=1 and ?m=0 variants) is requested: it must answer
// exactly one 301 whose Location is the expected route, and that route must
// not redirect again (one hop). Blogs: the sample blog, a set of awkward
// paths (escaping), and the arborlodge corpus export when ../shared/corpus
// is there.
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <set>

#include "external_tool.h"
#include "redirect_maps.h"
#include "staged_blog.h"
#include "temp_file.h"
#include "server_configs.h"
#include "web_server.h"

namespace blogshift {
namespace {

namespace fs = std::filesystem;
using testing::OldUrl;
using testing::ServerSetup;
using testing::StagedBlog;

// The maps of a staged blog, written as the load stage writes them.
fs::path write_maps(StagedBlog& blog) {
  const fs::path maps = blog.dir / "maps";
  write_redirect_maps(blog.db(), maps.string(), {});
  return maps;
}

enum class Blog { sample, awkward, arborlodge };

std::unique_ptr<StagedBlog> stage(Blog which, const std::string& name) {
  if (which == Blog::sample) return std::make_unique<StagedBlog>(name, testing::sample_blog_sources());
  if (which == Blog::arborlodge) return std::make_unique<StagedBlog>(name, std::vector{testing::arborlodge_export()});
  auto blog = std::make_unique<StagedBlog>(name);
  testing::add_awkward_paths(*blog);
  return blog;
}

void check_blog(Blog which, const std::string& server, const ServerSetup& setup) {
  const std::string name = "redirect-" + server + "-" + std::to_string(static_cast<int>(which));
  auto blog = stage(which, name);
  const fs::path maps = write_maps(*blog);
  const auto urls = testing::old_urls(blog->db());
  if (which == Blog::sample) {
    EXPECT_GE(urls.size(), 80u);
  }
  if (which == Blog::arborlodge) {
    EXPECT_GE(urls.size(), 700u);
  }
  testing::check_old_urls(server, setup, blog->dir, maps, urls, false);
  if (!::testing::Test::HasFailure()) fs::remove_all(blog->dir);
}

ServerSetup nginx_for(const std::string& binary) { return testing::nginx_server(binary); }
ServerSetup apache_for(const std::string& binary, bool htaccess) { return testing::apache_server(binary, htaccess); }
ServerSetup caddy_for(const std::string& binary) { return testing::caddy_server(binary); }

}  // namespace

TEST(RedirectServers, NginxSampleBlog) {
  BLOGSHIFT_REQUIRE_TOOL(nginx, "nginx");
  check_blog(Blog::sample, "nginx", nginx_for(nginx));
}
TEST(RedirectServers, ApacheHtaccessSampleBlog) {
  BLOGSHIFT_REQUIRE_TOOL(apache, "apache2");
  check_blog(Blog::sample, "apache-htaccess", apache_for(apache, true));
}
TEST(RedirectServers, ApacheRewriteMapSampleBlog) {
  BLOGSHIFT_REQUIRE_TOOL(apache, "apache2");
  check_blog(Blog::sample, "apache-map", apache_for(apache, false));
}
TEST(RedirectServers, CaddySampleBlog) {
  BLOGSHIFT_REQUIRE_TOOL(caddy, "caddy");
  check_blog(Blog::sample, "caddy", caddy_for(caddy));
}

TEST(RedirectServers, NginxAwkwardPaths) {
  BLOGSHIFT_REQUIRE_TOOL(nginx, "nginx");
  check_blog(Blog::awkward, "nginx", nginx_for(nginx));
}
TEST(RedirectServers, ApacheHtaccessAwkwardPaths) {
  BLOGSHIFT_REQUIRE_TOOL(apache, "apache2");
  check_blog(Blog::awkward, "apache-htaccess", apache_for(apache, true));
}
TEST(RedirectServers, ApacheRewriteMapAwkwardPaths) {
  BLOGSHIFT_REQUIRE_TOOL(apache, "apache2");
  check_blog(Blog::awkward, "apache-map", apache_for(apache, false));
}
TEST(RedirectServers, CaddyAwkwardPaths) {
  BLOGSHIFT_REQUIRE_TOOL(caddy, "caddy");
  check_blog(Blog::awkward, "caddy", caddy_for(caddy));
}

TEST(RedirectServers, NginxArborlodgeCorpus) {
  BLOGSHIFT_REQUIRE_CORPUS();
  BLOGSHIFT_REQUIRE_TOOL(nginx, "nginx");
  check_blog(Blog::arborlodge, "nginx", nginx_for(nginx));
}
TEST(RedirectServers, ApacheHtaccessArborlodgeCorpus) {
  BLOGSHIFT_REQUIRE_CORPUS();
  BLOGSHIFT_REQUIRE_TOOL(apache, "apache2");
  check_blog(Blog::arborlodge, "apache-htaccess", apache_for(apache, true));
}
TEST(RedirectServers, ApacheRewriteMapArborlodgeCorpus) {
  BLOGSHIFT_REQUIRE_CORPUS();
  BLOGSHIFT_REQUIRE_TOOL(apache, "apache2");
  check_blog(Blog::arborlodge, "apache-map", apache_for(apache, false));
}
TEST(RedirectServers, CaddyArborlodgeCorpus) {
  BLOGSHIFT_REQUIRE_CORPUS();
  BLOGSHIFT_REQUIRE_TOOL(caddy, "caddy");
  check_blog(Blog::arborlodge, "caddy", caddy_for(caddy));
}

}  // namespace blogshift
