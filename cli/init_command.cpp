#include "init_command.h"

#include <filesystem>
#include <iostream>
#include <sstream>

#include "atomic_file.h"
#include "config_file.h"
#include "errors.h"
#include "extract_command.h"
#include "run_command.h"
#include "site_skeleton.h"
#include "staging_store.h"
#include "text.h"

namespace blogshift {

void add_init_options(CLI::App& app, InitOptions& o) {
  app.add_option("sources", o.sources, "Blogger exports, mirror folders, WARC files (with --site: the site's folder)");
  app.add_option("-o,--out", o.out_dir, "output folder the migration will write")->capture_default_str();
  app.add_option("--file", o.config_path, "the configuration file to write")->capture_default_str();
  app.add_flag("--force", o.force, "replace an existing configuration file (with --site: skeleton files you changed)");
  app.add_option("--site", o.site,
                 "write a minimal site skeleton for this generator into the folder given (config, layouts for posts, "
                 "pages, tags, archives and authors) around the tree `run --layout` writes there")
      ->check(CLI::IsMember({"astro", "hugo", "jekyll"}));
}

namespace {
struct BlogFacts {
  std::string title, zone;
  std::vector<std::string> hosts;
  int64_t posts = 0, pages = 0;
  std::string first, last;
};

BlogFacts look_at_blog(Database& db) {
  BlogFacts facts;
  auto blog = db.prepare(
      "SELECT b.id, COALESCE(b.title, '') FROM blogs b"
      " ORDER BY (SELECT COUNT(*) FROM items i WHERE i.blog_id = b.id) DESC LIMIT 1");
  if (!blog.step()) return facts;
  const std::string id = blog.column_text(0);
  facts.title = blog.column_text(1);
  auto hosts = db.prepare("SELECT host FROM blog_hosts WHERE blog_id = ? ORDER BY host");
  hosts.bind(1, id);
  while (hosts.step()) facts.hosts.push_back(hosts.column_text(0));
  auto zone = db.prepare(
      "SELECT body_html FROM items WHERE blog_id = ? AND kind = 'settings' AND blogger_id = 'settings.BLOG_TIME_ZONE'");
  zone.bind(1, id);
  if (zone.step()) facts.zone = std::string(trim(zone.column_text(0)));
  auto counts = db.prepare(
      "SELECT SUM(kind = 'post'), SUM(kind = 'page'), MIN(published_utc), MAX(published_utc) FROM items"
      " WHERE blog_id = ? AND kind IN ('post', 'page') AND status = 'LIVE'");
  counts.bind(1, id);
  if (counts.step()) {
    facts.posts = counts.column_int(0);
    facts.pages = counts.column_int(1);
    facts.first = counts.column_text(2).substr(0, 10);
    facts.last = counts.column_text(3).substr(0, 10);
  }
  return facts;
}
}  // namespace

namespace {
int write_skeleton(const InitOptions& o) {
  if (o.sources.size() != 1)
    throw FatalError("", "init --site takes one folder, the site's", "blogshift init --site " + o.site + " DIR");
  const std::string& dir = o.sources.front();
  if (std::filesystem::exists(dir) && !std::filesystem::is_directory(dir))
    throw FatalError(dir, "is not a folder", "give the folder the site will be in");
  const SkeletonWritten w = write_site_skeleton(o.site, dir, o.force);
  for (const auto& kept : w.kept)
    std::cerr << "blogshift: kept " << (std::filesystem::path(dir) / kept).string()
              << ": it differs from the skeleton's (--force replaces it)\n";
  const std::string build = o.site == "astro" ? "npm install && npx astro build" : o.site == "hugo" ? "hugo" : "jekyll build";
  std::cout << "wrote the " << o.site << " site skeleton in " << dir << " (" << w.written.size() << " files, "
            << w.kept.size() << " kept)\n"
            << "next: blogshift run SOURCE... --layout " << o.site << " --out " << dir << " && cd " << dir << " && "
            << build << "\n";
  return 0;
}
}  // namespace

int run_init(const std::string& prog, const InitOptions& o) {
  if (!o.site.empty()) return write_skeleton(o);
  if (o.sources.empty()) throw FatalError("", "init needs the blog's sources", "blogshift init SOURCE... --out DIR");
  for (const auto& s : o.sources)
    if (!std::filesystem::exists(s)) throw FatalError(s, "does not exist");
  if (std::filesystem::exists(o.config_path) && !o.force)
    throw FatalError(o.config_path, "already exists; left as it is", "use --force to replace it");
  ExtractOptions extract;
  extract.sources = o.sources;
  extract.out_dir = o.out_dir;
  extract.quiet = true;
  extract.print_summary = false;
  const int code = run_extract(prog, extract);
  if (code == kExitFatal) return code;
  StagingStore store(staging_db_path(o.out_dir, ""));
  const BlogFacts facts = look_at_blog(store.db());

  // The options of `run`, filled in as a command line would fill them, then
  // written out with their help text as comments.
  CLI::App run_app{"", "run"};
  RunOptions run;
  add_run_options(run_app, run);
  std::vector<std::string> args = {"run"};
  for (const auto& s : o.sources) args.push_back(std::filesystem::absolute(s).lexically_normal().string());
  args.push_back("--out");
  args.push_back(o.out_dir);
  if (!facts.zone.empty()) {
    args.push_back("--timezone");
    args.push_back(facts.zone);
  }
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  run_app.parse(static_cast<int>(argv.size()), const_cast<char**>(argv.data()));

  std::ostringstream yaml;
  yaml << "# blogshift.yaml: the options of `blogshift run`, written by `blogshift init`.\n"
       << "# Run the migration with `blogshift run`; any option given on the command line\n"
       << "# wins over this file. Keys are the long option names; a commented key is unset.\n#\n"
       << "# Blog: " << (facts.title.empty() ? "(untitled)" : facts.title) << "\n"
       << "# Old host names: ";
  for (size_t i = 0; i < facts.hosts.size(); ++i) yaml << (i ? ", " : "") << facts.hosts[i];
  if (facts.hosts.empty()) yaml << "(none named in the sources)";
  yaml << "\n# " << facts.posts << " published posts and " << facts.pages << " pages";
  if (!facts.first.empty()) yaml << ", " << facts.first << " to " << facts.last;
  yaml << "\n# Time zone: " << (facts.zone.empty() ? "none in the sources (dates in UTC unless timezone is set)" : facts.zone)
       << "\n\n";
  yaml << YamlConfig(&run_app).to_config(&run_app, true, true, "");
  write_file_atomically(o.config_path, yaml.str());
  std::cout << "wrote " << o.config_path << " for \"" << facts.title << "\" (" << facts.posts << " posts, "
            << facts.pages << " pages); run the migration with: blogshift run\n";
  return code;
}

}  // namespace blogshift
