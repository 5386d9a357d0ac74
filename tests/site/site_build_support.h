// What the site tests share: a blog taken to a built site as the README
// tells a user (`blogshift init --site G DIR`, `blogshift run SOURCES
// --layout G --out DIR`, then the generator's own build), and the helpers
// that read the result.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "external_tool.h"
#include "run_command.h"
#include "test_paths.h"

namespace blogshift::testing {

inline std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs `command` in a shell; its stdout and stderr together, and the status.
inline std::string output_of(const std::string& command, int& status) {
  const std::filesystem::path log = temp_dir("site-build-log") / "out.txt";
  status = std::system((command + " >" + shell_quote(log.string()) + " 2>&1 </dev/null").c_str());
  status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::string out = read_all(log);
  std::filesystem::remove_all(log.parent_path());
  return out;
}

// The lines of a generator's output that warn about something.
inline std::vector<std::string> warnings_in(const std::string& output) {
  static const std::regex warning(R"(\bWARN|\bwarn\b|[Ww]arning|[Dd]eprecat|\bERROR|\berror\b)");
  std::vector<std::string> out;
  std::istringstream in(output);
  for (std::string line; std::getline(in, line);)
    if (std::regex_search(line, warning)) out.push_back(line);
  return out;
}

// The file a static server answers a route from: x/index.html for a route
// ending in "/", else x.html (Astro's build.format 'preserve'), x itself
// (a feed) or x/index.html.
inline std::filesystem::path page_file(const std::filesystem::path& built, const std::string& route) {
  const std::filesystem::path base = built / route.substr(1);
  if (route.ends_with('/')) return base / "index.html";
  for (const std::filesystem::path& candidate :
       {std::filesystem::path(base.string() + ".html"), base, base / "index.html"})
    if (std::filesystem::is_regular_file(candidate)) return candidate;
  return base.string() + ".html";
}

// The blogs the site tests build: the sample blog, the fixture quoting
// generator syntax and, when ../shared/corpus is there, every corpus blog.
struct Blog {
  std::string name;
  std::vector<std::string> sources;
  bool corpus = false;
  std::string unpacked;  // a .tar.gz source: the folder inside it that is the mirror
};

inline std::vector<Blog> site_blogs() {
  return {{"sample",
           {fixture("sample-blog/feed.atom"), fixture("sample-blog/mirror"), fixture("sample-blog/sample-blog.warc.gz")},
           false, ""},
          {"generator_syntax", {fixture("generator-syntax/feed.atom")}, false, ""},
          {"arborlodge_classic", {corpus("arborlodge-classic-export/blogger-export-2022-02.xml.gz")}, true, ""},
          {"arborlodge_takeout", {corpus("arborlodge-takeout-derived/feed.atom.gz")}, true, ""},
          {"pelican", {corpus("pelican-fixture-classic-export/bloggerexport.xml")}, true, ""},
          {"program_think_sample", {corpus("program-think-offline/sample")}, true, ""},
          {"program_think_full", {corpus("program-think-offline/program-think-html-2009-2021.tar.gz")}, true,
           "program-think/html"},
          {"rendered_pages", {corpus("blogger-rendered-pages")}, true, ""}};
}

// The blog's sources for a command line, quoted, each followed by a space;
// a tarball is unpacked into `work` first. ASSERTs the unpacking.
inline void blog_sources(const Blog& blog, const std::filesystem::path& work, std::string& sources) {
  for (const auto& s : blog.sources) {
    if (blog.unpacked.empty()) {
      sources += shell_quote(s) + " ";
      continue;
    }
    int unpacked = -1;
    const std::string out = output_of("tar -xzf " + shell_quote(s) + " -C " + shell_quote(work.string()), unpacked);
    ASSERT_EQ(unpacked, 0) << out;
    sources += shell_quote((work / blog.unpacked).string()) + " ";
  }
}

// `var`: the command that runs `generator` (hugo, jekyll, or node for
// Astro, whose package is in .tools/node); fails (in CI) or skips when missing.
#define BLOGSHIFT_REQUIRE_GENERATOR(var, generator)                                              \
  std::string var;                                                                               \
  if ((generator) == "astro") {                                                                  \
    BLOGSHIFT_REQUIRE_TOOL(node_, "node");                                                       \
    BLOGSHIFT_REQUIRE_TOOL(astro_, std::string(BLOGSHIFT_NODE_TOOLS_DIR) + "/node_modules/astro/astro.js"); \
    var = node_;                                                                                 \
  } else {                                                                                       \
    BLOGSHIFT_REQUIRE_TOOL(tool_, generator);                                                    \
    var = tool_;                                                                                 \
  }

struct SiteBuildResult {
  std::filesystem::path site, built;  // the folder blogshift wrote, and the generator's output in it
  int status = -1;                    // the generator's exit status
  std::string command, output;        // what ran, and what it printed
};

// init, run (the sources are already shell-quoted, space-separated) and the
// generator's build, in work/site. ASSERTs the first two.
inline void build_site(const std::string& generator, const std::string& tool, const std::string& sources,
                       const std::filesystem::path& work, bool partial_ok, SiteBuildResult& r) {
  namespace fs = std::filesystem;
  r.site = work / "site";
  auto init = run_command("cli/blogshift", "init --site " + generator + " " + shell_quote(r.site.string()));
  ASSERT_EQ(init.exit_code, 0) << init.err;
  auto run = run_command("cli/blogshift", "run " + sources + "--layout " + generator + " --out " +
                                              shell_quote(r.site.string()) + " --archives tar.gz -q");
  // 1: finished, with problems the report lists (a partial mirror's dead links)
  ASSERT_TRUE(run.exit_code == 0 || (partial_ok && run.exit_code == 1)) << run.exit_code << "\n" << run.err;
  if (generator == "hugo") {
    r.command = shell_quote(tool) + " --source " + shell_quote(r.site.string());
    r.built = r.site / "public";
  } else if (generator == "jekyll") {
    r.command = "cd " + shell_quote(r.site.string()) + " && " + shell_quote(tool) + " build --strict_front_matter";
    r.built = r.site / "_site";
  } else {
    fs::create_directory_symlink(fs::path(BLOGSHIFT_NODE_TOOLS_DIR) / "node_modules", r.site / "node_modules");
    r.command = "cd " + shell_quote(r.site.string()) + " && ASTRO_TELEMETRY_DISABLED=1 " + shell_quote(tool) +
                " node_modules/astro/astro.js build";
    r.built = r.site / "dist";
  }
  r.output = output_of("HOME=" + shell_quote(work.string()) + " " + r.command, r.status);
}

}  // namespace blogshift::testing
