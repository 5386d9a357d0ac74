// blogshift: the driver. Each subcommand runs a stage library in-process.
#include <CLI/CLI.hpp>

#include "command_line.h"
#include "diagnostics.h"
#include "convert_command.h"
#include "config_file.h"
#include "extract_command.h"
#include "fetch_command.h"
#include "help_command.h"
#include "init_command.h"
#include "load_command.h"
#include "run_command.h"
#include "search_command.h"
#include "status_command.h"
#include "transform_command.h"
#include "verify_command.h"

int main(int argc, char** argv) {
  const std::string prog = "blogshift";
  return blogshift::run_main(prog, [&] {
    CLI::App app{"blogshift: move a Blogger blog to a static site and archive it.\n"
                 "Exit codes: 0 all good, 1 finished with problems, 2 could not run.",
                 prog};
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string("blogshift ") + BLOGSHIFT_VERSION);

    blogshift::ExtractOptions extract;
    auto* extract_cmd = app.add_subcommand("extract", "stage exports, mirrors and WARC files in the staging database");
    blogshift::add_extract_options(*extract_cmd, extract);
    extract_cmd->footer("Example:\n  blogshift extract feed.atom mirror/ crawl.warc.gz --out site/");

    blogshift::FetchCommandOptions fetch;
    auto* fetch_cmd = app.add_subcommand(
        "fetch", "crawl a live Blogger blog politely into a WARC file (or, with --images-only, the images an export's "
                 "posts show)");
    blogshift::add_fetch_options(*fetch_cmd, fetch);
    fetch_cmd->footer("Examples:\n  blogshift fetch https://example.blogspot.com/ --out site/\n"
                      "  blogshift fetch --images-only feed.atom --out site/");

    blogshift::RunOptions run;
    auto* run_cmd = app.add_subcommand("run", "extract, transform and write the site: the whole migration in one command");
    blogshift::add_run_options(*run_cmd, run);
    blogshift::add_config_file(app, *run_cmd);
    run_cmd->footer("Examples:\n  blogshift run feed.atom crawl.warc.gz --out site/ --timezone America/Los_Angeles\n"
                    "  blogshift run https://example.blogspot.com/ --out site/\n"
                    "  blogshift run feed.atom --fetch-images --out site/");

    blogshift::InitOptions init;
    auto* init_cmd = app.add_subcommand(
        "init", "write a commented blogshift.yaml for the blog in the given sources, or (--site) a site skeleton");
    blogshift::add_init_options(*init_cmd, init);
    init_cmd->footer("Examples:\n  blogshift init feed.atom crawl.warc.gz --out site/ && blogshift run\n"
                     "  blogshift init --site hugo site/ && blogshift run feed.atom --layout hugo --out site/ && hugo -s site/");

    blogshift::TransformCommandOptions transform;
    auto* transform_cmd =
        app.add_subcommand("transform", "turn staged posts and pages into Markdown documents with front matter");
    blogshift::add_transform_options(*transform_cmd, transform);

    blogshift::LoadCommandOptions load;
    auto* load_cmd = app.add_subcommand("load", "write the content tree, redirect maps and archives from the staging database");
    blogshift::add_load_options(*load_cmd, load);
    load_cmd->footer("Example:\n  blogshift load --out site/ --redirects nginx,netlify --archives tar.zst,bagit");

    blogshift::ConvertOptions convert;
    auto* convert_cmd = app.add_subcommand("convert", "convert one post body (HTML) to Markdown, to try the rules out");
    blogshift::add_convert_options(*convert_cmd, convert);
    convert_cmd->footer("Example:\n  blogshift convert body.html --dump-ast");

    blogshift::StatusOptions status;
    auto* status_cmd = app.add_subcommand(
      "status", "what the migration holds: items by kind and status, problems, fidelity, and every output load wrote "
                "(site, redirect maps, archives, report) with whether it verified");
    blogshift::add_status_options(*status_cmd, status);
    status_cmd->footer("Example:\n  blogshift status --out site/");

    blogshift::SearchOptions search;
    auto* search_cmd = app.add_subcommand("search", "full-text search over the migrated posts and pages");
    blogshift::add_search_options(*search_cmd, search);
    search_cmd->footer("Examples:\n  blogshift search sourdough starter --out site/\n  blogshift search --fts 'title:bread NOT rye' --out site/");

    blogshift::VerifyOptions verify;
    auto* verify_cmd =
        app.add_subcommand("verify", "re-read every archive, bag, WARC file and redirect map load wrote, check every digest");
    blogshift::add_verify_options(*verify_cmd, verify);
    verify_cmd->footer("Example:\n  blogshift verify --out site/");

    blogshift::HelpOptions help;
    auto* help_cmd = app.add_subcommand("help", "explain a command: blogshift help COMMAND (or --man for the manual page)");
    blogshift::add_help_options(*help_cmd, help);

    if (auto done = blogshift::parse_command_line(app, argc, argv)) return *done;
    if (*extract_cmd) return blogshift::run_extract(prog, extract);
    if (*fetch_cmd) return blogshift::run_fetch_command(prog, fetch);
    if (*run_cmd) return blogshift::run_run(prog, run);
    if (*init_cmd) return blogshift::run_init(prog, init);
    if (*transform_cmd) return blogshift::run_transform_command(prog, transform);
    if (*load_cmd) return blogshift::run_load_command(prog, load);
    if (*verify_cmd) return blogshift::run_verify_command(prog, verify);
    if (*help_cmd) return blogshift::run_help(app, help, BLOGSHIFT_VERSION);
    if (*search_cmd) return blogshift::run_search(search);
    if (*convert_cmd) return blogshift::run_convert(convert);
    return blogshift::run_status(status);
  });
}
