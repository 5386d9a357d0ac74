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
#include "web_server.h"

namespace blogshift {
namespace {

namespace fs = std::filesystem;
using testing::OldUrl;
using testing::ServerProcess;
using testing::StagedBlog;

bool running_as_root() { return ::geteuid() == 0; }

// The configuration for one server on `port`, written into `dir`; returns
// the command that runs it in the foreground.
using ServerSetup = std::function<std::vector<std::string>(const fs::path& dir, const fs::path& maps, int port)>;

std::vector<std::string> nginx_setup(const std::string& nginx, const fs::path& dir, const fs::path& maps, int port) {
  fs::create_directories(dir / "tmp");
  fs::create_directories(dir / "empty");
  const std::string d = dir.string();
  testing::write_file(dir / "nginx.conf",
                      "daemon off;\nworker_processes 1;\npid " + d + "/nginx.pid;\nerror_log " + d +
                          "/nginx-error.log;\nevents { worker_connections 64; }\nhttp {\n  access_log off;\n"
                          "  client_body_temp_path " + d + "/tmp/body;\n  proxy_temp_path " + d +
                          "/tmp/proxy;\n  fastcgi_temp_path " + d + "/tmp/fastcgi;\n  uwsgi_temp_path " + d +
                          "/tmp/uwsgi;\n  scgi_temp_path " + d + "/tmp/scgi;\n  include " +
                          (maps / "nginx-redirects-map.conf").string() + ";\n  server {\n    listen 127.0.0.1:" +
                          std::to_string(port) + ";\n    root " + d + "/empty;\n    include " +
                          (maps / "nginx-redirects-server.conf").string() +
                          ";\n    location / { return 404; }\n  }\n}\n");
  return {nginx, "-p", d, "-c", d + "/nginx.conf"};
}

// One Apache with the .htaccess (document root = the maps folder) when
// `htaccess`, else with the server-config snippet and its RewriteMap.
std::vector<std::string> apache_setup(const std::string& apache, bool htaccess, const fs::path& dir,
                                      const fs::path& maps, int port) {
  fs::create_directories(dir / "run");
  fs::create_directories(dir / "empty");
  const std::string d = dir.string(), modules = "/usr/lib/apache2/modules/";
  std::string conf = "ServerRoot \"" + d + "\"\nDefaultRuntimeDir \"" + d + "/run\"\nPidFile \"" + d +
                     "/run/httpd.pid\"\nLoadModule mpm_event_module " + modules + "mod_mpm_event.so\n" +
                     "LoadModule authz_core_module " + modules + "mod_authz_core.so\nLoadModule rewrite_module " +
                     modules + "mod_rewrite.so\nServerName 127.0.0.1\nListen 127.0.0.1:" + std::to_string(port) +
                     "\nErrorLog \"" + d + "/apache-error.log\"\nLogLevel warn\n";
  // As root Apache hands requests to an unprivileged user (it refuses root):
  // www-data (from the apache2 package) reads the world-readable temp folder.
  if (running_as_root()) conf += "User www-data\nGroup www-data\n";
  const std::string root = htaccess ? maps.string() : d + "/empty";
  conf += "DocumentRoot \"" + root + "\"\n<Directory \"" + root + "\">\n  AllowOverride " +
          (htaccess ? "FileInfo" : "None") + "\n  Require all granted\n</Directory>\n";
  if (!htaccess) conf += "Include \"" + (maps / "apache-redirects-server.conf").string() + "\"\n";
  testing::write_file(dir / "apache2.conf", conf);
  return {apache, "-d", d, "-f", d + "/apache2.conf", "-DFOREGROUND"};
}

std::vector<std::string> caddy_setup(const std::string& caddy, const fs::path& dir, const fs::path& maps, int port) {
  testing::write_file(dir / "Caddyfile", "{\n  admin off\n  auto_https off\n}\nhttp://127.0.0.1:" +
                                             std::to_string(port) + " {\n  bind 127.0.0.1\n  import " +
                                             (maps / "caddy-redirects.caddyfile").string() +
                                             "\n  respond 404\n}\n");
  return {caddy, "run", "--config", (dir / "Caddyfile").string(), "--adapter", "caddyfile"};
}

// "http://127.0.0.1:PORT/x" -> "/x"; a relative Location stays as it is.
std::string location_path_of(const std::string& location, int port) {
  const std::string origin = "http://127.0.0.1:" + std::to_string(port);
  return location.rfind(origin, 0) == 0 ? location.substr(origin.size()) : location;
}

// Starts the server (on another free port if the first is taken meanwhile),
// requests every old URL and checks the answers.
void check_server(const std::string& name, const ServerSetup& setup, const fs::path& work, const fs::path& maps,
                  const std::vector<OldUrl>& urls) {
  ASSERT_FALSE(urls.empty());
  std::unique_ptr<ServerProcess> server;
  int port = 0;
  std::string why;
  for (int attempt = 0; attempt < 3 && !server; ++attempt) {
    port = testing::free_port();
    const fs::path dir = work / (name + "-" + std::to_string(attempt));
    fs::create_directories(dir);
    const std::vector<std::string> env = {"HOME=" + dir.string(), "XDG_DATA_HOME=" + dir.string(),
                                          "XDG_CONFIG_HOME=" + dir.string()};
    server = std::make_unique<ServerProcess>(setup(dir, maps, port), (dir / "server.log").string(), env);
    if (!server->wait_until_listening(port, why)) server.reset();
  }
  ASSERT_TRUE(server) << name << ": " << why;

  int failures = 0;
  std::set<std::string> hops_checked;
  for (const auto& url : urls) {
    for (const char* variant : {"", "?m=1", "?m=0"}) {
      const testing::HttpAnswer answer = testing::http_get(port, url.request + variant);
      const bool ok = answer.status == 301 && location_path_of(answer.location, port) == url.location;
      if (!ok && ++failures <= 20)
        ADD_FAILURE() << name << ": GET " << url.request << variant << " (" << url.shape << ") answered "
                      << answer.status << " Location '" << answer.location << "', expected 301 to " << url.location;
    }
    // One hop: the Location itself is not redirected.
    if (hops_checked.insert(url.location).second) {
      const testing::HttpAnswer next = testing::http_get(port, url.location);
      if ((next.status == 0 || (next.status >= 300 && next.status < 400)) && ++failures <= 20)
        ADD_FAILURE() << name << ": " << url.location << " (from " << url.request << ") answered " << next.status
                      << " Location '" << next.location << "': not one hop";
    }
  }
  EXPECT_EQ(failures, 0) << name << ": " << failures << " wrong answers of " << urls.size() * 3;
  server->stop();
}

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
  check_server(server, setup, blog->dir, maps, urls);
  if (!::testing::Test::HasFailure()) fs::remove_all(blog->dir);
}

ServerSetup nginx_for(const std::string& binary) {
  return [binary](const fs::path& d, const fs::path& m, int p) { return nginx_setup(binary, d, m, p); };
}
ServerSetup apache_for(const std::string& binary, bool htaccess) {
  return [binary, htaccess](const fs::path& d, const fs::path& m, int p) {
    return apache_setup(binary, htaccess, d, m, p);
  };
}
ServerSetup caddy_for(const std::string& binary) {
  return [binary](const fs::path& d, const fs::path& m, int p) { return caddy_setup(binary, d, m, p); };
}

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
