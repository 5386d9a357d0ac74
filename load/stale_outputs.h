// Outputs of formats a re-run no longer asks for. When `blogshift load` ran
// before with more redirect map formats (--redirects) or archive formats
// (--archives) than it is given now, the files of the dropped formats that
// load itself wrote, as the `outputs` table recorded them, are removed and
// their rows dropped, so the output folder holds what a fresh run would
// write (and the tarballs of redirects/ no longer carry old maps).
//
// Only what blogshift wrote goes, and only as it wrote it:
//   - a file (map, tarball, zip, WARC, CDXJ) goes when its SHA-256 is still
//     the one recorded; changed since, it is kept and named in a warning;
//   - a bag folder: its tag manifest must still have the digest recorded in
//     the row's detail; then the tag files it lists and the payload files
//     manifest-sha256.txt lists go when their digests match, and folders
//     left empty go too. Anything else in the bag stays (and is named).
// Either way the row is dropped: what is left is no longer load's output.
#pragma once

#include <string>
#include <vector>

#include "load_stage.h"
#include "sqlite_db.h"

namespace blogshift {

// Removes the outputs recorded for formats `options` no longer asks for (a
// redirect map by the "format" in its detail, an archive by its kind; a
// CDXJ index goes with its WARC file) as described above, with one warning
// per output kept whole or in part. Returns the outputs whose rows were
// dropped (relative paths, in path order).
std::vector<std::string> remove_dropped_outputs(Database& db, const LoadOptions& options,
                                                std::vector<std::string>& warnings);

}  // namespace blogshift
