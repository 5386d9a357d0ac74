// Inside the redirect-map writers: the table as every writer sees it, the
// URL encodings they share, and one function per format that renders its
// files in memory (redirect_maps.cpp writes them to disk). Each format's
// function lives in the file named after it.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "redirect_maps.h"

namespace blogshift {

struct RedirectEntry {
  std::string old_path;  // percent-decoded, as servers match it ("/search/label/Crème brûlée")
  std::string target;    // the Location to send: percent-encoded, absolute when a base URL was given
  std::string shape;
};

struct RedirectSet {
  std::vector<RedirectEntry> entries;     // sorted by old_path (bytes)
  std::map<std::string, int64_t> shapes;  // entries per shape
  std::string source_host;                // for the Cloudflare CSV; may be empty
};

// One file a format renders.
struct MapFile {
  std::string name;     // file name inside the output folder
  std::string content;
  int64_t rules = 0;
  std::vector<std::string> warnings;
};

// A decoded path as a browser sends it: UTF-8 bytes, controls, space and
// " # % < > ? ` { } percent-encoded (the WHATWG path set, plus "%").
std::string request_path(std::string_view decoded_path);
// A route for a Location header: every byte but A-Z a-z 0-9 - . _ ~ / encoded,
// so no format's syntax ($, %, {, :, *) can reach it unescaped.
std::string location_path(std::string_view route);

// "# covers 95 old paths: post 11, page 1, ..." with `comment` before each line.
std::string coverage_comment(const RedirectSet& set, std::string_view comment);
// The query-string note for formats that match by path and drop the query.
std::string query_comment(std::string_view comment, std::string_view how);

std::vector<MapFile> render_nginx(const RedirectSet& set);
std::vector<MapFile> render_apache(const RedirectSet& set, const std::string& map_path);
std::vector<MapFile> render_netlify(const RedirectSet& set);
std::vector<MapFile> render_caddy(const RedirectSet& set);
std::vector<MapFile> render_cloudflare_csv(const RedirectSet& set, const std::string& base_url);
std::vector<MapFile> render_json(const RedirectSet& set);

}  // namespace blogshift
