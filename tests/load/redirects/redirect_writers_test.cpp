// Each redirect-map format's syntax and escaping (paths with spaces, "%",
// UTF-8, quotes, regex and glob metacharacters), its header and limits, and
// write_redirect_maps: files, report, options, determinism.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>

#include "errors.h"
#include "redirect_maps.h"
#include "staged_blog.h"
#include "temp_file.h"

using namespace blogshift;
namespace fs = std::filesystem;
using blogshift::testing::StagedBlog;

namespace {

RedirectSet set_of(std::vector<RedirectEntry> entries, std::string host = "www.kettleandcrumb.com") {
  RedirectSet set;
  for (const auto& e : entries) ++set.shapes[e.shape];
  set.entries = std::move(entries);
  set.source_host = std::move(host);
  return set;
}

RedirectSet many(int n, const std::string& prefix = "/2020/01/post-") {
  std::vector<RedirectEntry> entries;
  for (int i = 0; i < n; ++i) entries.push_back({prefix + std::to_string(i) + ".html", "/p" + std::to_string(i), "post"});
  return set_of(entries);
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Lines of a file that are not comments.
std::vector<std::string> rule_lines(const std::string& content) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < content.size()) {
    size_t end = content.find('\n', start);
    std::string line = content.substr(start, end - start);
    if (!line.empty() && line[0] != '#') out.push_back(line);
    start = end == std::string::npos ? content.size() : end + 1;
  }
  return out;
}

const RedirectSet kAwkward = set_of({
    {"/p/space page.html", "/space%20page/", "page"},
    {"/search/label/50% off", "/tags/50-off/", "label"},
    {"/search/label/C++", "/tags/c/", "label"},
    {"/search/label/Crème brûlée", "/tags/creme-brulee/", "label"},
    {"/search/label/a.b(c)[d]{e}^$|*+?", "/tags/regex/", "label"},
    {"/search/label/a:b", "/tags/a-b/", "label"},
    {"/search/label/back\\slash", "/tags/backslash/", "label"},
    {"/search/label/say \"hi\"", "/tags/say-hi/", "label"},
});

}  // namespace

TEST(RedirectEncoding, RequestPathsAreWhatABrowserSends) {
  EXPECT_EQ(request_path("/2021/03/sourdough.html"), "/2021/03/sourdough.html");
  EXPECT_EQ(request_path("/search/label/Crème brûlée"), "/search/label/Cr%C3%A8me%20br%C3%BBl%C3%A9e");
  EXPECT_EQ(request_path("/a\"b#c%d<e>f?g`h{i}j"), "/a%22b%23c%25d%3Ce%3Ef%3Fg%60h%7Bi%7Dj");
  EXPECT_EQ(request_path("/C++/Q&A/it's/a:b*c"), "/C++/Q&A/it's/a:b*c");
}

TEST(RedirectEncoding, LocationsCarryNoFormatSyntax) {
  EXPECT_EQ(location_path("/2021/03/sourdough-2"), "/2021/03/sourdough-2");
  EXPECT_EQ(location_path("/tags/crème brûlée/"), "/tags/cr%C3%A8me%20br%C3%BBl%C3%A9e/");
  EXPECT_EQ(location_path("/a$b%c{d}:e*f\"g"), "/a%24b%25c%7Bd%7D%3Ae%2Af%22g");
}

TEST(RedirectWriters, NginxQuotesKeysAndValuesAndSizesTheHash) {
  const auto files = render_nginx(kAwkward);
  ASSERT_EQ(files.size(), 2u);
  const std::string& map = files[0].content;
  EXPECT_EQ(files[0].name, "nginx-redirects-map.conf");
  EXPECT_EQ(files[0].rules, 8);
  EXPECT_TRUE(has(map, "map $uri $blogshift_redirect {\n    default \"\";\n"));
  EXPECT_TRUE(has(map, "    \"/search/label/say \\\"hi\\\"\" \"/tags/say-hi/\";\n"));
  EXPECT_TRUE(has(map, "    \"/search/label/back\\\\slash\" \"/tags/backslash/\";\n"));
  EXPECT_TRUE(has(map, "    \"/search/label/Crème brûlée\" \"/tags/creme-brulee/\";\n"));
  EXPECT_TRUE(has(map, "map_hash_bucket_size 128;\nmap_hash_max_size 2048;\n"));
  EXPECT_TRUE(has(map, "# covers 8 old paths: page 1, label 7\n"));
  EXPECT_TRUE(has(files[1].content, "if ($blogshift_redirect) {\n    return 301 $blogshift_redirect;\n}\n"));
  // Long keys and many of them: the hash grows with them.
  const auto big = render_nginx(many(5000, "/2020/01/" + std::string(150, 'x')));
  EXPECT_TRUE(has(big[0].content, "map_hash_bucket_size 256;\nmap_hash_max_size 16384;\n"));
}

TEST(RedirectWriters, NginxWritesKeysThatDifferOnlyInCaseOnce) {
  const auto files = render_nginx(set_of({{"/search/label/Bread", "/tags/bread/", "label"},
                                          {"/search/label/bread", "/tags/bread/", "label"}}));
  EXPECT_EQ(files[0].rules, 1);
  ASSERT_EQ(files[0].warnings.size(), 1u);
  EXPECT_TRUE(has(files[0].content, "# WARNING: '/search/label/bread' differs from another old path only in case"));
}

TEST(RedirectWriters, ApacheEscapesEveryByteOutsideLettersAndDigits) {
  const auto files = render_apache(kAwkward, "/srv/maps/apache-redirects.txt");
  ASSERT_EQ(files.size(), 3u);
  const std::string& htaccess = files[0].content;
  EXPECT_EQ(files[0].name, ".htaccess");
  EXPECT_EQ(files[0].rules, 8);
  EXPECT_TRUE(has(htaccess, "RewriteEngine On\n"));
  EXPECT_TRUE(has(htaccess, "RewriteRule \"^p/space\\x20page\\.html$\" \"/space\\%20page/\" [R=301,L,QSD,NE]\n"));
  EXPECT_TRUE(has(htaccess, "RewriteRule \"^search/label/say\\x20\\x22hi\\x22$\" \"/tags/say-hi/\" [R=301,L,QSD,NE]\n"));
  EXPECT_TRUE(has(htaccess, "\"^search/label/Cr\\xc3\\xa8me\\x20br\\xc3\\xbbl\\xc3\\xa9e$\""));
  EXPECT_TRUE(has(htaccess, "\"^search/label/a\\.b\\x28c\\x29\\x5bd\\x5d\\x7be\\x7d\\x5e\\x24\\x7c\\x2a\\x2b\\x3f$\""));
  // The text map: one "key value" a line, no key with white space.
  const std::string& map = files[1].content;
  EXPECT_EQ(files[1].name, "apache-redirects.txt");
  EXPECT_EQ(files[1].rules, 4);
  EXPECT_TRUE(has(map, "\n/search/label/C++ /tags/c/\n"));
  EXPECT_FALSE(has(map, "space page"));
  for (const auto& line : rule_lines(map)) EXPECT_EQ(std::count(line.begin(), line.end(), ' '), 1) << line;
  const std::string& server = files[2].content;
  EXPECT_TRUE(has(server, "RewriteMap blogshift_redirects \"txt:/srv/maps/apache-redirects.txt\"\n"));
  EXPECT_TRUE(has(server, "RewriteCond \"${blogshift_redirects:%{REQUEST_URI}}\" \"^(.+)$\"\n"));
  EXPECT_TRUE(has(server, "RewriteRule \"^/p/space\\x20page\\.html$\" \"/space\\%20page/\" [R=301,L,QSD,NE]\n"));
  EXPECT_EQ(files[2].rules, 5);  // the map lookup and four paths with spaces
}

TEST(RedirectWriters, RedirectsFileEncodesSourcesAndPutsDynamicLinesLast) {
  const auto files = render_netlify(kAwkward);
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].name, "_redirects");
  const auto lines = rule_lines(files[0].content);
  ASSERT_EQ(lines.size(), 8u);
  EXPECT_EQ(lines[0], "/p/space%20page.html /space%20page/ 301");
  EXPECT_EQ(lines[1], "/search/label/50%25%20off /tags/50-off/ 301");
  EXPECT_EQ(lines[3], "/search/label/Cr%C3%A8me%20br%C3%BBl%C3%A9e /tags/creme-brulee/ 301");
  // "*" and ":b" make a line dynamic: after the static ones.
  EXPECT_EQ(lines[6], "/search/label/a.b(c)[d]%7Be%7D^$|*+%3F /tags/regex/ 301");
  EXPECT_EQ(lines[7], "/search/label/a:b /tags/a-b/ 301");
  for (const auto& line : lines) EXPECT_EQ(std::count(line.begin(), line.end(), ' '), 2) << line;
  EXPECT_TRUE(has(files[0].content, "# 6 static and 2 dynamic redirects"));
  EXPECT_TRUE(files[0].warnings.empty());
  EXPECT_TRUE(has(files[0].content, "pass the query string on to the target (Netlify does)"));
}

TEST(RedirectWriters, RedirectsFileWarnsOverCloudflarePagesLimits) {
  const auto files = render_netlify(many(2001));
  ASSERT_EQ(files[0].warnings.size(), 1u);
  EXPECT_TRUE(has(files[0].warnings[0], "2001 static redirects: over Cloudflare Pages' limit of 2,000"));
  EXPECT_TRUE(has(files[0].content, "# WARNING: 2001 static redirects"));
  EXPECT_TRUE(render_netlify(many(2000))[0].warnings.empty());
  const auto netlify = render_netlify(many(10000));
  EXPECT_EQ(netlify[0].warnings.size(), 2u);
  EXPECT_TRUE(has(netlify[0].warnings[1], "Netlify advises"));
  const auto long_line = render_netlify(set_of({{"/" + std::string(1000, 'a'), "/b", "post"}}));
  ASSERT_EQ(long_line[0].warnings.size(), 1u);
  EXPECT_TRUE(has(long_line[0].warnings[0], "1,000"));
}

TEST(RedirectWriters, CaddyUsesPathMatchersForPlainPathsAndEscapedRegexpsForTheRest) {
  const auto files = render_caddy(set_of({{"/2021/03/sourdough.html", "/2021/03/sourdough", "post"},
                                          {"/search/label/Misc.", "/tags/misc/", "label"},
                                          {"/search/label/{path} $HOME", "/tags/x/", "label"},
                                          {"/search/label/say \"hi\"", "/tags/say-hi/", "label"},
                                          {"/search/label/a\\b*c?[d]", "/tags/d/", "label"},
                                          {"/search/label/\xE9t\xE9", "/tags/ete/", "label"}}));
  ASSERT_EQ(files.size(), 1u);
  const std::string& c = files[0].content;
  EXPECT_EQ(files[0].name, "caddy-redirects.caddyfile");
  EXPECT_TRUE(has(c, "\nredir /2021/03/sourdough.html /2021/03/sourdough 301\n"));
  EXPECT_TRUE(has(c, " path_regexp \"^/search/label/Misc\\.$\"\n"));
  EXPECT_TRUE(has(c, " path_regexp \"^/search/label/\\x7Bpath\\x7D \\$HOME$\"\n"));
  EXPECT_TRUE(has(c, " path_regexp \"^/search/label/say \\\"hi\\\"$\"\n"));
  EXPECT_TRUE(has(c, " path_regexp \"^/search/label/a\\\\b\\*c\\?\\[d\\]$\"\n"));
  EXPECT_TRUE(has(c, "@blogshift_redirect_1 path_regexp"));
  EXPECT_TRUE(has(c, "redir @blogshift_redirect_1 /tags/misc/ 301\n"));
  // Latin-1 bytes decoded from %E9: Caddy's regexps read UTF-8 only.
  EXPECT_EQ(files[0].rules, 5);
  ASSERT_EQ(files[0].warnings.size(), 1u);
  EXPECT_TRUE(has(files[0].warnings[0], "/search/label/%E9t%E9"));
}

TEST(RedirectWriters, CloudflareCsvHasNoHeaderAbsoluteTargetsAndQuotedCommas) {
  const auto files = render_cloudflare_csv(
      set_of({{"/2021/03/sourdough.html", "/2021/03/sourdough", "post"},
              {"/search/label/semi;colon,comma", "/tags/punct/", "label"}}),
      "");
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].name, "cloudflare-bulk-redirects.csv");
  EXPECT_EQ(files[0].content,
            "www.kettleandcrumb.com/2021/03/sourdough.html,https://www.kettleandcrumb.com/2021/03/sourdough,301,false,"
            "false,false,false\n"
            "\"www.kettleandcrumb.com/search/label/semi;colon,comma\",https://www.kettleandcrumb.com/tags/punct/,301,"
            "false,false,false,false\n");
  const auto with_base = render_cloudflare_csv(
      set_of({{"/a.html", "https://new.example/a", "post"}}), "https://new.example");
  EXPECT_EQ(with_base[0].content, "www.kettleandcrumb.com/a.html,https://new.example/a,301,false,false,false,false\n");
  const auto over = render_cloudflare_csv(many(10001), "");
  ASSERT_EQ(over[0].warnings.size(), 1u);
  EXPECT_TRUE(has(over[0].warnings[0], "10,000 a Free plan account holds"));
}

TEST(RedirectWriters, JsonIsTheFlatObjectOfPythonInsidersRedirectsFile) {
  const auto files = render_json(kAwkward);
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].name, "redirects.json");
  const std::string& json = files[0].content;
  EXPECT_EQ(json.rfind("{\n  \"/p/space page.html\": \"/space%20page/\",\n", 0), 0u) << json;
  EXPECT_EQ(json.substr(json.size() - 3), "\n}\n");
  // Parsed back (YAML reads JSON): every pair, unchanged.
  const YAML::Node parsed = YAML::Load(json);
  ASSERT_TRUE(parsed.IsMap());
  EXPECT_EQ(parsed.size(), kAwkward.entries.size());
  for (const auto& e : kAwkward.entries) EXPECT_EQ(parsed[e.old_path].as<std::string>(), e.target) << e.old_path;
  EXPECT_EQ(render_json(set_of({}))[0].content, "{}\n");
}

TEST(RedirectMaps, WritesEveryFormatFromTheTableWithAReport) {
  StagedBlog blog("redirect-maps-sample", blogshift::testing::sample_blog_sources());
  const fs::path out = blog.dir / "redirects";
  const RedirectMapsReport report = write_redirect_maps(blog.db(), out.string(), {});
  std::vector<std::string> names;
  for (const auto& f : report.files) names.push_back(fs::path(f.path).filename().string() + " " + f.format);
  EXPECT_EQ(names, (std::vector<std::string>{
                       "nginx-redirects-map.conf nginx", "nginx-redirects-server.conf nginx", ".htaccess apache",
                       "apache-redirects.txt apache", "apache-redirects-server.conf apache", "_redirects netlify",
                       "caddy-redirects.caddyfile caddy", "cloudflare-bulk-redirects.csv cloudflare-csv",
                       "redirects.json json"}));
  for (const auto& f : report.files) EXPECT_TRUE(fs::is_regular_file(f.path)) << f.path;
  EXPECT_EQ(report.files[0].rules, report.redirects);
  EXPECT_EQ(report.shapes.at("post"), 11);
  EXPECT_EQ(report.shapes.at("label"), 6);
  int64_t total = 0;
  for (const auto& [shape, n] : report.shapes) total += n;
  EXPECT_EQ(total, report.redirects);
  // The sample blog names only its blogspot host: the CSV redirects from it, with a warning.
  ASSERT_EQ(report.warnings.size(), 1u);
  EXPECT_TRUE(has(report.warnings[0], "kettleandcrumb.blogspot.com, which cannot be a zone on Cloudflare"));
  EXPECT_TRUE(has(blogshift::testing::read_file(out / "cloudflare-bulk-redirects.csv"),
                  "kettleandcrumb.blogspot.com/2021/03/sourdough.html,https://kettleandcrumb.blogspot.com/2021/03/"
                  "sourdough,301"));
  EXPECT_TRUE(has(blogshift::testing::read_file(out / "apache-redirects-server.conf"),
                  "txt:" + (out / "apache-redirects.txt").string()));
  EXPECT_TRUE(has(blogshift::testing::read_file(out / "_redirects"),
                  "/search/label/Cr%C3%A8me%20br%C3%BBl%C3%A9e /tags/creme-brulee/ 301\n"));

  // The same table gives the same bytes.
  const fs::path again = blog.dir / "again";
  write_redirect_maps(blog.db(), again.string(), {});
  for (const auto& f : report.files) {
    const auto name = fs::path(f.path).filename();
    if (name == "apache-redirects-server.conf") continue;  // names its own folder
    EXPECT_EQ(blogshift::testing::read_file(f.path), blogshift::testing::read_file(again / name)) << name;
  }
}

TEST(RedirectMaps, OptionsChooseFormatsHostsAndAbsoluteTargets) {
  StagedBlog blog("redirect-maps-options");
  blog.add("/2021/03/sourdough.html", "/2021/03/sourdough", "post");
  blog.db().exec("INSERT INTO blogs (id, title) VALUES ('1', 'Kettle');"
                 "INSERT INTO blog_hosts (host, blog_id) VALUES ('kettleandcrumb.blogspot.com', '1'),"
                 " ('www.kettleandcrumb.com', '1')");
  RedirectMapOptions options;
  options.formats = {"json", "cloudflare-csv"};
  options.base_url = "https://new.example.org/";
  options.apache_map_path = "/unused";
  const fs::path out = blog.dir / "out";
  const auto report = write_redirect_maps(blog.db(), out.string(), options);
  ASSERT_EQ(report.files.size(), 2u);
  EXPECT_EQ(report.files[0].format, "cloudflare-csv");
  EXPECT_EQ(report.files[1].format, "json");
  EXPECT_FALSE(fs::exists(out / "_redirects"));
  EXPECT_EQ(blogshift::testing::read_file(out / "redirects.json"),
            "{\n  \"/2021/03/sourdough.html\": \"https://new.example.org/2021/03/sourdough\"\n}\n");
  // The custom domain is preferred over the blogspot host.
  EXPECT_EQ(blogshift::testing::read_file(out / "cloudflare-bulk-redirects.csv"),
            "www.kettleandcrumb.com/2021/03/sourdough.html,https://new.example.org/2021/03/sourdough,301,false,false,"
            "false,false\n");
  options.source_host = "Blog.Example.COM";
  write_redirect_maps(blog.db(), out.string(), options);
  EXPECT_EQ(blogshift::testing::read_file(out / "cloudflare-bulk-redirects.csv").rfind("blog.example.com/2021/", 0), 0u);

  options = {};
  options.formats = {"gopher"};
  EXPECT_THROW(write_redirect_maps(blog.db(), out.string(), options), UsageError);
  options.formats = {};
  for (const char* bad : {"ftp://x.example", "https://", "https://a b.example", "https://x.example/?q=1", "x.example"}) {
    options.base_url = bad;
    EXPECT_THROW(write_redirect_maps(blog.db(), out.string(), options), UsageError) << bad;
  }
}

TEST(RedirectMaps, WithoutAHostTheCsvIsLeftOutWithAWarning) {
  StagedBlog blog("redirect-maps-nohost");
  blog.add("/p/about.html", "/about", "page");
  RedirectMapOptions options;
  options.formats = {"cloudflare-csv", "netlify"};
  const auto report = write_redirect_maps(blog.db(), (blog.dir / "out").string(), options);
  ASSERT_EQ(report.files.size(), 1u);
  EXPECT_EQ(report.files[0].format, "netlify");
  ASSERT_EQ(report.warnings.size(), 1u);
  EXPECT_TRUE(has(report.warnings[0], "cloudflare-csv: not written"));
}

TEST(RedirectMaps, RowsNoFormatCanCarryAreSkippedWithAWarning) {
  StagedBlog blog("redirect-maps-bad-rows");
  blog.add("/ok.html", "/ok", "post");
  blog.add("/line\nbreak.html", "/x", "post");
  blog.add("relative.html", "/y", "post");
  RedirectMapOptions options;
  options.formats = {"json"};
  const auto report = write_redirect_maps(blog.db(), (blog.dir / "out").string(), options);
  EXPECT_EQ(report.redirects, 1);
  EXPECT_EQ(report.warnings.size(), 2u);
  EXPECT_EQ(blogshift::testing::read_file(blog.dir / "out" / "redirects.json"), "{\n  \"/ok.html\": \"/ok\"\n}\n");
}
