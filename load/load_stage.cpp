#include "load_stage.h"

#include <cstdlib>
#include <ctime>

#include "errors.h"
#include "search_index.h"
#include "text.h"

namespace blogshift {

namespace {
// Seconds since 1970 of "YYYY-MM-DDTHH:MM:SS...Z" (the staged UTC form).
std::optional<int64_t> utc_seconds(const std::string& utc) {
  if (utc.size() < 19) return std::nullopt;
  std::tm tm{};
  tm.tm_year = std::atoi(utc.substr(0, 4).c_str()) - 1900;
  tm.tm_mon = std::atoi(utc.substr(5, 2).c_str()) - 1;
  tm.tm_mday = std::atoi(utc.substr(8, 2).c_str());
  tm.tm_hour = std::atoi(utc.substr(11, 2).c_str());
  tm.tm_min = std::atoi(utc.substr(14, 2).c_str());
  tm.tm_sec = std::atoi(utc.substr(17, 2).c_str());
  const time_t t = timegm(&tm);
  if (t < 0) return std::nullopt;
  return static_cast<int64_t>(t);
}
}  // namespace

int64_t archive_epoch(Database& db, const std::optional<int64_t>& given) {
  if (given) return *given;
  if (const char* env = std::getenv("SOURCE_DATE_EPOCH"); env && *env) {
    if (!all_ascii_digits(env)) throw UsageError(std::string("SOURCE_DATE_EPOCH is not a number of seconds: ") + env);
    return std::strtoll(env, nullptr, 10);
  }
  auto newest = db.prepare(
      "SELECT MAX(MAX(COALESCE(updated_utc, ''), COALESCE(published_utc, ''))) FROM items"
      " WHERE kind IN ('post','page','comment')");
  if (newest.step() && !newest.column_is_null(0)) {
    if (auto seconds = utc_seconds(newest.column_text(0))) return *seconds;
  }
  return 0;
}

LoadReport run_load(Database& db, const LoadOptions& options) {
  LoadReport report;
  report.epoch = archive_epoch(db, options.epoch);
  report.tree = write_content_tree(db, options.out_dir, options.overwrite, options.dry_run);
  report.searchable = rebuild_search_index(db);
  return report;
}

}  // namespace blogshift
