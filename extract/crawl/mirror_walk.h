// The one walk over a mirror folder. The mirror reader reads the files it
// lists and the extractor digests the same list (describe_source), so what
// was read and what the source's SHA-256 covers cannot disagree.
//
// Rules: folders are entered, never through a symbolic link (no loops); a
// symbolic link is followed only to a regular file inside the folder; links
// that leave the folder, links to folders and anything that is neither a file
// nor a folder (FIFO, socket, device) are listed as skipped; whatever cannot
// be listed or resolved is listed as unreadable, and the walk goes on with
// the rest.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <system_error>
#include <vector>

namespace blogshift {

// Something the walk met that is not a file to read.
struct MirrorWalkIssue {
  enum class Kind {
    Unreadable,  // a folder that cannot be listed (or whose listing broke off),
                 // an entry whose type cannot be read, a broken or looping link
    Skipped,     // deliberately not read (see the rules above)
  };
  Kind kind = Kind::Unreadable;
  std::filesystem::path path;
  bool folder = false;  // `path` is a folder: its contents are lost (Unreadable) or not followed (Skipped)
  std::string reason;
};

struct MirrorWalk {
  std::filesystem::path root;                // the folder, absolute and canonical
  std::vector<std::filesystem::path> files;  // regular files (or links to one inside), sorted
  std::vector<MirrorWalkIssue> issues;       // sorted by path
};

// Where the walk can fail. Tests inject failures through a MirrorWalkFault
// (they run as root, so permissions alone would not make these happen): a
// non-zero error_code returned for a step makes that step fail as if the
// system had said so.
enum class MirrorWalkStep {
  OpenFolder,  // path: the folder about to be listed
  NextEntry,   // path: the entry just read; moving past it fails
  EntryType,   // path: the entry whose type is about to be read
};
using MirrorWalkFault = std::function<std::error_code(MirrorWalkStep step, const std::filesystem::path& path)>;

// Throws FatalError when `folder` is not a folder or the folder itself
// cannot be listed; every other failure is an issue.
MirrorWalk walk_mirror(const std::string& folder, const MirrorWalkFault& fault = {});

}  // namespace blogshift
