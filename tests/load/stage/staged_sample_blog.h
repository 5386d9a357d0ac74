// The sample blog staged (extracted with its export, mirror and WARC, then
// transformed with comments) into OUT/.blogshift/staging.db of a fresh
// folder, for tests that run the load stage on it in-process.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "extractor.h"
#include "load_stage.h"
#include "staging_store.h"
#include "temp_file.h"
#include "test_paths.h"
#include "transform_stage.h"

namespace blogshift::testing {

class StagedSampleBlog {
public:
  explicit StagedSampleBlog(const std::string& name) : out_(temp_dir(name) / "site") {
    std::filesystem::create_directories(out_ / ".blogshift");
    store_ = std::make_unique<StagingStore>((out_ / ".blogshift" / "staging.db").string());
    Extractor extractor(*store_, nullptr);
    for (const char* source : {"sample-blog/feed.atom", "sample-blog/mirror", "sample-blog/sample-blog.warc.gz"})
      extractor.extract(fixture(source));
    TransformOptions options;
    options.comments_file = true;
    run_transform(store_->db(), options);
  }
  ~StagedSampleBlog() {
    store_.reset();
    std::error_code ec;
    std::filesystem::remove_all(out_.parent_path(), ec);
  }
  StagedSampleBlog(const StagedSampleBlog&) = delete;
  StagedSampleBlog& operator=(const StagedSampleBlog&) = delete;

  // run_load with these formats ({} = all, {"none"} = none).
  LoadReport load(std::vector<std::string> redirects, std::vector<std::string> archives) {
    LoadOptions options;
    options.out_dir = out_.string();
    options.redirect_formats = std::move(redirects);
    options.archive_formats =
        archives.empty() ? std::vector<std::string>{"tar.gz", "tar.zst", "zip", "bagit", "warc"} : std::move(archives);
    options.epoch = 1700000000;
    return run_load(store_->db(), options);
  }
  // Every row of `outputs`: path -> kind.
  std::map<std::string, std::string> outputs() {
    std::map<std::string, std::string> rows;
    auto q = store_->db().prepare("SELECT path, kind FROM outputs");
    while (q.step()) rows[q.column_text(0)] = q.column_text(1);
    return rows;
  }
  Database& db() { return store_->db(); }
  const std::filesystem::path& out() const { return out_; }
  std::filesystem::path operator/(const std::string& part) const { return out_ / part; }

private:
  std::filesystem::path out_;
  std::unique_ptr<StagingStore> store_;
};

}  // namespace blogshift::testing
