// `blogshift fetch URL... --out DIR`: crawl a live Blogger blog into
// DIR/sources/<host>-<timestamp>.warc.gz, and `--images-only`: fetch only the
// images and attachments the staged posts reference (an export's), into
// DIR/sources/<host>-images-<timestamp>.warc.gz. `run` uses the same pieces
// for a URL given as a source and for --fetch-images.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "crawl/crawl_options.h"
#include "crawl/crawl_report.h"
#include "stage_log.h"

namespace blogshift {

struct FetchTuning {
  int concurrency = 4;
  double rate = 4.0;
  bool ignore_robots = false;
  bool no_mobile = false;
  std::string user_agent;
  std::vector<std::string> resolve;
  std::vector<std::string> connect_to;
  std::string proxy;
  std::string ca_file;
  double timeout = 30;          // read timeout, seconds
  double connect_timeout = 15;  // seconds
  int64_t max_size = int64_t{256} << 20;
  int retries = 4;
  double retry_base = 1.0;
  double max_retry_wait = 120;
  int64_t max_urls = 200000;
};

struct FetchCommandOptions {
  std::vector<std::string> inputs;  // URLs; with --images-only, sources to extract first (may be none)
  std::string out_dir = ".";
  std::string db_path;
  bool images_only = false;
  bool quiet = false;
  bool verbose = false;
  FetchTuning tuning;
};

// The options `fetch` and `run` share (politeness, transport, limits).
void add_fetch_tuning_options(CLI::App& app, FetchTuning& tuning);
void add_fetch_options(CLI::App& app, FetchCommandOptions& options);
int run_fetch_command(const std::string& prog, const FetchCommandOptions& options);

// True for an http:// or https:// argument (a source that is a live blog).
bool is_url_source(const std::string& text);

struct FetchStep {
  std::string warc_path;  // the WARC file written or resumed ('' when nothing was asked)
  int exit_code = 0;      // 0, or 1 when URLs failed
};

// Crawls `urls` into OUT/sources/, records the outcome in the staging
// database, prints the summary line. For `fetch` and for `run URL`.
FetchStep fetch_blog(const std::string& prog, const std::vector<std::string>& urls, const std::string& out_dir,
                     const std::string& db_path, const FetchTuning& tuning, const StageLog& log);
// Fetches the images and attachments the staged posts and pages reference.
FetchStep fetch_staged_images(const std::string& prog, const std::string& out_dir, const std::string& db_path,
                              const FetchTuning& tuning, const StageLog& log);

}  // namespace blogshift
