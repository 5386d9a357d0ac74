#include "link_rewriter.h"

#include <cctype>

#include "metadata/post_metadata.h"
#include "html/html_serializer.h"
#include "text.h"
#include "url.h"

namespace blogshift {

namespace {


// "/a/b/c.html" + "../x.html" -> "/a/x.html".
std::string resolve_relative(const std::string& base_path, const std::string& relative) {
  std::vector<std::string> parts;
  auto split_into = [&](std::string_view path) {
    size_t start = 0;
    while (start <= path.size()) {
      size_t end = path.find('/', start);
      if (end == std::string_view::npos) end = path.size();
      std::string_view part = path.substr(start, end - start);
      if (part == "..") {
        if (!parts.empty()) parts.pop_back();
      } else if (!part.empty() && part != ".") {
        parts.emplace_back(part);
      }
      start = end + 1;
    }
  };
  std::string_view base = base_path;
  split_into(base.substr(0, base.rfind('/') + 1));
  split_into(relative);
  std::string out;
  for (const auto& p : parts) out += "/" + p;
  if (out.empty()) out = "/";
  if (!relative.empty() && relative.back() == '/' && out.back() != '/') out += '/';
  return out;
}

bool has_scheme(const std::string& url) {
  auto colon = url.find(':');
  if (colon == std::string::npos || colon == 0) return false;
  for (size_t i = 0; i < colon; ++i) {
    char c = url[i];
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return false;
  }
  return true;
}


// The lookups of rewrite_links(document, site, path): the site's own maps.
class MapLookup final : public SiteLookup {
public:
  explicit MapLookup(const SiteMap& site) : site_(site) {}
  std::optional<std::string> route(const std::string& old_path) override {
    auto it = site_.routes.find(old_path);
    return it == site_.routes.end() ? std::nullopt : std::optional<std::string>(it->second);
  }
  std::optional<HeldAsset> asset(const std::string& key) override {
    auto it = site_.assets.find(key);
    return it == site_.assets.end() ? std::nullopt : std::optional<HeldAsset>(it->second);
  }

private:
  const SiteMap& site_;
};

class Rewriter {
public:
  Rewriter(const SiteMap& site, SiteLookup& lookup, const std::string& legacy_path, const std::string& local_prefix)
      : site_(site), lookup_(lookup), legacy_path_(legacy_path), local_prefix_(local_prefix) {}

  void visit(DocNode& root) {
    std::vector<DocNode*> stack{&root};
    while (!stack.empty()) {
      DocNode* node = stack.back();
      stack.pop_back();
      if (node->kind == DocKind::Link) link(*node);
      if (node->kind == DocKind::Image) image(*node);
      if (node->kind == DocKind::RawBlock || node->kind == DocKind::RawInline) raw(*node);
      for (auto it = node->children.rbegin(); it != node->children.rend(); ++it) stack.push_back(it->get());
    }
  }

  RewriteResult result;

private:
  // The old-blog path of a URL, or nothing when it points elsewhere.
  std::optional<UrlParts> old_blog_url(const std::string& url) const {
    if (url.empty() || url[0] == '#') return std::nullopt;
    if (url.rfind("//", 0) == 0 || has_scheme(url)) {
      UrlParts parts = parse_url(url);
      if ((parts.scheme.empty() || parts.scheme == "http" || parts.scheme == "https") && site_.is_old_host(parts.host))
        return parts;
      return std::nullopt;
    }
    // Relative to the post's own page.
    UrlParts parts = parse_url(url);
    if (parts.path.empty() || parts.path[0] != '/') parts.path = resolve_relative(legacy_path_, parts.path);
    return parts;
  }

  // The new route for an old-blog path, or "" when there is none.
  std::string route_for_old(const UrlParts& parts) {
    const std::string& path = parts.path;
    if (auto route = lookup_.route(path)) return std::move(*route);
    if (path == "/" || path == "/index.html") return "/";
    if (path.rfind("/search/label/", 0) == 0) {
      std::string label = percent_decode(path.substr(14));
      if (label.size() > 5 && label.compare(label.size() - 5, 5, ".html") == 0) label.resize(label.size() - 5);
      return tag_route_for(site_.tag_route_pattern, label);
    }
    // Date archives go to the archive pages (the same routes the redirect
    // table sends them to): /2019/, /2019/06/, and /2019_06_01_archive.html
    // (Blogger's dated archive file) to its month.
    std::string_view p = path;
    const bool year = p.size() == 6 && p[0] == '/' && all_ascii_digits(p.substr(1, 4)) && p[5] == '/';
    const bool month = p.size() == 9 && p[0] == '/' && all_ascii_digits(p.substr(1, 4)) && p[5] == '/' &&
                       all_ascii_digits(p.substr(6, 2)) && p[8] == '/';
    if (year) return archive_route_for(site_.archive_year_route_pattern, p.substr(1, 4), "");
    if (month) return archive_route_for(site_.archive_month_route_pattern, p.substr(1, 4), p.substr(6, 2));
    if (p.size() == 24 && p[0] == '/' && p[5] == '_' && p[8] == '_' && p.substr(11) == "_archive.html" &&
        all_ascii_digits(p.substr(1, 4)) && all_ascii_digits(p.substr(6, 2)))
      return archive_route_for(site_.archive_month_route_pattern, p.substr(1, 4), p.substr(6, 2));
    return {};
  }

  void link(DocNode& node) {
    LinkOutcome o{"link", node.url, "external", "", 0};
    if (auto parts = old_blog_url(node.url)) {
      std::string route = route_for_old(*parts);
      if (!route.empty()) {
        std::string fragment = parts->fragment == "more" ? "" : parts->fragment;
        node.url = route + (fragment.empty() ? "" : "#" + fragment);
        o.outcome = "rewritten";
        o.target = node.url;
      } else if (auto held = held_file(node.url); held && !ascii_lower(held->content_type).starts_with("text/html")) {
        local(node, *held, "attachment", o);
      } else {
        o.outcome = "missing";
        node.url = on_old_blog(node.url);
      }
    } else if (auto held = held_file(node.url); held && is_attachment(*held)) {
      local(node, *held, "attachment", o);
    }
    record(o, node.url);
  }

  // Raw HTML kept as it is (a complex table, an embed) still gets its links
  // and images rewritten: its href= and src= attribute values, one by one.
  void raw(DocNode& node) {
    std::string& html = node.text;
    for (size_t at = 0; (at = find_url_attribute(html, at)) != std::string::npos;) {
      const bool is_src = html.compare(at, 3, "src") == 0;
      size_t value_start = html.find_first_of("\"'", at);
      const char quote = html[value_start];
      size_t value_end = html.find(quote, value_start + 1);
      if (value_end == std::string::npos) break;
      DocNode probe(is_src ? DocKind::Image : DocKind::Link);
      probe.url = unescape_attribute(html.substr(value_start + 1, value_end - value_start - 1));
      const std::string before = probe.url;
      if (is_src && !html_tag_is(html, at, "img")) {  // iframe/script src: external, left alone
        at = value_end;
        continue;
      }
      if (is_src) image(probe);
      else link(probe);
      if (probe.url != before) {
        const std::string escaped = escape_html_attribute(probe.url);
        html.replace(value_start + 1, value_end - value_start - 1, escaped);
        value_end = value_start + 1 + escaped.size();
      }
      at = value_end;
    }
  }

  // The next " href=" or " src=" (any case, quoted value) at or after `from`.
  static size_t find_url_attribute(const std::string& html, size_t from) {
    for (size_t i = from; i + 5 < html.size(); ++i) {
      if (html[i] != ' ' && html[i] != '\t' && html[i] != '\n') continue;
      size_t name = i + 1;
      size_t len = html.compare(name, 4, "href") == 0 ? 4 : html.compare(name, 3, "src") == 0 ? 3 : 0;
      if (len == 0) continue;
      size_t eq = name + len;
      while (eq < html.size() && html[eq] == ' ') ++eq;
      if (eq >= html.size() || html[eq] != '=') continue;
      size_t q = eq + 1;
      while (q < html.size() && html[q] == ' ') ++q;
      if (q < html.size() && (html[q] == '"' || html[q] == '\'')) return name;
    }
    return std::string::npos;
  }

  // Whether the attribute at `at` belongs to a <tag ...> of that name.
  static bool html_tag_is(const std::string& html, size_t at, const char* tag) {
    size_t open = html.rfind('<', at);
    if (open == std::string::npos) return false;
    const std::string name(tag);
    return ascii_lower(html.substr(open + 1, name.size())) == name &&
           (open + 1 + name.size() < html.size()) &&
           std::isspace(static_cast<unsigned char>(html[open + 1 + name.size()]));
  }

  static std::string unescape_attribute(const std::string& value) {
    std::string out;
    for (size_t i = 0; i < value.size(); ++i) {
      if (value.compare(i, 5, "&amp;") == 0) {
        out += '&';
        i += 4;
      } else if (value.compare(i, 6, "&quot;") == 0) {
        out += '"';
        i += 5;
      } else {
        out += value[i];
      }
    }
    return out;
  }

  void image(DocNode& node) {
    LinkOutcome o{"image", node.url, "remote", "", 0};
    if (auto held = held_file(node.url)) local(node, *held, "image", o);
    else node.url = on_old_blog(node.url);
    record(o, node.url);
  }

  // A relative reference left pointing at the old blog, made absolute there:
  // from the new route (another depth: /2014/10/x.html is now
  // /2014/10/x/) the relative form would name another file.
  std::string on_old_blog(const std::string& url) const {
    if (url.empty() || url[0] == '#' || has_scheme(url) || url.starts_with("//") || site_.hosts.empty()) return url;
    return "https://" + *site_.hosts.begin() + resolve_relative(legacy_path_, url);
  }

  static bool is_attachment(const HeldAsset& held) {
    std::string type = ascii_lower(held.content_type);
    return !type.starts_with("text/html") && !type.empty();
  }

  std::optional<HeldAsset> held_file(const std::string& url) {
    if (url.empty() || url[0] == '#') return std::nullopt;
    std::string absolute = url;
    if (!has_scheme(url) && url.rfind("//", 0) != 0) {
      // A relative reference inside a crawled page: resolve it on the old blog.
      if (site_.hosts.empty()) return std::nullopt;
      absolute = "//" + *site_.hosts.begin() + resolve_relative(legacy_path_, url);
    }
    return lookup_.asset(asset_key(absolute));
  }

  void local(DocNode& node, const HeldAsset& held, const char* stem, LinkOutcome& o) {
    auto [it, fresh] = names_.emplace(held.asset_id, "");
    if (fresh) {
      int& counter = counters_[stem];
      it->second = std::string(stem) + "-" + std::to_string(++counter) + "." + extension_for(held.content_type, node.url);
      result.files.emplace_back(it->second, held.asset_id);
    }
    node.url = local_prefix_ + it->second;
    o.outcome = "local";
    o.target = it->second;
    o.asset_id = held.asset_id;
  }

  void record(LinkOutcome& o, const std::string& new_url) {
    if (o.url != new_url) result.url_map[o.url] = new_url;
    result.links.push_back(std::move(o));
  }

  const SiteMap& site_;
  SiteLookup& lookup_;
  const std::string& legacy_path_;
  const std::string& local_prefix_;
  std::map<int64_t, std::string> names_;
  std::map<std::string, int> counters_;
};

}  // namespace

bool SiteMap::is_old_host(const std::string& host) const {
  if (hosts.count(host)) return true;
  // Country-code blogspot hosts (name.blogspot.de, name.blogspot.co.uk) and www. variants.
  std::string bare = host.rfind("www.", 0) == 0 ? host.substr(4) : host;
  if (hosts.count(bare) || hosts.count("www." + bare)) return true;
  auto dot = bare.find(".blogspot.");
  if (dot == std::string::npos) return false;
  return hosts.count(bare.substr(0, dot) + ".blogspot.com") > 0;
}

std::string extension_for(const std::string& content_type, const std::string& url) {
  std::string type = ascii_lower(content_type.substr(0, content_type.find(';')));
  if (type == "image/jpeg" || type == "image/jpg") return "jpg";
  if (type == "image/png") return "png";
  if (type == "image/gif") return "gif";
  if (type == "image/webp") return "webp";
  if (type == "image/svg+xml") return "svg";
  if (type == "image/bmp") return "bmp";
  if (type == "application/pdf") return "pdf";
  std::string path = url_path(url);
  auto dot = path.rfind('.');
  auto slash = path.rfind('/');
  if (dot != std::string::npos && (slash == std::string::npos || dot > slash)) {
    std::string ext = ascii_lower(path.substr(dot + 1));
    bool ok = !ext.empty() && ext.size() <= 5;
    for (char c : ext) ok = ok && std::isalnum(static_cast<unsigned char>(c));
    if (ok) return ext;
  }
  return "bin";
}

std::string asset_key(const std::string& url) {
  UrlParts parts = parse_url(url);
  std::string host = parts.host;
  std::string path = parts.path;
  const bool bp = host.ends_with(".bp.blogspot.com");
  const bool google = host == "blogger.googleusercontent.com" ||
                      (host.rfind("lh", 0) == 0 && host.find(".googleusercontent.com") != std::string::npos);
  if (bp || google) {
    host = bp ? "bp.blogspot.com" : host.rfind("lh", 0) == 0 ? "lh.googleusercontent.com" : host;
    // Size segments (/s320/, /w400-h300/, /s72-c/) and =s1600 style suffixes.
    std::vector<std::string> segments;
    size_t start = 1;
    while (start <= path.size()) {
      size_t end = path.find('/', start);
      if (end == std::string::npos) end = path.size();
      std::string seg = path.substr(start, end - start);
      const bool size_seg = !seg.empty() && (seg[0] == 's' || seg[0] == 'w' || seg[0] == 'h') && seg.size() < 16 &&
                            std::isdigit(static_cast<unsigned char>(seg.size() > 1 ? seg[1] : 'x')) &&
                            seg.find('.') == std::string::npos;
      segments.push_back(size_seg && end != path.size() ? std::string("SIZE") : seg);
      start = end + 1;
    }
    path.clear();
    for (const auto& s : segments) path += "/" + s;
    if (auto eq = path.rfind('='); eq != std::string::npos && path.find('/', eq) == std::string::npos) path.resize(eq);
  }
  return host + path + (parts.query.empty() ? "" : "?" + parts.query);
}

RewriteResult rewrite_links(DocNode& document, const SiteMap& site, const std::string& legacy_path,
                            const std::string& local_prefix) {
  MapLookup lookup(site);
  return rewrite_links(document, site, lookup, legacy_path, local_prefix);
}

RewriteResult rewrite_links(DocNode& document, const SiteMap& site, SiteLookup& lookup,
                            const std::string& legacy_path, const std::string& local_prefix) {
  Rewriter rewriter(site, lookup, legacy_path, local_prefix);
  rewriter.visit(document);
  return std::move(rewriter.result);
}

}  // namespace blogshift
