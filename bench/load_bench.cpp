// Load benchmark: how long the load stage takes, and how fast each of its
// steps runs, next to the programs a person would otherwise use. For each
// input given (one or more sources of one blog, comma-separated) it stages
// the sources into a temporary staging database (extract, then transform
// with comments; timed, not part of the load), then measures:
//
//   load           run_load with every redirect map and every archive format,
//                  verification and report included, into a fresh folder
//   content tree   write_content_tree into a fresh folder
//   redirect maps  write_redirect_maps, all six formats
//   tar.gz, tar.zst, zip   write_archive of the tree and the maps (each file
//                  hashed for MANIFEST.sha256 and packed in one pass), then
//                  verify_archive (read back, every entry hashed)
//   bag            write_bag of the tree, the maps and the sources (hashed
//                  and copied), then verify_bag
//   WARC           write_sources_warc (+ CDXJ), then verify_warc
//   report         write_report
//
// MB/s is always of the payload: the bytes of the files that go in (for the
// WARC, its record blocks), for writing and for verifying alike, so a row
// and its peer divide the same number. Each step is repeated until it has
// taken half a second and timed per run (wall clock). Peers, each when found
// on PATH, on the same files: GNU tar piped to gzip -6 / zstd -3, `zip -6`,
// Python's zipfile (deflate 6); for verifying, `tar -x` + `sha256sum -c` on
// blogshift's own tarballs, `unzip -t`, `sha256sum -c` on the bag's
// manifest, and `gzip -dc | sha1sum` on the WARC file (the floor of reading
// it and digesting every byte once).
//
// Usage: load_bench [--keep DIR] [NAME=]SOURCE[,SOURCE...]...
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "archive_entries.h"
#include "archive_verifier.h"
#include "archive_writer.h"
#include "bag_verifier.h"
#include "bagit_writer.h"
#include "content_tree_writer.h"
#include "extractor.h"
#include "load_stage.h"
#include "redirect_maps.h"
#include "report_writer.h"
#include "sources_warc_writer.h"
#include "staging_store.h"
#include "transform_stage.h"
#include "warc_verifier.h"

namespace fs = std::filesystem;
using namespace blogshift;

namespace {

double now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Seconds per run of `fn`, repeated until `min_seconds` have passed (at least once).
double timed(const std::function<void()>& fn, double min_seconds = 0.5) {
  int runs = 0;
  const double start = now();
  double elapsed = 0;
  do {
    fn();
    ++runs;
    elapsed = now() - start;
  } while (elapsed < min_seconds);
  return elapsed / runs;
}

std::string quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

bool on_path(const std::string& tool) {
  return std::system(("command -v " + tool + " >/dev/null 2>&1").c_str()) == 0;
}

// Seconds per run of a shell command (repeated like timed()); negative when it fails.
double timed_shell(const std::string& command) {
  bool ok = true;
  const std::string line = "bash -c " + quote("set -e -o pipefail; " + command);
  const double s = timed([&] { ok = ok && std::system(line.c_str()) == 0; });
  return ok ? s : -1;
}

int64_t bytes_of(const std::vector<ArchiveEntry>& entries) {
  int64_t n = 0;
  for (const auto& e : entries) n += e.source_path.empty() ? static_cast<int64_t>(e.bytes.size())
                                                            : static_cast<int64_t>(fs::file_size(e.source_path));
  return n;
}

void header() {
  std::printf("%-30s %9s %8s %9s  | %-34s %9s %9s\n", "step", "MB", "seconds", "MB/s", "peer", "seconds", "MB/s");
}

void row(const std::string& step, double mb, double seconds, const std::string& peer = "", double peer_seconds = 0) {
  std::printf("%-30s %9.1f %8.3f %9.1f  |", step.c_str(), mb, seconds, mb / seconds);
  if (peer.empty()) std::printf("\n");
  else if (peer_seconds < 0) std::printf(" %-34s %9s %9s\n", peer.c_str(), "failed", "");
  else std::printf(" %-34s %9.3f %9.1f\n", peer.c_str(), peer_seconds, mb / peer_seconds);
  std::fflush(stdout);
}

// A peer row under a blogshift row (same step, same MB).
void peer_row(double mb, const std::string& peer, double seconds) {
  std::printf("%-30s %9s %8s %9s  |", "", "", "", "");
  if (seconds < 0) std::printf(" %-34s %9s\n", peer.c_str(), "failed");
  else std::printf(" %-34s %9.3f %9.1f\n", peer.c_str(), seconds, mb / seconds);
  std::fflush(stdout);
}

void bench(const std::string& name, const std::vector<std::string>& sources, const fs::path& work) {
  const fs::path db_path = work / "staging.db";
  StagingStore store(db_path.string());
  Database& db = store.db();
  {
    const double t0 = now();
    Extractor extractor(store, nullptr);
    for (const auto& s : sources) extractor.extract(s);
    TransformOptions options;
    options.comments_file = true;
    run_transform(db, options);
    std::printf("\n== %s: staged in %.2f s (extract and transform; not part of the load)\n", name.c_str(), now() - t0);
  }
  const int64_t epoch = archive_epoch(db, std::nullopt);

  // The whole stage, once, in a fresh folder.
  {
    LoadOptions o;
    o.out_dir = (work / "load").string();
    o.archive_formats = {"tar.gz", "tar.zst", "zip", "bagit", "warc"};
    const double t0 = now();
    const LoadReport r = run_load(db, o);
    const double seconds = now() - t0;
    std::printf("load (run_load, all maps and archives, verified, report): %.3f s; %lld documents, %lld other files, "
                "%.1f MB tree; %zu outputs\n",
                seconds, static_cast<long long>(r.tree.documents), static_cast<long long>(r.tree.files),
                static_cast<double>(r.tree.bytes) / 1e6, r.outputs.size());
    for (const auto& w : r.warnings) std::printf("  warning: %s\n", w.c_str());
  }
  header();

  const fs::path out = work / "steps";
  TreeReport tree;
  const double tree_s = timed([&] {
    fs::remove_all(out / "content");
    db.exec("DELETE FROM written_files");
    tree = write_content_tree(db, out.string());
  });
  row("content tree", static_cast<double>(tree.bytes) / 1e6, tree_s);

  RedirectMapsReport maps;
  const double maps_s = timed([&] { maps = write_redirect_maps(db, (out / "redirects").string(), {}); });
  int64_t map_bytes = 0;
  for (const auto& f : maps.files) map_bytes += static_cast<int64_t>(fs::file_size(f.path));
  row("redirect maps (" + std::to_string(maps.files.size()) + " files)", static_cast<double>(map_bytes) / 1e6, maps_s);

  std::vector<ArchiveEntry> entries = list_folder((out / "content").string(), "content/");
  for (auto& e : list_folder((out / "redirects").string(), "redirects/")) entries.push_back(std::move(e));
  const double tree_mb = static_cast<double>(bytes_of(entries)) / 1e6;
  const std::string cd = "cd " + quote(out.string()) + " && ";
  const fs::path peer_dir = work / "peers";
  fs::create_directories(peer_dir);
  const bool have_tar = on_path("tar"), have_sha256sum = on_path("sha256sum");

  for (const auto format : {ArchiveFormat::kTarGz, ArchiveFormat::kTarZst, ArchiveFormat::kZip}) {
    const std::string kind = archive_kind(format);
    const std::string path = (work / "archives" / ("site." + kind)).string();
    ArchiveResult a;
    const double write_s = timed([&] { a = write_archive(path, format, entries, epoch); });
    std::printf("%-30s %9.1f %8.3f %9.1f  |  -> %.1f MB, %lld entries\n", (kind + " write").c_str(), tree_mb, write_s,
                tree_mb / write_s, static_cast<double>(a.size) / 1e6, static_cast<long long>(a.entries));
    const std::string peer_out = quote((peer_dir / ("peer." + kind)).string());
    if (format == ArchiveFormat::kTarGz && have_tar && on_path("gzip"))
      peer_row(tree_mb, "GNU tar | gzip -6", timed_shell(cd + "tar -cf - content redirects | gzip -6 > " + peer_out));
    if (format == ArchiveFormat::kTarZst && have_tar && on_path("zstd"))
      peer_row(tree_mb, "GNU tar | zstd -3", timed_shell(cd + "tar -cf - content redirects | zstd -3 -q -T1 > " + peer_out));
    if (format == ArchiveFormat::kZip) {
      if (on_path("zip"))
        peer_row(tree_mb, "zip -6 -r", timed_shell(cd + "rm -f " + peer_out + " && zip -q -6 -r " + peer_out + " content redirects"));
      if (on_path("python3"))
        peer_row(tree_mb, "python3 zipfile (deflate 6)",
                 timed_shell(cd + "python3 -c 'import os,sys,zipfile\n"
                                  "with zipfile.ZipFile(sys.argv[1],\"w\",zipfile.ZIP_DEFLATED,compresslevel=6) as z:\n"
                                  " for top in (\"content\",\"redirects\"):\n"
                                  "  for d,_,fs in os.walk(top):\n"
                                  "   for f in sorted(fs): z.write(os.path.join(d,f))' " + peer_out));
    }
    VerifyResult v;
    const double verify_s = timed([&] { v = verify_archive(path, {a.sha256, a.entries}); });
    row(kind + " verify" + (v.ok ? "" : " (FAILED)"), tree_mb, verify_s);
    const std::string x = quote((peer_dir / "x").string());
    const std::string root = quote((peer_dir / "x" / a.root).string());
    if (format != ArchiveFormat::kZip && have_tar && have_sha256sum)
      peer_row(tree_mb, std::string("tar -x") + (format == ArchiveFormat::kTarZst ? " --zstd" : "z") + " + sha256sum -c",
               timed_shell("rm -rf " + x + " && mkdir -p " + x + " && tar -x" +
                           (format == ArchiveFormat::kTarZst ? "f " + quote(path) + " --zstd" : "zf " + quote(path)) +
                           " -m -C " + x + " && cd " + root + " && sha256sum -c --quiet MANIFEST.sha256"));
    if (format == ArchiveFormat::kZip && on_path("unzip"))
      peer_row(tree_mb, "unzip -tq (CRC-32 only)", timed_shell("unzip -tq " + quote(path) + " >/dev/null"));
    if (format == ArchiveFormat::kZip && on_path("python3"))
      peer_row(tree_mb, "python3 zipfile testzip (CRC-32)",
               timed_shell("python3 -c 'import sys,zipfile; sys.exit(zipfile.ZipFile(sys.argv[1]).testzip() is not None)' " +
                           quote(path)));
  }

  std::vector<ArchiveEntry> payload = entries;
  auto rows = db.prepare("SELECT path FROM sources ORDER BY path");
  for (int n = 1; rows.step(); ++n) {
    const fs::path source = rows.column_text(0);
    const std::string prefix = "sources/" + std::to_string(n) + "-" + source.filename().string();
    if (fs::is_directory(source)) {
      for (auto& e : list_folder(source.string(), prefix + "/")) payload.push_back(std::move(e));
    } else if (fs::is_regular_file(source)) {
      payload.push_back(ArchiveEntry::file(prefix, source.string()));
    }
  }
  const double bag_mb = static_cast<double>(bytes_of(payload)) / 1e6;
  const std::string bag = (work / "archives" / "bag").string();
  BagResult b;
  row("bag write (" + std::to_string(payload.size()) + " files)",  bag_mb,
      timed([&] { b = write_bag(bag, payload, {}, epoch); }));
  if (have_sha256sum)
    peer_row(bag_mb, "sha256sum of the payload (no copy)",
             timed_shell("cd " + quote(bag) + " && find data -type f -print0 | xargs -0 sha256sum >/dev/null"));
  row(std::string("bag verify") + (verify_bag(bag).ok ? "" : " (FAILED)"), bag_mb, timed([&] { verify_bag(bag); }),
      have_sha256sum ? "sha256sum -c manifest-sha256.txt" : "",
      have_sha256sum ? timed_shell("cd " + quote(bag) + " && sha256sum -c --quiet manifest-sha256.txt") : 0);

  const std::string warc = (work / "archives" / "sources.warc.gz").string();
  const std::string cdxj = (work / "archives" / "sources.cdxj").string();
  WarcReport w;
  WarcOptions wo;
  wo.date_epoch = epoch;
  const double warc_s = timed([&] { w = write_sources_warc(db, warc, cdxj, wo); });
  const double warc_mb = static_cast<double>(w.input_bytes) / 1e6;
  std::printf("%-30s %9.1f %8.3f %9.1f  |  -> %.1f MB, %lld records\n", "WARC write (+ CDXJ)", warc_mb, warc_s,
              warc_mb / warc_s, static_cast<double>(w.bytes) / 1e6, static_cast<long long>(w.records));
  const bool warc_ok = verify_warc(warc, cdxj).ok;
  row(std::string("WARC verify (+ CDXJ)") + (warc_ok ? "" : " (FAILED)"), warc_mb,
      timed([&] { verify_warc(warc, cdxj); }), on_path("sha1sum") ? "gzip -dc | sha1sum (floor)" : "",
      on_path("sha1sum") ? timed_shell("gzip -dc " + quote(warc) + " | sha1sum >/dev/null") : 0);

  const double report_s = timed([&] { write_report(db, (work / "report").string()); });
  std::printf("%-30s %9s %8.3f\n", "report (html + json)", "", report_s);
}

}  // namespace

int main(int argc, char** argv) {
  std::string keep;
  std::vector<std::pair<std::string, std::vector<std::string>>> inputs;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--keep" && i + 1 < argc) {
      keep = argv[++i];
      continue;
    }
    std::string name;
    if (const auto eq = arg.find('='); eq != std::string::npos && arg.find('/') > eq) {
      name = arg.substr(0, eq);
      arg = arg.substr(eq + 1);
    }
    std::vector<std::string> sources;
    for (size_t start = 0; start <= arg.size();) {
      const size_t comma = std::min(arg.find(',', start), arg.size());
      if (comma > start) sources.push_back(arg.substr(start, comma - start));
      start = comma + 1;
    }
    if (name.empty()) name = fs::path(sources.front()).filename().string();
    inputs.emplace_back(name, sources);
  }
  if (inputs.empty()) {
    std::fprintf(stderr, "usage: load_bench [--keep DIR] [NAME=]SOURCE[,SOURCE...]...\n");
    return 2;
  }
  const fs::path base = keep.empty() ? fs::temp_directory_path() / ("blogshift-load-bench-" + std::to_string(getpid()))
                                     : fs::path(keep);
  try {
    for (const auto& [name, sources] : inputs) {
      const fs::path work = base / name;
      fs::remove_all(work);
      fs::create_directories(work);
      bench(name, sources, work);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "load_bench: %s\n", e.what());
    if (keep.empty()) fs::remove_all(base);
    return 1;
  }
  if (keep.empty()) fs::remove_all(base);
  return 0;
}
