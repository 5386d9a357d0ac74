// An ExtractSink that keeps everything in memory, for reader tests.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "extract_sink.h"

namespace blogshift::testing {

struct SkippedUnit {
  SourcePosition where;
  std::string what;
  std::string why;
};

class CollectingSink : public ExtractSink {
public:
  void blog(const BlogRecord& b) override { blogs.push_back(b); }
  void item(ItemRecord&& i) override { items.push_back(std::move(i)); }
  void asset(AssetRecord&& a) override { assets.push_back(std::move(a)); }
  void skipped(const SourcePosition& where, const std::string& what, const std::string& why) override {
    skips.push_back({where, what, why});
  }
  void problem(ProblemRecord&& p) override { problems.push_back(std::move(p)); }

  size_t count(ItemKind kind) const {
    return std::count_if(items.begin(), items.end(), [&](const ItemRecord& i) { return i.kind == kind; });
  }
  size_t count(ItemKind kind, ItemStatus status) const {
    return std::count_if(items.begin(), items.end(),
                         [&](const ItemRecord& i) { return i.kind == kind && i.status == status; });
  }
  size_t count_problems(const std::string& code) const {
    return std::count_if(problems.begin(), problems.end(), [&](const ProblemRecord& p) { return p.code == code; });
  }
  const ItemRecord* find_by_path(const std::string& path) const {
    for (const auto& i : items)
      if (i.legacy_path == path) return &i;
    return nullptr;
  }

  std::vector<BlogRecord> blogs;
  std::vector<ItemRecord> items;
  std::vector<AssetRecord> assets;
  std::vector<SkippedUnit> skips;
  std::vector<ProblemRecord> problems;
};

}  // namespace blogshift::testing
