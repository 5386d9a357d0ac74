#pragma once

namespace blogshift {

inline constexpr int kStagingSchemaVersion = 9;
extern const char* const kStagingSchemaV1;  // extract's tables
extern const char* const kStagingSchemaV2;  // transform's tables, added to version 1
extern const char* const kStagingSchemaV3;  // load's tables, added to version 2
extern const char* const kStagingSchemaV4;  // incremental transform, added to version 3
extern const char* const kStagingSchemaV5;  // fetch's tables, added to version 4
extern const char* const kStagingSchemaV6;  // feed evidence (export 3 -> 4, items.body_evidence), added to version 5
extern const char* const kStagingSchemaV7;  // the site transform planned (site_settings), added to version 6
extern const char* const kStagingSchemaV8;  // site authors (authors.avatar, site_authors), added to version 7
extern const char* const kStagingSchemaV9;  // listing pages (site_listings), added to version 8

}  // namespace blogshift
