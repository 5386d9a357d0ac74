// Blogs staged for the redirect-map tests: the sample blog or a corpus
// source run through extract and transform in-process, or a database whose
// redirects table a test fills itself; and what each old URL must answer.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "extractor.h"
#include "redirect_writers.h"
#include "staging_store.h"
#include "test_paths.h"
#include "transform_stage.h"

namespace blogshift::testing {

struct StagedBlog {
  std::filesystem::path dir;
  std::unique_ptr<StagingStore> store;

  explicit StagedBlog(const std::string& name) : dir(temp_dir(name)) {
    store = std::make_unique<StagingStore>((dir / "staging.db").string());
  }
  StagedBlog(const std::string& name, const std::vector<std::string>& sources, const TransformOptions& options = {})
      : StagedBlog(name) {
    Extractor extractor(*store, nullptr);
    for (const auto& s : sources) extractor.extract(s);
    run_transform(store->db(), options);
  }
  Database& db() { return store->db(); }

  // A row of the redirects table, as a test writes it.
  void add(const std::string& old_path, const std::string& new_route, const std::string& shape = "label") {
    db().prepare("INSERT INTO redirects (old_path, new_route, shape) VALUES (?, ?, ?)")
        .bind(1, old_path)
        .bind(2, new_route)
        .bind(3, shape)
        .run();
  }
};

// Old paths that test every format's escaping: spaces, UTF-8, quotes, "%",
// "$", braces, backslash, regex and glob metacharacters, a trailing dot, a
// placeholder-like ":b", and a target that needs encoding itself.
inline void add_awkward_paths(StagedBlog& blog) {
  blog.add("/search/label/Crème brûlée", "/tags/creme-brulee/");
  blog.add("/search/label/Kitchen Notes", "/tags/kitchen-notes/");
  blog.add("/search/label/C++", "/tags/c/");
  blog.add("/search/label/Q&A", "/tags/q-a/");
  blog.add("/search/label/say \"hi\"", "/tags/say-hi/");
  blog.add("/search/label/it's", "/tags/its/");
  blog.add("/search/label/50% off", "/tags/50-off/");
  blog.add("/search/label/a.b(c)[d]{e}^$|*+?", "/tags/regex/");
  blog.add("/search/label/back\\slash", "/tags/backslash/");
  blog.add("/search/label/C#", "/tags/c-sharp/");
  blog.add("/search/label/dollar $HOME {$HOME} {path}", "/tags/dollar/");
  blog.add("/search/label/trailing.", "/tags/trailing/");
  blog.add("/search/label/UPPER", "/tags/upper/");
  blog.add("/search/label/a:b", "/tags/a-b/");
  blog.add("/search/label/semi;colon,comma=eq@at!bang", "/tags/punct/");
  blog.add("/search/label/~tilde_under-score", "/tags/tilde/");
  blog.add("/2020/01/привет-мир.html", "/2020/01/привет-мир", "post");
  blog.add("/p/space page.html", "/space page/", "page");
  blog.add("/feeds/posts/default", "/rss.xml", "feed");
}

inline std::vector<std::string> sample_blog_sources() {
  return {fixture("sample-blog/feed.atom"), fixture("sample-blog/mirror"), fixture("sample-blog/sample-blog.warc.gz")};
}

inline std::string arborlodge_export() { return corpus("arborlodge-classic-export/blogger-export-2022-02.xml.gz"); }

// An old URL and what it must answer.
struct OldUrl {
  std::string old_path;  // decoded, as in the table
  std::string request;   // as a browser sends it
  std::string location;  // the Location expected (root-relative)
  std::string shape;
};

inline std::vector<OldUrl> old_urls(Database& db) {
  std::vector<OldUrl> out;
  auto q = db.prepare("SELECT old_path, new_route, shape FROM redirects ORDER BY old_path");
  while (q.step())
    out.push_back({q.column_text(0), request_path(q.column_text(0)), location_path(q.column_text(1)), q.column_text(2)});
  return out;
}

}  // namespace blogshift::testing
