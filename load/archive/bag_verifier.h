// Checks that a folder is a valid BagIt bag (RFC 8493) whose SHA-256
// manifests hold: bagit.txt says a BagIt version and UTF-8; every line of
// tagmanifest-sha256.txt names a tag file that is there with that digest;
// manifest-sha256.txt exists and each of its lines names a file under data/
// that is there with that digest; no file under data/ is left out of it
// (nor is anything there but files and folders); and bag-info.txt's
// Payload-Oxum, when given, matches the payload's bytes and file count.
// Manifests of other algorithms are not checked.
//
// Problems are ordered bagit.txt, tag manifest, payload manifest (in its
// line order), unlisted payload files, Payload-Oxum; the first names
// VerifyResult::first_bad_entry as a path relative to the bag
// ("data/posts/x/index.md", "manifest-sha256.txt").
#pragma once

#include <string>

#include "verify_result.h"

namespace blogshift {

// Never throws for a bad bag: every finding is in the result.
VerifyResult verify_bag(const std::string& dir);

}  // namespace blogshift
