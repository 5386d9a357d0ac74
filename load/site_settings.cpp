#include "site_settings.h"

namespace blogshift {

std::string site_setting(Database& db, const char* key) {
  auto q = db.prepare("SELECT value FROM site_settings WHERE key = ?");
  q.bind(1, key);
  return q.step() ? q.column_text(0) : std::string();
}

}  // namespace blogshift
