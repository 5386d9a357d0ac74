// Helpers for the archive and bag tests: deterministic inputs, reading an
// archive back with libarchive directly (not through our verifier), flipping
// bytes, and running outside programs through the shell.
#pragma once

#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "archive_entries.h"
#include "libarchive_handles.h"
#include "temp_file.h"
#include "test_paths.h"

namespace blogshift::testing {

// A fresh folder for one test (test_paths.h's temp_dir), removed with all
// it holds when the test ends: these tests write megabytes.
class ScratchDir {
public:
  explicit ScratchDir(const std::string& name) : path_(temp_dir(name)) {}
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  operator const std::filesystem::path&() const { return path_; }
  std::filesystem::path operator/(const std::string& part) const { return path_ / part; }

private:
  std::filesystem::path path_;
};

// `n` bytes from a fixed-seed Mersenne twister (its sequence is fixed by the C++ standard).
inline std::string random_bytes(unsigned seed, size_t n) {
  std::mt19937 gen(seed);
  std::string out(n, '\0');
  for (auto& c : out) c = static_cast<char>(gen() & 0xFF);
  return out;
}

// Text that compresses well, different per seed.
inline std::string text_bytes(unsigned seed, size_t lines) {
  std::string out;
  for (size_t i = 0; i < lines; ++i)
    out += "Line " + std::to_string(i) + " of post " + std::to_string(seed) + ": the quick brown fox jumps.\n";
  return out;
}

// A small blog-like tree on disk under `dir` and the entries naming it: text
// files, a nested folder, an empty file, a non-ASCII name, and one 1 MiB
// incompressible "photo" (stored as-is inside the compressed streams, so a
// flipped byte there changes only that entry's content).
inline std::vector<ArchiveEntry> sample_entries(const std::filesystem::path& dir) {
  write_file(dir / "posts/first/index.md", text_bytes(1, 40));
  write_file(dir / "posts/first/photo.jpg", random_bytes(7, 1 << 20));
  write_file(dir / "posts/second/index.md", text_bytes(2, 60));
  write_file(dir / "pages/about/index.md", text_bytes(3, 10));
  write_file(dir / "empty.txt", "");
  write_file(dir / "posts/caf\xC3\xA9/index.md", text_bytes(4, 5));
  std::vector<ArchiveEntry> entries;
  for (const char* name : {"posts/first/index.md", "posts/first/photo.jpg", "posts/second/index.md",
                           "pages/about/index.md", "empty.txt", "posts/caf\xC3\xA9/index.md"})
    entries.push_back(ArchiveEntry::file(std::string("content/") + name, (dir / name).string()));
  entries.push_back(ArchiveEntry::memory("redirects/nginx.conf", "map $uri $new { /a /b; }\n"));
  return entries;
}

struct ReadEntry {
  std::string name;
  unsigned type = 0, perm = 0;
  int64_t uid = -1, gid = -1, mtime = -1;
  std::string uname, gname;
  bool atime_set = false, ctime_set = false;
  std::string bytes;
};

// Every entry of an archive, in order, read with libarchive directly (in a
// UTF-8 locale, as libarchive needs to hand out UTF-8 names).
inline std::vector<ReadEntry> read_archive(const std::string& path) {
  const Utf8LocaleScope utf8;
  std::vector<ReadEntry> out;
  archive* a = archive_read_new();
  archive_read_support_filter_all(a);
  archive_read_support_format_all(a);
  EXPECT_EQ(archive_read_open_filename(a, path.c_str(), 65536), ARCHIVE_OK) << archive_error_string(a);
  archive_entry* e;
  while (archive_read_next_header(a, &e) == ARCHIVE_OK) {
    ReadEntry r;
    const char* name = archive_entry_pathname_utf8(e);
    r.name = name ? name : "";
    r.type = archive_entry_filetype(e);
    r.perm = archive_entry_perm(e);
    r.uid = archive_entry_uid(e);
    r.gid = archive_entry_gid(e);
    r.mtime = archive_entry_mtime(e);
    r.uname = archive_entry_uname(e) ? archive_entry_uname(e) : "";
    r.gname = archive_entry_gname(e) ? archive_entry_gname(e) : "";
    r.atime_set = archive_entry_atime_is_set(e);
    r.ctime_set = archive_entry_ctime_is_set(e);
    char buffer[65536];
    la_ssize_t n;
    while ((n = archive_read_data(a, buffer, sizeof buffer)) > 0) r.bytes.append(buffer, static_cast<size_t>(n));
    out.push_back(std::move(r));
  }
  archive_read_free(a);
  return out;
}

// Replaces the byte at `offset` by `value` (default: its bits inverted).
inline void set_byte(const std::string& path, size_t offset, int value = -1) {
  std::string bytes = read_file(path);
  ASSERT_LT(offset, bytes.size());
  bytes[offset] = value < 0 ? static_cast<char>(~bytes[offset]) : static_cast<char>(value);
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

inline bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Every file under `dir` by its '/'-separated path relative to `dir`, with its bytes.
inline std::map<std::string, std::string> tree(const std::filesystem::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
    if (e.is_regular_file()) out[e.path().lexically_relative(dir).generic_string()] = read_file(e.path());
  return out;
}

struct ShellResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

// Runs `command` with /bin/sh, stdout and stderr captured together.
inline ShellResult shell(const std::string& command) {
  ShellResult r;
  FILE* p = ::popen(("(" + command + ") 2>&1 </dev/null").c_str(), "r");
  if (!p) return r;
  char buffer[4096];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, p)) > 0) r.output.append(buffer, n);
  const int status = ::pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

}  // namespace blogshift::testing
