// `blogshift run SOURCE... --out DIR`: extract, transform and load
// in-process, then say where everything is.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "extract_command.h"
#include "fetch_command.h"
#include "load_command.h"
#include "transform_stage.h"

namespace blogshift {

struct RunOptions {
  ExtractOptions extract;
  TransformOptions transform;
  std::string extra_fields;
  LoadCommandOptions load;
  FetchTuning fetch;        // for URL sources and --fetch-images
  bool fetch_images = false;  // fetch the images the staged posts reference (after an export)
  bool dry_run = false;  // stage and convert in a scratch copy, say what load would do, write nothing
};

void add_run_options(CLI::App& app, RunOptions& options);
int run_run(const std::string& prog, RunOptions options);

}  // namespace blogshift
