// Authors end to end: a Takeout feed with two people of one name, a
// name-only sighting of a third, a placeholder avatar and a real one;
// staged, transformed and loaded in each layout.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "extractor.h"
#include "load_stage.h"
#include "staging_store.h"
#include "test_paths.h"
#include "transform_stage.h"

namespace blogshift {
namespace {

namespace fs = std::filesystem;

constexpr const char* kBlog = "tag:blogger.com,1999:blog-77";
constexpr const char* kAvatarUrl = "https://lh3.googleusercontent.com/samAvatarKey=s1600";

std::string entry(int id, const std::string& type, const std::string& author, const std::string& title,
                  const std::string& extra = "") {
  return std::string("<entry><id>") + kBlog + ".post-" + std::to_string(id) + "</id>" + extra +
         "<blogger:type>" + type + "</blogger:type><blogger:status>LIVE</blogger:status><author>" + author +
         "</author><title>" + title + "</title><content type=\"html\">&lt;p&gt;" + title +
         "&lt;/p&gt;</content><published>2020-01-0" + std::to_string(id) + "T10:00:00.000Z</published>"
         "<updated>2020-01-0" + std::to_string(id) + "T10:00:00.000Z</updated>" +
         (type == "POST" ? "<blogger:filename>/2020/01/post-" + std::to_string(id) + ".html</blogger:filename>" : "") +
         "</entry>\n";
}

std::string person(const std::string& name, const std::string& profile, const std::string& image = "") {
  return "<name>" + name + "</name>" + (profile.empty() ? "" : "<uri>https://www.blogger.com/profile/" + profile + "</uri>") +
         (image.empty() ? "" : "<gd:image rel=\"http://schemas.google.com/g/2005#thumbnail\" width=\"35\" height=\"35\" src=\"" +
                                   image + "\"/>");
}

std::string feed(bool with_newcomer) {
  std::string atom = std::string(
      "<?xml version='1.0' encoding='utf-8'?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" "
      "xmlns:blogger=\"http://schemas.google.com/blogger/2018\" xmlns:gd=\"http://schemas.google.com/g/2005\">"
      "<id>") + kBlog + ".archive</id><title>Authors</title>\n";
  atom += entry(1, "POST", person("Sam Lee", "200", "//lh3.googleusercontent.com/samAvatarKey=s35"), "First");
  atom += entry(2, "POST", person("Sam Lee", "100", "//img1.blogblog.com/img/b16-rounded.gif"), "Second");
  atom += entry(3, "POST", person("Ana Lima", "300"), "Third");
  atom += entry(4, "POST", person("Ana Lima", ""), "Fourth");
  // A commenter is not an author of the site.
  atom += entry(5, "COMMENT", person("Zed Commenter", "400"), "Nice",
                std::string("<blogger:parent>") + kBlog + ".post-1</blogger:parent>");
  if (with_newcomer) atom += entry(6, "POST", person("Sam Lee", "050"), "Sixth");
  return atom + "</feed>\n";
}

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class AuthorSite {
public:
  AuthorSite(const std::string& name, const std::string& layout) : root_(testing::temp_dir(name)), layout_(layout) {
    fs::create_directories(out() / ".blogshift");
    store_ = std::make_unique<StagingStore>((out() / ".blogshift" / "staging.db").string());
    stage(false);
    // The avatar as a crawl would have staged it.
    ExtractSink& sink = store_->begin_source({(root_ / "crawl").string(), "warc", 3, "00"});
    sink.asset({kAvatarUrl, "image/jpeg", "JPEG-BYTES", {}});
    store_->end_source();
  }
  ~AuthorSite() {
    store_.reset();
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
  AuthorSite(const AuthorSite&) = delete;
  AuthorSite& operator=(const AuthorSite&) = delete;

  void stage(bool with_newcomer) {
    const fs::path source = root_ / "feed.atom";
    std::ofstream(source, std::ios::binary) << feed(with_newcomer);
    Extractor extractor(*store_, nullptr);
    extractor.extract(source.string());
  }
  TransformReport transform() {
    TransformOptions options;
    options.layout = layout_;
    return run_transform(store_->db(), options);
  }
  LoadReport load() {
    LoadOptions options;
    options.out_dir = out().string();
    options.redirect_formats = {"none"};
    options.archive_formats = {"none"};
    options.epoch = 1700000000;
    return run_load(store_->db(), options);
  }
  // The author field of every document, by its title.
  std::map<std::string, std::string> authors_by_title() {
    std::map<std::string, std::string> out;
    auto q = store_->db().prepare("SELECT front_matter FROM documents");
    while (q.step()) {
      std::string fm = q.column_text(0);
      fm = fm.substr(4, fm.rfind("---") - 4);
      const YAML::Node node = YAML::Load(fm);
      out[node["title"].as<std::string>()] = node["author"].as<std::string>();
    }
    return out;
  }
  fs::path out() const { return root_ / "site"; }

private:
  fs::path root_;
  std::string layout_;
  std::unique_ptr<StagingStore> store_;
};

TEST(SiteAuthors, EachDocumentNamesItsAuthorById) {
  AuthorSite site("authors-ids", "astro");
  EXPECT_EQ(site.transform().authors, 3);
  const auto authors = site.authors_by_title();
  EXPECT_EQ(authors.at("First"), "sam-lee-2");  // profile 200 sorts after 100
  EXPECT_EQ(authors.at("Second"), "sam-lee");
  EXPECT_EQ(authors.at("Third"), "ana-lima");
  EXPECT_EQ(authors.at("Fourth"), "ana-lima");  // the same person, seen without the profile
}

TEST(SiteAuthors, AstroRecordsInPythonInsidersFieldsWithTheAvatarCopied) {
  AuthorSite site("authors-astro", "astro");
  site.transform();
  const LoadReport report = site.load();
  EXPECT_EQ(report.authors.people, 3);
  EXPECT_EQ(report.authors.ids, (std::vector<std::string>{"ana-lima", "sam-lee", "sam-lee-2"}));
  EXPECT_EQ(report.authors.avatars_local, 1);
  EXPECT_FALSE(fs::exists(site.out() / "content/authors/zed-commenter.json"));
  // JSON is YAML: read it back with yaml-cpp.
  const YAML::Node sam = YAML::Load(read_all(site.out() / "content/authors/sam-lee-2.json"));
  EXPECT_EQ(sam["name"].as<std::string>(), "Sam Lee");
  EXPECT_EQ(sam["website"].as<std::string>(), "https://www.blogger.com/profile/200");
  EXPECT_EQ(sam["avatar"].as<std::string>(), "/authors/sam-lee-2.jpg");
  EXPECT_FALSE(sam["featured"].as<bool>());
  for (const char* field : {"bio", "github", "twitter", "bluesky", "mastodon"})
    EXPECT_EQ(sam[field].as<std::string>(), "") << field;
  EXPECT_EQ(read_all(site.out() / "public/authors/sam-lee-2.jpg"), "JPEG-BYTES");
  // Blogger's placeholder is no avatar at all.
  const YAML::Node other = YAML::Load(read_all(site.out() / "content/authors/sam-lee.json"));
  EXPECT_EQ(other["avatar"].as<std::string>(), "");
}

TEST(SiteAuthors, HugoDataFilesAndJekyllOneDataFile) {
  {
    AuthorSite site("authors-hugo", "hugo");
    site.transform();
    site.load();
    const YAML::Node ana = YAML::LoadFile((site.out() / "data/authors/ana-lima.yaml").string());
    EXPECT_EQ(ana["name"].as<std::string>(), "Ana Lima");
    EXPECT_EQ(YAML::LoadFile((site.out() / "data/authors/sam-lee-2.yaml").string())["avatar"].as<std::string>(),
              "/authors/sam-lee-2.jpg");
    EXPECT_TRUE(fs::exists(site.out() / "static/authors/sam-lee-2.jpg"));
  }
  {
    AuthorSite site("authors-jekyll", "jekyll");
    site.transform();
    site.load();
    const YAML::Node all = YAML::LoadFile((site.out() / "_data/authors.yml").string());
    ASSERT_TRUE(all.IsMap());
    EXPECT_EQ(all.size(), 3u);
    EXPECT_EQ(all["sam-lee"]["website"].as<std::string>(), "https://www.blogger.com/profile/100");
    EXPECT_EQ(all["sam-lee-2"]["avatar"].as<std::string>(), "/assets/authors/sam-lee-2.jpg");
    EXPECT_TRUE(fs::exists(site.out() / "assets/authors/sam-lee-2.jpg"));
  }
}

TEST(SiteAuthors, ARerunKeepsTheIdsAndRewritesNothing) {
  AuthorSite site("authors-rerun", "astro");
  site.transform();
  site.load();
  // A new "Sam Lee" whose profile sorts before both takes neither's id.
  site.stage(true);
  site.transform();
  const auto authors = site.authors_by_title();
  EXPECT_EQ(authors.at("First"), "sam-lee-2");
  EXPECT_EQ(authors.at("Second"), "sam-lee");
  EXPECT_EQ(authors.at("Sixth"), "sam-lee-3");
  const LoadReport again = site.load();
  EXPECT_EQ(again.authors.people, 4);
  EXPECT_EQ(again.authors.written, 1);  // only the newcomer's record
  EXPECT_TRUE(fs::exists(site.out() / "content/authors/sam-lee-3.json"));
}

}  // namespace
}  // namespace blogshift
