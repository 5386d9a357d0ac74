// The minimal site skeletons `blogshift init --site astro|hugo|jekyll DIR`
// writes around a migrated content tree: the generator's configuration and
// layouts for posts, pages, tags, archives and authors (listing pages), a
// 404, no feed of their own (load writes the feed). Their files are kept in
// fixtures/sites/<layout>/ and built into the binary
// (cli/embed_site_skeletons.cmake); the site-build tests build the sample
// blog and the corpus with the real generators from them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace blogshift {

struct SkeletonFile {
  std::string_view path;   // <layout>/<path in the site>
  std::string_view bytes;
};

// Every embedded file, sorted by path (generated).
const std::vector<SkeletonFile>& embedded_site_files();

// The files of one layout, their paths relative to the site; empty when the
// layout has no skeleton.
std::vector<SkeletonFile> site_skeleton(std::string_view layout);

struct SkeletonWritten {
  std::vector<std::string> written, kept;  // paths in the site
};

// Writes the layout's skeleton into `dir` (created when missing), each file
// atomically. A file already there with other bytes is kept unless `force`
// (the person's own site); one with the same bytes counts as written.
SkeletonWritten write_site_skeleton(std::string_view layout, const std::string& dir, bool force);

}  // namespace blogshift
