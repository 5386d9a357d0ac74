#include "feed_entries.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "markdown/cmark_render.h"

namespace blogshift {

namespace {

bool all_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The description field of a document's front matter ("---\n...---\n").
std::string description_of(const std::string& front_matter) {
  std::string yaml = front_matter;
  if (yaml.rfind("---\n", 0) == 0) yaml.erase(0, 4);
  if (const size_t end = yaml.rfind("---"); end != std::string::npos) yaml.erase(end);
  try {
    const YAML::Node node = YAML::Load(yaml);
    if (node.IsMap() && node["description"] && node["description"].IsScalar())
      return node["description"].as<std::string>();
  } catch (const YAML::Exception&) {
    // Front matter blogshift wrote always parses; one that does not has no summary.
  }
  return {};
}

std::string joined(const std::string& site_url, const std::string& route) {
  std::string base = site_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + route;
}

}  // namespace

std::string old_entry_id(const std::string& blog_id, const std::string& post_id, const std::string& host,
                         const std::string& legacy_path) {
  if (all_digits(blog_id) && all_digits(post_id)) return "tag:blogger.com,1999:blog-" + blog_id + ".post-" + post_id;
  if (!host.empty() && !legacy_path.empty() && legacy_path.front() == '/') return "https://" + host + legacy_path;
  return {};
}

FeedChannel read_feed(Database& db, const std::string& site_url, const std::string& feed_route, int64_t limit) {
  FeedChannel channel;
  channel.site_link = joined(site_url, "/");
  channel.self_link = feed_route.find("://") != std::string::npos ? feed_route : joined(site_url, feed_route);
  std::string blog_id;
  {
    // The blog most posts belong to (a staging database holds one blog).
    auto blog = db.prepare(
        "SELECT b.id, COALESCE(b.title, '') FROM blogs b JOIN items i ON i.blog_id = b.id AND i.kind = 'post'"
        " GROUP BY b.id ORDER BY COUNT(*) DESC, b.id LIMIT 1");
    if (blog.step()) {
      blog_id = blog.column_text(0);
      channel.title = blog.column_text(1);
    }
  }
  if (all_digits(blog_id)) channel.id = "tag:blogger.com,1999:blog-" + blog_id;
  auto posts = db.prepare(
      "SELECT i.id, i.blog_id, COALESCE(i.blogger_id, ''), COALESCE(i.title, ''), COALESCE(i.published_utc, ''),"
      " COALESCE(i.updated_utc, ''), COALESCE(a.name, ''), COALESCE(a.uri, ''), d.route, d.front_matter, d.markdown,"
      " COALESCE(i.legacy_path, ''),"
      " COALESCE((SELECT host FROM blog_hosts h WHERE h.blog_id = i.blog_id ORDER BY length(host), host LIMIT 1), '')"
      " FROM documents d JOIN items i ON i.id = d.item_id LEFT JOIN authors a ON a.id = i.author_id"
      " WHERE d.kind = 'post' AND i.status = 'LIVE'"
      " ORDER BY i.published_utc DESC, i.id DESC LIMIT ?");
  auto labels = db.prepare(
      "SELECT l.name FROM item_labels il JOIN labels l ON l.id = il.label_id WHERE il.item_id = ? ORDER BY l.name");
  posts.bind(1, limit);
  while (posts.step()) {
    FeedEntry e;
    e.title = posts.column_text(3);
    e.published = posts.column_text(4);
    e.updated = posts.column_text(5).empty() ? e.published : posts.column_text(5);
    e.author_name = posts.column_text(6);
    e.author_uri = posts.column_text(7);
    e.link = joined(site_url, posts.column_text(8));
    e.summary = description_of(posts.column_text(9));
    e.content_html = render_commonmark_to_html(posts.column_text(10));
    e.id = old_entry_id(posts.column_text(1), posts.column_text(2), posts.column_text(12), posts.column_text(11));
    if (e.id.empty()) e.id = e.link;
    labels.bind(1, posts.column_int(0));
    while (labels.step()) e.categories.push_back(labels.column_text(0));
    labels.reset();
    channel.updated = std::max(channel.updated, e.updated);
    channel.entries.push_back(std::move(e));
  }
  if (channel.id.empty()) channel.id = channel.self_link;
  return channel;
}

}  // namespace blogshift
