#pragma once

namespace blogshift {

inline constexpr int kStagingSchemaVersion = 2;
extern const char* const kStagingSchemaV1;  // extract's tables
extern const char* const kStagingSchemaV2;  // transform's tables, added to version 1

}  // namespace blogshift
