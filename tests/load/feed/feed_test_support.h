// The sample blog staged for the feed tests, the feed load writes for it,
// and what the feed must hold, read independently: the live posts' entry
// ids straight from the sample's feed.atom (libxml2), newest first.
#pragma once

#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "extractor.h"
#include "load_stage.h"
#include "staging_store.h"
#include "temp_file.h"
#include "test_paths.h"
#include "transform_stage.h"

namespace blogshift::testing {

inline std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The texts an XPath expression selects in `xml` (prefixes a: Atom,
// b: Blogger's 2018 namespace).
inline std::vector<std::string> xpath_texts(const std::string& xml, const std::string& expression) {
  std::vector<std::string> out;
  std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)> doc(
      xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "feed.xml", nullptr, XML_PARSE_NONET), &xmlFreeDoc);
  if (!doc) {
    ADD_FAILURE() << "not well-formed XML:\n" << xml.substr(0, 2000);
    return out;
  }
  std::unique_ptr<xmlXPathContext, void (*)(xmlXPathContextPtr)> ctx(xmlXPathNewContext(doc.get()),
                                                                     &xmlXPathFreeContext);
  xmlXPathRegisterNs(ctx.get(), BAD_CAST "a", BAD_CAST "http://www.w3.org/2005/Atom");
  xmlXPathRegisterNs(ctx.get(), BAD_CAST "b", BAD_CAST "http://schemas.google.com/blogger/2018");
  std::unique_ptr<xmlXPathObject, void (*)(xmlXPathObjectPtr)> result(
      xmlXPathEvalExpression(BAD_CAST expression.c_str(), ctx.get()), &xmlXPathFreeObject);
  if (!result || !result->nodesetval) return out;
  for (int i = 0; i < result->nodesetval->nodeNr; ++i) {
    xmlChar* text = xmlNodeGetContent(result->nodesetval->nodeTab[i]);
    out.emplace_back(text ? reinterpret_cast<const char*>(text) : "");
    xmlFree(text);
  }
  return out;
}

// The sample blog's live posts as its export has them: (published, id), newest first.
inline std::vector<std::string> sample_live_post_ids() {
  const std::string atom = read_all(fixture("sample-blog/feed.atom"));
  // A live post Blogger trashed (blogger:trashed) is gone from the blog.
  const std::string live = "//a:entry[b:type='POST' and b:status='LIVE' and not(b:trashed)]";
  const auto ids = xpath_texts(atom, live + "/a:id");
  const auto published = xpath_texts(atom, live + "/a:published");
  EXPECT_EQ(ids.size(), published.size());
  std::vector<std::pair<std::string, std::string>> posts;
  for (size_t i = 0; i < ids.size() && i < published.size(); ++i) posts.emplace_back(published[i], ids[i]);
  std::sort(posts.rbegin(), posts.rend());
  std::vector<std::string> out;
  for (const auto& p : posts) out.push_back(p.second);
  return out;
}

class FeedSite {
public:
  FeedSite(const std::string& name, const std::string& layout, const std::string& feed_route,
           const std::string& source = fixture("sample-blog/feed.atom"))
      : out_(temp_dir(name) / "site") {
    std::filesystem::create_directories(out_ / ".blogshift");
    store_ = std::make_unique<StagingStore>((out_ / ".blogshift" / "staging.db").string());
    Extractor extractor(*store_, nullptr);
    extractor.extract(source);
    TransformOptions options;
    options.layout = layout;
    options.feed_route = feed_route;
    run_transform(store_->db(), options);
  }
  ~FeedSite() {
    store_.reset();
    std::error_code ec;
    std::filesystem::remove_all(out_.parent_path(), ec);
  }
  FeedSite(const FeedSite&) = delete;
  FeedSite& operator=(const FeedSite&) = delete;

  LoadReport load(int64_t entries = 25, const std::string& site_url = "https://new.example.org") {
    LoadOptions options;
    options.out_dir = out_.string();
    options.redirect_formats = {"none"};
    options.archive_formats = {"none"};
    options.site_url = site_url;
    options.feed_entries = entries;
    options.epoch = 1700000000;
    return run_load(store_->db(), options);
  }
  Database& db() { return store_->db(); }
  const std::filesystem::path& out() const { return out_; }

private:
  std::filesystem::path out_;
  std::unique_ptr<StagingStore> store_;
};

}  // namespace blogshift::testing
