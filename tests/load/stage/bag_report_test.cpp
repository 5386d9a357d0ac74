// The copy of the report inside the bag is written after every other output
// was verified, so it says they are; it names the bag that holds it as
// verified on its own. The report beside the outputs lists the bag verified.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>

#include "bag_verifier.h"
#include "staged_sample_blog.h"

using namespace blogshift;
using namespace blogshift::testing;

TEST(BagReport, TheBagsCopySaysTheOtherArchivesVerified) {
  StagedSampleBlog blog("bag-report");
  const LoadReport load = blog.load({}, {});
  for (const auto& w : load.warnings) ASSERT_EQ(w.find("does not verify"), std::string::npos) << w;
  ASSERT_TRUE(verify_bag((blog / "archives/bag").string()).ok);

  const YAML::Node inner = YAML::LoadFile((blog / "archives/bag/data/report.json").string());
  const YAML::Node archives = inner["archives"];
  EXPECT_EQ(archives["total"].as<int64_t>(), 5);  // tar.gz, tar.zst, zip, WARC, CDXJ: not the bag itself
  EXPECT_EQ(archives["verified"].as<int64_t>(), 5);
  EXPECT_EQ(archives["failed"].as<int64_t>(), 0);
  for (const auto& item : archives["items"]) {
    EXPECT_NE(item["kind"].as<std::string>(), "bagit");
    EXPECT_EQ(item["verified"].as<std::string>(), "ok") << item["path"].as<std::string>();
  }
  for (const auto& map : inner["redirects"]["maps"])
    EXPECT_EQ(map["verified"].as<std::string>(), "ok") << map["path"].as<std::string>();
  EXPECT_EQ(archives["inside_bag"]["path"].as<std::string>(), "archives/bag");
  EXPECT_EQ(archives["inside_bag"]["verified"].as<std::string>(), "separately");
  const std::string verdict = inner["verdict"].as<std::string>();
  EXPECT_EQ(verdict.find("not verified"), std::string::npos) << verdict;
  EXPECT_NE(verdict.find("all 5 archives verified (the bag holding this copy of the report is verified on its own)"),
            std::string::npos)
      << verdict;
  EXPECT_NE(read_file(blog / "archives/bag/data/report.html").find("class=\"inside-bag\""), std::string::npos);

  // The report beside the outputs: six of them, the bag among them, all verified.
  const YAML::Node outer = YAML::LoadFile((blog / "report.json").string());
  EXPECT_EQ(outer["archives"]["total"].as<int64_t>(), 6);
  EXPECT_EQ(outer["archives"]["verified"].as<int64_t>(), 6);
  EXPECT_TRUE(outer["archives"]["inside_bag"].IsNull());
  EXPECT_EQ(outer["switch_off"].as<bool>(), inner["switch_off"].as<bool>());
}

TEST(BagReport, ABagAloneIsNotReportedMissing) {
  StagedSampleBlog blog("bag-report-alone");
  blog.load({}, {"bagit"});
  const YAML::Node inner = YAML::LoadFile((blog / "archives/bag/data/report.json").string());
  EXPECT_EQ(inner["archives"]["total"].as<int64_t>(), 0);
  for (const auto& reason : inner["reasons"]) EXPECT_NE(reason["what"].as<std::string>(), "archives-none");
  EXPECT_EQ(inner["verdict"].as<std::string>().find("none was made"), std::string::npos);
}
