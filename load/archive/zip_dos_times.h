// libarchive's zip writer stores each entry's MS-DOS date and time from
// localtime(), so one archive made under two TZ settings differs in those
// four bytes of every header (its "UT" extra field holds the true UTC time).
// We rewrite them in place to the UTC calendar time, making a zip the same
// bytes on every machine. Only the date/time fields change; no CRC covers them.
#pragma once

#include <cstdint>
#include <string>

namespace blogshift {

// The MS-DOS date (high 16 bits) and time (low 16 bits) of `epoch` in UTC,
// clamped to 1980-01-01 .. 2107-12-31 as libarchive clamps.
uint32_t dos_date_time_utc(int64_t epoch);

// Sets the DOS date/time of every local header and central directory record
// of the zip at `path` (as libarchive wrote it: no archive comment; Zip64
// records understood) to dos_date_time_utc(epoch). Returns whether any byte
// changed. Throws FatalError naming `path` when the file is not such a zip.
bool set_zip_dos_times_utc(const std::string& path, int64_t epoch);

}  // namespace blogshift
