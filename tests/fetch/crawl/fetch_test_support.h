// What the fetch tests share: the server, the blogshift command line that
// reaches it, and the WARC read back.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "blogger_server.h"
#include "run_command.h"
#include "test_paths.h"
#include "warc/http_response.h"
#include "warc/warc_record_reader.h"

namespace blogshift::testing {

inline const std::string kBlog = "https://kettleandcrumb.blogspot.com/";

// The one WARC file fetch wrote under OUT/sources/ (prefix: its host).
inline std::string fetched_warc(const std::filesystem::path& out, const std::string& prefix = "kettleandcrumb.blogspot.com-") {
  std::string found;
  if (!std::filesystem::is_directory(out / "sources")) return found;
  for (const auto& e : std::filesystem::directory_iterator(out / "sources")) {
    const std::string name = e.path().filename().string();
    if (name.rfind(prefix, 0) == 0 && name.ends_with(".warc.gz") &&
        (prefix.find("-images") != std::string::npos || name.find("-images-") == std::string::npos)) {
      EXPECT_TRUE(found.empty()) << "two WARC files: " << found << " and " << e.path();
      found = e.path().string();
    }
  }
  return found;
}

struct ReadBack {
  std::vector<WarcRecord> records;
  std::map<std::string, int> status;  // response target -> its last HTTP status
  int damaged = 0;
  int count(const std::string& type) const {
    return static_cast<int>(std::count_if(records.begin(), records.end(), [&](const WarcRecord& r) { return r.type == type; }));
  }
  bool ok(const std::string& url) const {
    auto it = status.find(url);
    return it != status.end() && it->second == 200;
  }
};

inline ReadBack read_back(const std::string& path) {
  ReadBack out;
  WarcRecordReader reader(path);
  WarcRead read;
  while (reader.next(read)) {
    if (read.damage) ++out.damaged;
    if (!read.record) continue;
    if (read.record->type == "response") {
      std::string error;
      if (auto head = parse_http_head(read.record->block, error)) out.status[read.record->target_uri] = head->status;
    }
    out.records.push_back(std::move(*read.record));
  }
  return out;
}

inline CommandResult run_blogshift(const std::string& args) { return run_command("cli/blogshift", args); }

inline std::string q(const std::filesystem::path& p) { return shell_quote(p.string()); }

// Every file under `root`, relative path -> bytes.
inline std::map<std::string, std::string> tree(const std::filesystem::path& root) {
  std::map<std::string, std::string> out;
  if (!std::filesystem::is_directory(root)) return out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(root))
    if (e.is_regular_file()) out[std::filesystem::relative(e.path(), root).string()] = read_file(e.path());
  return out;
}

// The sample blog's twelve live posts (fixtures/sample-blog/README.md).
inline std::vector<std::string> sample_post_paths() {
  return {"/2019/02/hello-from-kettle-crumb.html",
          "/2019/06/strawberry-galette-summer-on-plate.html",
          "/2019/11/late-night-cardamom-buns.html",
          "/2020/04/the-no-knead-loaf-that-saved-lockdown.html",
          "/2020/08/creme-brulee-for-two.html",
          "/2020/12/tbt-my-grandmothers-gingerbread.html",
          "/2021/03/sourdough.html",
          "/2021/03/sourdough_12.html",
          "/2021/10/cups-vs-grams-why-i-weigh-everything.html",
          "/2022/02/burnt-sugar-creme-brulee-tart.html",
          "/2022/09/rye-caraway-sandwich-loaf.html",
          "/2023/05/lemon-possets-with-bruleed-top.html"};
}

}  // namespace blogshift::testing
