// A real `wget --warc-file` fetch of every file of a folder served by
// python3's http.server on 127.0.0.1 (wget_warc_test.sh), read back with
// read_warc. Serves
// fixtures/sample-blog/mirror/ when it exists, else a small folder written
// here. Skips when wget or python3 is missing.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "crawl/mirror_reader.h"
#include "digest.h"
#include "temp_file.h"
#include "test_paths.h"
#include "url.h"
#include "warc/http_response.h"
#include "warc/warc_reader.h"
#include "warc/warc_record_reader.h"
#include "warc_test_builder.h"

namespace blogshift {
namespace {

namespace fs = std::filesystem;

// A tiny mirror in the wget layout: <host>/YYYY/MM/slug.html plus images.
fs::path write_small_site(const fs::path& root) {
  const fs::path site = root / "blog.example";
  fs::create_directories(site / "2023" / "07");
  fs::create_directories(site / "images");
  std::ofstream(site / "index.html") << "<!doctype html><html><head><title>Home</title></head><body>"
                                        "<a href=\"2023/07/first-post.html\">First post</a></body></html>\n";
  std::ofstream(site / "2023" / "07" / "first-post.html")
      << "<!doctype html><html><head><title>First post</title></head><body><h3 class=\"post-title\">First post</h3>"
         "<div class=\"post-body\"><img src=\"../../images/photo.png\"></div></body></html>\n";
  std::string png = std::string("\x89PNG\r\n\x1a\n", 8);
  for (int i = 0; i < 256; ++i) png += static_cast<char>(i);
  std::ofstream(site / "images" / "photo.png", std::ios::binary) << png;
  std::ofstream(site / "images" / "logo.gif", std::ios::binary) << std::string("GIF89a\x01\x00\x01\x00\x00\x00\x00;", 14);
  return root;
}

bool is_html_name(const std::string& relative) { return relative.find(".html") != std::string::npos; }

// Crawls `serve` with wget and checks what read_warc makes of the WARC.
void crawl_and_check(const fs::path& serve, const fs::path& out) {

  const fs::path script = fs::path(testing::fixture("")) / ".." / "tests" / "extract" / "wget_warc_test.sh";
  ASSERT_TRUE(fs::exists(script)) << script;
  const std::string command = "timeout 300 bash '" + script.string() + "' '" + serve.string() + "' '" +
                              (out / "crawl").string() + "' >'" + (out / "script.log").string() + "' 2>&1";
  const int rc = std::system(command.c_str());
  ASSERT_TRUE(WIFEXITED(rc)) << "script killed";
  if (WEXITSTATUS(rc) == 77) GTEST_SKIP() << testing::read_file(out / "script.log");  // returns from this helper only
  ASSERT_EQ(WEXITSTATUS(rc), 0) << testing::read_file(out / "script.log");
  const std::string warc = (out / "crawl" / "crawl.warc.gz").string();

  // What the WARC holds, walked record by record: offset -> (type, URL, status).
  struct Rec {
    std::string type, url;
    int status = 0;
  };
  std::map<int64_t, Rec> records;
  {
    WarcRecordReader reader(warc);
    WarcRead read;
    while (reader.next(read)) {
      ASSERT_TRUE(read.record) << read.damage->message;
      Rec rec{read.record->type, read.record->target_uri, 0};
      std::string error;
      if (rec.type == "response")
        if (auto head = parse_http_head(read.record->block, error)) rec.status = head->status;
      records[read.record->offset] = rec;
    }
    EXPECT_TRUE(read.notes.empty()) << "wget gzips one member per record";
  }

  testing::CollectingSink sink;
  read_warc(warc, sink);
  EXPECT_EQ(testing::count_units(sink), records.size()) << "one unit per record";
  for (const auto& p : sink.problems)
    EXPECT_NE(p.severity, Severity::Error) << p.code << " " << p.message;
  const auto outcomes = testing::outcomes_by_offset(sink);

  // Every served file was fetched with a 200 and reached ingest; images and
  // other non-HTML files as assets with exactly the file's bytes.
  std::map<std::string, int64_t> ok_by_path;  // decoded URL path -> record offset
  for (const auto& [offset, rec] : records) {
    if (rec.type != "response" || rec.status != 200) continue;
    const size_t path_start = rec.url.find('/', rec.url.find("://") + 3);
    ok_by_path[percent_decode(rec.url.substr(path_start))] = offset;
    ASSERT_TRUE(outcomes.count(offset));
    EXPECT_EQ(outcomes.at(offset), std::set<std::string>{"staged"}) << rec.url;
  }
  size_t files = 0, html = 0;
  for (const auto& entry : fs::recursive_directory_iterator(serve)) {
    if (!entry.is_regular_file()) continue;
    ++files;
    const std::string relative = fs::relative(entry.path(), serve).generic_string();
    auto found = ok_by_path.find("/" + relative);
    ASSERT_NE(found, ok_by_path.end()) << relative << " was not fetched";
    if (is_html_name(relative)) {
      ++html;
      continue;
    }
    const std::string bytes = testing::read_file(entry.path());
    bool same = false;
    for (const auto& a : sink.assets)
      if (a.position.offset == found->second) same = a.bytes == bytes && a.url == records[found->second].url;
    EXPECT_TRUE(same) << relative << " did not come through as an asset with its bytes";
  }
  EXPECT_GE(files, 4u);
  EXPECT_GE(html, 2u);
  EXPECT_EQ(testing::count_skips_with(sink, "request record"), files + 1) << "wget's requests are skipped";
  EXPECT_EQ(testing::count_skips_with(sink, "HTTP 404"), 1u) << "the one URL the folder does not have";
}

// Posts and pages as identity, text and body digest, whatever URL host they came under.
std::multiset<std::string> posts_and_pages(const testing::CollectingSink& sink) {
  std::multiset<std::string> out;
  for (const auto& i : sink.items)
    if (i.kind == ItemKind::Post || i.kind == ItemKind::Page)
      out.insert(std::string(to_string(i.kind)) + " " + i.blogger_id + " " + i.legacy_path + " " + i.title + " " +
                 i.published + " " + sha256_hex(i.body_html));
  return out;
}

TEST(WgetWarcTest, SampleBlogMirrorComesThroughAsUnits) {
  const fs::path out = testing::temp_dir("wget-warc-mirror");
  fs::path serve = testing::fixture("sample-blog/mirror");
  ASSERT_TRUE(fs::is_directory(serve));
  crawl_and_check(serve, out);
  if (IsSkipped() || HasFailure()) return;
  // The WARC wget made gives the same posts and pages as the folder it crawled.
  testing::CollectingSink from_warc, from_mirror;
  read_warc((out / "crawl" / "crawl.warc.gz").string(), from_warc);
  read_mirror(serve.string(), from_mirror);
  EXPECT_EQ(posts_and_pages(from_warc), posts_and_pages(from_mirror));
  EXPECT_GE(posts_and_pages(from_mirror).size(), 13u);  // 12 live posts + the About page, at least
  if (!HasFailure()) fs::remove_all(out);
}

TEST(WgetWarcTest, SmallSiteWrittenHereComesThroughAsUnits) {
  const fs::path out = testing::temp_dir("wget-warc-small");
  crawl_and_check(write_small_site(out / "site"), out);
  if (!HasFailure()) fs::remove_all(out);
}

}  // namespace
}  // namespace blogshift
