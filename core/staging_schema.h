#pragma once

namespace blogshift {

inline constexpr int kStagingSchemaVersion = 1;
extern const char* const kStagingSchemaV1;

}  // namespace blogshift
