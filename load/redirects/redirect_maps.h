// Redirect maps: the `redirects` table transform built (one row per old URL
// path of the blog, see transform/links/redirect_table.h) written in the
// formats web servers and hosts read. Reads only the database.
//
//   format          files (in `dir`)
//   nginx           nginx-redirects-map.conf (http context: a `map $uri
//                   $blogshift_redirect`), nginx-redirects-server.conf
//                   (server context: `return 301`); both for `include`
//   apache          .htaccess (mod_rewrite rules, for the document root);
//                   apache-redirects.txt (a RewriteMap text file) and
//                   apache-redirects-server.conf (server or virtual-host
//                   context: the RewriteMap and the rules using it, since
//                   RewriteMap cannot live in .htaccess); for `Include`
//   netlify         _redirects (Netlify and Cloudflare Pages)
//   caddy           caddy-redirects.caddyfile (`redir` directives; `import`
//                   it inside a site block)
//   cloudflare-csv  cloudflare-bulk-redirects.csv (Bulk Redirects list import)
//   json            redirects.json ({"/2023/07/x.html": "/2023/07/x"}, the
//                   shape of python-insider-blog's src/data/redirects.json)
//
// Every file is sorted by old path, written atomically, byte-identical for
// the same table and options, and (where the format has comments) opens with
// what it covers (rules per shape) and the platform limits it runs into.
// Query strings (?m=1, ?m=0, ?alt=rss, ?max-results=N) match by path alone
// in every format; nginx, Apache, Caddy and Cloudflare's CSV drop them from
// the Location; in `_redirects` the host decides (Netlify passes them on),
// and redirects.json leaves it to whatever reads it (each header says so).
// JSON keys are decoded paths, `_redirects` and CSV sources are encoded as
// browsers send them; targets are always percent-encoded.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "sqlite_db.h"

namespace blogshift {

struct RedirectMapOptions {
  // Formats to write: nginx, apache, netlify, caddy, cloudflare-csv, json.
  // Empty: all of them.
  std::vector<std::string> formats;
  // The new site's base URL ("https://blog.example.org"). Given, every
  // target is absolute; empty (the default), targets are root-relative
  // ("/2023/07/x"), except in the Cloudflare CSV, which needs absolute ones:
  // "https://" + the source host.
  std::string base_url;
  // The host the old URLs are requested on, for the Cloudflare CSV's source
  // column (Bulk Redirects work on a domain in your Cloudflare account).
  // Empty (the default): the blog's custom domain from blog_hosts, else its
  // first host.
  std::string source_host;
  // Where apache-redirects.txt will be on the server, for the RewriteMap line
  // of apache-redirects-server.conf. Empty (the default): its absolute path
  // where it was written.
  std::string apache_map_path;
};

struct WrittenRedirectMap {
  std::string path;    // the file written
  std::string format;  // nginx, apache, ...
  int64_t rules = 0;   // redirect rules (or map entries) in it
};

struct RedirectMapsReport {
  std::vector<WrittenRedirectMap> files;   // in the order written
  std::map<std::string, int64_t> shapes;   // table rows per shape (post, label, archive-day...)
  int64_t redirects = 0;                   // table rows written out
  std::vector<std::string> warnings;       // platform limits exceeded, rows no format could carry...
};

// The format names, in the order they are written.
const std::vector<std::string>& redirect_map_formats();

// Writes the chosen formats into `dir` (created if needed). Throws UsageError
// for an unknown format or a malformed base URL or host, FatalError when a
// file cannot be written.
RedirectMapsReport write_redirect_maps(Database& db, const std::string& dir, const RedirectMapOptions& options);

}  // namespace blogshift
