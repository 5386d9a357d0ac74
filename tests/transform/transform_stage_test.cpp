// The transform stage end to end on the sample blog (and, when the corpus is
// there, on every corpus source): documents, front matter parsed back,
// dates, slugs, links, local images, comments, determinism, fidelity.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>

#include "batch_workers.h"
#include "content_tree_writer.h"
#include "extractor.h"
#include "staging_store.h"
#include "staging_summary.h"
#include "temp_file.h"
#include "test_paths.h"
#include "transform_stage.h"

using namespace blogshift;
namespace fs = std::filesystem;

namespace {

struct Migration {
  fs::path dir;
  std::unique_ptr<StagingStore> store;
  TransformReport report;

  Migration(const std::string& name, const std::vector<std::string>& sources, TransformOptions options = {})
      : dir(blogshift::testing::temp_dir(name)) {
    store = std::make_unique<StagingStore>((dir / "staging.db").string());
    Extractor extractor(*store, nullptr);
    for (const auto& s : sources) extractor.extract(s);
    report = run_transform(store->db(), options);
    write_content_tree(store->db(), (dir / "out").string());
  }
  std::string file(const std::string& relative) const { return blogshift::testing::read_file(dir / "out" / relative); }
  std::string one(const std::string& sql) {
    auto s = store->db().prepare(sql);
    return s.step() ? s.column_text(0) : "<none>";
  }
};

std::vector<std::string> sample_sources(bool with_crawl) {
  std::vector<std::string> out{blogshift::testing::fixture("sample-blog/feed.atom")};
  if (with_crawl) {
    out.push_back(blogshift::testing::fixture("sample-blog/mirror"));
    out.push_back(blogshift::testing::fixture("sample-blog/sample-blog.warc.gz"));
  }
  return out;
}

// Front matter and body of a written file.
std::pair<YAML::Node, std::string> split(const std::string& content) {
  EXPECT_EQ(content.rfind("---\n", 0), 0u);
  auto end = content.find("\n---\n", 4);
  EXPECT_NE(end, std::string::npos);
  return {YAML::Load(content.substr(4, end - 4)), content.substr(end + 5)};
}

void expect_clean_text(const std::string& name, const std::string& content) {
  EXPECT_FALSE(content.empty()) << name;
  EXPECT_EQ(content.back(), '\n') << name;
  EXPECT_EQ(content.find("\n\n\n"), std::string::npos) << name << ": more than one blank line in a row";
  size_t line = 1;
  for (size_t i = 0; i < content.size(); ++i) {
    if (content[i] == '\n') {
      EXPECT_FALSE(i > 0 && (content[i - 1] == ' ' || content[i - 1] == '\t')) << name << ":" << line << " trailing whitespace";
      ++line;
    }
  }
  EXPECT_NE(content.substr(content.size() - 2), "\n\n") << name << ": more than one final newline";
}

}  // namespace

TEST(TransformStage, SampleBlogBecomesASiteThatPassesTheFidelityCheck) {
  TransformOptions options;
  options.comments_file = true;
  Migration m("transform-sample", sample_sources(true), options);
  EXPECT_EQ(m.report.documents, 15);  // 12 live posts, the page, the draft and the scheduled post
  EXPECT_EQ(m.report.pages, 1);
  EXPECT_EQ(m.report.drafts, 2);
  EXPECT_EQ(m.report.fidelity_passed, m.report.documents);
  EXPECT_EQ(m.report.links_missing, 0);
  EXPECT_EQ(m.report.images_remote, 0);  // the crawl holds every image
  EXPECT_GT(m.report.images_local, 0);

  // Every file: clean text, front matter parsed back to the stored values.
  auto docs = m.store->db().prepare("SELECT path, front_matter FROM documents ORDER BY path");
  int files = 0;
  while (docs.step()) {
    const std::string path = docs.column_text(0);
    const std::string content = m.file(path);
    expect_clean_text(path, content);
    auto [fm, body] = split(content);
    EXPECT_EQ(content.substr(0, docs.column_text(1).size()), docs.column_text(1));
    // The keys in the seed's order.
    std::vector<std::string> keys;
    for (auto it = fm.begin(); it != fm.end(); ++it) keys.push_back(it->first.as<std::string>());
    ASSERT_GE(keys.size(), 8u) << path;
    EXPECT_EQ(std::vector<std::string>(keys.begin(), keys.begin() + 8),
              (std::vector<std::string>{"title", "publishDate", "updatedDate", "author", "description", "tags",
                                        "published", "legacyUrl"}))
        << path;
    const std::string description = fm["description"].as<std::string>();
    EXPECT_LE(description.size(), 160u * 4);
    for (const char* residue : {"![", "**", "<table", "](", "<img"})
      EXPECT_EQ(description.find(residue), std::string::npos) << path << ": " << description;
    ++files;
  }
  EXPECT_EQ(files, 15);
}

TEST(TransformStage, DatesSlugsLinksImagesAndComments) {
  TransformOptions options;
  options.comments_file = true;
  Migration m("transform-sample-details", sample_sources(true), options);
  // 23:30 local on 2019-11-30 (the rendered page says -08:00) keeps its local date.
  auto [fm, body] = split(m.file("content/posts/late-night-cardamom-buns/index.md"));
  EXPECT_EQ(fm["publishDate"].as<std::string>(), "2019-11-30");
  EXPECT_EQ(fm["title"].as<std::string>(), "Late-Night Cardamom Buns");
  EXPECT_EQ(fm["legacyUrl"].as<std::string>(), "/2019/11/late-night-cardamom-buns.html");
  // Blogger's _12 collision suffix: sourdough_12 becomes sourdough-2, after sourdough.
  EXPECT_EQ(m.one("SELECT slug FROM documents d JOIN items i ON i.id = d.item_id"
                  " WHERE i.legacy_path = '/2021/03/sourdough_12.html'"),
            "sourdough-2");
  EXPECT_EQ(m.one("SELECT route FROM documents d JOIN items i ON i.id = d.item_id"
                  " WHERE i.legacy_path = '/2021/03/sourdough.html'"),
            "/2021/03/sourdough");
  // Links to the old blog (blogspot host, ?m=1, #more) now point at the new routes.
  EXPECT_GT(std::stoi(m.one("SELECT COUNT(*) FROM document_links WHERE outcome = 'rewritten'")), 0);
  EXPECT_EQ(m.one("SELECT COUNT(*) FROM document_links WHERE kind = 'link' AND outcome = 'missing'"), "0");
  // Images are beside the post, linked relatively, with the real file's type.
  auto images = m.store->db().prepare(
      "SELECT d.path, l.target FROM document_links l JOIN documents d ON d.item_id = l.item_id"
      " WHERE l.outcome = 'local'");
  int local = 0;
  while (images.step()) {
    const fs::path folder = fs::path(images.column_text(0)).parent_path();
    const std::string name = images.column_text(1);
    EXPECT_TRUE(fs::exists(m.dir / "out" / folder / name)) << name;
    EXPECT_NE(m.file(images.column_text(0)).find("](./" + name), std::string::npos) << name;
    ++local;
  }
  EXPECT_GT(local, 10);
  // Comments beside the post, parsed back, no e-mail addresses.
  YAML::Node comments = YAML::Load(m.file("content/posts/creme-brulee-for-two/comments.yaml"));
  ASSERT_TRUE(comments.IsSequence());
  EXPECT_EQ(comments.size(), 2u);
  EXPECT_EQ(comments[0]["author"].as<std::string>(), "Élodie Marchand");
  EXPECT_EQ(comments[0]["date"].as<std::string>().substr(19), "-07:00");
  for (const auto& c : comments) EXPECT_EQ(c["author"].as<std::string>().find('@'), std::string::npos);
}

TEST(TransformStage, ExportAloneUsesTheTimezoneOptionAndKeepsImagesRemote) {
  TransformOptions options;
  options.timezone = "America/Los_Angeles";
  Migration m("transform-export-only", sample_sources(false), options);
  auto [fm, body] = split(m.file("content/posts/late-night-cardamom-buns/index.md"));
  EXPECT_EQ(fm["publishDate"].as<std::string>(), "2019-11-30");
  EXPECT_EQ(m.report.images_local, 0);
  EXPECT_GT(m.report.images_remote, 0);
  EXPECT_EQ(m.report.fidelity_passed, m.report.documents);
  // Drafts and scheduled posts are written unpublished, with draft: true.
  auto [draft_fm, draft_body] = split(m.file("content/posts/hot-cross-buns-properly/index.md"));
  EXPECT_FALSE(draft_fm["published"].as<bool>());
  EXPECT_TRUE(draft_fm["draft"].as<bool>());
}

TEST(TransformStage, TwoRunsGiveByteIdenticalTrees) {
  auto tree = [](const fs::path& root) {
    std::map<std::string, std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(root))
      if (e.is_regular_file()) files[fs::relative(e.path(), root).string()] = blogshift::testing::read_file(e.path());
    return files;
  };
  Migration a("transform-determinism-a", sample_sources(true));
  Migration b("transform-determinism-b", sample_sources(true));
  auto ta = tree(a.dir / "out"), tb = tree(b.dir / "out");
  EXPECT_EQ(ta.size(), tb.size());
  EXPECT_TRUE(ta == tb);
  TransformOptions two_jobs;
  two_jobs.jobs = 2;
  Migration c("transform-determinism-jobs", sample_sources(true), two_jobs);
  EXPECT_TRUE(tree(c.dir / "out") == ta) << "--jobs 2 must write the same tree";
}

// The stage's threads (batch_workers.h): every item of every batch done
// once, by the owner and the helpers; a failure rethrown by finish() (the
// rest of its batch skipped: with helpers, what they took meanwhile still
// runs); the workers usable again afterwards.
TEST(BatchWorkers, EveryItemOnceAndFailuresRethrown) {
  for (size_t helpers : {0u, 1u, 3u}) {
    std::vector<std::atomic<int>> done(200);
    std::atomic<int> calls{0};
    BatchWorkers workers(helpers, [&](size_t worker, size_t item) {
      EXPECT_LE(worker, helpers);
      ++calls;
      if (item == 1000) throw std::runtime_error("item 1000");
      ++done[item % done.size()];
    });
    for (int batch = 0; batch < 5; ++batch) {
      workers.start(done.size());
      workers.finish();
    }
    for (const auto& d : done) EXPECT_EQ(d.load(), 5);
    workers.start(2000);
    EXPECT_THROW(workers.finish(), std::runtime_error);
    if (helpers == 0) {
      EXPECT_EQ(calls.load(), 1000 + 1001);  // nothing after the failing item
    }
    workers.start(10);
    workers.abandon();
    workers.start(done.size());
    workers.finish();
    for (const auto& d : done) EXPECT_GE(d.load(), 6);
  }
}

// Every corpus source: fidelity >= 99.5% of documents, recall over all words,
// every external link and image kept, clean text, front matter parsed back.
class CorpusTransform : public ::testing::TestWithParam<std::string> {};

TEST_P(CorpusTransform, MeetsTheFidelityTargets) {
  BLOGSHIFT_REQUIRE_CORPUS();
  std::string source = GetParam();
  fs::path untarred;
  if (source.ends_with(".tar.gz")) {
    untarred = blogshift::testing::temp_dir("corpus-untar");
    const std::string cmd = "tar xzf '" + blogshift::testing::corpus(source) + "' -C '" + untarred.string() + "'";
    ASSERT_EQ(std::system(cmd.c_str()), 0);
    source = (untarred / "program-think" / "html").string();
  } else {
    source = blogshift::testing::corpus(source);
  }
  std::string name = GetParam().substr(0, GetParam().find('/'));
  Migration m("corpus-transform-" + name, {source});
  ASSERT_GT(m.report.documents, 0);
  EXPECT_GE(static_cast<double>(m.report.fidelity_passed), 0.995 * static_cast<double>(m.report.documents));
  auto totals = m.store->db().prepare(
      "SELECT SUM(links_kept), SUM(links_total), SUM(images_kept), SUM(images_total) FROM documents");
  ASSERT_TRUE(totals.step());
  EXPECT_EQ(totals.column_int(0), totals.column_int(1)) << "links kept";
  EXPECT_EQ(totals.column_int(2), totals.column_int(3)) << "images kept";
  auto docs = m.store->db().prepare("SELECT path, front_matter, text_recall, break_recall FROM documents");
  double worst_text = 1, worst_break = 1;
  while (docs.step()) {
    const std::string content = m.file(docs.column_text(0));
    expect_clean_text(docs.column_text(0), content);
    YAML::Node fm = YAML::Load(docs.column_text(1).substr(4, docs.column_text(1).size() - 8));
    EXPECT_TRUE(fm["title"].IsDefined() && fm["publishDate"].IsDefined()) << docs.column_text(0);
    worst_text = std::min(worst_text, docs.column_real(2));
    worst_break = std::min(worst_break, docs.column_real(3));
  }
  // Stricter than the figures over all words: no single document below them.
  EXPECT_GE(worst_text, 0.995);
  EXPECT_GE(worst_break, 0.98);
  RecordProperty("worst_text_recall", std::to_string(worst_text));
  RecordProperty("worst_break_recall", std::to_string(worst_break));
  if (!untarred.empty()) fs::remove_all(untarred);
}

INSTANTIATE_TEST_SUITE_P(Sources, CorpusTransform,
                         ::testing::Values("arborlodge-classic-export/blogger-export-2022-02.xml.gz",
                                           "arborlodge-takeout-derived/feed.atom.gz",
                                           "pelican-fixture-classic-export/bloggerexport.xml",
                                           "blogger-rendered-pages",
                                           "program-think-offline/program-think-html-2009-2021.tar.gz"),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                           std::string n = param.param.substr(0, param.param.find('/'));
                           for (char& c : n)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return n;
                         });

// A Blogger page named like one of the site's own pages (the skeleton's
// /tags/ and /authors/ indexes, a listing page, the feed) is numbered, so
// the build never puts it over that page and its old URL ends on it.
TEST(TransformStage, APageNamedLikeTheSitesOwnPagesIsNumbered) {
  Migration m("transform-reserved-routes", {blogshift::testing::fixture("generator-syntax/feed.atom")});
  EXPECT_EQ(m.one("SELECT route FROM documents d JOIN items i ON i.id = d.item_id WHERE i.legacy_path = '/p/tags.html'"),
            "/tags-2");
  EXPECT_EQ(m.one("SELECT route FROM documents d JOIN items i ON i.id = d.item_id WHERE i.legacy_path = '/p/authors.html'"),
            "/authors-2");
  EXPECT_EQ(m.one("SELECT route FROM documents d JOIN items i ON i.id = d.item_id WHERE i.legacy_path = '/p/kramdown.html'"),
            "/kramdown");
  // A tag page's route is the site's own too: with tags at /:tag, the page
  // named after a live post's label ("kramdown") is numbered.
  TransformOptions options;
  options.tag_route_pattern = "/:tag";
  Migration tags("transform-reserved-tag-routes", {blogshift::testing::fixture("generator-syntax/feed.atom")}, options);
  EXPECT_EQ(tags.one("SELECT route FROM documents d JOIN items i ON i.id = d.item_id WHERE i.legacy_path = '/p/kramdown.html'"),
            "/kramdown-2");
}
