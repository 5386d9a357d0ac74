// Minimal configurations of real web servers from Debian's packages (nginx,
// Apache httpd, Caddy) that include blogshift's generated redirect maps and
// serve a folder: the built site (site_build tests), or an empty one when
// only the redirects are under test. Each serves a route /x from x, x.html
// or x/index.html (how static-site generators lay out their pages), after
// the redirects, as a site's own configuration would.
#pragma once

#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "staged_blog.h"
#include "temp_file.h"
#include "web_server.h"

namespace blogshift::testing {

// The configuration for one server on `port`, written into `dir`; returns
// the command that runs it in the foreground.
using ServerSetup =
    std::function<std::vector<std::string>(const std::filesystem::path& dir, const std::filesystem::path& maps, int port)>;

// `site`: the folder served ("" = an empty one).
inline ServerSetup nginx_server(const std::string& nginx, const std::filesystem::path& site = {}) {
  return [nginx, site](const std::filesystem::path& dir, const std::filesystem::path& maps, int port) {
    std::filesystem::create_directories(dir / "tmp");
    std::filesystem::create_directories(dir / "empty");
    const std::string d = dir.string(), root = site.empty() ? d + "/empty" : site.string();
    write_file(dir / "nginx.conf",
               "daemon off;\nworker_processes 1;\npid " + d + "/nginx.pid;\nerror_log " + d +
                   "/nginx-error.log;\nevents { worker_connections 64; }\nhttp {\n  access_log off;\n"
                   "  client_body_temp_path " + d + "/tmp/body;\n  proxy_temp_path " + d +
                   "/tmp/proxy;\n  fastcgi_temp_path " + d + "/tmp/fastcgi;\n  uwsgi_temp_path " + d +
                   "/tmp/uwsgi;\n  scgi_temp_path " + d + "/tmp/scgi;\n  include " +
                   (maps / "nginx-redirects-map.conf").string() + ";\n  server {\n    listen 127.0.0.1:" +
                   std::to_string(port) + ";\n    root " + root + ";\n    include " +
                   (maps / "nginx-redirects-server.conf").string() +
                   ";\n    location / { try_files $uri $uri.html $uri/index.html =404; }\n  }\n}\n");
    return std::vector<std::string>{nginx, "-p", d, "-c", d + "/nginx.conf"};
  };
}

// Apache with the .htaccess (`htaccess`: it must be in the document root,
// which is `site`, or the maps folder when there is no site) or with the
// server-config snippet and its RewriteMap. With the .htaccess, the site's
// own rule for x.html must be in that file too (see site_htaccess_rules).
inline ServerSetup apache_server(const std::string& apache, bool htaccess, const std::filesystem::path& site = {}) {
  return [apache, htaccess, site](const std::filesystem::path& dir, const std::filesystem::path& maps, int port) {
    std::filesystem::create_directories(dir / "run");
    std::filesystem::create_directories(dir / "empty");
    const std::string d = dir.string(), modules = "/usr/lib/apache2/modules/";
    std::string conf = "ServerRoot \"" + d + "\"\nDefaultRuntimeDir \"" + d + "/run\"\nPidFile \"" + d +
                       "/run/httpd.pid\"\nLoadModule mpm_event_module " + modules + "mod_mpm_event.so\n" +
                       "LoadModule authz_core_module " + modules + "mod_authz_core.so\nLoadModule rewrite_module " +
                       modules + "mod_rewrite.so\nLoadModule dir_module " + modules +
                       "mod_dir.so\nDirectoryIndex index.html\nServerName 127.0.0.1\nListen 127.0.0.1:" +
                       std::to_string(port) + "\nErrorLog \"" + d + "/apache-error.log\"\nLogLevel warn\n";
    // As root Apache hands requests to an unprivileged user (it refuses root):
    // www-data (from the apache2 package) reads the world-readable temp folder.
    if (::geteuid() == 0) conf += "User www-data\nGroup www-data\n";
    const std::string root = !site.empty() ? site.string() : htaccess ? maps.string() : d + "/empty";
    conf += "DocumentRoot \"" + root + "\"\n<Directory \"" + root + "\">\n  AllowOverride " +
            (htaccess ? "FileInfo" : "None") + "\n  Require all granted\n</Directory>\n";
    if (!htaccess) {
      conf += "Include \"" + (maps / "apache-redirects-server.conf").string() + "\"\n";
      // The site's own: a route /x served from x.html (after the redirects).
      conf += "RewriteCond \"%{DOCUMENT_ROOT}%{REQUEST_URI}.html\" -f\nRewriteRule \"^(.+)$\" \"$1.html\" [L]\n";
    }
    write_file(dir / "apache2.conf", conf);
    return std::vector<std::string>{apache, "-d", d, "-f", d + "/apache2.conf", "-DFOREGROUND"};
  };
}

// The lines a site adds to blogshift's .htaccess to serve a route /x from x.html.
inline std::string site_htaccess_rules() {
  return "RewriteCond \"%{REQUEST_FILENAME}.html\" -f\nRewriteRule \"^(.+)$\" \"$1.html\" [L]\n";
}

inline ServerSetup caddy_server(const std::string& caddy, const std::filesystem::path& site = {}) {
  return [caddy, site](const std::filesystem::path& dir, const std::filesystem::path& maps, int port) {
    std::filesystem::create_directories(dir / "empty");
    const std::string root = site.empty() ? (dir / "empty").string() : site.string();
    write_file(dir / "Caddyfile", "{\n  admin off\n  auto_https off\n}\nhttp://127.0.0.1:" + std::to_string(port) +
                                      " {\n  bind 127.0.0.1\n  root * " + root + "\n  import " +
                                      (maps / "caddy-redirects.caddyfile").string() +
                                      "\n  try_files {path} {path}.html {path}/index.html\n  file_server\n}\n");
    return std::vector<std::string>{caddy, "run", "--config", (dir / "Caddyfile").string(), "--adapter", "caddyfile"};
  };
}

struct RunningServer {
  std::unique_ptr<ServerProcess> process;
  int port = 0;
  std::string why;  // when it did not start
};

// Starts the server (on another free port if the first is taken meanwhile).
inline RunningServer start_server(const std::string& name, const ServerSetup& setup, const std::filesystem::path& work,
                                  const std::filesystem::path& maps) {
  RunningServer s;
  for (int attempt = 0; attempt < 3 && !s.process; ++attempt) {
    s.port = free_port();
    const std::filesystem::path dir = work / (name + "-" + std::to_string(attempt));
    std::filesystem::create_directories(dir);
    const std::vector<std::string> env = {"HOME=" + dir.string(), "XDG_DATA_HOME=" + dir.string(),
                                          "XDG_CONFIG_HOME=" + dir.string()};
    s.process = std::make_unique<ServerProcess>(setup(dir, maps, s.port), (dir / "server.log").string(), env);
    if (!s.process->wait_until_listening(s.port, s.why)) s.process.reset();
  }
  return s;
}

// "http://127.0.0.1:PORT/x" -> "/x"; a relative Location stays as it is.
inline std::string location_path_of(const std::string& location, int port) {
  const std::string origin = "http://127.0.0.1:" + std::to_string(port);
  return location.rfind(origin, 0) == 0 ? location.substr(origin.size()) : location;
}

// Starts the server and requests every old URL (and its ?m=1 and ?m=0
// variants): each must answer exactly one 301 to its expected route, and
// that route must not redirect again (one hop); with `pages`, it must answer
// 200 (a page the site has).
inline void check_old_urls(const std::string& name, const ServerSetup& setup, const std::filesystem::path& work,
                           const std::filesystem::path& maps, const std::vector<OldUrl>& urls, bool pages) {
  ASSERT_FALSE(urls.empty());
  RunningServer running = start_server(name, setup, work, maps);
  ASSERT_TRUE(running.process) << name << ": " << running.why;
  const int port = running.port;

  int failures = 0;
  std::set<std::string> hops_checked;
  for (const auto& url : urls) {
    for (const char* variant : {"", "?m=1", "?m=0"}) {
      const HttpAnswer answer = http_get(port, url.request + variant);
      const bool ok = answer.status == 301 && location_path_of(answer.location, port) == url.location;
      if (!ok && ++failures <= 20)
        ADD_FAILURE() << name << ": GET " << url.request << variant << " (" << url.shape << ") answered "
                      << answer.status << " Location '" << answer.location << "', expected 301 to " << url.location;
    }
    if (hops_checked.insert(url.location).second) {
      const HttpAnswer next = http_get(port, url.location);
      const bool ok = pages ? next.status == 200 : next.status != 0 && (next.status < 300 || next.status >= 400);
      if (!ok && ++failures <= 20)
        ADD_FAILURE() << name << ": " << url.location << " (from " << url.request << ") answered " << next.status
                      << " Location '" << next.location << "'" << (pages ? ", expected 200" : ": not one hop");
    }
  }
  EXPECT_EQ(failures, 0) << name << ": " << failures << " wrong answers of " << urls.size() * 3;
  running.process->stop();
}

}  // namespace blogshift::testing
